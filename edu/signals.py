"""Keep the cached header and language links right: drop them when pages or the setting change."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import SiteNavigation
from .templatetags.edu_tags import forget_links


def forget_navigation(**kwargs):
    forget_links()


for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
    signal.connect(forget_navigation, dispatch_uid=f"kinwise_nav_{signal!r}")


@receiver(post_save, sender=SiteNavigation, dispatch_uid="kinwise_nav_setting")
@receiver(post_delete, sender=Page, dispatch_uid="kinwise_nav_page_deleted")
@receiver(post_save, sender=Site, dispatch_uid="kinwise_nav_site")
@receiver(post_save, sender=Locale, dispatch_uid="kinwise_nav_locale")
def _forget(sender, **kwargs):
    forget_navigation()


@receiver(post_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="kinwise_erase_traces")
def _erase_traces(sender, instance, **kwargs):
    # However the account goes (My data, the admin, a shell), nothing else keeps pointing at it.
    from .personal_data import erase_traces

    erase_traces(instance)

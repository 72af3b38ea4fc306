"""Keep the cached header links right: drop them when pages or the setting change."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import SiteNavigation
from .templatetags.edu_tags import NAV_CACHE_KEY


def forget_navigation(**kwargs):
    cache.delete_many(
        [NAV_CACHE_KEY.format(site_id=pk) for pk in Site.objects.values_list("pk", flat=True)]
    )


for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
    signal.connect(forget_navigation, dispatch_uid=f"kinwise_nav_{signal!r}")


@receiver(post_save, sender=SiteNavigation, dispatch_uid="kinwise_nav_setting")
@receiver(post_delete, sender=Page, dispatch_uid="kinwise_nav_page_deleted")
@receiver(post_save, sender=Site, dispatch_uid="kinwise_nav_site")
def _forget(sender, **kwargs):
    forget_navigation()

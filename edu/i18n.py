"""Wagtail's active-locale lookup, from the cache.

With ``WAGTAIL_I18N_ENABLED``, Wagtail serves every page from the site's home page in the
active language (``site.root_page.localized``), which looks the active language's ``Locale``
up with a query on every request. Locales almost never change, and learner pages have a
query budget (DESIGN.md), so :func:`active_locale` keeps the id in the cache (no query on a
hit) and the cache entry is dropped whenever a locale is saved or deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

LOCALE_CACHE_KEY = "kinwise:locale:{code}"
LOCALE_TIMEOUT = 60 * 60


def active_locale(cls=Locale):
    """What ``Locale.get_active()`` returns, without a query when the cache knows it."""
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return cls.get_default()
    key = LOCALE_CACHE_KEY.format(code=code)
    pk = cache.get(key)
    if pk is None:
        try:
            locale = cls.objects.get(language_code=code)
        except cls.DoesNotExist:
            return cls.get_default()
        cache.set(key, locale.pk, LOCALE_TIMEOUT)
        return locale
    locale = cls(pk=pk, language_code=code)
    locale._state.adding = False
    locale._state.db = "default"
    return locale


def forget_locales(**kwargs) -> None:
    cache.delete_many(
        [LOCALE_CACHE_KEY.format(code=code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    )


def install() -> None:
    Locale.get_active = classmethod(active_locale)
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="kinwise_forget_locales")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="kinwise_forget_locales_del")

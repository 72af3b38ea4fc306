import secrets

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

register = template.Library()

# Header links and language links are cached under a version that edu.signals replaces
# whenever a page is published, unpublished, moved or deleted, or the setting or a site is
# saved: old entries are never read again and expire.
LINKS_VERSION_KEY = "kinwise:site-links:version"
NAV_CACHE_KEY = "kinwise:site-navigation:{version}:{site_id}:{language}"
LANGUAGES_CACHE_KEY = "kinwise:page-languages:{version}:{site_id}:{page_id}"
LINKS_TIMEOUT = 60 * 60


def links_version() -> str:
    version = cache.get(LINKS_VERSION_KEY)
    if version is None:
        cache.add(LINKS_VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = cache.get(LINKS_VERSION_KEY)
    return version


def forget_links() -> None:
    """Make every cached header and language link stale."""
    cache.set(LINKS_VERSION_KEY, secrets.token_hex(8), timeout=None)


@register.simple_tag(takes_context=True)
def site_navigation(context) -> dict:
    """The header's links (course catalogue, help page), from the cache when possible.

    Every page shows them, so they are cached per site and language and dropped whenever a
    page is published, unpublished, moved or deleted, or the setting is saved (edu.signals).
    The setting names the English pages; each language links to their live translations.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}
    key = NAV_CACHE_KEY.format(version=links_version(), site_id=site.pk, language=get_language())
    links = cache.get(key)
    if links is None:
        from edu.models import SiteNavigation

        nav = SiteNavigation.for_site(site)
        links = {
            "courses_url": _localized_url(nav.courses_page, request),
            "help_url": _localized_url(nav.help_page, request),
        }
        cache.set(key, links, LINKS_TIMEOUT)
    return links


def _localized_url(page, request) -> str:
    return page.localized.get_url(request) if page is not None else ""


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """A link to this page in each of the site's languages, for the language switcher.

    On a Wagtail page each language links to the page's live translation, or else to that
    language's home page; other views link to the same URL under the language's prefix.
    Each link: ``code``, ``name`` (in its own language), ``url`` and ``current``.
    """
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        urls = _page_translation_urls(request, page)
    else:
        path = request.get_full_path()
        urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    return [
        {
            "code": code,
            "name": capfirst(get_language_info(code)["name_local"]),
            "url": urls.get(code) or "/",
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


def _page_translation_urls(request, page) -> dict[str, str]:
    # One query, cached: the page's live translations and the site's home page in each
    # language (where a language has no translation of this page).
    site = Site.find_for_request(request)
    site_id = site.pk if site else 0
    key = LANGUAGES_CACHE_KEY.format(version=links_version(), site_id=site_id, page_id=page.pk)
    urls = cache.get(key)
    if urls is not None:
        return urls
    condition = Q(translation_key=page.translation_key)
    if site is not None:
        condition |= Q(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key")
        )
    found = {}
    homes = {}
    for candidate in Page.objects.live().filter(condition).select_related("locale"):
        code = candidate.locale.language_code
        url = candidate.get_url(request)
        if not url:
            continue
        if candidate.translation_key == page.translation_key:
            found[code] = url
        else:
            homes[code] = url
    urls = {code: found.get(code) or homes.get(code, "") for code, _name in settings.LANGUAGES}
    cache.set(key, urls, LINKS_TIMEOUT)
    return urls


@register.filter
def described_widget(bound_field):
    """Render a form field's widget tied to its help text and its errors.

    Screen readers announce what ``aria-describedby`` points at when the field takes
    focus, so a parent hears why the field was refused, not just that it was.
    """
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}_errors")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    return bound_field.as_widget(attrs=attrs)

from django import template
from django.core.cache import cache
from wagtail.models import Site

register = template.Library()

NAV_CACHE_KEY = "kinwise:site-navigation:{site_id}"


@register.simple_tag(takes_context=True)
def site_navigation(context) -> dict:
    """The header's links (course catalogue, help page), from the cache when possible.

    Every page shows them, so they are cached per site and dropped whenever a page is
    published, unpublished, moved or deleted, or the setting is saved (edu.signals).
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}
    key = NAV_CACHE_KEY.format(site_id=site.pk)
    links = cache.get(key)
    if links is None:
        from edu.models import SiteNavigation

        nav = SiteNavigation.for_site(site)
        links = {
            "courses_url": nav.courses_page.get_url(request) if nav.courses_page else "",
            "help_url": nav.help_page.get_url(request) if nav.help_page else "",
        }
        cache.set(key, links, 60 * 60)
    return links


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

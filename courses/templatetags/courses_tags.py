from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, Site

from ..constants import AGE_BANDS, CALLOUT_KINDS, CHAT_SENDERS
from ..models.routing import routed_ancestors

register = template.Library()


@register.filter
def duration(minutes) -> str:
    """``5`` → "5 minutes"; ``80`` → "1 hour 20 minutes"."""
    try:
        minutes = int(minutes or 0)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    minutes_text = ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest}
    if not hours:
        return minutes_text
    hours_text = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    if not rest:
        return hours_text
    return _("%(hours)s %(minutes)s") % {"hours": hours_text, "minutes": minutes_text}


def _label(choices, value) -> str:
    return str(dict(choices).get(value, value or ""))


@register.filter
def age_band_label(value) -> str:
    return _label(AGE_BANDS, value)


@register.filter
def callout_label(value) -> str:
    return _label(CALLOUT_KINDS, value)


@register.filter
def chat_sender_label(value) -> str:
    return _label(CHAT_SENDERS, value)


@register.filter
def check_state(knowledge_checks, block_id):
    """The answered state of one knowledge check on the page, if it was just answered."""
    if not knowledge_checks or not block_id:
        return None
    return knowledge_checks.get(block_id)


@register.inclusion_tag("courses/includes/breadcrumb.html", takes_context=True)
def course_breadcrumb(context, page):
    """Links from the site's home page down to ``page``'s parent (no query after routing)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    ancestors = routed_ancestors(request, page) if request is not None else None
    if ancestors is None:
        ancestors = list(Page.objects.ancestor_of(page).order_by("depth"))
    ancestors = [ancestor for ancestor in ancestors if ancestor.depth > 1]
    if site is not None:
        ids = [ancestor.pk for ancestor in ancestors]
        if site.root_page_id in ids:
            ancestors = ancestors[ids.index(site.root_page_id) :]
    return {"ancestors": ancestors, "page": page, "request": request}


@register.filter
def ticks_for(checklist_ticks, block_id) -> set:
    """The ticked item ids of one checklist block, from the lesson's ``checklist_ticks``."""
    if not checklist_ticks:
        return set()
    return checklist_ticks.get(block_id, set())


@register.filter
def progress_for(course_progress, course_pk):
    """One course's progress summary from the catalogue's ``course_progress`` mapping."""
    return (course_progress or {}).get(course_pk)


@register.simple_tag
def signup_url() -> str:
    """Where a visitor creates an account: the site's ``signup`` URL, else its log-in page.

    The plugin ships into sites with their own account URLs; KINWISE_SIGNUP_URL (a URL or a
    URL name) points it at theirs.
    """
    target = getattr(settings, "KINWISE_SIGNUP_URL", "signup")
    try:
        return resolve_url(target)
    except NoReverseMatch:
        return resolve_url(settings.LOGIN_URL)


@register.simple_tag(takes_context=True)
def render_stream(context, page, field="body"):
    """The page's StreamField, its blocks cached when KINWISE_FRAGMENT_CACHE is on (see
    ``courses.cache.render_stream``)."""
    from ..cache import render_stream as render

    return render(context, page, field)


@register.tag("live")
def live(parser, token):
    """``{% live %}…{% endlive %}``: a part of the page rendered for each request (the
    learner's own state, forms with CSRF tokens), kept out of the cached page shell (see
    ``courses.shell``). Without ``KINWISE_SHELL_CACHE`` it renders as if it were not there."""
    from ..shell import do_live

    return do_live(parser, token)

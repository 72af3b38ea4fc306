"""A page cache for anonymous visitors, shared by every app server through a Django cache.

Off unless ``KINWISE_PAGE_CACHE`` names a cache alias (``"default"``) and
:class:`AnonymousPageCacheMiddleware` is the last entry of ``MIDDLEWARE``. With several app
servers that cache must be shared (Redis): a publish in one process has to reach the others.

What is cached: the response of a Wagtail page (anything served by ``wagtail.views.serve``,
routable sub-pages included) to a GET from a visitor without a session cookie, a messages
cookie or an ``Authorization`` header, when the page answered 200 without touching the
session, without setting a cookie or a message, and without ``Cache-Control: private``,
``no-cache`` or ``no-store`` (Wagtail marks pages with view restrictions so, and preview is
served by the admin, never through here). Visitors who have a session (their progress shows
on pages) and signed-in users always get a freshly rendered page.

The key is the scheme, host, path, query string (its parameters sorted; a query string over
512 characters is not cached) and active language, under a generation number that any change
of published content replaces: publishing, unpublishing, moving or deleting a page, and saving
or deleting a snippet, a site setting, a site, a locale, a view restriction, an image or a
document (or a model in
``KINWISE_PAGE_CACHE_MODELS``). Old entries are then never read again and expire.

CSRF tokens: a form's token is personal. Before a page is stored, every token the request's
CSRF secret produced is replaced by a placeholder; each hit puts the visitor's own token
(``get_token(request)``) in its place, so forms work without JavaScript and no two visitors
share a token. A hit costs two cache reads and no database query.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import secrets
from importlib import import_module
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils.cache import cc_delim_re
from django.utils.encoding import force_str
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

GENERATION_KEY = "kinwise:page-cache:generation"
# The settings naming a cache whose entries a content change invalidates.
CACHE_SETTINGS = ("KINWISE_PAGE_CACHE", "KINWISE_FRAGMENT_CACHE", "KINWISE_ROUTE_CACHE")
PLACEHOLDER = b"kinwise-csrf-placeholder-0000000000000000000000000000000000000000000"
MAX_QUERY_STRING = 512
DEFAULT_TIMEOUT = 600
HIT_HEADER = "X-Kinwise-Page-Cache"
# Django's masked CSRF tokens: 64 letters and digits.
_TOKEN_RE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
_UNCACHEABLE_CONTROL = {"private", "no-cache", "no-store"}
_HANDLED_VARY = {"cookie", "accept-language", "accept-encoding"}


def page_cache():
    """The cache that holds pages, or ``None`` when the page cache is off."""
    alias = getattr(settings, "KINWISE_PAGE_CACHE", None)
    return caches[alias] if alias else None


def fragment_cache():
    """The cache that holds rendered lesson bodies, or ``None`` when that is off."""
    alias = getattr(settings, "KINWISE_FRAGMENT_CACHE", None)
    return caches[alias] if alias else None


def generation(cache, request=None) -> str:
    """The current content generation in ``cache``; read once per request when given one."""
    memo = getattr(request, "_kinwise_generations", None) if request is not None else None
    if memo is not None and id(cache) in memo:
        return memo[id(cache)]
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        value = cache.get(GENERATION_KEY)
    if request is not None:
        if memo is None:
            memo = request._kinwise_generations = {}
        memo[id(cache)] = value
    return value


def invalidate() -> None:
    """Forget every cached page and lesson body: now, and again once the current transaction
    commits (a request that read the old rows in between must not leave them cached)."""
    aliases = {getattr(settings, name, None) for name in CACHE_SETTINGS}
    for alias in aliases - {None, ""}:
        cache = caches[alias]
        cache.set(GENERATION_KEY, secrets.token_hex(8), None)
        transaction.on_commit(lambda c=cache: c.set(GENERATION_KEY, secrets.token_hex(8), None))


def _may_read(request) -> bool:
    if request.method != "GET" or len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def content_key(kind: str, gen: str, request, *parts) -> str:
    """The key of a ``kind`` of entry (page, fragment, route, shell) under the content
    generation ``gen``: a digest of ``parts`` and the request's active language."""
    language = getattr(request, "LANGUAGE_CODE", None) or get_language() or ""
    raw = "|".join(str(part) for part in (*parts, language))
    return f"kinwise:{kind}:{gen}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _key(request, gen: str) -> str:
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))
    return content_key(
        "page", gen, request, request.scheme, request.get_host(), request.path, query
    )


def _served_by_wagtail(request) -> bool:
    from wagtail.views import serve

    match = getattr(request, "resolver_match", None)
    return match is not None and match.func is serve


def _may_store(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not _served_by_wagtail(request) or getattr(request, "is_preview", False):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "added_new", False):
        return False
    control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part
    }
    if control & _UNCACHEABLE_CONTROL:
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    return vary <= _HANDLED_VARY


def _strip_tokens(request, content: bytes) -> tuple[bytes, bool]:
    """Replace the tokens this request's CSRF secret made with :data:`PLACEHOLDER`."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content, False
    found = False

    def swap(match):
        nonlocal found
        token = match.group(0).decode()
        if _unmask_cipher_token(token) == secret:
            found = True
            return PLACEHOLDER
        return match.group(0)

    return _TOKEN_RE.sub(swap, content), found


class AnonymousPageCacheMiddleware:
    """Serve Wagtail pages to anonymous visitors from :func:`page_cache` (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cache = page_cache()
        if cache is None or not _may_read(request):
            return self.get_response(request)
        key = _key(request, generation(cache, request))
        entry = cache.get(key)
        if entry is not None:
            content, has_token, status, headers = entry
            if has_token:
                content = content.replace(PLACEHOLDER, get_token(request).encode())
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _may_store(request, response):
            content, has_token = _strip_tokens(request, response.content)
            headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
            timeout = getattr(settings, "KINWISE_PAGE_CACHE_TIMEOUT", DEFAULT_TIMEOUT)
            cache.set(key, (content, has_token, response.status_code, headers), timeout)
            response[HIT_HEADER] = "miss"
        return response


# --- Lesson bodies ----------------------------------------------------------------------

# Blocks that show the learner's own state (ticks, a graded answer) and carry a CSRF token:
# always rendered for the request.
LIVE_BLOCKS = frozenset({"checklist", "knowledge_check"})


def render_stream(context, page, field: str = "body", live=LIVE_BLOCKS):
    """``{% for block in page.<field> %}{% include_block block %}{% endfor %}``, with every
    block but the ``live`` ones taken from :func:`fragment_cache` when it is on.

    The rendered blocks are kept per page, live revision, language, host and content
    generation (snippets and images shown in blocks change it), so a published change is
    never hidden; a preview (an unsaved draft) is always rendered afresh.
    """
    stream = getattr(page, field)
    flat = context.flatten()
    autoescape = context.autoescape

    def render(child) -> str:
        output = child.render_as_block(context=dict(flat))
        return conditional_escape(output) if autoescape else force_str(output)

    cache = fragment_cache()
    request = context.get("request")
    if cache is None or request is None or getattr(request, "is_preview", False) or not page.live:
        return mark_safe("".join(render(child) for child in stream))  # noqa: S308
    key = content_key(
        "fragment",
        generation(cache, request),
        request,
        page.pk,
        page.live_revision_id,
        field,
        request.get_host(),
    )
    parts = cache.get(key)
    if parts is None:
        parts = [None if child.block_type in live else render(child) for child in stream]
        timeout = getattr(settings, "KINWISE_PAGE_CACHE_TIMEOUT", DEFAULT_TIMEOUT)
        cache.set(key, parts, timeout)
    # Only the live blocks are read from the stream, so the others' snippets and images
    # are never loaded.
    return mark_safe(  # noqa: S308 - rendered, escaped block templates
        "".join(part if part is not None else render(stream[i]) for i, part in enumerate(parts))
    )


# --- Routes -------------------------------------------------------------------------------


def route_cache():
    """The cache that holds resolved page routes, or ``None`` when that is off."""
    alias = getattr(settings, "KINWISE_ROUTE_CACHE", None)
    return caches[alias] if alias else None


class PageRouteCacheMiddleware:
    """Resolve a Wagtail page URL from :func:`route_cache`, for every visitor, signed in or not.

    Wagtail finds the site, then the page (with
    :class:`~courses.models.routing.DirectRoutingMixin`: the site, the page chain and the
    specific page, three queries), then checks the page's
    view restrictions (one more), before the page itself does anything. None of that depends
    on who asks. On a miss this middleware routes as Wagtail would, lets the page load what
    its template shows of the tree and of its own content (``prepare_for_route_cache()``: a
    lesson's neighbours and sources) and keeps the result, pickled, under the path, host,
    language and content generation; a hit sets the attributes Wagtail's ``serve`` view reads
    (``request._wagtail_site``, ``request._wagtail_route_for_request``) from it, and Wagtail
    serves the page as usual: ``before_serve_page`` hooks, view restrictions and the page's
    own ``serve`` still run on every request. Any content change replaces the generation
    (see :func:`watched_models`), so a route never outlives a publish, a move, a deletion or
    a new view restriction.

    Only GET and HEAD requests that resolve to ``wagtail.views.serve`` and to a page are
    kept; a 404 is routed afresh each time. Each request unpickles its own copy of the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.models import Page, Site
        from wagtail.views import serve

        cache = route_cache()
        if cache is None or view_func is not serve or request.method not in ("GET", "HEAD"):
            return None
        # Wagtail's URL pattern passes the path positionally; a project's own may name it.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        gen = generation(cache, request)
        key = content_key("route", gen, request, request.get_host(), request.get_port(), path)
        entry = cache.get(key)
        if entry is not None:
            try:
                site, route, ancestors = pickle.loads(entry)  # noqa: S301 - our own cache
            except Exception:  # noqa: BLE001 - a stale pickle from an older release
                entry = None
            else:
                request._wagtail_site = site
                request._wagtail_route_for_request = route
                if ancestors is not None:
                    request._kinwise_routed_ancestors = ancestors
                return None
        route = Page.route_for_request(request, path)
        if route is None:
            return None
        prepare = getattr(route[0], "prepare_for_route_cache", None)
        if prepare is not None:
            prepare()
        try:
            entry = pickle.dumps(
                (
                    Site.find_for_request(request),
                    route,
                    getattr(request, "_kinwise_routed_ancestors", None),
                ),
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        except (pickle.PicklingError, TypeError, AttributeError):
            return None  # a page type that cannot be pickled is routed afresh each time
        cache.set(key, entry, getattr(settings, "KINWISE_PAGE_CACHE_TIMEOUT", DEFAULT_TIMEOUT))
        return None


# --- Invalidation -------------------------------------------------------------------------


def watched_models() -> list[type]:
    """The models whose changes can show on a page: pages, sites, locales, site settings,
    view restrictions, images, documents, Kinwise's snippets, and
    ``KINWISE_PAGE_CACHE_MODELS`` (labels)."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import BaseViewRestriction, Locale, Page, Site

    # View restrictions too: making a page private must stop the page cache serving it.
    bases = [Page, Site, Locale, BaseSiteSetting, BaseGenericSetting, BaseViewRestriction]
    for module, getter in (
        ("wagtail.images", "get_image_model"),
        ("wagtail.documents", "get_document_model"),
    ):
        if apps.is_installed(module):
            bases.append(getattr(import_module(module), getter)())
    labels = {"courses.Platform", "courses.HelpResource"}
    labels.update(getattr(settings, "KINWISE_PAGE_CACHE_MODELS", ()))
    return [
        model
        for model in apps.get_models()
        if issubclass(model, tuple(bases)) or model._meta.label in labels
    ]


def _on_change(sender, **kwargs):
    invalidate()


def connect_signals() -> None:
    """Connect invalidation; receivers name their senders, so other models' cascading deletes
    stay fast deletes."""
    from wagtail.signals import page_unpublished, post_page_move, published, unpublished

    for model in watched_models():
        uid = f"kinwise_page_cache_{model._meta.label_lower}"
        post_save.connect(_on_change, sender=model, dispatch_uid=uid + "_save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=uid + "_delete")
    for signal, name in (
        (page_unpublished, "page_unpublished"),
        (post_page_move, "post_page_move"),
        (published, "published"),
        (unpublished, "unpublished"),
    ):
        signal.connect(_on_change, dispatch_uid=f"kinwise_page_cache_{name}")

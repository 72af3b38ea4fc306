"""Page shells for signed-in learners: the page rendered once, its personal parts per request.

Off unless ``KINWISE_SHELL_CACHE`` names a shared cache (``"default"`` in production).

A signed-in learner's lesson page is mostly the same for everyone: the layout, navigation,
title, sources, neighbours. What is theirs (the account links, messages, their progress on
the lesson, their checklist ticks and answers, every CSRF token) sits inside
``{% live %}…{% endlive %}`` regions (``courses_tags``). The first request for a page renders
it whole; the page minus its live regions (the *shell*, with a marker where each region was)
is kept under the page, its live revision, the path, host, language and content generation.
Later requests, from any learner, render only the live regions, with their own context, and
put them in the shell. The page's ``get_context`` still runs on every request (it is where
the learner's progress is read), so a hit saves template rendering, not queries.

Safety: a template must keep everything personal inside live regions. Two checks back that
up. A ``{% live %}`` tag may sit only at a template's top level or in a ``{% block %}``, not
inside an ``if``, ``for`` or ``with`` (what surrounds it is shared, and its variables must
come from the page's context, which a hit rebuilds), and may not contain a ``{% block %}``
(a hit renders it outside the template's inheritance). And a shell is never stored when it
contains the request's CSRF token, the user's email or the name shown for them: a personal
value outside a live region leaves that page rendered whole on every request instead.
Integrators whose own ``base.html`` shows personal things outside live regions must leave
this setting off.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.template import TemplateSyntaxError
from django.template.base import Node
from django.template.context import make_context
from django.template.response import TemplateResponse

from .cache import DEFAULT_TIMEOUT, _strip_tokens, content_key, generation

MARKER = "\ue000kinwise-live-{}\ue001"
RECORDER = "_kinwise_live_regions"
# Live regions by id, as parsed in this process (the cached template loader keeps them).
REGISTRY: dict[str, LiveNode] = {}
# The only tags a live region may sit in: anything else (an ``if``, a ``for``, a ``with``)
# would decide, from the first request's context, what every later request sees.
SAFE_PARENTS = {"extends", "block", "live"}


def shell_cache():
    alias = getattr(settings, "KINWISE_SHELL_CACHE", None)
    return caches[alias] if alias else None


class LiveNode(Node):
    """``{% live %}``: a region rendered for each request, kept out of the page's shell."""

    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, node_id: str):
        self.nodelist = nodelist
        self.node_id = node_id

    def render(self, context):
        output = self.nodelist.render(context)
        regions = context.get(RECORDER)
        if regions is None:
            return output
        regions.append((self.node_id, output))
        return MARKER.format(len(regions) - 1)


def do_live(parser, token) -> LiveNode:
    open_tags = {command for command, *_rest in parser.command_stack}
    if open_tags - SAFE_PARENTS:
        raise TemplateSyntaxError(
            "{% live %} may only sit directly in a template or a {% block %}, not inside "
            f"{{% {sorted(open_tags - SAFE_PARENTS)[0]} %}}: a page's shell is shared by every "
            "request, so what surrounds a live region must not depend on who asks."
        )
    nodelist = parser.parse(("endlive",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(_block_node()):
        raise TemplateSyntaxError("{% live %} cannot contain a {% block %}.")
    origin = getattr(parser.origin, "name", "") or ""
    raw = f"{origin}:{token.lineno}:{token.position}"
    node = LiveNode(nodelist, hashlib.sha256(raw.encode()).hexdigest()[:24])
    REGISTRY[node.node_id] = node
    return node


def _block_node():
    from django.template.loader_tags import BlockNode

    return BlockNode


def _personal_values(request) -> list[bytes]:
    """What must never be in a shell: who the user is (the CSRF token is checked apart)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    from .progress import learner_name

    values = {getattr(user, user.get_email_field_name(), ""), learner_name(user)}
    return [value.encode() for value in values if value and len(value) >= 3]


class ShellTemplateResponse(TemplateResponse):
    """A page's response, from its shell when there is one (see the module)."""

    def __init__(self, request, template, context, *, page, **kwargs):
        super().__init__(request, template, context, **kwargs)
        self.page = page

    def _key(self, cache) -> str:
        request, page = self._request, self.page
        return content_key(
            "shell",
            generation(cache, request),
            request,
            page.pk,
            page.live_revision_id,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
        )

    @property
    def rendered_content(self):
        cache = shell_cache()
        if cache is None or getattr(self._request, "is_preview", False) or not self.page.live:
            return super().rendered_content
        key = self._key(cache)
        entry = cache.get(key)
        if entry is not None:
            shell, node_ids = entry
            nodes = [REGISTRY.get(node_id) for node_id in node_ids]
            if all(nodes):
                return self._fill(shell, nodes)
        template = self.resolve_template(self.template_name)
        context = self.resolve_context(self.context_data) or {}
        regions: list = []
        content = template.render({**context, RECORDER: regions}, self._request)
        page = content
        for index, (_node_id, output) in enumerate(regions):
            page = page.replace(MARKER.format(index), output, 1)
        if self._may_store(content):
            timeout = getattr(settings, "KINWISE_PAGE_CACHE_TIMEOUT", DEFAULT_TIMEOUT)
            cache.set(key, (content, [node_id for node_id, _o in regions]), timeout)
        return page

    def _may_store(self, shell: str) -> bool:
        encoded = shell.encode()
        _stripped, has_token = _strip_tokens(self._request, encoded)
        if has_token:
            return False
        return not any(value in encoded for value in _personal_values(self._request))

    def _fill(self, shell: str, nodes: list) -> str:
        """The shell with each live region rendered for this request."""
        template = self.resolve_template(self.template_name)
        engine_template = template.template
        context = make_context(
            self.resolve_context(self.context_data) or {},
            self._request,
            autoescape=template.backend.engine.autoescape,
        )
        with (
            context.render_context.push_state(engine_template),
            context.bind_template(engine_template),
        ):
            for index, node in enumerate(nodes):
                shell = shell.replace(MARKER.format(index), node.nodelist.render(context), 1)
        return shell

"""Faster routing for the course tree: one query for the whole path, reused afterwards."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction


class KnownAncestorsMixin:
    """For pages reached through :class:`DirectRoutingMixin`, which already holds their
    ancestors: Wagtail's view-restriction check then needs one query instead of two, and
    none when the route came from the route cache (:meth:`prepare_for_route_cache`)."""

    def prepare_for_route_cache(self) -> None:
        """Load what every request for this page reads of the tree, before the route cache
        (:class:`courses.cache.PageRouteCacheMiddleware`) keeps this page: its view
        restrictions and :meth:`content_context`. Any content change or new view restriction
        replaces the cache's generation, so what is kept is never stale."""
        self._kinwise_view_restrictions = list(self.get_view_restrictions())
        self.cached_content()

    def content_context(self) -> dict:
        """What the page's template shows of the tree and of its own content: the same for
        every visitor and learner. Page types add theirs; :meth:`cached_content` reads it."""
        return {}

    def cached_content(self) -> dict:
        """:meth:`content_context`, loaded once per page object (and kept with the route)."""
        content = getattr(self, "_kinwise_content", None)
        if content is None:
            content = self._kinwise_content = self.content_context()
        return content

    def get_view_restrictions(self):
        kept = getattr(self, "_kinwise_view_restrictions", None)
        if kept is not None:
            return kept
        ancestors = getattr(self, "_kinwise_ancestors", None)
        if ancestors is None or self.alias_of_id or any(p.alias_of_id for p in ancestors):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(
            page_id__in=[self.pk, *(page.pk for page in ancestors)]
        )


class DirectRoutingMixin:
    """Resolve a URL below this page in two queries, rather than two per level of the tree.

    Wagtail's default routing fetches each page on the way down (and then its specific
    type); a lesson sits four levels below the home page. Each page's ``url_path`` is stored,
    so the pages matching the URL's prefixes are found in one query; the deepest then routes
    the rest of the URL itself (a lesson's knowledge-check route, or a 404). The same query
    returns this page's ancestors, so the breadcrumb needs no query of its own
    (:func:`routed_ancestors`).

    A difference from Wagtail's routing: when a routable page has a sub-route and a child
    page with the same slug, the child page wins here.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        candidates = [
            self.url_path + "/".join(path_components[:i]) + "/"
            for i in range(1, len(path_components) + 1)
        ]
        own_ancestors = [self.path[:n] for n in range(Page.steplen, len(self.path), Page.steplen)]
        chain = list(
            Page.objects.filter(
                Q(path__in=own_ancestors)
                | Q(pk=self.pk)
                | (Q(path__startswith=self.path) & Q(url_path__in=candidates))
            ).order_by("depth")
        )
        deepest = chain[-1]
        if deepest.pk == self.pk:
            raise Http404
        request._kinwise_routed_ancestors = (deepest.path, chain[:-1])
        remaining = path_components[deepest.depth - self.depth :]
        target = deepest.specific
        target._kinwise_ancestors = chain[:-1]
        return target.route(request, remaining)


def routed_ancestors(request, page) -> list[Page] | None:
    """``page``'s ancestors as found while routing ``request``, or ``None`` if not known."""
    routed = getattr(request, "_kinwise_routed_ancestors", None)
    if routed is None or routed[0] != page.path:
        return None
    return routed[1]

"""Every URL pattern of the project, found by walking the URLconf.

The authorization matrix reads this list, so a URL added anywhere (the site, a plugin app, an
admin hook or viewset, a third-party include) shows up here and must get an entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils.regex_helper import normalize
from wagtail.admin import urls as wagtailadmin_urls

KINWISE_APPS = ("edu", "courses", "quizzes")


@dataclass(frozen=True)
class Route:
    route: str  # the full pattern, language prefix left out
    name: str  # namespace-qualified, "" when unnamed
    namespaces: tuple
    parts: tuple  # the pattern objects from the root, for building a URL
    module: str  # where the view is defined
    in_admin: bool  # under Wagtail's admin include

    @property
    def is_kinwise_code(self) -> bool:
        return self.module.split(".")[0] in KINWISE_APPS


def _module_of(callback) -> str:
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return f"{view_class.__module__}.{view_class.__qualname__}"
    return f"{getattr(callback, '__module__', '?')}.{getattr(callback, '__qualname__', '?')}"


def walk(resolver=None, parts=(), namespaces=(), in_admin=False):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        here = (*parts, pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from walk(
                pattern,
                here,
                (*namespaces, pattern.namespace) if pattern.namespace else namespaces,
                in_admin or pattern.urlconf_module is wagtailadmin_urls,
            )
        elif isinstance(pattern, URLPattern):
            yield Route(
                route="".join("" if isinstance(p, LocalePrefixPattern) else str(p) for p in here),
                name=":".join((*namespaces, pattern.name)) if pattern.name else "",
                namespaces=namespaces,
                parts=here,
                module=_module_of(pattern.callback),
                in_admin=in_admin,
            )


def keyed_routes() -> dict[str, Route]:
    """Routes by key: the qualified name, with the route added when a name is used twice."""
    routes = list(walk())
    names = [r.name for r in routes]
    keyed = {}
    for route in routes:
        if route.name and names.count(route.name) == 1:
            key = route.name
        else:
            key = f"{route.name} @ {route.route}"
        assert key not in keyed, f"two URL patterns share the key {key!r}"
        keyed[key] = route
    return keyed


SAMPLES = {
    "int": "1",
    "slug": "x",
    "str": "x",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
}
REGEX_CANDIDATES = ("1", "x", "live", "latest", "x/")
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _sample_part(pattern) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        return ROUTE_PARAMETER.sub(
            lambda m: SAMPLES[m.group("converter") or "str"], str(pattern._route)
        )
    if isinstance(pattern, RegexPattern):
        regex = re.compile(pattern._regex)
        for template, params in normalize(pattern._regex):
            for candidate in REGEX_CANDIDATES:
                text = template % dict.fromkeys(params, candidate)
                if regex.match(text):
                    return text
        raise AssertionError(f"no sample URL for the pattern {pattern._regex!r}: add one")
    raise AssertionError(f"unknown pattern type {type(pattern)}")


def sample_url(route: Route) -> str:
    """A URL that resolves to ``route``, with placeholder values for its parameters."""
    url = "/" + "".join(_sample_part(p) for p in route.parts)
    match = resolve(url)
    assert _bare(match.route) == _bare(route.route), (
        f"{url} resolves to {match.route!r}, not {route.route!r}"
    )
    return url


def _bare(route: str) -> str:
    return route.replace("^", "").replace("$", "")

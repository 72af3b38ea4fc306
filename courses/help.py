"""Which region's help resources a visitor sees on the help page."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .constants import REGION_PATTERN, region_and_parents, region_label
from .models import HelpResource, HelpSettings


class RegionChoice:
    """The visitor's region (``?region=``) or the site's default, and its resources.

    ``locale`` (the help page's) picks each resource's copy in the page's language.
    A malformed region is refused with a message (the page then shows the default region,
    with status 400); a well-formed region without resources of its own falls back to its
    country's.
    """

    def __init__(self, request, locale=None) -> None:
        self.default = HelpSettings.for_request(request).default_region
        self.error = ""
        requested = request.GET.get("region", "").strip().upper()[:20]
        if requested and not re.fullmatch(REGION_PATTERN, requested):
            self.error = _("“%(region)s” is not a region we know. Showing %(default)s instead.") % {
                "region": requested,
                "default": region_label(self.default),
            }
            requested = ""
        self.region = requested or self.default
        self.resources = list(HelpResource.objects.localized_to(locale).for_region(self.region))
        self.immediate = [r for r in self.resources if r.immediate_danger]
        self.other = [r for r in self.resources if not r.immediate_danger]
        known = set(HelpResource.objects.regions()) | {self.default}
        self.options = sorted(
            ((code, region_label(code)) for code in known | {self.region}),
            key=lambda option: (option[0] != self.default, option[1]),
        )
        own = {r.region for r in self.resources}
        self.fell_back = self.region not in own and len(region_and_parents(self.region)) > 1

    @property
    def label(self) -> str:
        return region_label(self.region)

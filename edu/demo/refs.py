"""Markers that the demo data uses to point at snippets, resolved when ``load_demo`` runs.

The data modules are plain Python so that an editor can read and correct them; they cannot hold
database ids, so a privacy guide names its platform by slug and a help-resources block names its
resources by name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlatformRef:
    """A ``courses.Platform`` snippet, by its slug."""

    slug: str


@dataclass(frozen=True)
class ResourceRef:
    """A ``courses.HelpResource`` snippet, by its name (unique in the demo data)."""

    name: str

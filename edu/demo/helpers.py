"""Small builders for blocks that recur across the demo lessons."""

from __future__ import annotations


def menus_change(app: str, search_for: str) -> tuple[str, dict]:
    """A tip telling parents where to check a setting whose menu has moved."""
    return (
        "callout",
        {
            "kind": "tip",
            "title": "If a menu looks different",
            "body": (
                f"<p>{app} changes its menus often. If a step does not match what you see, "
                f"open {app}'s own help centre and search for <b>{search_for}</b>. There is a link "
                "to it under each guide above.</p>"
            ),
        },
    )

"""Course 1: Recognising online grooming and sextortion."""

from __future__ import annotations

from edu.demo.course_grooming import finding, pattern, responding, sextortion

COURSE = {
    "title": "Recognising online grooming and sextortion",
    "slug": "recognising-grooming-and-sextortion",
    "summary": (
        "How people who target children find them online, the pattern grooming often follows, "
        "how sextortion works, and what to do if you find something."
    ),
    "outcomes": [
        "Explain how people who target children use everyday app features to find them",
        "Spot the grooming pattern in a chat, even when the steps come out of order",
        "Recognise sextortion and financial sextortion",
        "Know the first steps to take, and the mistakes to avoid, if you find something",
    ],
    "age_bands": ["8-10", "11-13", "14-17"],
    "tags": ["grooming", "sextortion", "warning signs"],
    "modules": [finding.MODULE, pattern.MODULE, sextortion.MODULE, responding.MODULE],
}

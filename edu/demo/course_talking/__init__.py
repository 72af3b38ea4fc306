"""Course 3: Talking with your child and getting help."""

from __future__ import annotations

from edu.demo.course_talking import conversations, new_mexico, reporting

COURSE = {
    "title": "Talking with your child and getting help",
    "slug": "talking-and-getting-help",
    "summary": (
        "What to say at every age, how to report in the apps and to NCMEC, Take It Down and the "
        "FBI, when to call 911, and where to get help in New Mexico."
    ),
    "outcomes": [
        "Talk with your child about life online, at any age",
        "Report in the apps, to NCMEC's CyberTipline and to the FBI",
        "Use Take It Down to help remove images",
        "Find help in New Mexico",
    ],
    "age_bands": ["under-8", "8-10", "11-13", "14-17"],
    "tags": ["conversations", "reporting", "new mexico"],
    "modules": [conversations.MODULE, reporting.MODULE, new_mexico.MODULE],
}

"""Admin form data for course pages, built with Wagtail's form_data helpers."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def listblock(values):
    """A ListBlock's form data (the StreamField-style count/value/deleted/order/id keys)."""
    data = {
        str(i): {"value": value, "deleted": "", "order": str(i), "id": ""}
        for i, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def every_lesson_block(*, image, platform, resource):
    """One of each lesson block, as (block type, form value) pairs."""
    return [
        ("paragraph", rich_text("<p>Groomers build trust before anything else.</p>")),
        ("heading", {"text": "Why gifts matter", "anchor": ""}),
        ("image", {"image": str(image.pk), "alt_text": "A phone inbox", "caption": "Inbox"}),
        (
            "video",
            {
                "video": "https://video.example.com/watch/abc",
                "title": "How it starts",
                "transcript": rich_text("<p>Narrator: it starts with a message.</p>"),
            },
        ),
        ("callout", {"kind": "warning", "title": "Keep evidence", "body": rich_text("<p>x</p>")}),
        (
            "accordion",
            {
                "title": "Questions",
                "items": listblock(
                    [{"question": "Should I confiscate?", "answer": rich_text("<p>No.</p>")}]
                ),
            },
        ),
        (
            "warning_signs",
            {
                "title": "Signs",
                "intro": "",
                "signs": listblock([{"sign": "Secret gifts", "why_it_matters": "Obligation."}]),
            },
        ),
        (
            "chat_scenario",
            {
                "title": "A new friend",
                "context": "",
                "messages": listblock(
                    [
                        {
                            "sender": "contact",
                            "sender_label": "Jay",
                            "text": "ur so mature",
                            "tactic": "Flattery",
                            "explanation": "Builds trust.",
                        },
                        {
                            "sender": "child",
                            "sender_label": "Maya",
                            "text": "thx",
                            "tactic": "",
                            "explanation": "",
                        },
                    ]
                ),
                "takeaway": "",
            },
        ),
        (
            "privacy_guide",
            {
                "platform": str(platform.pk),
                "applies_to": "App version 300",
                "last_verified": "2025-05-01",
                "intro": "",
                "steps": listblock(
                    [
                        {
                            "instruction": "Open settings",
                            "menu_path": "Profile › Settings",
                            "screenshot": "",
                            "screenshot_alt": "",
                            "why_it_matters": "",
                        }
                    ]
                ),
            },
        ),
        ("checklist", {"title": "Tonight", "items": listblock(["Private account", "No DMs"])}),
        (
            "conversation_starters",
            {"age_band": "8-10", "intro": "", "prompts": listblock(["Who do you play with?"])},
        ),
        ("help_resources", {"title": "", "resources": listblock([str(resource.pk)])}),
        (
            "knowledge_check",
            {
                "question": "What is a gift from a stranger?",
                "choices": listblock(
                    [
                        {"text": "Kindness", "feedback": ""},
                        {"text": "A hook", "correct": "on", "feedback": "Yes."},
                    ]
                ),
                "explanation": "Gifts create obligation.",
            },
        ),
    ]


def lesson_form(blocks, *, sources=(), platforms=(), **fields):
    data = {
        "title": "Gifts and secrets",
        "slug": "gifts-and-secrets",
        "summary": "How gifts are used.",
        "body": streamfield(blocks),
        "estimated_minutes": "6",
        "sources": inline_formset(list(sources)),
        "last_verified": "2025-05-01",
        "review_interval_months": "6",
    }
    data.update(fields)
    data = nested_form_data(data)
    # nested_form_data numbers list items; a multiple-choice field posts repeated values.
    data["platforms"] = [str(p.pk) for p in platforms]
    return data


SOURCE = {
    "title": "Online grooming",
    "publisher": "NSPCC",
    "url": "https://www.example.org/grooming",
    "accessed": "2025-05-01",
}

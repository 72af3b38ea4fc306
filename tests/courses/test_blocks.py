"""Every lesson block renders, from its preview value and from a realistic value."""

import datetime

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from courses.blocks import (
    GuideStepBlock,
    KnowledgeCheckBlock,
    LessonStreamBlock,
)
from tests.factories import HelpResourceFactory, PlatformFactory

STREAM = LessonStreamBlock()


def render(block_name, value, context=None):
    block = STREAM.child_blocks[block_name]
    return block.render(block.to_python(value) if isinstance(value, dict) else value, context)


@pytest.mark.parametrize("name", list(STREAM.child_blocks))
def test_every_block_has_an_icon_a_description_and_a_preview_that_renders(db, name):
    block = STREAM.child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.description
    assert block.get_template() or name == "paragraph"
    html = block.render(block.get_preview_value())
    assert html.strip()


def test_paragraph_and_heading_render():
    assert "<b>trust</b>" in render("paragraph", RichText("<p>Build <b>trust</b></p>"))
    html = render("heading", {"text": "Why gifts matter", "anchor": ""})
    assert '<h2 class="block-heading" id="why-gifts-matter">Why gifts matter</h2>' in html
    html = render("heading", {"text": "Why gifts matter", "anchor": "gifts"})
    assert 'id="gifts"' in html


def test_image_renders_with_its_alt_text_and_caption(db):
    image = ImageFactory()
    html = render("image", {"image": image.pk, "alt_text": "A phone inbox", "caption": "Inbox"})
    assert 'alt="A phone inbox"' in html
    assert "<figcaption>Inbox</figcaption>" in html


def test_video_renders_the_embed_and_its_transcript(db):
    html = render(
        "video",
        {
            "video": "https://video.example.com/watch/abc",
            "title": "How it starts",
            "transcript": "<p>Narrator: it starts with a message.</p>",
        },
    )
    assert "<iframe" in html and "video.example.com/watch/abc" in html
    assert "<summary>Read the transcript</summary>" in html
    assert "Narrator: it starts with a message." in html


def test_callout_and_accordion_render():
    html = render("callout", {"kind": "warning", "title": "Keep evidence", "body": "<p>x</p>"})
    assert "callout--warning" in html and "Warning: <strong>Keep evidence</strong>" in html
    html = render(
        "accordion",
        {"title": "", "items": [{"question": "Confiscate?", "answer": "<p>Usually not.</p>"}]},
    )
    assert "<summary>Confiscate?</summary>" in html and "Usually not." in html


def test_warning_signs_render_as_a_description_list():
    html = render(
        "warning_signs",
        {
            "title": "Signs",
            "intro": "Look for these.",
            "signs": [{"sign": "Secret gifts", "why_it_matters": "They create obligation."}],
        },
    )
    assert "<dt>Secret gifts</dt>" in html
    assert "They create obligation." in html


def test_chat_scenario_is_a_fictional_transcript_with_annotations_on_request():
    html = render(
        "chat_scenario",
        {
            "title": "A new friend",
            "context": "Maya, 12, plays a game.",
            "messages": [
                {
                    "sender": "contact",
                    "sender_label": "Jay",
                    "text": "ur so mature",
                    "tactic": "Flattery",
                    "explanation": "Builds trust fast.",
                },
                {"sender": "child", "sender_label": "Maya", "text": "thx"},
            ],
            "takeaway": "Praise is the first step.",
        },
        {"id": "chat1"},
    )
    assert "Fictional example" in html
    assert '<ol class="chat"' in html
    assert html.count('<li class="chat__message') == 2
    assert 'Jay <span class="chat__role">(Other person)</span>' in html
    assert 'Maya <span class="chat__role">(Child)</span>' in html
    # The annotation is inside a closed <details>: revealed on request, even without JS.
    details = html[html.index("<details") : html.index("</details>")]
    assert "open" not in details.split(">")[0]
    assert "Flattery" in details and "Builds trust fast." in details
    assert "<img" not in html  # a transcript, never an image
    assert html.count("<details") == 1  # no empty annotation for the second message


def test_privacy_guide_shows_its_platform_steps_and_checked_on_date(db):
    platform = PlatformFactory(name="Instagram", slug="instagram")
    screenshot = ImageFactory()
    html = render(
        "privacy_guide",
        {
            "platform": platform.pk,
            "applies_to": "App version 300",
            "last_verified": "2025-05-01",
            "intro": "",
            "steps": [
                {
                    "instruction": "Open settings",
                    "menu_path": "Profile › Settings",
                    "screenshot": screenshot.pk,
                    "screenshot_alt": "The settings menu",
                    "why_it_matters": "Strangers cannot see posts.",
                }
            ],
        },
    )
    assert "Privacy settings: Instagram" in html
    assert 'Checked on <time datetime="2025-05-01">' in html
    assert "Profile › Settings" in html
    assert 'alt="The settings menu"' in html
    assert platform.report_url in html
    assert 'class="privacy-guide printable"' in html


def test_checklist_renders_plain_checkboxes_with_labels():
    html = render("checklist", {"title": "Tonight", "items": ["Private account", "No DMs"]})
    assert html.count('type="checkbox"') == 2
    assert '<label for="checklist-preview-0">Private account</label>' in html
    # Outside a lesson (admin preview, print) there is nothing to save the ticks to.
    assert "<form" not in html


def test_conversation_starters_name_the_age_band():
    html = render(
        "conversation_starters",
        {"age_band": "11-13", "intro": "", "prompts": ["Who do you play with?"]},
    )
    assert "a child aged 11–13" in html and "“Who do you play with?”" in html


def test_help_resources_block_lists_the_chosen_resources(db):
    resource = HelpResourceFactory(name="CyberTipline", phone="1-800-843-5678")
    html = render("help_resources", {"title": "", "resources": [resource.pk]}, {"id": "h1"})
    assert "Where to get help" in html
    assert "CyberTipline" in html and 'href="tel:18008435678"' in html


def test_knowledge_check_never_shows_the_answer_before_it_is_answered():
    value = {
        "question": "What is a gift from a stranger?",
        "choices": [
            {"text": "Kindness", "correct": False, "feedback": "Not usually."},
            {"text": "A hook", "correct": True, "feedback": "Yes: obligation."},
        ],
        "explanation": "Gifts create obligation.",
    }
    html = render("knowledge_check", value)
    assert "What is a gift from a stranger?" in html
    assert "Kindness" in html and "A hook" in html
    for secret in ("Gifts create obligation.", "Not usually.", "Yes: obligation.", "correct"):
        assert secret not in html


def test_knowledge_check_needs_exactly_one_correct_choice():
    block = KnowledgeCheckBlock()
    value = block.to_python(
        {
            "question": "Q?",
            "choices": [{"text": "A", "correct": True}, {"text": "B", "correct": True}],
            "explanation": "E.",
        }
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_a_guide_screenshot_needs_alt_text(db):
    block = GuideStepBlock()
    value = block.to_python(
        {"instruction": "Open settings", "screenshot": ImageFactory().pk, "screenshot_alt": ""}
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "screenshot_alt" in error.value.block_errors


def test_preview_value_of_the_privacy_guide_has_a_date():
    value = STREAM.child_blocks["privacy_guide"].get_preview_value()
    assert value["last_verified"] == datetime.date(2025, 5, 1)

"""Pages and snippets translate with wagtail-localize, and a translation shows its own language.

Covers what the plugin adds to wagtail-localize: optional text blocks that are never null (so any
lesson can be extracted), translatable Platform and HelpResource snippets, lessons whose
platforms follow the translation, and the help page and catalogue picking the page's language.
"""

import pytest
from wagtail.models import Locale
from wagtail_factories import ImageFactory
from wagtail_localize.models import StringSegment, TranslationSource

from courses.blocks import LessonStreamBlock
from courses.models import HelpResource, LessonPage, Platform
from tests.factories import HelpResourceFactory, LessonPageFactory

# Every lesson block with only its required keys: the optional ones are left out, as code that
# builds content (an import, the demo) may do.
MINIMAL_BODY = [
    ("paragraph", "<p>Groomers build <b>trust</b> first.</p>"),
    ("heading", {"text": "Why gifts matter"}),
    ("image", {"image": "IMAGE", "alt_text": "A phone with a chat open"}),
    (
        "video",
        {
            "video": "https://www.youtube.com/watch?v=abc",
            "title": "How it starts",
            "transcript": "<p>It starts with a message.</p>",
        },
    ),
    ("callout", {"kind": "tip", "body": "<p>Keep the messages.</p>"}),
    ("accordion", {"items": [{"question": "Why?", "answer": "<p>Because.</p>"}]}),
    (
        "warning_signs",
        {"title": "Signs", "signs": [{"sign": "Secrets", "why_it_matters": "Isolation."}]},
    ),
    (
        "chat_scenario",
        {
            "title": "A new friend",
            "messages": [{"sender": "contact", "sender_label": "Jay", "text": "ur so mature"}],
        },
    ),
    (
        "privacy_guide",
        {
            "platform": "PLATFORM",
            "applies_to": "2025",
            "last_verified": "2025-05-01",
            "steps": [{"instruction": "Open the settings."}],
        },
    ),
    ("checklist", {"title": "Tonight", "items": ["Make the account private"]}),
    ("conversation_starters", {"age_band": "8-10", "prompts": ["Who do you play with?"]}),
    ("help_resources", {"resources": ["RESOURCE"]}),
    (
        "knowledge_check",
        {
            "question": "What is it?",
            "choices": [{"text": "A gift", "correct": False}, {"text": "A hook", "correct": True}],
            "explanation": "Gifts create a debt.",
        },
    ),
]


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def resource(db):
    return HelpResourceFactory(name="Helpline", when_to_use="Call to report.")


def minimal_body(image, platform, resource):
    ids = {"IMAGE": image.pk, "PLATFORM": platform.pk, "RESOURCE": resource.pk}

    def fill(value):
        if isinstance(value, dict):
            return {key: fill(item) for key, item in value.items()}
        if isinstance(value, list):
            return [fill(item) for item in value]
        return ids.get(value, value) if isinstance(value, str) else value

    return [{"type": block_type, "value": fill(value)} for block_type, value in MINIMAL_BODY]


def translate(instance, locale):
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    target, _created = source.create_or_update_translation(locale, fallback=True)
    return source, target


def translate_ancestors(page, locale):
    """Translate and publish the pages above ``page`` (home first), as an editor would."""
    translated = []
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        target = translate(ancestor, locale)[1]
        target.save_revision().publish()
        translated.append(target)
    return translated


def test_optional_text_blocks_read_a_missing_or_null_value_as_empty():
    stream = LessonStreamBlock()
    value = stream.to_python(
        [
            {
                "type": "chat_scenario",
                "value": {
                    "title": "A chat",
                    "context": None,
                    "messages": [{"sender": "child", "sender_label": "Maya", "text": "hi"}],
                },
            }
        ]
    )
    scenario = value[0].value
    message = scenario["messages"][0]
    assert (scenario["context"], scenario["takeaway"]) == ("", "")
    assert (message["tactic"], message["explanation"]) == ("", "")
    stored = stream.get_prep_value(value)[0]["value"]
    assert stored["context"] == "" and stored["takeaway"] == ""


def test_a_lesson_with_every_block_type_and_no_optional_keys_can_be_translated(
    module, instagram, resource, spanish
):
    lesson = LessonPageFactory(
        parent=module, body=minimal_body(ImageFactory(), instagram, resource), platforms=[instagram]
    )
    lesson.refresh_from_db()
    assert {block.block_type for block in lesson.body} == {name for name, _v in MINIMAL_BODY}

    # Snippets first, as an editor would: the lesson's translation then points at them.
    translate(instagram, spanish)
    translate(resource, spanish)
    translate_ancestors(lesson, spanish)
    source, spanish_lesson = translate(lesson, spanish)

    segments = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    for text in [
        "ur so mature",
        "Open the settings.",
        "Who do you play with?",
        "Gifts create a debt.",
    ]:
        assert text in segments
    assert "" not in segments
    assert spanish_lesson.locale == spanish
    assert spanish_lesson.translation_key == lesson.translation_key


def test_a_translated_lesson_chooses_the_snippets_in_its_own_language(
    lesson, instagram, resource, spanish
):
    lesson.body = LessonPage._meta.get_field("body").stream_block.to_python(
        [{"type": "help_resources", "value": {"resources": [resource.pk]}}]
    )
    lesson.save_revision().publish()
    spanish_instagram = translate(instagram, spanish)[1]
    spanish_resource = translate(resource, spanish)[1]
    translate_ancestors(lesson, spanish)

    spanish_lesson = translate(lesson, spanish)[1]

    assert list(spanish_lesson.platforms.all()) == [spanish_instagram]
    chosen = spanish_lesson.body[0].value["resources"]
    assert list(chosen) == [spanish_resource]
    # The original keeps its own.
    lesson.refresh_from_db()
    assert list(lesson.platforms.all()) == [instagram]


def test_snippets_of_a_locale_fall_back_to_the_default_language_where_untranslated(spanish):
    translated = HelpResourceFactory(name="Helpline")
    untranslated = HelpResourceFactory(name="Another line")
    spanish_copy = translate(translated, spanish)[1]
    spanish_copy.name = "Línea de ayuda"
    spanish_copy.save()

    listed = set(HelpResource.objects.localized_to(spanish.pk))
    assert listed == {spanish_copy, untranslated}
    english = Locale.objects.get(language_code="en")
    assert set(HelpResource.objects.localized_to(english.pk)) == {translated, untranslated}


def test_platform_slugs_are_unique_per_language_only(instagram, spanish):
    spanish_instagram = translate(instagram, spanish)[1]
    assert spanish_instagram.slug == instagram.slug
    assert Platform.objects.filter(slug="instagram").count() == 2


def test_the_spanish_help_page_lists_spanish_resources(help_page, spanish, client):
    resource = HelpResourceFactory(name="Helpline", when_to_use="Call to report.", region="US")
    spanish_resource = translate(resource, spanish)[1]
    spanish_resource.name = "Línea de ayuda"
    spanish_resource.when_to_use = "Llame para reportar."
    spanish_resource.save()
    translate_ancestors(help_page, spanish)
    spanish_help = translate(help_page, spanish)[1]
    spanish_help.save_revision().publish()

    html = client.get(spanish_help.url).content.decode()
    assert "Línea de ayuda" in html and "Llame para reportar." in html
    assert "Call to report." not in html
    english = client.get(help_page.url).content.decode()
    assert "Call to report." in english and "Línea de ayuda" not in english


def test_the_spanish_catalogue_filters_by_the_shared_platform_slug(
    lesson, instagram, spanish, client
):
    translate(instagram, spanish)
    _home, spanish_catalogue, spanish_course, _module = translate_ancestors(lesson, spanish)
    spanish_lesson = translate(lesson, spanish)[1]
    spanish_lesson.save_revision().publish()
    spanish_course.title = "Detectar el grooming"
    spanish_course.save_revision().publish()

    response = client.get(spanish_catalogue.url, {"platform": "instagram"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Detectar el grooming" in html and "Spotting grooming" not in html

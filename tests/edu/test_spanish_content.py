"""The Spanish demo: complete PO files, and a Spanish site that mirrors the English one.

The PO checks read ``edu/demo/es`` and need no database. The site checks load the demo once for
this module (inside a transaction rolled back at the end), as tests/edu/test_demo_content.py
does, and look at what a Spanish-speaking parent gets.
"""

import re
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import polib
import pytest
import textstat
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

from courses.models import CoursePage, HelpPage, HelpResource, LessonPage, Platform
from edu.demo.translate import PO_DIR, DemoTranslator, MissingStrings, missing_segments
from quizzes.models import QuizPage

PO_FILES = sorted(PO_DIR.glob("*.po"))
TAG = re.compile(r"</?[a-z]+(?: [^>]*)?>")
NUMBER = re.compile(r"\d+")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Fernández Huerta reading ease (Flesch adapted to Spanish): 70–80 is "fairly easy", about
# grade 7; the English lessons are held to grade 8 (test_demo_content.py).
MIN_READING_EASE = 70


def po_id(path):
    return path.name


# The PO files --------------------------------------------------------------------------------


def test_every_demo_part_has_a_po_file():
    names = {path.name for path in PO_FILES}
    assert {
        "snippets.po",
        "site.po",
        "tags.po",
        "recognising-grooming-and-sextortion.po",
        "locking-down-apps.po",
        "talking-and-getting-help.po",
    } <= names


@pytest.mark.parametrize("path", PO_FILES, ids=po_id)
def test_every_entry_is_translated_and_none_is_fuzzy(path):
    po = polib.pofile(str(path))
    assert len(po) > 0
    untranslated = [e.msgid[:60] for e in po if not e.msgstr.strip()]
    fuzzy = [e.msgid[:60] for e in po if "fuzzy" in e.flags]
    assert not untranslated, f"{len(untranslated)} untranslated in {path.name}: {untranslated[:5]}"
    assert not fuzzy, f"fuzzy in {path.name}: {fuzzy[:5]}"


@pytest.mark.parametrize("path", PO_FILES, ids=po_id)
def test_translations_keep_the_inline_tags_and_every_number(path):
    for entry in polib.pofile(str(path)):
        if not entry.msgstr:
            continue
        assert sorted(TAG.findall(entry.msgid)) == sorted(TAG.findall(entry.msgstr)), entry.msgid
        missing = set(NUMBER.findall(entry.msgid)) - set(NUMBER.findall(entry.msgstr))
        assert not missing, f"{path.name}: {sorted(missing)} missing from {entry.msgstr!r}"


@pytest.mark.parametrize("path", PO_FILES, ids=po_id)
def test_slugs_and_anchors_are_spanish_url_slugs(path):
    for entry in polib.pofile(str(path)):
        field = entry.comment.split()[-1] if entry.comment else ""
        if field == "slug" or field.endswith("anchor"):
            assert SLUG.fullmatch(entry.msgstr), f"{path.name}: {entry.msgstr!r} is not a slug"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("path", PO_FILES, ids=po_id)
def test_po_files_pass_msgfmt_check(path):
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check-format", "--check-domain", "-o", "/dev/null", str(path)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


# The site ------------------------------------------------------------------------------------


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(demo_database):
    """The demo, once for this module (tests/conftest.py); rolled back afterwards."""
    return demo_database


@pytest.fixture
def demo(demo_output, db):
    return demo_output


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


def live_pages(language_code):
    return Page.objects.live().filter(depth__gt=1, locale__language_code=language_code)


def test_load_demo_builds_every_spanish_part(demo):
    assert "WARNING" not in demo
    for line in [
        "Spanish platforms and help resources:",
        "Spanish site pages:",
        "Spanish course: Recognising online grooming and sextortion:",
        "Spanish course: Locking down the apps your child uses:",
        "Spanish course: Talking with your child and getting help:",
    ]:
        assert line in demo


def test_every_live_english_page_has_a_live_spanish_counterpart_and_back(demo):
    english = set(live_pages("en").values_list("translation_key", flat=True))
    spanish = set(live_pages("es").values_list("translation_key", flat=True))
    assert len(english) > 50
    assert english == spanish


def test_every_snippet_has_a_spanish_copy(demo, spanish):
    for model in (Platform, HelpResource):
        english = set(
            model.objects.filter(locale__language_code="en").values_list("translation_key")
        )
        assert english == set(model.objects.filter(locale=spanish).values_list("translation_key"))


def test_no_spanish_page_holds_an_untranslated_segment(demo, spanish):
    for page in live_pages("en").specific():
        source = TranslationSource.objects.get_for_instance(page)
        assert source.translations.filter(target_locale=spanish, enabled=True).exists(), page.url
    assert not missing_segments(spanish).exists()
    assert not StringTranslation.objects.filter(locale=spanish, has_error=True).exists()


def test_a_second_run_translates_nothing_again(demo):
    output = load_demo()
    assert "Spanish site pages: 0 updated" in output
    assert re.findall(r"Spanish course: .*: (\d+) of", output) == ["0", "0", "0"]


def test_every_spanish_lesson_and_quiz_renders_in_spanish(demo, client, spanish):
    pages = [*LessonPage.objects.live().filter(locale=spanish)]
    pages += QuizPage.objects.live().filter(locale=spanish)
    assert len(pages) > 20
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert '<html lang="es"' in html, page.url
        assert escape(page.title) in html, page.url
        english = page.get_translation(Locale.objects.get(language_code="en"))
        assert escape(english.title) not in html, page.url


def test_spanish_lessons_choose_spanish_snippets(demo, spanish):
    for lesson in LessonPage.objects.live().filter(locale=spanish):
        assert all(p.locale_id == spanish.pk for p in lesson.platforms.all()), lesson.url_path
        for block in lesson.body:
            if block.block_type == "help_resources":
                chosen = block.value["resources"]
            elif block.block_type == "privacy_guide":
                chosen = [block.value["platform"]]
            else:
                continue
            assert all(s.locale_id == spanish.pk for s in chosen), lesson.url_path


def test_spanish_courses_have_spanish_topics(demo, client, spanish):
    topics = {e.msgid: e.msgstr for e in polib.pofile(str(PO_DIR / "tags.po"))}
    courses = CoursePage.objects.live().filter(locale__language_code="en")
    for course in courses:
        translation = course.get_translation(spanish)
        expected = sorted(topics[tag.name] for tag in course.tags.all())
        assert sorted(tag.name for tag in translation.tags.all()) == expected
    catalogue = translation.get_parent()
    html = client.get(catalogue.url).content.decode()
    assert "señales de alerta" in html and "warning signs" not in html


def test_the_spanish_help_page_lists_spanish_resources(demo, client, spanish):
    help_page = HelpPage.objects.live().get(locale=spanish)
    html = client.get(help_page.url, {"region": "US-NM"}).content.decode()
    for name in [
        "Servicios de emergencia (911)",
        "CYFD: línea estatal para reportar abuso infantil (#SAFE)",
        "CyberTipline del NCMEC",
    ]:
        assert escape(name) in html
    assert "Emergency services (911)" not in html
    assert "Call 911 if your child is in danger right now." not in html


def test_the_spanish_header_links_the_spanish_catalogue_and_help_page(demo, client, spanish):
    home = Page.objects.live().get(depth=2, locale=spanish)
    html = client.get(home.url).content.decode()
    for page in Page.objects.live().filter(locale=spanish, slug__in=["cursos", "ayuda"]):
        assert f'href="{page.url}"' in html


def spanish_lesson_text(lesson, spanish):
    source = TranslationSource.objects.get_for_instance(lesson.get_translation(lesson.locale))
    texts = StringTranslation.objects.filter(
        locale=spanish,
        translation_of__in=source.stringsegment_set.values("string_id"),
    ).values_list("data", flat=True)
    prose = [re.sub(r"<[^>]+>", "", text) for text in texts if len(text.split()) > 3]
    return " ".join(text if text.endswith((".", "?", "!")) else text + "." for text in prose)


def test_spanish_lessons_read_easily(demo, spanish):
    english = Locale.objects.get(language_code="en")
    textstat.set_lang("es")
    try:
        for lesson in LessonPage.objects.live().filter(locale=english):
            text = spanish_lesson_text(lesson, spanish)
            assert len(text.split()) > 100, lesson.title
            ease = textstat.fernandez_huerta(text)
            assert ease >= MIN_READING_EASE, f"{lesson.title}: Fernández Huerta {ease}"
    finally:
        textstat.set_lang("en_US")


def copy_po_files(tmp_path: Path) -> Path:
    for path in PO_FILES:
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def home_parts():
    home = Page.objects.get(depth=2, locale__language_code="en").specific
    catalogue = home.get_children().get(slug="courses").specific
    help_page = home.get_children().get(slug="help").specific
    courses = catalogue.get_children().specific().order_by("path")
    return home, catalogue, help_page, courses


def test_a_complete_po_file_missing_an_english_string_fails_with_the_string(demo, tmp_path):
    po_dir = copy_po_files(tmp_path)
    path = po_dir / "site.po"
    po = polib.pofile(str(path))
    po.remove(next(e for e in po if e.msgid == "Keep your child safer online"))
    po.save(str(path))
    translator = DemoTranslator(lambda line: None, po_dir=po_dir)

    with pytest.raises(MissingStrings) as raised:
        translator.translate_demo(*home_parts())

    assert "'Keep your child safer online'" in str(raised.value)
    assert "site.po" in str(raised.value)


def test_a_po_file_still_in_translation_is_skipped_with_a_warning(demo, tmp_path, spanish):
    po_dir = copy_po_files(tmp_path)
    path = po_dir / "locking-down-apps.po"
    po = polib.pofile(str(path))
    po[5].msgstr = ""
    po.save(str(path))
    lines = []
    translator = DemoTranslator(lines.append, po_dir=po_dir)

    translator.translate_demo(*home_parts())

    warning = [line for line in lines if line.startswith("WARNING")]
    assert len(warning) == 1
    assert "1 of" in warning[0] and "locking-down-apps.po" in warning[0]
    assert translator.skipped == ["course “Locking down the apps your child uses”"]

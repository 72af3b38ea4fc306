"""English and Spanish: the interface catalogues, the URLs, the switcher and shared progress."""

from __future__ import annotations

import re
import shutil
import zlib
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.template.base import Lexer, TokenType
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site

from courses.models import Certificate, Progress
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)

BASE_DIR = Path(settings.BASE_DIR)
TEMPLATE_ROOTS = ["templates", "edu/templates", "courses/templates", "quizzes/templates"]
# The site's and each plugin app's own catalogue (the plugin apps ship theirs in the wheel).
CATALOGUES = {
    "site": BASE_DIR / "locale",
    "courses": BASE_DIR / "courses" / "locale",
    "quizzes": BASE_DIR / "quizzes" / "locale",
}
# What makemessages must not read: other people's code, tools, and the demo's content
# (translated as content, with wagtail-localize).
MAKEMESSAGES_IGNORE = [".venv/*", ".tools/*", "node_modules/*", "tests/*", "bench/*"]
MAKEMESSAGES_IGNORE += ["build/*", "staticfiles/*", "media/*", "edu/demo/*", "*.egg-info/*"]


def po_files():
    return sorted(p for root in CATALOGUES.values() for p in root.glob("*/LC_MESSAGES/django.po"))


# --- Templates: every visible word goes through gettext ------------------------------------

# Text that is the same in every language.
ALLOWED_TEXT = {"Kinwise"}
# Attributes a person reads or hears.
VISIBLE_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "aria-description"}
# Template blocks that fill an attribute of the parent template, not visible text.
ATTRIBUTE_BLOCKS = {"body_class"}
HOLE = "\ue000"


def _without_translated_text(source: str) -> str:
    """The template's source with every tag, variable, comment and translated string
    replaced by a placeholder character, so that only literal text remains."""
    out = []
    skipping = 0
    blocks = []
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = (token.contents.split() or [""])[0]
            if name in {"blocktranslate", "blocktrans", "comment", "verbatim"}:
                skipping += 1
            elif name in {"endblocktranslate", "endblocktrans", "endcomment", "endverbatim"}:
                skipping -= 1
            elif name == "block":
                blocks.append(token.contents.split()[1])
            elif name == "endblock":
                blocks.pop()
            out.append(HOLE)
        elif token.token_type == TokenType.TEXT:
            hidden = skipping or (blocks and blocks[-1] in ATTRIBUTE_BLOCKS)
            out.append(HOLE if hidden else token.contents)
        elif token.token_type == TokenType.VAR:
            out.append(HOLE)
    return "".join(out)


class _UntranslatedText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._raw = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            visible = name in VISIBLE_ATTRIBUTES
            visible |= (
                tag == "input" and name == "value" and values.get("type") in {"submit", "reset"}
            )
            visible |= name == "content" and values.get("name") == "description"
            if value and visible:
                self._check(value)
        if tag in {"script", "style"}:
            self._raw.append(tag)

    def handle_endtag(self, tag):
        if self._raw and self._raw[-1] == tag:
            self._raw.pop()

    def handle_data(self, data):
        if not self._raw:
            self._check(data)

    def _check(self, text):
        for piece in text.split(HOLE):
            words = " ".join(piece.split())
            core = re.sub(r"[^\w\s]", "", words).strip()
            if re.search(r"[^\W\d_]{2,}", words) and core not in ALLOWED_TEXT:
                self.found.append((self.getpos()[0], words))


def untranslated_template_text(source: str) -> list[tuple[int, str]]:
    parser = _UntranslatedText()
    parser.feed(_without_translated_text(source))
    parser.close()
    return parser.found


def test_the_template_check_finds_text_and_attributes_outside_translate_tags():
    source = (
        '{% load i18n %}{% block body_class %}template-x{% endblock %}<p title="Hello">'
        "{% translate 'Fine' %} {{ value }} Kinwise</p><p>{% blocktranslate %}Fine too"
        "{% endblocktranslate %}</p><button>Send</button>"
    )
    assert [text for _line, text in untranslated_template_text(source)] == ["Hello", "Send"]


def test_every_template_translates_its_text():
    found = []
    for root in TEMPLATE_ROOTS:
        for path in sorted((BASE_DIR / root).rglob("*")):
            if path.suffix in {".html", ".txt"}:
                found += [
                    f"{path.relative_to(BASE_DIR)}:{line}: {text}"
                    for line, text in untranslated_template_text(path.read_text())
                ]
    assert not found, "Text outside {% translate %}:\n" + "\n".join(found)


# --- Catalogues ------------------------------------------------------------------------------


def test_there_is_a_spanish_catalogue_for_the_site_and_each_plugin_app():
    assert [p.relative_to(BASE_DIR).as_posix() for p in po_files()] == [
        "courses/locale/es/LC_MESSAGES/django.po",
        "locale/es/LC_MESSAGES/django.po",
        "quizzes/locale/es/LC_MESSAGES/django.po",
    ]


@pytest.mark.parametrize("path", po_files(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_every_message_is_translated_and_none_is_fuzzy(path):
    catalogue = polib.pofile(str(path))
    assert not catalogue.metadata_is_fuzzy
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[^{}]*\}")
TAG = re.compile(r"</?[a-zA-Z][\w-]*")


def _forms(entry):
    if entry.msgid_plural:
        # The first form is the singular's; the others (Spanish has two) are plurals.
        return [
            (entry.msgid if n == 0 else entry.msgid_plural, text)
            for n, text in sorted(entry.msgstr_plural.items())
        ]
    return [(entry.msgid, entry.msgstr)]


@pytest.mark.parametrize("path", po_files(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_translations_keep_every_placeholder_and_tag(path):
    problems = []
    for entry in polib.pofile(str(path)).translated_entries():
        for source, translated in _forms(entry):
            if "python-format" in entry.flags or "python-brace-format" in entry.flags:
                if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translated)):
                    problems.append((source, translated))
                if ("%%" in source) != ("%%" in translated):
                    problems.append((source, translated))
            if sorted(TAG.findall(source)) != sorted(TAG.findall(translated)):
                problems.append((source, translated))
    assert problems == []


@pytest.mark.parametrize("path", po_files(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_the_compiled_catalogue_matches_its_source(path):
    """The .mo files are committed (the wheel ships them): they must say what the .po says.
    ``make messages`` recompiles them."""
    source = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path)).translated_entries()}
    compiled = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(path.with_suffix(".mo")))}
    compiled.pop((None, ""), None)  # the header
    assert compiled.keys() == source.keys()
    for key, entry in source.items():
        if entry.msgid_plural:
            assert compiled[key].msgstr_plural == entry.msgstr_plural, key
        else:
            assert compiled[key].msgstr == entry.msgstr, key


def test_every_message_in_the_code_is_in_its_catalogue(tmp_path, monkeypatch):
    """makemessages, run on a copy of the code, finds nothing the catalogues lack."""
    skip = shutil.ignore_patterns("locale", "__pycache__", "static", "demo", "migrations")
    for name in ("edu", "courses", "quizzes", "templates"):
        shutil.copytree(BASE_DIR / name, tmp_path / name, ignore=skip)
    for root in CATALOGUES.values():
        (tmp_path / root.relative_to(BASE_DIR)).mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command(
            "makemessages",
            locale=["es"],
            ignore_patterns=MAKEMESSAGES_IGNORE,
            no_obsolete=True,
            verbosity=0,
        )
    missing = {}
    for name, root in CATALOGUES.items():
        fresh = polib.pofile(
            str(tmp_path / root.relative_to(BASE_DIR) / "es/LC_MESSAGES/django.po")
        )
        ours = {(e.msgctxt, e.msgid) for e in polib.pofile(str(root / "es/LC_MESSAGES/django.po"))}
        lacking = sorted(e.msgid for e in fresh if (e.msgctxt, e.msgid) not in ours)
        if lacking:
            missing[name] = lacking
    assert missing == {}, "Run makemessages -l es and translate these"


# --- URLs, the switcher and Spanish pages ----------------------------------------------------


def translate(page, locale, title):
    """The Spanish translation of ``page``, published (its parent must be translated)."""
    copy = page.specific.copy_for_translation(locale)
    copy.title = title
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def tree(home_page, spanish):
    """An English course with one module of two lessons, and its Spanish translation."""
    from edu.models import SiteNavigation

    english = {"home": home_page}
    english["catalogue"] = CourseIndexPageFactory(parent=home_page, title="Courses")
    english["course"] = CoursePageFactory(parent=english["catalogue"], title="Spotting grooming")
    english["module"] = ModulePageFactory(parent=english["course"], title="How it starts")
    for n in (1, 2):
        english[f"lesson{n}"] = LessonPageFactory(
            parent=english["module"], title=f"Lesson {n}", last_verified=date(2025, 5, 8)
        )
    titles = {
        "home": "Kinwise",
        "catalogue": "Cursos",
        "course": "Reconocer el grooming",
        "module": "Cómo empieza",
        "lesson1": "Lección 1",
        "lesson2": "Lección 2",
    }
    es = {key: translate(english[key], spanish, titles[key]) for key in english}
    nav = SiteNavigation.for_site(Site.objects.get(is_default_site=True))
    nav.courses_page = english["catalogue"]
    nav.save()
    return english, es


def language_links(html):
    nav = re.search(r'<nav class="language-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return {
        match["code"]: (match["url"], bool(match["current"]))
        for match in re.finditer(
            r'<a href="(?P<url>[^"]*)" lang="(?P<code>\w+)" hreflang="(?P=code)"'
            r'(?P<current> aria-current="true")?>',
            nav,
        )
    }


def test_reverse_follows_the_active_language_and_the_admin_stays_unprefixed(db):
    assert reverse("kinwise:my_learning") == "/learning/"
    with translation.override("es"):
        assert reverse("kinwise:my_learning") == "/es/learning/"
        assert reverse("login") == "/es/accounts/login/"
        assert reverse("wagtail_serve", args=[""]) == "/es/"
        assert reverse("wagtailadmin_home") == "/admin/"


def test_spanish_pages_live_under_es_in_spanish(client, tree):
    english, es = tree
    # The copies keep the English slugs here; the language prefix tells them apart.
    assert es["lesson1"].url == "/es" + english["lesson1"].url
    html = client.get(es["lesson1"].url).content.decode()
    assert '<html lang="es">' in html
    assert re.search(r"<h1[^>]*>Lección 1</h1>", html)
    assert "Saltar al contenido principal" in html and "Buscar ayuda ahora" in html
    # Dates the Spanish way.
    assert "8 de mayo de 2025" in html
    html = client.get(english["lesson1"].url).content.decode()
    assert '<html lang="en">' in html and "May 8, 2025" in html
    assert "Skip to main content" in html


def test_the_switcher_links_each_page_to_its_translation(client, tree):
    english, es = tree
    links = language_links(client.get(english["lesson1"].url).content.decode())
    assert links == {"en": (english["lesson1"].url, True), "es": (es["lesson1"].url, False)}
    links = language_links(client.get(es["lesson1"].url).content.decode())
    assert links == {"en": (english["lesson1"].url, False), "es": (es["lesson1"].url, True)}
    html = client.get(es["lesson1"].url).content.decode()
    assert '<nav class="language-nav" aria-label="Idioma">' in html


def test_the_switcher_falls_back_to_the_home_page_until_the_translation_is_published(
    client, tree, spanish
):
    english, es = tree
    lesson3 = LessonPageFactory(parent=english["module"], title="Lesson 3")
    links = language_links(client.get(lesson3.url).content.decode())
    assert links["es"] == ("/es/", False)
    spanish_lesson3 = translate(lesson3, spanish, "Lección 3")
    links = language_links(client.get(lesson3.url).content.decode())
    assert links["es"] == (spanish_lesson3.url, False)
    spanish_lesson3.unpublish()
    links = language_links(client.get(lesson3.url).content.decode())
    assert links["es"] == ("/es/", False)


def test_other_views_switch_to_the_same_url_in_the_other_language(client, tree):
    links = language_links(client.get("/es/learning/").content.decode())
    assert links == {"en": ("/learning/", False), "es": ("/es/learning/", True)}
    links = language_links(client.get("/accounts/login/?next=/learning/").content.decode())
    assert links["es"] == ("/es/accounts/login/?next=/learning/", False)


def test_header_links_lead_to_pages_in_the_active_language(client, tree):
    english, es = tree
    html = client.get(es["lesson1"].url).content.decode()
    assert f'<a href="{es["catalogue"].url}">Cursos</a>' in html
    assert '<a class="site-name" href="/es/">' in html
    html = client.get(english["lesson1"].url).content.decode()
    assert f'<a href="{english["catalogue"].url}">Courses</a>' in html


def test_log_in_redirects_keep_the_language(client, tree):
    response = client.get("/es/accounts/my-data/")
    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/login/?next=/es/accounts/my-data/"
    html = client.get(response["Location"]).content.decode()
    assert '<html lang="es">' in html and "Iniciar sesión" in html


def test_unknown_pages_and_the_admin(client, tree):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    assert "No encontramos esa página" in response.content.decode()
    assert client.get("/es/admin/").status_code == 404
    assert client.get("/admin/").status_code == 302


def test_a_spanish_lesson_page_stays_within_the_query_budget(client, tree):
    url = tree[1]["lesson2"].url
    client.get(url)  # warm the per-process caches and the cached links
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 12


# --- Progress is shared across languages ----------------------------------------------------


def test_progress_in_one_language_counts_in_the_other(client, parent, tree):
    english, es = tree
    client.force_login(parent)
    client.post(english["lesson1"].url + "complete/")
    html = client.get(es["lesson1"].url).content.decode()
    assert "Completó esta lección el" in html and "Marcar como completada" not in html
    html = client.get(es["module"].url).content.decode()
    assert "1 de 2 actividades terminadas" in html

    response = client.post(es["lesson2"].url + "complete/")
    assert response.status_code == 302 and response["Location"].startswith(es["lesson2"].url)
    for key in ("lesson1", "lesson2", "module", "course"):
        row = Progress.objects.get(learner=parent, translation_key=english[key].translation_key)
        assert row.is_complete, key
    html = client.get(english["lesson2"].url).content.decode()
    assert "You completed this lesson on" in html

    certificate = Certificate.objects.get(learner=parent)
    html = client.get("/es/learning/").content.decode()
    completed = html[html.index('id="completed-title"') :]
    assert "Reconocer el grooming" in completed and "Spotting grooming" not in completed
    assert f'href="/es/learning/certificates/{certificate.code}/"' in completed
    html = client.get("/learning/").content.decode()
    completed = html[html.index('id="completed-title"') :]
    assert "Spotting grooming" in completed and "Reconocer el grooming" not in completed

    html = client.get(f"/es/learning/certificates/{certificate.code}/").content.decode()
    assert "Certificado de finalización" in html and "Reconocer el grooming" in html
    html = client.get(f"/learning/certificates/{certificate.code}/").content.decode()
    assert "Certificate of completion" in html and "Spotting grooming" in html
    html = client.get(f"/es/learning/certificates/verify/{certificate.code}/").content.decode()
    assert "Este certificado es auténtico" in html and "Reconocer el grooming" in html
    pdf = client.get(f"/es/learning/certificates/{certificate.code}/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    text = b"".join(
        zlib.decompress(stream)
        for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf.content, re.S)
        if stream[:1] == b"x"  # zlib-compressed page content
    )
    assert "Certificado de finalización".encode("latin-1") in text
    assert b"Reconocer el grooming" in text


def test_what_a_class_assigned_shows_in_the_learners_language(client, parent, teacher, tree):
    from tests.courses.teach_support import assign, enrol, make_class

    english, es = tree
    classroom = make_class(teacher)
    enrol(classroom, parent)
    assign(classroom, english["module"], due_date=date(2030, 1, 15))
    client.force_login(parent)
    client.get(es["lesson1"].url)  # started, in Spanish
    html = client.get("/es/learning/").content.decode()
    assigned = html[: html.index('id="in-progress-title"')]
    assert f'<a href="{es["module"].url}">Cómo empieza</a>' in assigned
    assert "En curso" in assigned and "15 de enero de 2030" in assigned
    html = client.get("/learning/").content.decode()
    assigned = html[: html.index('id="in-progress-title"')]
    assert f'<a href="{english["module"].url}">How it starts</a>' in assigned
    assert "In progress" in assigned and "Jan. 15, 2030" in assigned


def test_logging_in_and_out_come_back_to_the_home_page_in_the_same_language(client, parent, tree):
    from tests.factories import PASSWORD

    response = client.post("/es/accounts/login/", {"username": parent.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/es/"
    response = client.post("/es/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/es/"
    response = client.post("/accounts/login/", {"username": parent.email, "password": PASSWORD})
    assert response["Location"] == "/"


def test_spanish_numbers_keep_the_us_separators_and_dates_are_spanish():
    from django.contrib.humanize.templatetags.humanize import intcomma
    from django.utils import formats

    with translation.override("es"):
        assert intcomma(1234567) == "1,234,567"
        assert formats.number_format(1234.5, decimal_pos=1, force_grouping=True) == "1,234.5"
        assert formats.date_format(date(2030, 1, 15), "DATE_FORMAT") == "15 de enero de 2030"
    with translation.override("en"):
        assert formats.date_format(date(2030, 1, 15), "DATE_FORMAT") == "Jan. 15, 2030"

"""A Spanish-speaking parent: switches language on the English home page, reads a lesson,
marks it complete, takes the module's quiz and finds it all on My learning, in Spanish."""

from playwright.sync_api import expect
from wagtail.models import Locale, Site

from edu.models import SiteNavigation
from tests.browser.helpers import assert_accessible
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizPageFactory,
    quiz_question,
)


def translate(page, locale, **fields):
    copy = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


def check(page, heading):
    """Wait for the page's h1, then check it is the Spanish interface and axe is clean."""
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("link", name="Saltar al contenido principal")).to_be_attached()
    language = page.get_by_role("navigation", name="Idioma")
    expect(language.get_by_role("link", name="Español")).to_have_attribute("aria-current", "true")
    assert_accessible(page)


def test_a_parent_learns_in_spanish(live_site, page, home_page):
    es = Locale.objects.get(language_code="es")
    catalogue = CourseIndexPageFactory(parent=home_page, title="Courses", slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Spotting grooming", slug="grooming")
    module = ModulePageFactory(parent=course, title="How it starts", slug="how-it-starts")
    lesson = LessonPageFactory(parent=module, title="Warning signs", slug="signs")
    quiz = QuizPageFactory(
        parent=module, title="Check", slug="check", questions=[quiz_question("true_false", "tf")]
    )
    nav = SiteNavigation.for_site(Site.objects.get(is_default_site=True))
    nav.courses_page = catalogue
    nav.save()
    translate(home_page, es, title="Kinwise", hero_title="Proteja a su hijo en internet")
    translate(catalogue, es, title="Cursos")
    translate(course, es, title="Reconocer el grooming")
    translate(module, es, title="Cómo empieza")
    es_lesson = translate(lesson, es, title="Señales de alerta")
    es_quiz = translate(quiz, es, title="Compruebe lo que aprendió")

    # The English home page, then its language switcher.
    page.goto(live_site.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Keep your child safer online")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)
    switcher = page.get_by_role("navigation", name="Language")
    spanish = switcher.get_by_role("link", name="Español")
    expect(spanish).to_have_attribute("lang", "es")
    expect(spanish).to_have_attribute("hreflang", "es")
    spanish.click()
    check(page, "Proteja a su hijo en internet")
    expect(page).to_have_url(live_site.url + "/es/")

    # The header leads to the Spanish catalogue.
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Cursos").click()
    check(page, "Cursos")

    # Read the lesson and mark it complete.
    page.goto(live_site.url + es_lesson.url)
    check(page, "Señales de alerta")
    expect(page.get_by_text("Su progreso se guarda en este dispositivo")).to_be_visible()
    page.get_by_role("button", name="Marcar como completada").click()
    expect(page.get_by_text("Completó esta lección el")).to_be_visible()
    check(page, "Señales de alerta")

    # Take the quiz.
    page.goto(live_site.url + es_quiz.url)
    check(page, "Compruebe lo que aprendió")
    page.get_by_role("button", name="Empezar el cuestionario").click()
    expect(page.get_by_role("button", name="Enviar respuestas")).to_be_visible()
    check(page, "Compruebe lo que aprendió")
    page.get_by_label("Verdadero", exact=True).check()
    page.get_by_role("button", name="Enviar respuestas").click()
    expect(page.get_by_text("Aprobó.", exact=True)).to_be_visible()
    expect(page.get_by_text("obtuvo 100%")).to_be_visible()
    check(page, "Compruebe lo que aprendió: su resultado")

    # My learning: the course, completed, by its Spanish title.
    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Mi aprendizaje"
    ).click()
    check(page, "Mi aprendizaje")
    completed = page.locator("section", has=page.locator("#completed-title"))
    expect(completed.get_by_role("link", name="Reconocer el grooming")).to_be_visible()
    expect(page.get_by_text("Cree una cuenta para recibir su certificado")).to_be_visible()
    # And back to English from here: the same view, unprefixed.
    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My learning")
    expect(page).to_have_url(live_site.url + "/learning/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

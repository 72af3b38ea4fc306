"""Every page a visitor, a parent, a teacher and an editor can reach, checked in Chromium.

From the demo site's home page, each role follows every same-site link (breadth first, one
visit per path) and every page must answer 200, pass axe (WCAG 2.2 AA and best practice) and
have no Nu HTML Checker errors. Downloads (PDF, CSV, JSON) are fetched for their status only.
The editor checks the Wagtail previews of a lesson and a quiz and the admin screens an editor
uses, with a documented list of axe rules that only Wagtail's own admin markup breaks.
"""

from __future__ import annotations

import re
import time
from collections import deque
from urllib.parse import urldefrag, urlsplit

from playwright.sync_api import expect
from wagtail.models import Locale

from courses.models import Certificate, CoursePage, LessonPage, ModulePage
from quizzes.models import QuizPage
from tests.browser.demo import english, log_in, parent_progress, teacher_class
from tests.browser.quality import (
    KnownIssue,
    assert_site_styled,
    axe_violations,
    describe_html_errors,
    describe_violations,
    html_errors,
)

# A crawl that finds more pages than this has found a link that makes new URLs forever.
MAX_PAGES = 150

# Fetched for their status only: files, not pages.
DOWNLOAD = re.compile(r"(\.(pdf|csv|json|xlsx|zip)$|/pdf/$|/download/$|^/documents/)")

# Never followed: the admin (the editor checks it separately), and leaving the site.
NOT_FOLLOWED = re.compile(r"^/(admin|accounts/logout)/")

# Each crawl stays in one language: the switcher on every page links to the other one.
ENGLISH = re.compile(r"^/(?!es/)")
SPANISH = re.compile(r"^/es/")

# Known problems in Wagtail's own admin markup (Wagtail 8.0.1), which this project does not
# own: each names the rule or message, the nodes it covers and why. They apply to /admin/ pages
# only; the site's pages and the editors' previews are checked without exceptions. Never add
# one for markup from this project's templates (the reports and panels are ours).
WAGTAIL_ADMIN_AXE: dict[str, KnownIssue] = {
    "aria-input-field-name": KnownIssue(
        "Draftail's contenteditable (role=textbox) has no accessible name in a StreamField",
        r"public-DraftEditor-content",
    ),
    "label": KnownIssue(
        "a ListBlock's child inputs (checklist items, quiz topics) are rendered without a label",
        r"^#[\w-]+-value-\w+-\d+-value$",
    ),
    "landmark-unique": KnownIssue(
        "StreamField children are <section>s named by their block type, so two questions of "
        "one type are two regions with one name",
        r"^#block-[\w-]+-section$",
    ),
    "scrollable-region-focusable": KnownIssue(
        "the edit form's minimap list scrolls but cannot take focus", r"^\.w-minimap__list$"
    ),
}
WAGTAIL_ADMIN_HTML: dict[str, KnownIssue] = {
    "Attribute “type” not allowed on element “div”": KnownIssue(
        "the breadcrumbs dropdown puts type= on a div", r"w-dropdown"
    ),
    "Element “div” not allowed as child of element “button”": KnownIssue(
        "menu and side-panel toggle buttons wrap their content in divs",
        r"w-flex w-items-center w-gap-2|data-side-panel-toggle-counter",
    ),
    "Element “div” not allowed as child of element “label”": KnownIssue(
        "the side panel's resize grip is a div in a label", r"form-side__resize-grip-icon"
    ),
    "for attribute “datetime” on element “time”: A fraction of a second": KnownIssue(
        "human-readable dates print microseconds in datetime=", r"w-human-readable-date"
    ),
    "Duplicate attribute “value”": KnownIssue(
        "an InlinePanel child's hidden ORDER input repeats its value attribute",
        r'name="[\w-]+-ORDER" value="\d+" value=',
    ),
    "“hidden” must not have any “aria-\\*” attributes": KnownIssue(
        "Draftail keeps a rich text field's value in a hidden input with aria-describedby",
        r'type="hidden" name="\w+" value="\{ &quot;blocks&quot;',
    ),
    "“for” attribute of the “label” element must be the ID of a non-hidden form control": (
        KnownIssue(
            "a rich text field's label points at Draftail's hidden input",
            r'^<label for="id_\w+" id="id_\w+-label">',
        )
    ),
    "Text not allowed in element “iframe”": KnownIssue(
        "the preview panel's iframe holds a placeholder div (the extract shows only the div)",
        r"^</?div>",
    ),
}


class Crawl:
    """Breadth-first over same-site links from the home page; one visit per path."""

    def __init__(self, page, base_url, scope=ENGLISH):
        self.page = page
        self.base_url = base_url
        self.scope = scope
        self.origin = urlsplit(base_url)
        self.seen: set[str] = set()
        self.html: dict[str, str] = {}
        self.problems: list[str] = []
        self.downloads: list[str] = []
        self.seconds = {"load": 0.0, "axe": 0.0}

    def key(self, url):
        return urlsplit(url).path

    def same_site(self, url):
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc == self.origin.netloc

    def run(self, start="/"):
        queue = deque([self.base_url + start])
        self.seen.add(start)
        while queue:
            assert len(self.html) < MAX_PAGES, f"more than {MAX_PAGES} pages: {sorted(self.seen)}"
            url = queue.popleft()
            for link in self.visit(url):
                path = self.key(link)
                if path in self.seen or NOT_FOLLOWED.match(path) or not self.scope.match(path):
                    continue
                self.seen.add(path)
                if DOWNLOAD.search(path):
                    self.fetch(link)
                else:
                    queue.append(link)

    def visit(self, url):
        started = time.monotonic()
        response = self.page.goto(url)
        self.seconds["load"] += time.monotonic() - started
        path = self.key(self.page.url)
        if response is None or response.status != 200:
            status = response.status if response else "no response"
            self.problems.append(f"{url}: HTTP {status}")
            return []
        if path != self.key(url):  # redirected (to log in, say): check that page once
            if path in self.seen and self.page.url in self.html:
                return []
            self.seen.add(path)
        self.check(self.page.url, response.text())
        links = self.page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        return [urldefrag(link).url for link in links if self.same_site(link)]

    def check(self, url, html):
        expect(self.page.get_by_role("heading", level=1).first).to_be_visible()
        assert_site_styled(self.page)
        started = time.monotonic()
        violations = axe_violations(self.page)
        self.seconds["axe"] += time.monotonic() - started
        if violations:
            self.problems.append(f"{url}: axe\n{describe_violations(violations)}")
        self.html[url] = html

    def fetch(self, url):
        response = self.page.request.get(url)
        self.downloads.append(url)
        if response.status != 200:
            self.problems.append(f"{url}: HTTP {response.status} (download)")


def crawl_and_check(page, base_url, tmp_path, start="/", scope=ENGLISH):
    started = time.monotonic()
    crawl = Crawl(page, base_url, scope)
    crawl.run(start)
    crawled = time.monotonic()
    errors = html_errors(crawl.html, tmp_path / "html")
    print(
        f"\n{len(crawl.html)} pages, {len(crawl.downloads)} downloads: "
        f"crawl {crawled - started:.1f}s (loading {crawl.seconds['load']:.1f}s, "
        f"axe {crawl.seconds['axe']:.1f}s), Nu HTML Checker {time.monotonic() - crawled:.1f}s"
    )
    problems = list(crawl.problems)
    if errors:
        problems.append("Nu HTML Checker errors:\n" + describe_html_errors(errors))
    assert not problems, "\n".join(problems)
    return crawl


def paths(crawl):
    return {urlsplit(url).path for url in crawl.html}


def test_visitor_crawl(demo_site, page, tmp_path):
    crawl = crawl_and_check(page, demo_site.url, tmp_path)
    found = paths(crawl)
    # The crawl reached every published course page, not just the menus.
    for page_model in (CoursePage, ModulePage, LessonPage, QuizPage):
        for course_page in english(page_model):
            assert course_page.url in found, f"{course_page.url} is not linked from the site"
    assert {"/accounts/login/", "/accounts/signup/", "/help/"} <= found


def test_spanish_visitor_crawl(demo_site, page, tmp_path):
    crawl = crawl_and_check(page, demo_site.url, tmp_path, start="/es/", scope=SPANISH)
    found = paths(crawl)
    spanish = Locale.objects.get(language_code="es")
    for page_model in (CoursePage, ModulePage, LessonPage, QuizPage):
        for course_page in page_model.objects.live().filter(locale=spanish):
            assert course_page.url in found, f"{course_page.url} is not linked from the site"
    assert {"/es/accounts/login/", "/es/accounts/signup/"} <= found
    assert page.evaluate("document.documentElement.lang") == "es"


def test_parent_crawl(demo_site, page, tmp_path):
    teacher_class()
    parent_progress()
    log_in(page.context, demo_site.url, "parent@example.com")
    crawl = crawl_and_check(page, demo_site.url, tmp_path)
    found = paths(crawl)
    certificate = Certificate.objects.get(learner__email="parent@example.com")
    assert {"/learning/", "/accounts/my-data/", f"/learning/certificates/{certificate.code}/"} <= (
        found
    )
    assert any("/pdf/" in url for url in crawl.downloads)


def test_teacher_crawl(demo_site, page, tmp_path):
    classroom = teacher_class()
    parent_progress()
    log_in(page.context, demo_site.url, "teacher@example.com")
    crawl = crawl_and_check(page, demo_site.url, tmp_path)
    found = paths(crawl)
    assert {
        "/learning/teach/",
        "/learning/teach/classes/new/",
        f"/learning/teach/classes/{classroom.pk}/",
        f"/learning/teach/classes/{classroom.pk}/manage/",
        f"/learning/teach/classes/{classroom.pk}/assignments/new/",
    } <= found
    assert any(urlsplit(url).path.endswith("/export.csv") for url in crawl.downloads)


def preview(page, base_url, page_id):
    """Open a page's editor, send its form to Wagtail's preview, and open the preview."""
    edit_url = f"{base_url}/admin/pages/{page_id}/edit/"
    page.goto(edit_url)
    expect(page.locator("#page-edit-form")).to_be_attached()
    valid = page.evaluate(
        """async url => {
            const form = document.getElementById("page-edit-form");
            const response = await fetch(url, {method: "POST", body: new FormData(form)});
            return (await response.json()).is_valid;
        }""",
        edit_url + "preview/",
    )
    assert valid, f"the editor's form for page {page_id} is not valid for a preview"
    response = page.goto(edit_url + "preview/")
    assert response.status == 200
    return response.text()


def check_admin_page(page, url, problems):
    response = page.goto(url)
    if response.status != 200:
        problems.append(f"{url}: HTTP {response.status}")
        return None
    expect(page.locator("main, #main").first).to_be_attached()
    violations = axe_violations(page, WAGTAIL_ADMIN_AXE)
    if violations:
        problems.append(f"{url}: axe\n{describe_violations(violations)}")
    return response.text()


def test_editor_previews_and_admin(demo_site, page, tmp_path):
    base = demo_site.url
    lesson = english(LessonPage).order_by("path").first()
    quiz = english(QuizPage).order_by("path").first()
    catalogue = lesson.get_parent().get_parent().get_parent()
    problems = []
    site_html = {}

    log_in(page.context, base, "editor@example.com")
    for item in (lesson, quiz):
        html = preview(page, base, item.pk)
        expect(page.get_by_role("heading", level=1)).to_have_text(item.title)
        assert_site_styled(page)
        violations = axe_violations(page)
        if violations:
            problems.append(f"preview of {item.url}: axe\n{describe_violations(violations)}")
        site_html[f"preview of {item.url}"] = html

    admin_html = {}
    for url in (
        "/admin/",
        f"/admin/pages/{catalogue.pk}/",
        f"/admin/pages/{lesson.get_parent().pk}/",
        f"/admin/pages/{lesson.pk}/edit/",
        f"/admin/pages/{quiz.pk}/edit/",
        "/admin/kinwise/reports/due-for-review/",
    ):
        html = check_admin_page(page, base + url, problems)
        if html is not None:
            admin_html[url] = html

    # The learner reports are for safety reviewers (they publish).
    page.context.clear_cookies()
    log_in(page.context, base, "reviewer@example.com")
    for url in (
        "/admin/kinwise/reports/module-completion/",
        "/admin/kinwise/quiz-reports/question-analysis/",
    ):
        html = check_admin_page(page, base + url, problems)
        if html is not None:
            admin_html[url] = html

    errors = html_errors({**site_html, **admin_html}, tmp_path / "html", WAGTAIL_ADMIN_HTML)
    if errors:
        problems.append("Nu HTML Checker errors:\n" + describe_html_errors(errors))
    assert not problems, "\n".join(problems)

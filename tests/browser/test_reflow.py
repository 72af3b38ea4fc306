"""Reflow, reduced motion, labelled and announced form errors, and a guard that axe is live.

WCAG 1.4.10 (Reflow): content fits 320 CSS px without scrolling sideways. A 1280-px screen at
400% zoom is 320 CSS px; at 200% zoom it is 640 CSS px (a 640-px viewport with a device
scale factor of 2 renders exactly that). Both are checked on every content page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail_factories import ImageFactory

from courses.models import CourseIndexPage, CoursePage, HelpPage, LessonPage, ModulePage
from quizzes.models import QuizPage
from tests.browser.demo import english, log_in, parent_progress, teacher_class
from tests.browser.helpers import assert_accessible
from tests.browser.quality import axe_violations
from tests.factories import LessonPageFactory

VIEWPORTS = {
    "320 CSS px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    "1280 px at 200% zoom": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}

VIDEO_URL = "https://www.youtube.com/watch?v=kinwise-demo"


def every_block_lesson(module, platform, resource):
    """A lesson with one of each block, and the things that break narrow layouts: a long
    unbroken word, a long link, a wide image and a fixed-width video embed."""
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html=(
            '<iframe width="640" height="360" title="How it starts" '
            'src="https://www.youtube-nocookie.com/embed/kinwise-demo"></iframe>'
        ),
        width=640,
        height=360,
        provider_name="YouTube",
    )
    image = ImageFactory(width=1600, height=900)
    long_link = "https://www.example.org/" + "a-very-long-path-segment/" * 6
    body = [
        {
            "type": "paragraph",
            "value": (
                "<p>Supercalifragilisticexpialidociousandthensomemoretomakeitlonger and "
                f'<a href="{long_link}">{long_link}</a></p>'
            ),
        },
        {"type": "heading", "value": {"text": "Why gifts matter", "anchor": "gifts"}},
        {"type": "image", "value": {"image": image.pk, "alt_text": "A phone", "caption": "A"}},
        {
            "type": "video",
            "value": {
                "video": VIDEO_URL,
                "title": "How it starts",
                "transcript": "<p>Narrator: it starts with a message.</p>",
            },
        },
        {
            "type": "callout",
            "value": {"kind": "warning", "title": "Keep evidence", "body": "<p>x</p>"},
        },
        {
            "type": "accordion",
            "value": {
                "title": "Questions",
                "items": [{"question": "Should I take the phone away?", "answer": "<p>No.</p>"}],
            },
        },
        {
            "type": "warning_signs",
            "value": {
                "title": "Signs",
                "intro": "",
                "signs": [{"sign": "Secret gifts", "why_it_matters": "Obligation."}],
            },
        },
        {
            "type": "chat_scenario",
            "value": {
                "title": "A new friend",
                "context": "Maya, 12, plays a game.",
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "Jay",
                        "text": "ur so mature " + "x" * 60,
                        "tactic": "Flattery",
                        "explanation": "Builds trust.",
                    },
                    {"sender": "child", "sender_label": "Maya", "text": "thx"},
                ],
                "takeaway": "Praise from a stranger is a first step.",
            },
        },
        {
            "type": "privacy_guide",
            "value": {
                "platform": platform.pk,
                "applies_to": "Teen accounts",
                "last_verified": "2026-05-01",
                "intro": "",
                "steps": [
                    {
                        "instruction": "Open Settings.",
                        "menu_path": "Profile › Menu › Settings and privacy › Account privacy",
                        "why_it_matters": "Strangers cannot see posts.",
                    }
                ],
            },
        },
        {"type": "checklist", "value": {"title": "Tonight", "items": ["Make it private"]}},
        {
            "type": "conversation_starters",
            "value": {"age_band": "11-13", "intro": "", "prompts": ["Who do you talk to?"]},
        },
        {"type": "help_resources", "value": {"title": "Help", "resources": [resource.pk]}},
        {
            "type": "knowledge_check",
            "value": {
                "question": "A stranger sends game credit. Why?",
                "choices": [
                    {"text": "Kindness", "correct": False, "feedback": ""},
                    {"text": "To create a sense of owing", "correct": True, "feedback": ""},
                ],
                "explanation": "Gifts create a feeling of owing something back.",
            },
        },
    ]
    return LessonPageFactory(parent=module, title="Every block", slug="every-block", body=body)


@pytest.fixture
def content_pages(demo_site):
    """The content pages, by name: (path, the demo account that sees it or None)."""
    from courses.models import HelpResource, Platform

    classroom = teacher_class()
    parent_progress()
    module = english(ModulePage).order_by("path").first()
    lesson = every_block_lesson(module, Platform.objects.first(), HelpResource.objects.first())
    return {
        "home": ("/", None),
        "catalogue": (english(CourseIndexPage).get().url, None),
        "course": (english(CoursePage).order_by("path").first().url, None),
        "module": (module.url, None),
        "lesson with every block": (lesson.url, None),
        "quiz": (english(QuizPage).child_of(module).get().url, None),
        "quiz form": (english(QuizPage).child_of(module).get().url, None),
        "help": (english(HelpPage).get().url, None),
        "sign up": ("/accounts/signup/", None),
        "My learning": ("/learning/", "parent@example.com"),
        "certificate": ("/learning/", "parent@example.com"),
        "class dashboard": (f"/learning/teach/classes/{classroom.pk}/", "teacher@example.com"),
    }


OVERFLOW = """() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll("body *")]
        .filter(el => el.getBoundingClientRect().right > root.clientWidth + 1)
        .filter(el => !el.closest(".visually-hidden, .skip-link"))
        .slice(0, 5)
        .map(el => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
    return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide};
}"""


def blank_videos(route):
    route.fulfill(body="<title>video</title>", content_type="text/html")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_content_pages_reflow_without_scrolling_sideways(
    demo_site, content_pages, browser, viewport
):
    context = browser.new_context(**VIEWPORTS[viewport], reduced_motion="reduce")
    context.route(re.compile(r"https://www\.youtube(-nocookie)?\.com/.*"), blank_videos)
    page = context.new_page()
    signed_in = None
    problems = []
    for name, (path, account) in content_pages.items():
        if account != signed_in:
            context.clear_cookies()
            if account:
                log_in(context, demo_site.url, account)
            signed_in = account
        page.goto(demo_site.url + path)
        if name == "quiz form":
            page.get_by_role("button", name=re.compile("Start the quiz|Try again")).click()
            expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
        if name == "certificate":
            page.get_by_role("link", name=re.compile("^View your certificate")).first.click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.wait_for_load_state("load")
        found = page.evaluate(OVERFLOW)
        if found["scroll"] > found["client"]:
            problems.append(f"{name} ({path}): {found}")
    context.close()
    assert not problems, f"pages that scroll sideways at {viewport}:\n" + "\n".join(problems)


def test_every_demo_lesson_reflows_at_320_css_px(demo_site, browser):
    context = browser.new_context(**VIEWPORTS["320 CSS px"], reduced_motion="reduce")
    page = context.new_page()
    problems = []
    for lesson in english(LessonPage).order_by("path"):
        page.goto(demo_site.url + lesson.url)
        found = page.evaluate(OVERFLOW)
        if found["scroll"] > found["client"]:
            problems.append(f"{lesson.url}: {found}")
    context.close()
    assert not problems, "lessons that scroll sideways at 320 CSS px:\n" + "\n".join(problems)


MOTION = """() => {
    const seconds = value => Math.max(...value.split(",").map(v => parseFloat(v) || 0));
    // A probe styled through the CSS object model (allowed by the content security policy):
    // it shows whether the stylesheet's reduced-motion rule overrides what any rule sets.
    const probe = document.createElement("div");
    probe.style.transition = "opacity 2s";
    probe.style.animation = "kinwise-probe 2s infinite";
    document.body.append(probe);
    const moving = [...document.querySelectorAll("*")].filter(el => {
        const style = getComputedStyle(el);
        return el !== probe && (seconds(style.transitionDuration) > 0.01
            || (style.animationName !== "none" && seconds(style.animationDuration) > 0.01));
    }).map(el => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
    const style = getComputedStyle(probe);
    const probeMoves = seconds(style.transitionDuration) > 0.01
        || (style.animationName !== "none" && seconds(style.animationDuration) > 0.01);
    probe.remove();
    return {moving: moving, probeMoves: probeMoves};
}"""


def test_reduced_motion_turns_off_transitions_and_animations(demo_site, content_pages, page):
    page.emulate_media(reduced_motion="no-preference")
    page.goto(demo_site.url + content_pages["lesson with every block"][0])
    assert page.evaluate(MOTION)["probeMoves"], "the probe should move without the preference"

    page.emulate_media(reduced_motion="reduce")
    for name in ("home", "lesson with every block", "quiz", "help"):
        page.goto(demo_site.url + content_pages[name][0])
        motion = page.evaluate(MOTION)
        assert not motion["probeMoves"], f"{name}: the reduced-motion rule did not apply"
        assert not motion["moving"], f"{name}: still moving: {motion['moving']}"


UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea")]
    .filter(el => el.type !== "hidden")
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")
                  && !el.getAttribute("aria-labelledby"))
    .map(el => el.name || el.id)"""

DESCRIBED = """() => [...document.querySelectorAll(
        ".field--error input, .field--error select, .field--error textarea")]
    .map(el => {
        const ids = (el.getAttribute("aria-describedby") || "").split(/\\s+/).filter(Boolean);
        const errors = ids.map(id => document.getElementById(id))
                          .filter(target => target && target.classList.contains("errorlist"));
        return {name: el.name, error: errors.map(e => e.innerText.trim()).join(" ")};
    })"""


def test_sign_up_errors_are_labelled_tied_and_announced(demo_site, page):
    page.goto(demo_site.url + "/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    assert page.evaluate(UNLABELLED) == []
    page.get_by_label("Email address").fill("not-an-email")
    page.get_by_label(re.compile(r"^Password \(required\)")).fill("short")
    page.get_by_label("Password confirmation").fill("different")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")

    # Announced: a summary in an alert region, which takes focus, links to each problem.
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).not_to_have_count(0)
    # Each refused field names its error through aria-describedby.
    described = page.evaluate(DESCRIBED)
    assert {field["name"] for field in described} >= {"email", "password2"}, described
    assert all(field["error"] for field in described), described
    assert page.evaluate(UNLABELLED) == []
    assert_accessible(page)
    # The summary's links move focus to the field they name.
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Email address")).to_be_focused()


def test_dropping_a_label_or_a_contrast_fails_the_checks(demo_site, content_pages, page, tmp_path):
    """The checks are live: break a label and a colour on a clean page and they say so."""
    from tests.browser.quality import html_errors

    response = page.goto(demo_site.url + content_pages["lesson with every block"][0])
    assert axe_violations(page) == []
    served = response.text()

    page.evaluate("document.querySelector('.checklist label').remove()")
    assert "label" in {v["id"] for v in axe_violations(page)}

    page.reload()
    page.evaluate("document.querySelector('.lesson p').style.setProperty('color', '#b0b0b0')")
    assert "color-contrast" in {v["id"] for v in axe_violations(page)}

    # And the Nu HTML Checker: a label whose control was dropped is an error.
    broken = served.replace("</main>", '<label for="gone">Gone</label></main>', 1)
    errors = html_errors({"served": served, "broken": broken}, tmp_path / "html")
    assert "served" not in errors
    assert any("for" in message and "label" in message for message in errors["broken"])

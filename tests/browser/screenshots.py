"""Screenshots of the main pages, desktop and phone, for the README: ``make screenshots``.

Builds the demo (with a parent's progress and a teacher's class) in a throwaway SQLite
database, serves it with ``runserver``, opens each page in Debian's Chromium and saves PNGs
in docs/screenshots/, reduced to a 256-colour palette to keep the repository small.

    .venv/bin/python -m tests.browser.screenshots [--out DIR]
"""

from __future__ import annotations

import argparse
import io
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}


def build_demo(database: Path) -> dict[str, tuple[str, str | None]]:
    """Migrate and fill the throwaway database; returns the pages to shoot by file name:
    (path, the demo account to log in as, or None)."""
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "edu.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())

    from courses.models import CoursePage, HelpPage, LessonPage
    from quizzes.models import QuizPage
    from tests.browser.demo import english, parent_progress, teacher_class

    classroom = teacher_class()
    parent_progress()
    course = english(CoursePage).get(slug="recognising-grooming-and-sextortion")
    lesson = next(
        page
        for page in english(LessonPage).descendant_of(course).order_by("path")
        if any(block.block_type == "chat_scenario" for block in page.body)
    )
    quiz = english(QuizPage).descendant_of(course).order_by("path").first()
    return {
        "home": ("/", None),
        "catalogue": (course.get_parent().url, None),
        "course": (course.url, None),
        "lesson": (lesson.url, None),
        "quiz": (quiz.url, None),
        "help": (english(HelpPage).get().url, None),
        "my-learning": ("/learning/", "parent@example.com"),
        "teacher-dashboard": (f"/learning/teach/classes/{classroom.pk}/", "teacher@example.com"),
        "admin-report": ("/admin/kinwise/reports/module-completion/", "reviewer@example.com"),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(port: int) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the development server did not start")


def log_in(page, base: str, email: str) -> None:
    from edu.management.commands.load_demo import DEMO_PASSWORD

    page.context.clear_cookies()
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label(re.compile(r"^Password")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def shrink(path: Path) -> None:
    """A 256-colour palette: a screenshot of flat colours and text loses nothing visible."""
    from PIL import Image

    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)


def shoot(base: str, pages: dict, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size, options in SIZES.items():
            context = browser.new_context(**options, reduced_motion="reduce")
            page = context.new_page()
            account = None
            for name, (path, who) in pages.items():
                if who != account:
                    if who:
                        log_in(page, base, who)
                    else:
                        context.clear_cookies()
                    account = who
                page.goto(base + path)
                page.wait_for_load_state("load")
                target = out / f"{name}-{size}.png"
                page.screenshot(path=target)
                shrink(target)
                saved.append(target)
            context.close()
        browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory(prefix="kinwise-screenshots-") as tmp:
        pages = build_demo(Path(tmp) / "demo.sqlite3")
        port = free_port()
        server = serve(port)
        try:
            saved = shoot(f"http://127.0.0.1:{port}", pages, args.out)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for path in saved:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()

"""Kinwise as a plugin: the wheel installs into a brand-new Wagtail 8 site, as the README says.

Builds the wheel, checks it ships only the plugin apps, creates a project with
`wagtail start`, adds the settings from the README's integration section (read from the
README itself, so the docs and this test cannot drift apart), migrates, then builds a course
tree, renders every page type and takes a quiz (tests/plugin/site_script.py).
"""

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.plugin


def _uv() -> str:
    for candidate in (BASE_DIR / ".tools" / "bin" / "uv", shutil.which("uv")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    pytest.skip("uv is not installed (make test installs it into .tools/)")


def _run(*args, cwd=None, env=None):
    result = subprocess.run(  # noqa: S603
        [str(a) for a in args],
        cwd=cwd,
        env={**os.environ, "UV_PYTHON_DOWNLOADS": "never", **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def readme_block(marker: str) -> str:
    """The code block that follows ``<!-- integration:marker -->`` in the README."""
    readme = (BASE_DIR / "README.md").read_text()
    match = re.search(rf"<!-- integration:{marker} -->\s*```\w*\n(.*?)```", readme, re.S)
    assert match, f"README has no integration:{marker} block"
    return match.group(1)


def test_the_wheel_installs_into_a_new_wagtail_site(tmp_path):
    uv = _uv()
    dist = tmp_path / "dist"
    _run(uv, "build", "--wheel", "--out-dir", dist, BASE_DIR)
    (wheel,) = dist.glob("kinwise-*.whl")

    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"courses", "quizzes"}
    for shipped in (
        "courses/templates/courses/lesson_page.html",
        "courses/migrations/0001_initial.py",
        "quizzes/templates/quizzes/quiz_page.html",
        "quizzes/migrations/0001_initial.py",
        # Compiled Spanish interface text: Django reads .mo files, never .po.
        "courses/locale/es/LC_MESSAGES/django.mo",
        "quizzes/locale/es/LC_MESSAGES/django.mo",
    ):
        assert shipped in names, shipped
    assert any(n.startswith("courses/static/courses/") for n in names)

    venv = tmp_path / "venv"
    _run(uv, "venv", "--quiet", "--python", sys.executable, venv)
    python = venv / "bin" / "python"
    _run(uv, "pip", "install", "--quiet", "--python", python, wheel)

    site_dir = tmp_path / "site"
    site_dir.mkdir()
    _run(venv / "bin" / "wagtail", "start", "districtsite", site_dir)
    settings_file = site_dir / "districtsite" / "settings" / "base.py"
    settings_file.write_text(settings_file.read_text() + "\n" + readme_block("settings"))
    urls_file = site_dir / "districtsite" / "urls.py"
    urls_file.write_text(urls_file.read_text() + "\n" + readme_block("urls"))

    env = {"DJANGO_SETTINGS_MODULE": "districtsite.settings.dev"}
    _run(python, "manage.py", "migrate", "--noinput", "-v0", cwd=site_dir, env=env)
    _run(python, "manage.py", "check", cwd=site_dir, env=env)
    script = (BASE_DIR / "tests" / "plugin" / "site_script.py").read_text()
    out = _run(python, "manage.py", "shell", "-c", script, cwd=site_dir, env=env)
    for page_type in (
        "CourseIndexPage",
        "CoursePage",
        "ModulePage",
        "LessonPage",
        "QuizPage",
        "HelpPage",
    ):
        assert f"rendered {page_type}" in out
    assert "quiz passed" in out

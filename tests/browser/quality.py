"""Page-quality checks shared by the crawl, keyboard and reflow tests: axe and the Nu HTML Checker.

``helpers.assert_accessible`` stays the one-line check for journeys; these helpers add what a
crawl needs: a violation list that can leave out documented rules (Wagtail's admin), and one
Nu HTML Checker run for a whole batch of pages (each Java start costs seconds).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.helpers import run_axe

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class KnownIssue:
    """A known problem in markup this project does not own: which nodes, and why."""

    reason: str
    pattern: str  # matched against an axe node's target and HTML, or a checker message's extract

    def matches(self, *texts: str) -> bool:
        return any(re.search(self.pattern, text) for text in texts)


def axe_violations(page, exceptions: dict[str, KnownIssue] | None = None) -> list[dict]:
    """axe's WCAG 2.2 AA and best-practice violations on the current page.

    ``exceptions`` maps an axe rule id to the nodes it does not count (see the Wagtail admin
    list in ``test_crawl``); every other node and rule is checked.
    """
    violations = run_axe(page)
    if not exceptions:
        return violations
    kept = []
    for violation in violations:
        exception = exceptions.get(violation["id"])
        if exception:
            nodes = [
                node
                for node in violation["nodes"]
                if not exception.matches(" ".join(map(str, node["target"])), node["html"])
            ]
            violation = {**violation, "nodes": nodes}
        if violation["nodes"]:
            kept.append(violation)
    return kept


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"      {node['target']}: {node['failureSummary'].splitlines()[-1]}")
    return "\n".join(lines)


def assert_site_styled(page) -> None:
    """Without the stylesheet, contrast results describe an unstyled page and mean nothing."""
    styled = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert styled not in ("", "rgba(0, 0, 0, 0)"), f"the stylesheet did not load on {page.url}"


def vnu_command() -> list[str]:
    """The Nu HTML Checker's command line; fails (or skips, outside CI) when it is missing."""
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR.relative_to(ROOT)} (npm ci at the repository root)")
    if missing:
        message = "the Nu HTML Checker needs " + " and ".join(missing)
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # One small heap and a single compiler thread: CI has two cores, shared.
    return [java, "-Xss8m", "-XX:TieredStopAtLevel=1", "-jar", str(VNU_JAR)]


def html_errors(
    documents: dict[str, str],
    workdir: Path,
    exceptions: dict[str, KnownIssue] | None = None,
) -> dict[str, list[str]]:
    """Validate every document in one Nu HTML Checker run; returns its errors by document name.

    ``documents`` maps a name (the page's URL) to the HTML the server sent for it.
    ``exceptions`` maps a regular expression for a checker message to the extracts it does not
    count in the documents whose name starts with ``/admin/`` (Wagtail's own markup).
    """
    command = vnu_command()
    workdir.mkdir(parents=True, exist_ok=True)
    names = {}
    for number, (name, html) in enumerate(documents.items()):
        path = workdir / f"page-{number:04d}.html"
        path.write_text(html, encoding="utf-8")
        names[f"file:{path.resolve()}"] = name
    completed = subprocess.run(  # noqa: S603 - our own java and jar, our own files
        [*command, "--errors-only", "--format", "json", *sorted(workdir.glob("page-*.html"))],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # The checker writes its JSON report to stderr and exits 1 when it finds errors.
    try:
        report = json.loads(completed.stderr or completed.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"the Nu HTML Checker failed: {completed.stderr[-2000:]}")
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        name = names.get(message.get("url", ""), message.get("url", "?"))
        extract = " ".join(message.get("extract", "").split())
        if name.startswith("/admin/") and any(
            re.search(text, message["message"]) and exception.matches(extract)
            for text, exception in (exceptions or {}).items()
        ):
            continue
        where = f"line {message.get('lastLine', '?')}"
        errors.setdefault(name, []).append(f"{where}: {message['message']} [{extract[:120]}]")
    return errors


def describe_html_errors(errors: dict[str, list[str]]) -> str:
    lines = []
    for name, messages in errors.items():
        lines.append(f"{name}:")
        lines.extend(f"    {message}" for message in messages[:10])
    return "\n".join(lines)

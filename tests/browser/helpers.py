from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
_axe = Axe()


def run_axe(page) -> list[dict]:
    """axe's WCAG 2.2 AA and best-practice violations on the current page.

    axe is injected into the page and run on the whole document; only its violations come back
    to Python. axe's full answer also lists every rule that passed or did not apply, which is
    most of its size and unused here (``resultTypes`` trims only their nodes).
    """
    page.evaluate(_axe.axe_script)
    return page.evaluate(
        "options => axe.run(document, options).then(results => results.violations)", AXE_OPTIONS
    )


def assert_accessible(page) -> None:
    """Run axe (WCAG 2.2 AA and best practice) on the current page; fail on any violation.

    Also checks that the site's stylesheet applied: without it, colour-contrast results
    describe an unstyled page and mean nothing.
    """
    # A click that navigates returns before the new page has loaded: wait for it, so that
    # axe checks the page the test means, not a document in between.
    page.wait_for_load_state("load")
    styled = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert styled not in ("", "rgba(0, 0, 0, 0)"), "the stylesheet did not load"
    results = AxeResults({"violations": run_axe(page)})
    assert results.violations_count == 0, results.generate_report()

from axe_playwright_python.sync_playwright import Axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_axe = Axe()


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
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()

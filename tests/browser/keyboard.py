"""Keyboard-only helpers: reach controls with Tab, and check what each key press focused.

Every press goes through ``page.keyboard``; the checks read the page (``document.activeElement``)
but never move focus or click. After each Tab the newly focused element must show a visible
focus indicator and (for forward Tabs) come after the previous one in the document.
"""

from __future__ import annotations

# Enough for the longest demo page (a lesson with its sources); a walk that needs more is a trap.
MAX_TABS = 250

# What the element that has focus looks like, and whether it follows the previously focused one.
FOCUS_STATE = """() => {
    const el = document.activeElement;
    const previous = window.__kinwisePreviousFocus;
    window.__kinwisePreviousFocus = el;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    let follows = null;
    if (previous && previous !== el && previous.isConnected) {
        follows = Boolean(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    }
    return {
        name: (el.getAttribute("aria-label") || el.labels?.[0]?.innerText || el.innerText
               || el.value || el.id || el.tagName).trim().slice(0, 80),
        tag: el.tagName.toLowerCase(),
        programmatic: el.getAttribute("tabindex") === "-1",
        // A date input's focus is on a part inside it (month, day, year): the input itself
        // matches :focus-within, not :focus-visible, and must show the indicator.
        focusVisible: el.matches(":focus-visible") || el.matches("input[type=date]:focus-within"),
        indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
                   || style.boxShadow !== "none",
        size: box.width > 0 && box.height > 0,
        follows: follows,
    };
}"""


def focus_state(page) -> dict | None:
    return page.evaluate(FOCUS_STATE)


def assert_focus_visible(state: dict) -> None:
    assert state["size"], f"focus went to something not on screen: {state}"
    if state["programmatic"]:
        return  # a skip-link target: focus moved there for screen readers, not for Tab
    assert state["focusVisible"] and state["indicator"], f"no visible focus on {state}"


def press_tab(page, backwards: bool = False) -> dict | None:
    page.keyboard.press("Shift+Tab" if backwards else "Tab")
    state = focus_state(page)
    if state is not None:
        assert_focus_visible(state)
        if state["follows"] is not None and not state["programmatic"]:
            assert state["follows"] != backwards, (
                f"{'Shift+Tab' if backwards else 'Tab'} moved focus against the reading order "
                f"to {state}"
            )
    return state


def is_focused(page, locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def tab_to(page, locator, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until ``locator`` has focus, checking each stop on the way."""
    focus_state(page)  # remember where focus starts
    for _ in range(MAX_TABS):
        if is_focused(page, locator):
            return
        press_tab(page, backwards)
    raise AssertionError(f"could not reach {locator} with the {'Shift+' * backwards}Tab key")


def walk_the_page(page) -> list[str]:
    """Tab from the top of a freshly loaded page to its end: every stop visible and in reading
    order, and focus leaves the page in the end (no keyboard trap). Returns the stops' names."""
    assert focus_state(page) is None, "walk_the_page starts on a page that nothing focused yet"
    stops: list[str] = []
    repeats = 0
    previous = None
    for _ in range(MAX_TABS):
        state = press_tab(page)
        if state is None:  # past the last control: focus left the document
            return stops
        key = (state["tag"], state["name"])
        # A date input keeps focus across its month, day and year; nothing else may.
        repeats = repeats + 1 if key == previous else 0
        assert repeats < 4, f"Tab is stuck on {state}"
        if key != previous:
            stops.append(state["name"])
        previous = key
    raise AssertionError(f"Tab never left the page after {MAX_TABS} presses: {stops[-10:]}")

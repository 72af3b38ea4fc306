"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser).

Without Chromium they skip, unless REQUIRE_BROWSER=1 (as in CI), when they fail instead.
"""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(pytest.mark.browser)
    if CHROMIUM:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError("REQUIRE_BROWSER=1 but Chromium is not installed.")
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium)")
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Reduced motion: axe otherwise catches colours mid-transition.
    return {**browser_context_args, "reduced_motion": "reduce"}


@pytest.fixture
def site_server(db):
    """A live server thread that shares the tests' in-memory SQLite connection.

    pytest-django's ``live_server`` makes every test transactional, and the flush after each
    one wipes what the migrations created (root page, locale, groups). Sharing the connection
    lets the server see each test's uncommitted data instead, and the test's transaction is
    rolled back as usual. Browser tests therefore run on SQLite only (as CI does).
    """
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        pytest.skip("browser tests share the in-memory SQLite test database")
    server = LiveServer("127.0.0.1:0")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture
def live_site(site_server, home_page):
    """The live server, with the default Site answering on its host and port."""
    from wagtail.models import Site

    host, port = site_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return site_server


@pytest.fixture(scope="module")
def demo_content(demo_database):
    """The demo content (``load_demo``) for the module's tests (tests/conftest.py)."""
    return demo_database


@pytest.fixture
def demo_site(demo_content, site_server):
    """The live server, serving the demo site on its host and port."""
    from wagtail.models import Site

    host, port = site_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return site_server

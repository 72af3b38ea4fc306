import os

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from tests.factories import HomePageFactory, UserFactory

# pytest-django's live_server with Playwright's sync API: without this, teardown raises
# SynchronousOnlyOperation because Playwright runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language. A test client request runs in the test's
    thread, and LocaleMiddleware leaves that request's language active there: after a
    request to /es/…, reverse() in the next test on the same worker would give /es/ URLs."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with an empty cache (ids repeat across rolled-back tests)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def home_page(root_page):
    # Wagtail's initial data leaves a "Welcome" page as the default site's root; replace it.
    home = HomePageFactory(parent=root_page)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.site_name = "Kinwise"
    site.save()
    if old_root.pk != home.pk and old_root.depth == 2:
        old_root.delete()
    # As load_demo does: the navigation setting exists, so no request has to create it.
    from edu.models import SiteNavigation

    SiteNavigation.for_site(site)
    return home


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


def _user_in(group_name, **kwargs):
    user = UserFactory(**kwargs)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def parent(db):
    return _user_in(None, display_name="Pat Parent")


@pytest.fixture
def other_parent(db):
    return _user_in(None, display_name="Oli Other")


@pytest.fixture
def teacher(db):
    return _user_in("Teachers", display_name="Tess Teacher")


@pytest.fixture
def other_teacher(db):
    return _user_in("Teachers", display_name="Theo Teacher")


@pytest.fixture
def editor(db):
    return _user_in("Editors", display_name="Eddie Editor")


@pytest.fixture
def reviewer(db):
    return _user_in("Safety reviewers", display_name="Rae Reviewer")


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """``load_demo``'s work, done once per test run (tests/demo_db.py)."""
    from tests.demo_db import shared_snapshot

    # Under pytest-xdist the workers' temporary folders share a parent: the run's.
    xdist = "PYTEST_XDIST_WORKER" in os.environ
    folder = tmp_path_factory.getbasetemp().parent if xdist else None
    with django_db_blocker.unblock():
        return shared_snapshot(folder)


@pytest.fixture(scope="module")
def demo_database(demo_snapshot, django_db_blocker):
    """The demo content, loaded once per test module and rolled back after it; what
    ``load_demo`` printed.

    It is written inside a transaction that outlives the module's tests: each test's own
    transaction (``db``) becomes a savepoint within it, so what a test writes is still rolled
    back after that test, and the demo after the module, leaving the database as the
    migrations made it for the next module.
    """
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_snapshot.load()
        transaction.set_rollback(True)


@pytest.fixture
def loaded_demo(demo_snapshot, db):
    """The demo content for one test, in the test's own transaction; what ``load_demo``
    printed when it built it (a real run, tests/demo_db.py)."""
    return demo_snapshot.load()

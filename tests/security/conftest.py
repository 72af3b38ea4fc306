"""Fixtures of the security tests: one world of pages, people and classes per module."""

import pytest
from django.db import transaction
from django.test import override_settings

from tests.security.world import build_world


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """One world per test module, in a transaction rolled back after the module's tests.

    Each test's own transaction (pytest-django) nests inside it, so tests still cannot see
    each other's writes; building the world once saves a second or so per test.
    """
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        world = build_world()
        world.media_root = media
        yield world
        transaction.set_rollback(True)


@pytest.fixture
def world(shared_world, db, settings):
    settings.MEDIA_ROOT = shared_world.media_root
    return shared_world

"""Building xAPI statements: pure data, no sending.

* The actor is a pseudonym: an account on the site (``homePage``) whose ``name`` is an
  HMAC-SHA256 of the learner's primary key with a per-site secret (see
  :func:`courses.xapi.conf.actor_salt`). No email, no name, nothing an LRS operator could use
  to find the person without the site's secret and database.
* Activity ids are the pages' full URLs, of the page in the site's default language when the
  site is translated, so an English and a Spanish learner complete the same activity.
* Context: the enclosing module (``parent``) and course (``grouping``), and the learner's
  class as a ``team`` when a class they belong to assigned the module or course. The class is
  named by number only: its name is the teacher's free text.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from datetime import datetime

from django.conf import settings

from . import conf

ADL = "http://adlnet.gov/expapi"
XAPI_VERSION = "1.0.3"
PLATFORM = "Kinwise"

INITIALIZED = "initialized"
COMPLETED = "completed"
PASSED = "passed"
FAILED = "failed"
ANSWERED = "answered"
VERBS = {verb: f"{ADL}/verbs/{verb}" for verb in (INITIALIZED, COMPLETED, PASSED, FAILED, ANSWERED)}

COURSE = f"{ADL}/activities/course"
MODULE = f"{ADL}/activities/module"
LESSON = f"{ADL}/activities/lesson"
ASSESSMENT = f"{ADL}/activities/assessment"
INTERACTION = f"{ADL}/activities/cmi.interaction"


def activity_type(page) -> str:
    """The ADL activity type of a page.

    A page class may say it with ``xapi_activity_type`` (quizzes do); otherwise pages that
    issue a certificate are courses, other roll-ups are modules, and trackable pages lessons.
    """
    cls = page.specific_class or type(page)
    explicit = getattr(cls, "xapi_activity_type", None)
    if explicit:
        return explicit
    if getattr(cls, "issues_certificate", False):
        return COURSE
    if getattr(cls, "rolls_up_completion", False):
        return MODULE
    return LESSON


def pseudonym(user) -> str:
    return hmac.new(conf.actor_salt(), str(user.pk).encode(), hashlib.sha256).hexdigest()


def language_codes() -> dict[int, str]:
    """Locale ids to language codes: one query, for the handful of locales a site has."""
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))


def language(page, codes: dict | None = None) -> str:
    if codes and page.locale_id in codes:
        return codes[page.locale_id]
    return page.locale.language_code


def site_root_url(page) -> str:
    """The root URL of the site ``page`` is served on (Wagtail's cached site paths)."""
    parts = page.get_url_parts()
    return parts[1] if parts else ""


def home_page(root_url: str) -> str:
    return root_url.rstrip("/") + "/"


def actor(user, root_url: str) -> dict:
    return {
        "objectType": "Agent",
        "account": {"homePage": home_page(root_url), "name": pseudonym(user)},
    }


def canonical(page, codes: dict | None = None):
    """The page in the default language, when the site is translated and one exists."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return page
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Page

    codes = codes if codes is not None else language_codes()
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    default_ids = [pk for pk, code in codes.items() if code == default]
    if not default_ids or page.locale_id == default_ids[0]:
        return page
    translation = Page.objects.filter(
        translation_key=page.translation_key, locale_id=default_ids[0]
    ).first()
    return translation or page


def activity(page, *, name_from=None, codes: dict | None = None) -> dict:
    """An activity object for ``page`` (its canonical version), named by its title.

    ``name_from`` is the page the learner saw when it is a translation: its title is added
    to the name in its own language.
    """
    names = {language(page, codes): page.title}
    if name_from is not None and name_from.pk != page.pk:
        names.setdefault(language(name_from, codes), name_from.title)
    return {
        "objectType": "Activity",
        "id": page.full_url,
        "definition": {"name": names, "type": activity_type(page)},
    }


def context_pages(page) -> list:
    """The module and course above ``page``, nearest first (generic pages, one query)."""
    found = []
    for ancestor in page.get_ancestors().order_by("-depth"):
        if getattr(ancestor.specific_class, "rolls_up_completion", False):
            found.append(ancestor)
    return found


def context(
    page,
    ancestors,
    *,
    team: dict | None = None,
    language: str | None = None,
    codes: dict | None = None,
) -> dict:
    ctx: dict = {"platform": PLATFORM}
    if language:
        ctx["language"] = language
    if ancestors:
        ctx["contextActivities"] = {"parent": [activity(ancestors[0], codes=codes)]}
        if len(ancestors) > 1:
            ctx["contextActivities"]["grouping"] = [activity(a, codes=codes) for a in ancestors[1:]]
    if team:
        ctx["team"] = team
    return ctx


def team(classroom_id: int | None, root_url: str) -> dict | None:
    if classroom_id is None:
        return None
    return {
        "objectType": "Group",
        "account": {"homePage": home_page(root_url), "name": f"class-{classroom_id}"},
    }


def score_result(score: int | None, *, passed: bool) -> dict:
    result: dict = {"success": passed, "completion": True}
    if score is not None:
        result["score"] = {"scaled": round(score / 100, 4), "raw": score, "min": 0, "max": 100}
    return result


def statement(
    *,
    verb: str,
    actor: dict,
    activity_object: dict,
    timestamp: datetime,
    context: dict | None = None,
    result: dict | None = None,
    statement_id: uuid.UUID | None = None,
) -> dict:
    data = {
        "id": str(statement_id or uuid.uuid4()),
        "actor": actor,
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": activity_object,
        "timestamp": timestamp.isoformat(),
    }
    if result:
        data["result"] = result
    if context:
        data["context"] = context
    return data

"""Everything Kinwise holds about a person, for their download and for deletion.

Each model of ours with a key to the user model says what it holds through a classmethod
``export_personal_data(user) -> list[dict]``. :func:`personal_data_models` finds those
models from the key itself, so a new model that holds personal data cannot be forgotten:
the test suite fails until it is exported (and deleted with the account).
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

# Apps whose models are Kinwise's to account for; Wagtail's own (revisions, log entries)
# keep the user for the audit trail and set it to NULL when the account goes.
KINWISE_APPS = ("edu", "courses", "quizzes")


def user_keys(model) -> list:
    """The fields of ``model`` itself (not inherited from Wagtail's Page) keyed to a user."""
    User = get_user_model()
    return [
        field
        for field in model._meta.get_fields()
        if field.is_relation
        and field.related_model is User
        and not field.auto_created
        and field.model._meta.app_label in KINWISE_APPS
    ]


def personal_data_models() -> list:
    User = get_user_model()
    found = []
    for model in apps.get_models():
        if model._meta.app_label not in KINWISE_APPS or model is User:
            continue
        if user_keys(model):
            found.append(model)
    return found


def export(user) -> dict:
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": getattr(user, "display_name", ""),
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "groups": sorted(group.name for group in user.groups.all()),
        },
    }
    for model in personal_data_models():
        data[model._meta.label_lower] = model.export_personal_data(user)
    return data


def erase_traces(user) -> None:
    """Remove what other apps keep about ``user`` without a deleting key (account deletion).

    - Wagtail's page and model log entries keep their user id without a constraint
      (``on_delete=DO_NOTHING``): the entries stay, for the content's history, without the
      person.
    - django-axes' records of failed log-ins hold a keyed hash of the address and the
      client's IP address and user agent: deleted.

    Other keys to the user are deleted (CASCADE) or emptied (SET_NULL) by the database;
    tests/security/test_privacy.py fails when a new key is neither.
    """
    from wagtail.models import ModelLogEntry, PageLogEntry

    for log_model in (PageLogEntry, ModelLogEntry):
        log_model.objects.filter(user_id=user.pk).update(user=None)
    try:
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    except ImportError:  # axes is the site's choice, not a requirement
        return
    from .throttling import login_identity

    identity = login_identity(None, {"username": user.email})
    for axes_model in (AccessAttempt, AccessFailureLog, AccessLog):
        axes_model.objects.filter(username=identity).delete()

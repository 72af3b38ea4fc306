"""Signal receivers, connected in ``QuizzesConfig.ready``."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save

from quizzes.models import VISITOR_SESSION_KEY, QuizAttempt


def claim_attempts_on_login(sender, request, user, **kwargs) -> None:
    """A visitor who signs up or logs in keeps the quiz attempts made on this device.

    ``login()`` keeps the session's data (it only changes the session key), so the visitor
    key is still there.
    """
    session = getattr(request, "session", None)
    if session is None:
        return
    visitor_key = session.pop(VISITOR_SESSION_KEY, "")
    if visitor_key:
        QuizAttempt.objects.claim(visitor_key, user)


def register_signal_handlers() -> None:
    user_logged_in.connect(claim_attempts_on_login, dispatch_uid="kinwise_quizzes_claim")
    # Per-question xAPI statements (inert unless KINWISE_XAPI_SEND_ANSWERS is set).
    from django.apps import apps

    from quizzes.models import AbstractQuizAttempt
    from quizzes.xapi import on_attempt_saved

    for model in apps.get_models():
        if issubclass(model, AbstractQuizAttempt):
            post_save.connect(
                on_attempt_saved, sender=model, dispatch_uid=f"kinwise_xapi_{model._meta.label}"
            )

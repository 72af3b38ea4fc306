"""Quiz attempts in the admin's read-only Learner data menu (see :mod:`courses.viewsets`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn

from courses.viewsets import LEARNER_DATA_MENU_HOOK, LearnerRecordIndexView, LearnerRecordViewSet
from quizzes.models import QuizAttempt


class QuizAttemptIndexView(LearnerRecordIndexView):
    select_related = ("learner", "quiz")


class QuizAttemptViewSet(LearnerRecordViewSet):
    model = QuizAttempt
    icon = "help"
    menu_label = _("Quiz attempts")
    menu_hook = LEARNER_DATA_MENU_HOOK
    menu_order = 3
    index_view_class = QuizAttemptIndexView
    list_display = [
        Column("quiz", label=_("Quiz")),
        Column("learner", label=_("Learner")),
        "number",
        "score",
        "passed",
        DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
    ]
    list_filter = ["passed"]
    search_fields = ["learner__email", "quiz__title"]
    ordering = ["-started_at"]
    list_export = [
        "quiz",
        "learner",
        "number",
        "started_at",
        "submitted_at",
        "score",
        "passed",
        "answers",
    ]
    inspect_view_fields = list_export

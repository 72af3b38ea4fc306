from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from courses.reports import LearnerReportMenuItem
from courses.viewsets import ViewOnlyPermissionPolicy
from quizzes import admin_urls
from quizzes.models import QuizAttempt
from quizzes.viewsets import QuizAttemptViewSet

# Attempts are learner records: read-only for everyone (registered before any view asks).
register_permission_policy(QuizAttempt, ViewOnlyPermissionPolicy(QuizAttempt))


@hooks.register("register_admin_viewset")
def register_quiz_attempts():
    return QuizAttemptViewSet()


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("kinwise/quiz-reports/", include(admin_urls, namespace="kinwise_quiz_reports"))]


@hooks.register("register_reports_menu_item")
def register_question_analysis_report():
    return LearnerReportMenuItem(
        _("Question analysis"),
        reverse("kinwise_quiz_reports:question_analysis"),
        name="kinwise-question-analysis",
        icon_name="help",
        order=1405,
    )

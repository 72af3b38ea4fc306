"""Admin URLs of the courses reports, included under the ``kinwise_course_reports`` namespace."""

from django.urls import path

from .reports import DueForReviewReportView, ModuleCompletionReportView

app_name = "kinwise_course_reports"
urlpatterns = [
    path("module-completion/", ModuleCompletionReportView.as_view(), name="module_completion"),
    path(
        "module-completion/results/",
        ModuleCompletionReportView.as_view(results_only=True),
        name="module_completion_results",
    ),
    path("due-for-review/", DueForReviewReportView.as_view(), name="due_for_review"),
    path(
        "due-for-review/results/",
        DueForReviewReportView.as_view(results_only=True),
        name="due_for_review_results",
    ),
]

"""Admin URLs of the quiz reports, included under the ``kinwise_quiz_reports`` namespace."""

from django.urls import path

from quizzes.reports import QuestionAnalysisReportView

app_name = "kinwise_quiz_reports"
urlpatterns = [
    path("question-analysis/", QuestionAnalysisReportView.as_view(), name="question_analysis"),
    path(
        "question-analysis/results/",
        QuestionAnalysisReportView.as_view(results_only=True),
        name="question_analysis_results",
    ),
]

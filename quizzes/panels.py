"""Edit-screen panel: the Question analysis figures for the quiz being edited.

The same figures as the Question analysis report (:mod:`quizzes.reports`), to the same
people (page publish permission). Questions with fewer than five attempts are listed with
their figures withheld, so editors can see which questions have too few answers yet.
"""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class QuestionAnalysisPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("How learners answer"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "quizzes/panels/question_analysis.html"

        def is_shown(self):
            from courses.reports import user_can_read_learner_reports

            return bool(self.instance.pk) and user_can_read_learner_reports(self.request.user)

        @cached_property
        def analysis(self):
            from quizzes.analysis import analyse, statistics_for

            # The quiz as stored, not as the form has it: the figures describe what learners
            # were served, whatever is being edited.
            quiz = type(self.instance).objects.get(pk=self.instance.pk)
            rows, summaries = analyse([quiz], statistics_for([quiz]))
            return rows, summaries[quiz.pk]

        def get_context_data(self, parent_context=None):
            from quizzes.analysis import min_attempts_shown

            context = super().get_context_data(parent_context)
            rows, summary = self.analysis
            context.update(
                rows=rows,
                summary=summary,
                min_attempts=min_attempts_shown(),
            )
            return context

"""Edit-screen panels: the module completion figures for the course or module being edited.

They show the same figures as the Module completion report (:mod:`courses.reports`), to the
same people: users who may read learner reports (page publish permission). Everyone else
sees nothing, not even the panel's heading.
"""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class CompletionFiguresPanel(Panel):
    """Learners who started and completed this unit, quiz results and time to complete; on a
    course, the same for each of its modules."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Learners"))
        kwargs.setdefault(
            "help_text",
            _("Learners with an account, in every language of the page. Updated as they learn."),
        )
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/panels/completion_figures.html"

        def is_shown(self):
            from .reports import user_can_read_learner_reports

            return bool(self.instance.pk) and user_can_read_learner_reports(self.request.user)

        @cached_property
        def figures(self):
            from .figures import completion_figures

            return completion_figures([self.instance])[self.instance.pk]

        @cached_property
        def modules(self) -> list:
            """The unit's modules with their figures (empty for a module)."""
            from .figures import completion_figures, with_activity_keys
            from .models import ModulePage

            modules = list(
                with_activity_keys(ModulePage.objects.child_of(self.instance).order_by("path"))
            )
            figures = completion_figures(modules)
            for module in modules:
                module.figures = figures[module.pk]
            return modules

        def get_context_data(self, parent_context=None):
            from .figures import min_learners_shown
            from .reports import format_duration

            context = super().get_context_data(parent_context)
            context.update(
                figures=self.figures,
                median_time=format_duration(self.figures.median_time),
                modules=[
                    (module, format_duration(module.figures.median_time)) for module in self.modules
                ],
                min_learners=min_learners_shown(),
            )
            return context

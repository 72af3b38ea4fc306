from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    label = "courses"
    verbose_name = _("Kinwise courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .cache import connect_signals
        from .completion import progress_recorded
        from .progress import claim_on_login, on_progress_recorded

        progress_recorded.connect(on_progress_recorded, dispatch_uid="kinwise_record_progress")
        # Signing up logs in too, so one receiver claims a visitor's progress in both cases.
        user_logged_in.connect(claim_on_login, dispatch_uid="kinwise_claim_progress")
        # The anonymous page cache (courses.cache) forgets pages when content changes.
        connect_signals()

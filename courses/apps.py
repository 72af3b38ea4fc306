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
        from .completion import progress_recorded, progress_stored
        from .progress import claim_on_login, on_progress_recorded
        from .translation import connect_signals as connect_translation_signals
        from .xapi.emit import on_progress_stored

        progress_recorded.connect(on_progress_recorded, dispatch_uid="kinwise_record_progress")
        # Signing up logs in too, so one receiver claims a visitor's progress in both cases.
        user_logged_in.connect(claim_on_login, dispatch_uid="kinwise_claim_progress")
        # xAPI statements for what storage wrote (inert unless KINWISE_XAPI_ENDPOINT is set).
        progress_stored.connect(on_progress_stored, dispatch_uid="kinwise_xapi_statements")
        # The anonymous page cache (courses.cache) forgets pages when content changes.
        connect_signals()
        # A lesson's translation lists the platforms' copies in its own language.
        connect_translation_signals()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    label = "quizzes"
    verbose_name = _("Kinwise quizzes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from quizzes.signal_handlers import register_signal_handlers

        register_signal_handlers()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EduConfig(AppConfig):
    name = "edu"
    label = "edu"
    verbose_name = _("Kinwise site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connects the log-in receiver that remembers whether the user is a teacher.
        from . import context_processors, i18n, signals  # noqa: F401

        i18n.install()

"""Platform and HelpResource become translatable, step 2 of 3: existing rows get a key and
the default language's locale (Wagtail's ``BootstrapTranslatableModel``)."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0008_translatable_snippets_fields"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        BootstrapTranslatableModel("courses.Platform"),
        BootstrapTranslatableModel("courses.HelpResource"),
    ]

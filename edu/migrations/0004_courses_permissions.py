"""Let Editors and Safety reviewers manage platforms and help resources.

Both groups author safety content; page permissions come from Wagtail (Editors) and
edu.0003_groups (Safety reviewers). This lives in the site, not in ``courses``: the groups
are the site's, and the plugin's migrations must run in any Wagtail project.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Safety reviewers"]
MODELS = ["platform", "helpresource"]
ACTIONS = ["add", "change", "delete"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now.
    # create_permissions skips apps without a models module, which a migration's app
    # config stub lacks: mark it as having one for the call.
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="courses",
        codename__in=[f"{action}_{model}" for action in ACTIONS for model in MODELS],
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="courses",
        codename__in=[f"{action}_{model}" for action in ACTIONS for model in MODELS],
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("edu", "0003_groups"),
        ("courses", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

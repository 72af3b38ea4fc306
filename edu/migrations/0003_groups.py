"""Create the Teachers, Editors and Safety reviewers groups.

Editors keep Wagtail's default Editors permissions. Safety reviewers get a copy of Wagtail's
Moderators permissions (publish, approve, lock), which the Safety review workflow relies on.
"""

from django.db import migrations

TEACHERS = "Teachers"
EDITORS = "Editors"
REVIEWERS = "Safety reviewers"


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    Group.objects.get_or_create(name=TEACHERS)
    Group.objects.get_or_create(name=EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)

    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    reviewers.permissions.add(*moderators.permissions.all())
    for gpp in GroupPagePermission.objects.filter(group=moderators):
        GroupPagePermission.objects.get_or_create(
            group=reviewers, page_id=gpp.page_id, permission_id=gpp.permission_id
        )
    for gcp in GroupCollectionPermission.objects.filter(group=moderators):
        GroupCollectionPermission.objects.get_or_create(
            group=reviewers, collection_id=gcp.collection_id, permission_id=gcp.permission_id
        )


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[TEACHERS, REVIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("edu", "0002_pages"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

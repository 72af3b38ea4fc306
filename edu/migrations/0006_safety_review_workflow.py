"""Create the "Safety review" workflow: one group approval task for the Safety reviewers.

Editors submit pages; a Safety reviewer approves, which publishes them (Editors have no
publish permission of their own). The workflow is assigned to:

- the root page, in place of Wagtail's default "Moderators approval" (no one in this site is
  a Moderator), so every page, including a course catalogue created later in the admin or by
  ``load_demo``, inherits it;
- each existing course catalogue (CourseIndexPage) explicitly, so that the course tree keeps
  Safety review even if an administrator later gives the rest of the site another workflow.
  ``load_demo`` assigns it to the catalogue it creates (``edu.workflows``).

It lives in the site, not in ``courses``: the groups are the site's.
"""

from django.db import migrations

WORKFLOW = "Safety review"
REVIEWERS = "Safety reviewers"
DEFAULT_WORKFLOW = "Moderators approval"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW, content_type=task_type, active=True)
    task.groups.set([reviewers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    catalogue_type = ContentType.objects.filter(app_label="courses", model="courseindexpage")
    pages = Page.objects.filter(depth=1) | Page.objects.filter(content_type__in=catalogue_type)
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    default = Workflow.objects.filter(name=DEFAULT_WORKFLOW).first()
    WorkflowPage.objects.filter(workflow__name=WORKFLOW).delete()
    if default is not None:
        for root in Page.objects.filter(depth=1):
            WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": default})
    Workflow.objects.filter(name=WORKFLOW).delete()
    GroupApprovalTask.objects.filter(name=WORKFLOW).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("edu", "0005_home_featured_courses"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]

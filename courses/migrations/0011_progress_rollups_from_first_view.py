"""Module and course roll-up rows exist from a learner's first view of anything in them.

Until now a roll-up row was written only when the module (or course) was completed, with
its completion time as its first view. From now on recording starts it with the first view
of any page in it (``courses.progress``), and the reports count who started and how long
they took from the roll-up rows alone. This migration brings existing progress into that
shape: a *started* row for every module and course a learner has a row below but no row
for, and, for existing roll-up rows, the earliest first view below them.

It also widens the page-and-status index so that the report figures read status, score and
times from the index alone.

Only the plugin's own roll-up pages (courses.ModulePage, courses.CoursePage) are known here;
a site with its own roll-up page types can start their rows the same way.
"""

from django.db import migrations, models

STEPLEN = 4  # Wagtail's tree path step
BATCH = 5000


def start_roll_ups(apps, schema_editor):
    Progress = apps.get_model("courses", "Progress")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    alias = schema_editor.connection.alias
    unit_types = ContentType.objects.using(alias).filter(
        app_label="courses", model__in=["modulepage", "coursepage"]
    )
    units = {
        path: (pk, key)
        for pk, path, key in Page.objects.using(alias)
        .filter(content_type__in=unit_types)
        .values_list("pk", "path", "translation_key")
    }
    if not units:
        return
    paths = dict(Page.objects.using(alias).values_list("pk", "path"))
    # (learner, unit key) -> [unit page id, earliest first view, latest view]
    spans: dict = {}
    rows = (
        Progress.objects.using(alias)
        .values_list("learner_id", "page_id", "first_viewed_at", "last_viewed_at")
        .order_by()
        .iterator(chunk_size=BATCH)
    )
    for learner_id, page_id, first, last in rows:
        path = paths.get(page_id, "")
        for end in range(STEPLEN, len(path), STEPLEN):  # proper ancestors only
            unit = units.get(path[:end])
            if unit is None:
                continue
            span = spans.get((learner_id, unit[1]))
            if span is None:
                spans[(learner_id, unit[1])] = [unit[0], first, last]
            else:
                span[1], span[2] = min(span[1], first), max(span[2], last)
    if not spans:
        return
    unit_keys = {key for _pk, key in units.values()}
    existing = {}
    for row in (
        Progress.objects.using(alias)
        .filter(translation_key__in=unit_keys)
        .only("pk", "learner_id", "translation_key", "first_viewed_at")
        .iterator(chunk_size=BATCH)
    ):
        existing[(row.learner_id, row.translation_key)] = row
    new, earlier = [], []
    for (learner_id, key), (page_id, first, last) in spans.items():
        row = existing.get((learner_id, key))
        if row is None:
            new.append(
                Progress(
                    learner_id=learner_id,
                    page_id=page_id,
                    translation_key=key,
                    status="started",
                    first_viewed_at=first,
                    last_viewed_at=last,
                )
            )
        elif first < row.first_viewed_at:
            row.first_viewed_at = first
            earlier.append(row)
    Progress.objects.using(alias).bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
    Progress.objects.using(alias).bulk_update(earlier, ["first_viewed_at"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("courses", "0010_translatable_snippets"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(start_roll_ups, migrations.RunPython.noop, elidable=True),
        migrations.RemoveIndex(model_name="progress", name="kinwise_progress_page_status"),
        migrations.AddIndex(
            model_name="progress",
            index=models.Index(
                fields=["translation_key", "status", "score", "first_viewed_at", "completed_at"],
                name="kinwise_progress_figures",
            ),
        ),
    ]

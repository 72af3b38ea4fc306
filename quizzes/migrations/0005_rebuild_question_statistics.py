"""Count the attempts submitted so far into the question statistics (made by 0004)."""

import json

from django.db import migrations


def rebuild(apps, schema_editor):
    from quizzes.analysis import rebuild_statistics

    QuizPage = apps.get_model("quizzes", "QuizPage")
    quizzes = {}
    for pk, questions in QuizPage.objects.using(schema_editor.connection.alias).values_list(
        "pk", "questions"
    ):
        if hasattr(questions, "raw_data"):
            questions = questions.raw_data
        elif isinstance(questions, str):
            questions = json.loads(questions)
        quizzes[pk] = list(questions or [])
    # Quiz pages of other apps, with attempt models of their own, are counted by
    # ``manage.py rebuild_question_statistics``.
    rebuild_statistics(
        apps.get_model("quizzes", "QuestionStatistic"),
        apps.get_model("quizzes", "QuizAttempt"),
        quizzes,
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0004_question_statistics"),
    ]

    operations = [
        migrations.RunPython(rebuild, migrations.RunPython.noop, elidable=True),
    ]

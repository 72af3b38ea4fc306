"""The reports benchmark's data, built quickly on PostgreSQL.

A course tree shaped like the demo's (3 courses × 5 modules × 4 lessons and a quiz of 8
questions, privacy guides in some lessons, a quarter of the lessons due for review) is
made through the page models, as an editor would; learners, their progress and their quiz
attempts are made in the database with ``INSERT … SELECT`` over ``generate_series``, as the
recording code would have left them (:mod:`courses.progress`): a row per page a learner
opened, a module row and a course row from their first view, completed once every lesson
and the quiz are, and one or more submitted attempts per quiz result. A million
progress rows take about two minutes on a busy 2-core machine.

Every choice (which modules a learner starts, how far they get, their scores) comes from
a hash of the learner's number and the page's, so two builds of the same size are the same.
"""

# The SQL here interpolates only quoted table names and constants of this module.
# ruff: noqa: S608

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from courses.models import Progress
from quizzes.analysis import rebuild_all_statistics
from quizzes.models import QuestionStatistic, QuizAttempt
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    PlatformFactory,
    QuizPageFactory,
    UserFactory,
    quiz_question,
)

EMAIL_DOMAIN = "bench.invalid"
COURSES, MODULES, LESSONS, QUESTIONS = 3, 5, 4, 8
# Progress rows per learner with the mix below (expected: about 19.4); the builder sizes the
# number of learners from the rows asked for.
ROWS_PER_LEARNER = 19.4
QUESTION_KINDS = ("single_choice", "multiple_select", "true_false", "message_scenario", "ordering")


@dataclass
class Tree:
    catalogue: object
    courses: list = field(default_factory=list)
    # (course index, module index, module page, [lesson pages], quiz page)
    modules: list = field(default_factory=list)
    statistics_seconds: float = 0.0

    @property
    def quizzes(self) -> list:
        return [quiz for *_rest, quiz in self.modules]


def build_tree(root) -> Tree:
    """Courses, modules, lessons (some with privacy guides, some due) and quizzes."""
    today = timezone.localdate()
    platforms = [
        PlatformFactory(name=name, slug=f"bench-{name.lower()}")
        for name in ("Instagram", "Snapchat", "TikTok", "Discord", "Roblox")
    ]
    tree = Tree(catalogue=CourseIndexPageFactory(parent=root, title="Bench", slug="bench"))
    lesson_number = 0
    for c in range(COURSES):
        course = CoursePageFactory(parent=tree.catalogue, title=f"Bench course {c + 1}")
        tree.courses.append(course)
        for m in range(MODULES):
            module = ModulePageFactory(parent=course, title=f"Bench module {c + 1}.{m + 1}")
            lessons = []
            for n in range(LESSONS):
                lesson_number += 1
                # A quarter verified long ago (due), the rest recently.
                days = 400 if lesson_number % 4 == 0 else 20
                verified = today - datetime.timedelta(days=days)
                platform = platforms[lesson_number % len(platforms)]
                body = [{"type": "paragraph", "value": "<p>Groomers build trust first.</p>"}]
                if lesson_number % 3 == 0:
                    body.append(privacy_guide(platform, verified, f"guide-{lesson_number}"))
                lessons.append(
                    LessonPageFactory(
                        parent=module,
                        title=f"Bench lesson {c + 1}.{m + 1}.{n + 1}",
                        last_verified=verified,
                        platforms=[platform],
                        body=body,
                    )
                )
            questions = [
                quiz_question(QUESTION_KINDS[q % len(QUESTION_KINDS)], f"q{c}-{m}-{q}")
                for q in range(QUESTIONS)
            ]
            quiz = QuizPageFactory(
                parent=module, title=f"Bench quiz {c + 1}.{m + 1}", questions=questions
            )
            tree.modules.append((c, m, module, lessons, quiz))
    return tree


def privacy_guide(platform, verified: datetime.date, block_id: str) -> dict:
    return {
        "type": "privacy_guide",
        "id": block_id,
        "value": {
            "platform": platform.pk,
            "applies_to": "iOS app, 2025",
            "last_verified": verified.isoformat(),
            "intro": "",
            "steps": [{"instruction": "Open settings.", "menu_path": "", "screenshot": None}],
        },
    }


def staff(group_name: str, email: str):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _execute(sql: str, params=None) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])
        return cursor.rowcount


def build_learners(count: int) -> None:
    _execute(
        f"""
        INSERT INTO {connection.ops.quote_name(get_user_model()._meta.db_table)}
            (password, is_superuser, first_name, last_name, is_staff, is_active,
             date_joined, email, display_name)
        SELECT '!', false, '', '', false, true, now(), 'learner' || g || '@{EMAIL_DOMAIN}', ''
        FROM generate_series(1, %s) AS g
        """,
        [count],
    )


def _pages_table(tree: Tree) -> None:
    """A temporary table of every trackable page with its place in the tree."""
    _execute(
        """
        CREATE TEMPORARY TABLE bench_pages (
            module_no int, course_no int, kind text, position int,
            page_id int, translation_key uuid, module_id int, module_key uuid,
            course_id int, course_key uuid
        ) ON COMMIT DROP
        """
    )
    rows = []
    for number, (c, _m, module, lessons, quiz) in enumerate(tree.modules):
        course = tree.courses[c]
        common = (module.pk, module.translation_key, course.pk, course.translation_key)
        for position, lesson in enumerate(lessons, start=1):
            rows.append((number, c, "lesson", position, lesson.pk, lesson.translation_key, *common))
        rows.append((number, c, "quiz", 0, quiz.pk, quiz.translation_key, *common))
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO bench_pages VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", rows
        )


def build_progress(tree: Tree) -> None:
    """Progress of every bench learner, as recording leaves it.

    A learner starts a module with a chance of 30% (hash of learner and module), opens the
    first 1–4 lessons of it (the hash again), completes each opened lesson but the last
    with 80% chance, takes the quiz once all four are open (score 30–100, 80 passes), and
    completes the module when all four lessons and the quiz are done. Their first view is
    up to a year ago; completing takes up to ten days.
    """
    table = connection.ops.quote_name(Progress._meta.db_table)
    users = connection.ops.quote_name(get_user_model()._meta.db_table)
    _pages_table(tree)
    _execute(
        f"""
        CREATE TEMPORARY TABLE bench_starts ON COMMIT DROP AS
        WITH learner AS (
            SELECT id, row_number() OVER (ORDER BY id) AS n FROM {users}
            WHERE email LIKE %s
        ), modules AS (
            SELECT DISTINCT module_no, course_no, module_id, module_key, course_id, course_key
            FROM bench_pages
        ), picked AS (
            SELECT learner.id AS learner_id, learner.n, modules.*,
                (hashtext(learner.n || ':' || modules.module_no)::bigint & 2147483647) AS h
            FROM learner CROSS JOIN modules
        )
        SELECT *, 1 + (h / 7) %% 4 AS opened,
            now() - make_interval(mins => ((h / 29) %% 525600)::int) AS first_at,
            make_interval(mins => (5 + (h / 31) %% 14400)::int) AS took
        FROM picked WHERE h %% 100 < 30
        """,
        [f"%@{EMAIL_DOMAIN}"],
    )
    # Lessons and quiz results.
    _execute(
        """
        CREATE TEMPORARY TABLE bench_rows ON COMMIT DROP AS
        SELECT s.learner_id, p.page_id, p.translation_key, p.kind, s.module_no,
            CASE
                WHEN p.kind = 'quiz' THEN
                    CASE WHEN 30 + (s.h / 11) %% 71 >= 80 THEN 'passed' ELSE 'failed' END
                WHEN p.position < s.opened OR (s.h / 13) %% 10 < 8 THEN 'completed'
                ELSE 'started'
            END AS status,
            CASE WHEN p.kind = 'quiz' THEN 30 + (s.h / 11) %% 71 END AS score,
            s.first_at + (s.took * p.position / 5) AS first_at,
            s.first_at + s.took AS done_at
        FROM bench_starts s
        JOIN bench_pages p ON p.module_no = s.module_no
            AND (p.kind = 'lesson' AND p.position <= s.opened OR p.kind = 'quiz' AND s.opened = 4)
        """
    )
    _execute(
        f"""
        INSERT INTO {table} (learner_id, page_id, translation_key, status, score,
            first_viewed_at, last_viewed_at, completed_at)
        SELECT learner_id, page_id, translation_key, status, score, first_at, done_at,
            CASE WHEN status IN ('completed', 'passed') THEN done_at END
        FROM bench_rows
        """
    )
    # Module rows: started from the first view, completed when everything in it is.
    _execute(
        f"""
        INSERT INTO {table} (learner_id, page_id, translation_key, status, score,
            first_viewed_at, last_viewed_at, completed_at)
        SELECT s.learner_id, s.module_id, s.module_key,
            CASE WHEN done.n = {LESSONS + 1} THEN 'completed' ELSE 'started' END, NULL,
            s.first_at, s.first_at + s.took,
            CASE WHEN done.n = {LESSONS + 1} THEN s.first_at + s.took END
        FROM bench_starts s
        LEFT JOIN (
            SELECT learner_id, module_no, count(*) AS n FROM bench_rows
            WHERE status IN ('completed', 'passed') GROUP BY learner_id, module_no
        ) done ON done.learner_id = s.learner_id AND done.module_no = s.module_no
        """
    )
    # Course rows: started with the first module (completing a course is rare at 30%).
    _execute(
        f"""
        INSERT INTO {table} (learner_id, page_id, translation_key, status, score,
            first_viewed_at, last_viewed_at, completed_at)
        SELECT learner_id, course_id, course_key, 'started', NULL, min(first_at),
            max(first_at + took), NULL
        FROM bench_starts GROUP BY learner_id, course_id, course_key
        """
    )


def build_attempts(tree: Tree, per_result: int) -> None:
    """``per_result`` submitted attempts per quiz result (attempt numbers 1 to n; each
    earlier attempt scored 10 points less, the last one is the result), each answering
    every question of the quiz: right with a chance equal to the attempt's score."""
    table = connection.ops.quote_name(QuizAttempt._meta.db_table)
    _execute(
        """
        CREATE TEMPORARY TABLE bench_questions (quiz_id int, block_id text, kind text)
        ON COMMIT DROP
        """
    )
    rows = [
        (quiz.pk, block["id"], block["type"])
        for quiz in tree.quizzes
        for block in quiz.questions.raw_data
    ]
    with connection.cursor() as cursor:
        cursor.executemany("INSERT INTO bench_questions VALUES (%s, %s, %s)", rows)
    _execute(
        f"""
        INSERT INTO {table} (quiz_id, learner_id, visitor_key, number, served, answers,
            started_at, submitted_at, score, passed)
        SELECT r.page_id, r.learner_id, '', a.number, '[]'::jsonb,
            (
                SELECT jsonb_object_agg(q.block_id, jsonb_build_object(
                    'response', CASE
                        WHEN q.kind = 'true_false' THEN to_jsonb(q.right_answer)
                        WHEN q.kind = 'multiple_select' THEN CASE WHEN q.right_answer
                            THEN '[0, 1]'::jsonb ELSE '[0, 3]'::jsonb END
                        WHEN q.kind = 'ordering' THEN CASE WHEN q.right_answer
                            THEN '[0, 1, 2, 3]'::jsonb ELSE '[1, 0, 2, 3]'::jsonb END
                        ELSE to_jsonb(CASE WHEN q.right_answer THEN 0
                            ELSE 1 + length(q.block_id) %% 2 END)
                    END,
                    'score', CASE WHEN q.right_answer THEN 1 ELSE 0 END,
                    'correct', q.right_answer
                ))
                FROM (
                    SELECT bq.block_id, bq.kind,
                        (hashtext(r.learner_id || ':' || bq.block_id || ':' || a.number)::bigint
                            & 2147483647) %% 100 < a.score AS right_answer
                    FROM bench_questions bq WHERE bq.quiz_id = r.page_id
                ) q
            ),
            r.first_at + make_interval(hours => a.number),
            r.first_at + make_interval(hours => a.number, mins => 10),
            a.score, a.score >= 80
        FROM bench_rows r
        CROSS JOIN LATERAL (
            SELECT g AS number, greatest(r.score - 10 * (%s - g), 0) AS score
            FROM generate_series(1, %s) AS g
        ) a
        WHERE r.kind = 'quiz'
        """,
        [per_result, per_result],
    )


def build(root, progress_rows: int = 1_000_000, attempts: int = 200_000) -> Tree:
    """Everything the reports read: about ``progress_rows`` progress rows and ``attempts``
    quiz attempts. Returns the tree, with the reviewer, the editor and the counts.

    Commits as it goes (the caller runs it outside a test transaction) and ends with
    ``VACUUM ANALYZE``, as a live database's autovacuum would have.
    """
    if connection.vendor != "postgresql":
        raise RuntimeError("the reports benchmark builds its data on PostgreSQL only")
    tree = build_tree(root)
    tree.reviewer = staff("Safety reviewers", f"reviewer@{EMAIL_DOMAIN}")
    tree.editor = staff("Editors", f"editor@{EMAIL_DOMAIN}")
    learners = round(progress_rows / ROWS_PER_LEARNER)
    with transaction.atomic():
        build_learners(learners)
        build_progress(tree)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM bench_rows WHERE kind = 'quiz'")
            (results,) = cursor.fetchone()
        build_attempts(tree, max(1, round(attempts / max(results, 1))))
    # The attempts were written in bulk, not through the quiz's submit view, which keeps
    # question analysis's running totals: count them as a deployment's data migration would.
    started = time.perf_counter()
    rebuild_all_statistics()
    tree.statistics_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        for model in (Progress, QuizAttempt, QuestionStatistic):
            cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    tree.counts = {
        "learners": learners,
        "modules": len(tree.modules),
        "quiz results": results,
        "progress rows": Progress.objects.count(),
        "quiz attempts": QuizAttempt.objects.count(),
    }
    return tree


def clean(tree: Tree | None = None) -> None:
    """Remove everything :func:`build` made (the migrations' data stays), or what an
    interrupted build left behind when ``tree`` is ``None``."""
    from courses.models import CourseIndexPage, Platform

    users = connection.ops.quote_name(get_user_model()._meta.db_table)
    learners = f"SELECT id FROM {users} WHERE email LIKE 'learner%%@{EMAIL_DOMAIN}'"
    for model in (Progress, QuizAttempt):
        _execute(
            f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)} "
            f"WHERE learner_id IN ({learners})"
        )
    _execute(f"DELETE FROM {users} WHERE id IN ({learners})")
    get_user_model().objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()
    for catalogue in CourseIndexPage.objects.filter(slug="bench", depth=2):
        catalogue.delete()
    Platform.objects.filter(slug__startswith="bench-").delete()

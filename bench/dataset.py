"""The large dataset of ``make bench``, built on PostgreSQL with bulk SQL.

Pages come from the demo (``load_demo``) and from recursive copies of its courses, up to
``courses``; learners, progress rows, quiz attempts, classes, memberships and assignments are
inserted with ``generate_series`` in a few statements each. Needs Django set up on PostgreSQL.
"""

from __future__ import annotations

import json
import math
import sys
import time
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

PASSWORD = "kinwise-bench"  # noqa: S105 - throwaway accounts on a loopback bench database
LEARNER_EMAIL = "learner{}@bench.example"


@dataclass
class Size:
    learners: int = 20_000
    progress: int = 500_000
    attempts: int = 100_000
    courses: int = 30
    class_size: int = 300
    assignments: int = 20


class Progress:
    """One line per step, rewritten in place on a terminal: ``[3/9] progress rows 40% …``."""

    def __init__(self, steps: int):
        self.steps, self.step, self.started = steps, 0, time.monotonic()

    def begin(self, what: str) -> None:
        self.step += 1
        self.what = what
        self.show("")

    def show(self, detail: str) -> None:
        elapsed = time.monotonic() - self.started
        line = f"[{self.step}/{self.steps}] {self.what} {detail} ({elapsed:.0f} s)"
        end = "\r" if sys.stdout.isatty() else "\n"
        print(line.ljust(79), end=end, flush=True)

    def done(self, detail: str = "done") -> None:
        self.show(detail)
        if sys.stdout.isatty():
            print()


def exists() -> bool:
    from edu.models import User

    return User.objects.filter(email=LEARNER_EMAIL.format(1)).exists()


def build(size: Size, progress: Progress) -> None:
    progress.begin("demo content (load_demo)")
    from django.core.management import call_command

    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    progress.done()
    progress.begin("courses")
    _courses(size.courses, progress)
    progress.begin("learners, teachers, an administrator")
    _users(size)
    progress.done(f"{size.learners:,} learners")
    _temp_tables()
    progress.begin("progress rows")
    _progress(size, progress)
    progress.begin("quiz attempts")
    _attempts(size, progress)
    progress.begin("classes, memberships, assignments")
    _classes(size)
    progress.done()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _courses(target: int, progress: Progress) -> None:
    from courses.models import CourseIndexPage, CoursePage

    catalogue = CourseIndexPage.objects.first()
    demo = list(CoursePage.objects.child_of(catalogue).live().order_by("path"))
    count = len(demo)
    while count < target:
        source = demo[count % len(demo)]
        with transaction.atomic():
            source.copy(
                recursive=True,
                to=catalogue,
                update_attrs={"title": f"{source.title} ({count + 1})", "slug": f"c{count + 1}"},
                keep_live=True,
                log_action=None,
            )
        count += 1
        progress.show(f"{count}/{target}")
    progress.done(f"{count} courses")


def _users(size: Size) -> None:
    from django.contrib.auth.models import Group

    password = make_password(PASSWORD)
    classes = math.ceil(size.learners / size.class_size)
    with connection.cursor() as cursor:
        insert = """
            INSERT INTO edu_user (password, is_superuser, first_name, last_name, is_staff,
                                  is_active, date_joined, email, display_name)
            SELECT %s, %s, '', '', %s, true, now() - make_interval(mins => g),
                   %s || g || '@bench.example', %s || g
            FROM generate_series(1, %s) AS g
        """
        cursor.execute(insert, [password, False, False, "learner", "Learner ", size.learners])
        cursor.execute(insert, [password, False, False, "teacher", "Teacher ", classes])
        cursor.execute(insert, [password, True, True, "admin", "Admin ", 1])
        teachers = Group.objects.get(name="Teachers")
        cursor.execute(
            """INSERT INTO edu_user_groups (user_id, group_id)
               SELECT id, %s FROM edu_user WHERE email LIKE 'teacher%%@bench.example'""",
            [teachers.pk],
        )


def _temp_tables() -> None:
    """Numbered learners and trackable pages, so rows can be spread with arithmetic."""
    from courses.models import CoursePage, LessonPage, ModulePage
    from quizzes.models import QuizPage

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_learner, bench_page")
        cursor.execute(
            """CREATE TABLE bench_learner AS
               SELECT row_number() OVER (ORDER BY id) AS n, id FROM edu_user
               WHERE email LIKE 'learner%@bench.example'"""
        )
        cursor.execute("CREATE UNIQUE INDEX ON bench_learner (n)")
        cursor.execute(
            "CREATE TABLE bench_page (n serial PRIMARY KEY, id int, tkey uuid, kind text)"
        )
        rows = []
        for model, kind in (
            (LessonPage, "lesson"),
            (QuizPage, "quiz"),
            (ModulePage, "module"),
            (CoursePage, "course"),
        ):
            rows += [
                (pk, str(key), kind)
                for pk, key in model.objects.live()
                .order_by("path")
                .values_list("pk", "translation_key")
            ]
        cursor.executemany("INSERT INTO bench_page (id, tkey, kind) VALUES (%s, %s, %s)", rows)


def _progress(size: Size, progress: Progress) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM bench_page")
        (pages,) = cursor.fetchone()
        per = min(pages, max(1, size.progress // size.learners))
        chunk = max(1, size.learners // 20)
        for start in range(1, size.learners + 1, chunk):
            end = min(size.learners, start + chunk - 1)
            cursor.execute(
                """
                INSERT INTO courses_progress (learner_id, page_id, translation_key, status,
                    score, first_viewed_at, last_viewed_at, completed_at)
                SELECT l.id, p.id, p.tkey, s.status,
                       CASE WHEN p.kind = 'quiz' THEN s.score END,
                       s.first, s.first + interval '20 minutes',
                       CASE WHEN s.status IN ('completed', 'passed')
                            THEN s.first + interval '15 minutes' END
                FROM (
                    SELECT n, k, now() - make_interval(hours => (n * 37 + k * 11) %% 2000) AS first,
                           (n * 13 + k * 7) %% 101 AS score,
                           CASE WHEN (n + k) %% 3 = 0 THEN 'started' ELSE 'done' END AS raw
                    FROM generate_series(%s, %s) AS n, generate_series(0, %s) AS k
                ) AS t
                JOIN bench_learner AS l ON l.n = t.n
                JOIN bench_page AS p ON p.n = ((t.n * 7919 + t.k) %% %s) + 1
                CROSS JOIN LATERAL (
                    SELECT t.first, t.score,
                        CASE WHEN t.raw = 'started' THEN 'started'
                             WHEN p.kind = 'quiz' AND t.score >= 70 THEN 'passed'
                             WHEN p.kind = 'quiz' THEN 'failed'
                             ELSE 'completed' END AS status
                ) AS s
                ON CONFLICT DO NOTHING
                """,
                [start, end, per - 1, pages],
            )
            progress.show(f"{round(100 * end / size.learners)}%")
        cursor.execute("SELECT count(*) FROM courses_progress")
        progress.done(f"{cursor.fetchone()[0]:,} rows")


def _attempt_templates() -> list[tuple]:
    """Per quiz, a right and a wrong graded attempt, to be copied into many rows."""
    from quizzes.grading import grade_attempt
    from quizzes.models import QuizAttempt, QuizPage
    from tests.quizzes.conftest import right_answers, wrong_answers

    templates = []
    for quiz in QuizPage.objects.live().order_by("path"):
        for answers_for in (right_answers, wrong_answers):
            attempt = QuizAttempt(pk=1, quiz=quiz, served=quiz.serve_new_attempt_questions())
            questions = quiz.served_questions(attempt)
            responses = answers_for(quiz, attempt)
            grade = grade_attempt(
                {q.block_id: (q.block_type, q.value) for q in questions},
                responses,
                quiz.pass_mark,
            )
            attempt.record_grade(responses, grade)
            templates.append(
                (
                    quiz.pk,
                    quiz.live_revision_id,
                    json.dumps(attempt.served),
                    json.dumps(attempt.answers),
                    attempt.score,
                    attempt.passed,
                )
            )
    return templates


def _attempts(size: Size, progress: Progress) -> None:
    templates = _attempt_templates()
    quizzes = len(templates) // 2
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_attempt")
        cursor.execute(
            """CREATE TABLE bench_attempt (n serial PRIMARY KEY, quiz_id int, revision_id int,
               served jsonb, answers jsonb, score int, passed bool)"""
        )
        cursor.executemany(
            """INSERT INTO bench_attempt (quiz_id, revision_id, served, answers, score, passed)
               VALUES (%s, %s, %s, %s, %s, %s)""",
            templates,
        )
        # Attempt i: learner i mod L; its (i div L)-th quiz, spread over the quizzes.
        chunk = max(1, size.attempts // 10)
        for start in range(0, size.attempts, chunk):
            end = min(size.attempts, start + chunk) - 1
            cursor.execute(
                """
                INSERT INTO quizzes_quizattempt (quiz_id, learner_id, visitor_key, revision_id,
                    number, served, answers, started_at, submitted_at, score, passed)
                SELECT a.quiz_id, l.id, '', a.revision_id,
                       1 + (i / (%(l)s * %(q)s)), a.served, a.answers,
                       now() - make_interval(hours => i %% 2000),
                       now() - make_interval(hours => i %% 2000) + interval '6 minutes',
                       a.score, a.passed
                FROM generate_series(%(start)s, %(end)s) AS i
                JOIN bench_learner AS l ON l.n = (i %% %(l)s) + 1
                JOIN bench_attempt AS a
                  ON a.n = 1 + 2 * ((((i %% %(l)s) * 13) + i / %(l)s) %% %(q)s) + (i %% 3 = 0)::int
                ON CONFLICT DO NOTHING
                """,
                {"l": size.learners, "q": quizzes, "start": start, "end": end},
            )
            progress.show(f"{round(100 * (end + 1) / size.attempts)}%")
        cursor.execute("SELECT count(*) FROM quizzes_quizattempt")
        (count,) = cursor.fetchone()
    # Written in bulk, not through the quiz's submit view, which keeps question analysis's
    # running totals: count them from the attempts.
    from quizzes.analysis import rebuild_all_statistics

    rebuild_all_statistics()
    progress.done(f"{count:,} attempts, question statistics rebuilt")


def _classes(size: Size) -> None:
    from courses.models import ModulePage

    classes = math.ceil(size.learners / size.class_size)
    modules = list(ModulePage.objects.live().order_by("path").values_list("pk", flat=True))
    assigned = modules[: size.assignments]
    with connection.cursor() as cursor:
        cursor.execute(
            """INSERT INTO courses_classroom (name, description, join_code, joining_open,
                                              created_at)
               SELECT 'Bench class ' || g, '', 'BENCH' || lpad(g::text, 8, '0'), true, now()
               FROM generate_series(1, %s) AS g""",
            [classes],
        )
        cursor.execute(
            """CREATE TEMP TABLE bench_class AS
               SELECT row_number() OVER (ORDER BY id) AS n, id FROM courses_classroom
               WHERE join_code LIKE 'BENCH%%'"""
        )
        cursor.execute(
            """INSERT INTO courses_membership (classroom_id, user_id, role, joined_at)
               SELECT c.id, u.id, 'teacher', now() FROM bench_class AS c
               JOIN edu_user AS u ON u.email = 'teacher' || c.n || '@bench.example'"""
        )
        cursor.execute(
            """INSERT INTO courses_membership (classroom_id, user_id, role, joined_at)
               SELECT c.id, l.id, 'learner', now() FROM bench_learner AS l
               JOIN bench_class AS c ON c.n = 1 + (l.n - 1) / %s""",
            [size.class_size],
        )
        cursor.execute(
            """INSERT INTO courses_assignment (classroom_id, page_id, due_date, note, created_at)
               SELECT c.id, m.page_id, current_date + (m.ord::int %% 30) - 10, '', now()
               FROM bench_class AS c
               CROSS JOIN unnest(%s::int[]) WITH ORDINALITY AS m(page_id, ord)""",
            [assigned],
        )
        # The first class has worked on what it was assigned: a full dashboard.
        cursor.execute(
            """
            INSERT INTO courses_progress (learner_id, page_id, translation_key, status, score,
                first_viewed_at, last_viewed_at, completed_at)
            SELECT m.user_id, p.id, p.translation_key,
                   CASE WHEN (m.user_id + p.id) %% 4 = 0 THEN 'started'
                        WHEN ct.model = 'quizpage' THEN 'passed' ELSE 'completed' END,
                   CASE WHEN ct.model = 'quizpage' THEN 70 + (m.user_id + p.id) %% 31 END,
                   now() - interval '3 days', now() - interval '2 days',
                   CASE WHEN (m.user_id + p.id) %% 4 <> 0 THEN now() - interval '2 days' END
            FROM courses_membership AS m
            JOIN bench_class AS c ON c.id = m.classroom_id AND c.n = 1
            JOIN wagtailcore_page AS parent ON parent.id = ANY(%s)
            JOIN wagtailcore_page AS p ON p.path LIKE parent.path || '%%'
                                       AND p.depth = parent.depth + 1 AND p.live
            JOIN django_content_type AS ct ON ct.id = p.content_type_id
            WHERE m.role = 'learner'
            ON CONFLICT DO NOTHING
            """,
            [assigned],
        )

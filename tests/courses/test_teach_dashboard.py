"""The class dashboard: the matrix, sorting, CSV, question aggregates and the query budget."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.completion import ProgressStatus as S
from courses.models import Membership, Progress
from courses.progress import DatabaseStore, record
from courses.teach.dashboard import CellStatus, build_dashboard
from quizzes.models import QuizAttempt
from tests.courses import teach_support
from tests.courses.teach_support import assign, enrol
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
classroom = teach_support.classroom
teach_course = teach_support.teach_course
User = get_user_model()
TODAY = datetime.date(2030, 6, 15)


def dashboard_url(classroom, **query):
    url = reverse("kinwise:teach:class_dashboard", args=[classroom.pk])
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


@pytest.fixture
def quiz_module(teach_course):
    """Module 1 gets a quiz after its two lessons."""
    module = teach_course.modules[0]
    module.quiz = QuizPageFactory(parent=module, title="Module 1 quiz")
    return module


@pytest.fixture
def learners(classroom):
    people = [UserFactory(display_name=name) for name in ("Cara", "Ali", "Bea", "Dev")]
    enrol(classroom, *people)
    return dict(zip(("cara", "ali", "bea", "dev"), people, strict=True))


def test_the_matrix_shows_each_learners_standing(
    classroom,
    learners,
    quiz_module,
    teach_course,
):
    module1, module2 = teach_course.modules
    a1 = assign(classroom, module1, due_date=TODAY - datetime.timedelta(days=1))
    a2 = assign(classroom, module2, due_date=TODAY + datetime.timedelta(days=7))
    a3 = assign(classroom, teach_course)
    # Ali: passed module 1 (both lessons and the quiz, 70 then 90).
    ali = DatabaseStore(learners["ali"])
    for lesson in module1.lessons:
        record(ali, lesson, S.COMPLETED)
    record(ali, quiz_module.quiz, S.FAILED, 70)
    record(ali, quiz_module.quiz, S.PASSED, 90)
    # Bea: completed module 2 (no quiz), started module 1 and failed its quiz.
    bea = DatabaseStore(learners["bea"])
    for lesson in module2.lessons:
        record(bea, lesson, S.COMPLETED)
    record(bea, module1.lessons[0], S.STARTED)
    record(bea, quiz_module.quiz, S.FAILED, 40)
    # Cara: the whole course.
    cara = DatabaseStore(learners["cara"])
    for module in (module1, module2):
        for lesson in module.lessons:
            record(cara, lesson, S.COMPLETED)
    record(cara, quiz_module.quiz, S.PASSED, 100)
    # Dev: nothing.

    board = build_dashboard(classroom, today=TODAY)
    assert [c.assignment for c in board.columns] == [a1, a2, a3]  # by due date, undated last
    grid = {
        row.name: [(c.status, c.best_score, c.overdue) for c in row.cells] for row in board.rows
    }
    assert [row.name for row in board.rows] == ["Ali", "Bea", "Cara", "Dev"]
    assert grid["Ali"] == [
        (CellStatus.PASSED, 90, False),
        (CellStatus.NOT_STARTED, None, False),
        (CellStatus.IN_PROGRESS, 90, False),
    ]
    assert grid["Bea"] == [
        (CellStatus.IN_PROGRESS, 40, True),  # overdue: due yesterday and not done
        (CellStatus.COMPLETED, None, False),
        (CellStatus.IN_PROGRESS, 40, False),
    ]
    assert grid["Cara"] == [
        (CellStatus.PASSED, 100, False),
        (CellStatus.COMPLETED, None, False),
        (CellStatus.PASSED, 100, False),
    ]
    assert grid["Dev"] == [
        (CellStatus.NOT_STARTED, None, True),
        (CellStatus.NOT_STARTED, None, False),
        (CellStatus.NOT_STARTED, None, False),
    ]
    assert [(c.completed, c.learners, c.percent) for c in board.columns] == [
        (2, 4, 50),
        (2, 4, 50),
        (1, 4, 25),
    ]
    cara_row = next(r for r in board.rows if r.name == "Cara")
    assert cara_row.cells[0].completed_on == timezone.localdate()
    assert [p.title for p in board.columns[0].graded_pages] == ["Module 1 quiz"]


def test_the_page_shows_statuses_in_words_and_marks_overdue(
    client,
    teacher,
    classroom,
    learners,
    teach_course,
):
    assign(
        classroom, teach_course.modules[0], due_date=timezone.localdate() - datetime.timedelta(1)
    )
    record(DatabaseStore(learners["ali"]), teach_course.modules[0].lessons[0], S.COMPLETED)
    client.force_login(teacher)
    response = client.get(dashboard_url(classroom))
    html = response.content.decode()
    assert response.status_code == 200
    assert "In progress" in html and "Not started" in html and "Overdue" in html
    assert "0 of 4 completed (0%)" in html
    assert learners["ali"].email in html
    assert '<th scope="col" aria-sort="ascending"><a href="?sort=-name">' in html


def test_removed_learners_and_teachers_are_not_in_the_matrix(
    classroom,
    learners,
    teacher,
):
    Membership.objects.filter(user=learners["dev"]).update(removed_at=timezone.now())
    names = [row.name for row in build_dashboard(classroom).rows]
    assert names == ["Ali", "Bea", "Cara"]


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("name", ["Ali", "Bea", "Cara", "Dev"]),
        ("-name", ["Dev", "Cara", "Bea", "Ali"]),
        ("done", ["Ali", "Dev", "Bea", "Cara"]),
        ("-done", ["Cara", "Bea", "Ali", "Dev"]),
        ("col", ["Dev", "Bea", "Ali", "Cara"]),
        ("-col", ["Cara", "Ali", "Bea", "Dev"]),
    ],
)
def test_sorting_happens_on_the_server(
    client,
    teacher,
    classroom,
    learners,
    quiz_module,
    teach_course,
    sort,
    expected,
):
    module1, module2 = teach_course.modules
    a1 = assign(classroom, module1)
    assign(classroom, module2)
    for lesson in module1.lessons:
        record(DatabaseStore(learners["cara"]), lesson, S.COMPLETED)
    record(DatabaseStore(learners["cara"]), quiz_module.quiz, S.PASSED, 95)
    for lesson in module2.lessons:
        record(DatabaseStore(learners["cara"]), lesson, S.COMPLETED)
        record(DatabaseStore(learners["bea"]), lesson, S.COMPLETED)
    record(DatabaseStore(learners["ali"]), quiz_module.quiz, S.FAILED, 60)
    record(DatabaseStore(learners["bea"]), quiz_module.quiz, S.FAILED, 20)
    sort = sort.replace("col", f"a{a1.pk}")
    client.force_login(teacher)
    response = client.get(dashboard_url(classroom, sort=sort))
    assert response.status_code == 200
    assert [row.name for row in response.context["dashboard"].rows] == expected


def test_an_unknown_sort_is_a_400_with_a_message(client, teacher, classroom, learners):
    client.force_login(teacher)
    response = client.get(dashboard_url(classroom, sort="email"))
    assert response.status_code == 400
    assert "not one of the table" in response.content.decode()
    assert client.get(dashboard_url(classroom, sort="a99999")).status_code == 400
    export = reverse("kinwise:teach:class_export", args=[classroom.pk])
    assert client.get(export + "?sort=bogus").status_code == 400


def test_csv_export(client, teacher, classroom, learners, quiz_module):
    assign(classroom, quiz_module, due_date=datetime.date(2000, 1, 1))
    record(DatabaseStore(learners["ali"]), quiz_module.quiz, S.PASSED, 85)
    learners["dev"].display_name = '=HYPERLINK("http://evil")'
    learners["dev"].save()
    client.force_login(teacher)
    response = client.get(reverse("kinwise:teach:class_export", args=[classroom.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Name",
        "Email",
        "Joined",
        "Module 1: status",
        "Module 1: best quiz score",
        "Module 1: completed on",
        "Module 1: overdue",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Ali"][3:] == ["In progress", "85", "", "yes"]
    assert by_name["Ali"][1] == learners["ali"].email
    assert by_name["Bea"][3:] == ["Not started", "", "", "yes"]
    # A name that a spreadsheet would run as a formula is neutralised.
    assert '\'=HYPERLINK("http://evil")' in by_name


def test_archived_classes_leave_the_list_but_keep_their_history(
    client,
    teacher,
    parent,
    classroom,
    teach_course,
):
    assign(classroom, teach_course.modules[1])
    enrol(classroom, parent)
    for lesson in teach_course.modules[1].lessons:
        record(DatabaseStore(parent), lesson, S.COMPLETED)
    client.force_login(teacher)
    response = client.post(
        reverse("kinwise:teach:class_archive", args=[classroom.pk]), {"action": "archive"}
    )
    assert response["Location"] == reverse("kinwise:teach:class_list")
    home = client.get(reverse("kinwise:teach:class_list"))
    assert [c.name for c in home.context["active_classes"]] == []
    assert [c.name for c in home.context["archived_classes"]] == ["Tuesday parents"]
    html = client.get(dashboard_url(classroom)).content.decode()
    assert "archived" in html and "Pat Parent" in html and "Completed" in html
    # Parents no longer see its assignments; changes are refused until it is restored.
    client.force_login(parent)
    assert client.get(reverse("kinwise:my_learning")).context["assigned"] == []
    client.force_login(teacher)
    new = reverse("kinwise:teach:assignment_create", args=[classroom.pk])
    assert client.post(new, {"page": teach_course.pk}).status_code == 400
    assert classroom.assignments.count() == 1
    client.post(reverse("kinwise:teach:class_archive", args=[classroom.pk]), {"action": "restore"})
    classroom.refresh_from_db()
    assert not classroom.is_archived
    bad = client.post(
        reverse("kinwise:teach:class_archive", args=[classroom.pk]), {"action": "restore"}
    )
    assert bad.status_code == 400


def test_a_teacher_sees_only_their_own_classes(client, teacher, classroom, other_teacher):
    from tests.courses.teach_support import make_class

    make_class(other_teacher, name="Not yours")
    client.force_login(teacher)
    html = client.get(reverse("kinwise:teach:class_list")).content.decode()
    assert "Tuesday parents" in html and "Not yours" not in html


# --- Per-question results: aggregates only --------------------------------------------------


def attempt(quiz, learner, answers, number=1):
    now = timezone.now()
    return QuizAttempt.objects.create(
        quiz=quiz,
        learner=learner,
        number=number,
        served=[{"id": block_id, "order": []} for block_id in answers],
        answers={
            block_id: {"response": 0, "score": 1.0 if ok else 0.0, "correct": ok}
            for block_id, ok in answers.items()
        },
        submitted_at=now,
        score=0,
        passed=False,
    )


@pytest.fixture
def quiz_class(classroom, quiz_module):
    assign(classroom, quiz_module)
    return quiz_module.quiz


def results_url(classroom, quiz):
    return reverse("kinwise:teach:quiz_results", args=[classroom.pk, quiz.pk])


def test_question_results_are_hidden_below_five_learners(
    client,
    teacher,
    classroom,
    learners,
    quiz_class,
):
    ids = [child.id for child in quiz_class.questions]
    for person in learners.values():
        attempt(quiz_class, person, {ids[0]: True, ids[1]: False})
    client.force_login(teacher)
    response = client.get(results_url(classroom, quiz_class))
    html = response.content.decode()
    assert response.status_code == 200
    assert not response.context["results"].enough
    assert "Results appear once at least 5 parents have finished an attempt" in html
    assert "<table" not in html


def test_question_results_are_class_totals_from_each_latest_attempt(
    client,
    teacher,
    classroom,
    learners,
    quiz_class,
    settings,
):
    ids = [child.id for child in quiz_class.questions]
    fifth = UserFactory(display_name="Eve")
    enrol(classroom, fifth)
    people = [*learners.values(), fifth]
    for i, person in enumerate(people):
        # A first attempt that does not count, then the latest.
        attempt(quiz_class, person, {ids[0]: False, ids[1]: False}, number=1)
        latest = {ids[0]: True, ids[1]: i < 2}
        if i < 2:
            latest[ids[2]] = True  # drawn for two learners only
        attempt(quiz_class, person, latest, number=2)
    # Someone outside the class does not count.
    outsider = UserFactory()
    attempt(quiz_class, outsider, {ids[0]: False, ids[1]: False})

    client.force_login(teacher)
    response = client.get(results_url(classroom, quiz_class))
    results = response.context["results"]
    assert results.enough and results.learners_attempted == 5
    first, second, third = results.questions[:3]
    assert (first.answered, first.correct, first.percent_correct) == (5, 5, 100)
    assert (second.answered, second.correct, second.percent_correct) == (5, 2, 40)
    assert not third.shown and third.answered == 0  # only two answered it
    html = response.content.decode()
    assert "Too few answers to show" in html
    # Nothing about any one person: no names, no emails, no responses.
    for person in people:
        assert person.display_name not in html and person.email not in html
    assert '"response"' not in html

    settings.KINWISE_MIN_AGGREGATE_LEARNERS = 6
    response = client.get(results_url(classroom, quiz_class))
    assert not response.context["results"].enough


def test_the_dashboard_never_shows_answers(
    client,
    teacher,
    classroom,
    learners,
    quiz_class,
):
    ids = [child.id for child in quiz_class.questions]
    attempt(quiz_class, learners["ali"], {ids[0]: True})
    client.force_login(teacher)
    html = client.get(dashboard_url(classroom)).content.decode()
    assert ids[0] not in html
    assert "choice" not in html.lower()
    assert results_url(classroom, quiz_class) in html


# --- Query budget -------------------------------------------------------------------------


def build_class(classroom, catalogue, n_learners, n_assignments):
    course = CoursePageFactory(parent=catalogue, title=f"Budget {n_learners}")
    modules = []
    for i in range(n_assignments):
        module = ModulePageFactory(parent=course, title=f"M{i}")
        lessons = [LessonPageFactory(parent=module) for _ in range(2)]
        if i == 0:
            lessons.append(QuizPageFactory(parent=module))
        modules.append((module, lessons))
        assign(classroom, module, due_date=datetime.date(2030, 1, 1) + datetime.timedelta(i))
    users = User.objects.bulk_create(
        [
            User(email=f"b{n_learners}-{i}@example.com", display_name=f"L{i}")
            for i in range(n_learners)
        ]
    )
    Membership.objects.bulk_create(
        [Membership(classroom=classroom, user=u, role="learner") for u in users]
    )
    now = timezone.now()
    rows = []
    for n, user in enumerate(users):
        for module, lessons in modules:
            for j, lesson in enumerate(lessons):
                if (n + j) % 3 == 0:
                    continue
                done = (n + j) % 3 == 1
                rows.append(
                    Progress(
                        learner=user,
                        page=lesson,
                        translation_key=lesson.translation_key,
                        status=S.COMPLETED if done else S.STARTED,
                        score=80 if done and lesson.specific_class.__name__ == "QuizPage" else None,
                        first_viewed_at=now,
                        last_viewed_at=now,
                        completed_at=now if done else None,
                    )
                )
            if n % 4 == 0:
                rows.append(
                    Progress(
                        learner=user,
                        page=module,
                        translation_key=module.translation_key,
                        status=S.COMPLETED,
                        first_viewed_at=now,
                        last_viewed_at=now,
                        completed_at=now,
                    )
                )
    Progress.objects.bulk_create(rows)


@pytest.mark.parametrize("sort", ["name", "-done"])
def test_the_dashboard_query_budget_is_flat(
    client,
    teacher,
    catalogue,
    sort,
):
    from tests.courses.teach_support import make_class

    def count_for(n_learners, n_assignments):
        classroom = make_class(teacher, name=f"{n_learners} x {n_assignments}")
        build_class(classroom, catalogue, n_learners, n_assignments)
        client.force_login(teacher)
        url = dashboard_url(classroom, sort=sort)
        client.get(url)  # warm the per-process caches (content types, site root paths)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.context["dashboard"].rows) == n_learners
        assert len(response.context["dashboard"].columns) == n_assignments
        return len(ctx.captured_queries)

    small = count_for(10, 1)
    large = count_for(300, 20)
    assert small <= 15, small
    assert large == small, (small, large)

import re

import pytest
from django.urls import reverse

from courses.completion import ProgressStatus as S
from courses.models import Certificate
from courses.progress import DatabaseStore, SessionStore, record
from tests.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db


def build_course(catalogue, title, modules=1, lessons=2):
    course = CoursePageFactory(parent=catalogue, title=title)
    pages = []
    for m in range(modules):
        module = ModulePageFactory(parent=course, title=f"{title} module {m}")
        for n in range(lessons):
            pages.append(LessonPageFactory(parent=module, title=f"{title} lesson {m}.{n}"))
    return course, pages


def test_my_learning_lists_courses_in_progress_and_completed(client, parent, catalogue):
    started, started_lessons = build_course(catalogue, "Started course")
    finished, finished_lessons = build_course(catalogue, "Finished course")
    build_course(catalogue, "Untouched course")
    db = DatabaseStore(parent)
    record(db, started_lessons[0], S.COMPLETED)
    record(db, started_lessons[1], S.STARTED)
    for lesson in finished_lessons:
        record(db, lesson, S.COMPLETED)

    client.force_login(parent)
    response = client.get(reverse("kinwise:my_learning"))
    assert response.status_code == 200
    assert [s.course.title for s in response.context["in_progress"]] == ["Started course"]
    assert [s.course.title for s in response.context["completed"]] == ["Finished course"]
    html = response.content.decode()
    assert "Untouched course" not in html
    assert "1 of 2 activities done (50%)" in html
    # Continue where you left off: the lesson opened and not finished.
    assert f'href="{started_lessons[1].url}"' in html
    cert = Certificate.objects.get(learner=parent)
    assert reverse("kinwise:certificate", args=[cert.code]) in html


def test_visitors_see_their_device_progress_and_are_told_where_it_lives(client, catalogue):
    course, lessons = build_course(catalogue, "Visitor course")
    session = client.session
    record(SessionStore(session), lessons[0], S.COMPLETED)
    session.save()
    html = client.get(reverse("kinwise:my_learning")).content.decode()
    assert "Visitor course" in html
    assert "saved on this device only" in html
    assert not Certificate.objects.exists()


def test_completing_a_course_issues_one_certificate_with_the_display_name(parent, catalogue):
    course, lessons = build_course(catalogue, "Course", modules=2, lessons=1)
    db = DatabaseStore(parent)
    record(db, lessons[0], S.COMPLETED)
    assert not Certificate.objects.exists()
    record(db, lessons[1], S.COMPLETED)
    record(db, lessons[1], S.COMPLETED)
    cert = Certificate.objects.get()
    assert cert.learner == parent and cert.course_id == course.pk
    assert cert.learner_name == "Pat Parent"
    assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}", cert.code)


def test_claiming_a_finished_course_issues_its_certificate(client, parent, catalogue):
    course, lessons = build_course(catalogue, "Course")
    session = client.session
    for lesson in lessons:
        record(SessionStore(session), lesson, S.COMPLETED)
    session.save()
    from tests.factories import PASSWORD

    client.post(reverse("login"), {"username": parent.email, "password": PASSWORD})
    assert Certificate.objects.filter(learner=parent, course=course).exists()


@pytest.fixture
def certificate(parent, catalogue):
    course, lessons = build_course(catalogue, "Certified course", lessons=1)
    record(DatabaseStore(parent), lessons[0], S.COMPLETED)
    return Certificate.objects.get(learner=parent)


def test_the_owner_sees_and_downloads_the_certificate(client, parent, certificate):
    client.force_login(parent)
    response = client.get(reverse("kinwise:certificate", args=[certificate.code]))
    html = response.content.decode()
    assert "Pat Parent" in html and "Certified course" in html
    assert certificate.formatted_code in html
    pdf = client.get(reverse("kinwise:certificate_pdf", args=[certificate.code]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert b"Certified course" in pdf.content or len(pdf.content) > 1000


@pytest.mark.parametrize("name", ["kinwise:certificate", "kinwise:certificate_pdf"])
def test_nobody_else_sees_a_certificate(client, other_parent, certificate, name):
    url = reverse(name, args=[certificate.code])
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    client.force_login(other_parent)
    assert client.get(url).status_code == 404


def test_verification_confirms_the_course_and_date_but_not_the_person(client, certificate):
    response = client.get(reverse("kinwise:certificate_verify", args=[certificate.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This is a real certificate" in html and "Certified course" in html
    assert "Pat Parent" not in html and "example.com" not in html
    # Typed from paper: dashes, spaces and lower case are fine.
    typed = certificate.formatted_code.lower().replace("-", " ")
    response = client.get(reverse("kinwise:certificate_lookup"), {"code": typed})
    assert "This is a real certificate" in response.content.decode()


def test_an_unknown_code_is_a_404_with_a_message(client, db, home_page):
    response = client.get(reverse("kinwise:certificate_verify", args=["NOPE2345NOPE"]))
    assert response.status_code == 404
    assert "no certificate with that code" in response.content.decode()


def test_my_learning_is_get_only(client, parent):
    client.force_login(parent)
    assert client.post(reverse("kinwise:my_learning")).status_code == 405


def test_my_learning_query_budget_is_flat(client, parent, catalogue, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count_for(n_courses):
        for i in range(n_courses):
            _, lessons = build_course(catalogue, f"Budget {n_courses}-{i}", lessons=1)
            record(DatabaseStore(parent), lessons[0], S.STARTED)
        client.force_login(parent)
        client.get(reverse("kinwise:my_learning"))  # warm the per-process caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("kinwise:my_learning"))
        assert response.status_code == 200
        return len(ctx.captured_queries)

    one = count_for(1)
    twenty = count_for(19)  # 20 courses in all
    assert one <= 15, one
    assert twenty == one, (one, twenty)

"""Content Security Policy and the other security headers, on every kind of page.

The public policy allows nothing inline and no other host except the video players; the
Wagtail admin gets its own, looser policy under its prefix only (edu.security). A new page
type fails ``test_every_page_type_is_covered`` until it is added to ``public_pages`` below.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.urls import path
from wagtail.models import get_page_models

from edu import urls as site_urls
from quizzes.models import QuizAttempt
from tests.factories import (
    PASSWORD,
    CourseIndexPageFactory,
    CoursePageFactory,
    HelpPageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizPageFactory,
)
from tests.quizzes.conftest import form_data, right_answers

ROOT = Path(__file__).resolve().parents[2]


def boom(request):
    raise RuntimeError("a server error, for the 500 page's headers")


def plain(request):
    return HttpResponse("ok")


# For the 500 page and a response that no template built.
urlpatterns = [path("test-500/", boom), path("test-plain/", plain), *site_urls.urlpatterns]


def policy(response, header="Content-Security-Policy") -> dict[str, list[str]]:
    assert header in response, f"no {header} on {response.status_code} {response}"
    directives = {}
    for part in response[header].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_strict(response):
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert set(directives["img-src"]) == {"'self'", "data:"}
    # Only the video players a lesson's video block can embed may be framed.
    assert set(directives["frame-src"]) <= {
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    }
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


@pytest.fixture
def public_pages(home_page):
    """One live page of every page type, by model label."""
    catalogue = CourseIndexPageFactory(parent=home_page)
    course = CoursePageFactory(parent=catalogue)
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module)
    quiz = QuizPageFactory(parent=module)
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    help_page = HelpPageFactory(parent=home_page)
    return {
        "edu.HomePage": home_page,
        "courses.CourseIndexPage": catalogue,
        "courses.CoursePage": course,
        "courses.ModulePage": module,
        "courses.LessonPage": lesson,
        "quizzes.QuizPage": quiz,
        "courses.HelpPage": help_page,
    }


def test_every_page_type_is_covered(public_pages):
    page_types = {m._meta.label for m in get_page_models()} - {"wagtailcore.Page"}
    assert page_types == set(public_pages), "add the new page type to public_pages"


def test_every_page_type_has_the_strict_policy(client, parent, public_pages):
    for label, page in public_pages.items():
        response = client.get(page.url)
        assert response.status_code == 200, label
        assert_strict(response)
    client.force_login(parent)
    for label, page in public_pages.items():
        response = client.get(page.url)
        assert response.status_code == 200, label
        assert_strict(response)


def test_a_quiz_attempt_and_its_result_have_the_strict_policy(client, parent, public_pages):
    quiz = public_pages["quizzes.QuizPage"]
    client.force_login(parent)
    started = client.post(quiz.url + "start/")
    assert started.status_code == 303
    assert_strict(started)
    attempt_page = client.get(started["Location"])
    assert attempt_page.status_code == 200
    assert_strict(attempt_page)
    attempt = QuizAttempt.objects.get()
    submitted = client.post(
        quiz.url + "submit/", form_data(quiz, attempt, right_answers(quiz, attempt))
    )
    assert submitted.status_code == 303
    result = client.get(submitted["Location"])
    assert result.status_code == 200
    assert_strict(result)


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password-reset/",
        "/learning/",
        "/learning/certificates/verify/",
        "/no-such-page/",
    ],
)
def test_site_views_and_the_404_page_have_the_strict_policy(client, home_page, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert_strict(response)


def test_signed_in_views_have_the_strict_policy(client, teacher, home_page):
    client.force_login(teacher)
    for url in ("/accounts/my-data/", "/learning/", "/learning/teach/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response)


@pytest.mark.urls(__name__)
def test_the_500_page_and_bare_responses_have_the_strict_policy(client, home_page):
    client.raise_request_exception = False
    response = client.get("/test-500/")
    assert response.status_code == 500
    assert_strict(response)
    assert_strict(client.get("/test-plain/"))


def test_the_admin_gets_its_own_policy_and_only_under_its_prefix(
    client, editor, superuser, public_pages
):
    client.force_login(editor)
    lesson = public_pages["courses.LessonPage"]
    response = client.get(f"/admin/pages/{lesson.pk}/edit/")
    assert response.status_code == 200
    directives = policy(response)
    # Wagtail writes inline scripts and styles; everything else stays as strict as the site.
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]  # the preview panel frames the page
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    # Staff on the public page (with the Wagtail user bar) get the strict policy.
    client.force_login(superuser)
    public = client.get(lesson.url)
    assert public.status_code == 200 and "wagtail-userbar" in public.content.decode()
    assert_strict(public)


def test_a_remote_media_host_is_allowed_for_images_and_nothing_else(client, home_page, settings):
    settings.MEDIA_URL = "https://media.example.org/kinwise/"
    directives = policy(client.get("/"))
    assert "https://media.example.org" in directives["img-src"]
    assert all(
        "media.example.org" not in " ".join(values)
        for name, values in directives.items()
        if name != "img-src"
    )


def test_the_client_address_comes_from_trusted_proxies_only(rf, settings):
    from edu.security import TrustedProxyMiddleware, client_ip

    seen = []
    middleware = TrustedProxyMiddleware(lambda request: seen.append(client_ip(request)))
    forged_then_real = "6.6.6.6, 203.0.113.5"

    settings.KINWISE_TRUSTED_PROXY_COUNT = 0
    middleware(rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forged_then_real))
    settings.KINWISE_TRUSTED_PROXY_COUNT = 1
    middleware(rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forged_then_real))
    # A request that did not come through the proxy keeps its own address.
    middleware(rf.get("/", REMOTE_ADDR="198.51.100.9"))
    settings.KINWISE_TRUSTED_PROXY_COUNT = 2
    middleware(rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forged_then_real))
    assert seen == ["10.0.0.1", "203.0.113.5", "198.51.100.9", "6.6.6.6"]


PRODUCTION_PROBE = """
import json
import django
from django.conf import settings
django.setup()
print(json.dumps({name: getattr(settings, name) for name in (
    "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "DEBUG",
)}))
"""


def test_production_has_secure_cookies_hsts_and_https_redirects():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="edu.settings.production",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="kinwise.example.org",
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"]
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and values["SECURE_HSTS_PRELOAD"]
    assert values["SECURE_SSL_REDIRECT"] is True and values["DEBUG"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_hsts_and_secure_cookies_reach_the_browser_over_https(client, parent, home_page, settings):
    settings.SECURE_HSTS_SECONDS = 365 * 24 * 3600
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_SSL_REDIRECT = True

    plain_http = client.get("/accounts/login/")
    assert plain_http.status_code == 301
    assert plain_http["Location"] == "https://testserver/accounts/login/"

    response = client.get("/accounts/login/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert response.cookies["csrftoken"]["secure"]
    logged_in = client.post(
        "/accounts/login/", {"username": parent.email, "password": PASSWORD}, secure=True
    )
    assert logged_in.status_code == 302
    session_cookie = logged_in.cookies[settings.SESSION_COOKIE_NAME]
    assert session_cookie["secure"] and session_cookie["httponly"]

"""The database restarts in the middle of a load run: requests fail cleanly, then recover.

The test starts its own PostgreSQL cluster (initdb on a free loopback port, as the
``postgres`` user), copies the test database into it (``pg_dump``: migrating from scratch
would take minutes), builds a course, and serves the site with gunicorn on loopback. Four
learners complete lessons and take the quiz for about ten seconds; PostgreSQL is stopped
(``pg_ctl stop -m fast``, which cuts every connection mid-transaction) for a few seconds and
started again. Then:

- every request ended within the timeout; the ones that failed got the site's 500 page,
  without a traceback;
- requests succeed again once the database is back (``CONN_HEALTH_CHECKS``);
- nothing is half-written: every graded attempt has its answers and its Progress row with the
  best score, and module and course roll-ups and certificates agree with the rows below them.

PostgreSQL only; it needs root and ``pg_ctl``. Without them it skips, unless
``REQUIRE_PG_FAULT=1`` (as in CI), when it fails instead.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import pwd
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.db import connection

# The mark makes pytest-django create the test database, which the cluster copies.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LEARNERS = 4
DOWN_FOR = 2.5  # seconds without a database
AFTER = 6.0  # seconds of load once it is back
REQUEST_TIMEOUT = 15.0
ERROR_PAGE = "Something went wrong on our side"


def _pg_bindir() -> Path | None:
    pg_config = shutil.which("pg_config")
    if not pg_config:
        return None
    out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)  # noqa: S603
    return Path(out.stdout.strip()) if out.returncode == 0 else None


PGBIN = _pg_bindir()


def _why_not() -> str | None:
    if connection.vendor != "postgresql":
        return "needs PostgreSQL (DATABASE_URL): its test database is copied into the cluster"
    if os.geteuid() != 0:
        return "needs root, to run a PostgreSQL cluster as the postgres user"
    if PGBIN is None or not (PGBIN / "pg_ctl").exists() or not shutil.which("runuser"):
        return "needs PostgreSQL's server programs (pg_ctl, initdb) and runuser"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "needs a postgres system user"
    return None


@pytest.fixture
def fault_requirements():
    reason = _why_not()
    if reason:
        if os.environ.get("REQUIRE_PG_FAULT") == "1":
            pytest.fail(f"REQUIRE_PG_FAULT=1, but the database fault test {reason}")
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(*args, **kwargs):
    return subprocess.run(  # noqa: S603
        [shutil.which("runuser"), "-u", "postgres", "--", *map(str, args)],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
        **kwargs,
    )


@dataclass
class Cluster:
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgres://app:app@127.0.0.1:{self.port}/app"

    def pg_ctl(self, *args):
        return as_postgres(PGBIN / "pg_ctl", "-D", self.data, *args)

    def start(self):
        self.pg_ctl(
            "-l",
            self.data.parent / "log",
            "-w",
            "-o",
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.data.parent} -c fsync=off",
            "start",
        )

    def stop(self, mode="fast"):
        self.pg_ctl("-m", mode, "-w", "stop")

    def psql(self, *args, user="postgres", database="postgres", **kwargs):
        return subprocess.run(  # noqa: S603
            [
                PGBIN / "psql",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                user,
                "-d",
                database,
                *args,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
            **kwargs,
        )


@pytest.fixture
def cluster(fault_requirements, django_db_setup, django_db_blocker):
    """A throwaway cluster holding a copy of the (migrated) test database."""
    root = Path(tempfile.mkdtemp(prefix="kinwise-fault-"))
    postgres = pwd.getpwnam("postgres")
    os.chown(root, postgres.pw_uid, postgres.pw_gid)
    cluster = Cluster(data=root / "data", port=free_port())
    as_postgres(
        PGBIN / "initdb",
        "-D",
        cluster.data,
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
    )
    cluster.start()
    try:
        cluster.psql(
            "-c", "CREATE ROLE app LOGIN PASSWORD 'app'", "-c", "CREATE DATABASE app OWNER app"
        )
        source = connection.settings_dict
        dump = subprocess.run(  # noqa: S603
            [
                PGBIN / "pg_dump",
                "--no-owner",
                "--no-privileges",
                "-h",
                source["HOST"] or "127.0.0.1",
                "-p",
                str(source["PORT"] or 5432),
                "-U",
                source["USER"],
                source["NAME"],
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PGPASSWORD": source["PASSWORD"] or ""},
        )
        assert "CREATE TABLE public.wagtailcore_page" in dump.stdout, source["NAME"]
        cluster.psql(user="app", database="app", input=dump.stdout)
        yield cluster
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            cluster.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


def django_script(cluster, script: str) -> dict:
    """Run ``script`` with Django set up on the cluster; it prints one JSON line."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django\ndjango.setup()\n" + script],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "edu.settings.test",
            "DATABASE_URL": cluster.url,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


BUILD = """
import json
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from wagtail.models import Page, Site
from edu.models import SiteNavigation
from tests.factories import (CourseIndexPageFactory, CoursePageFactory, HomePageFactory,
    LessonPageFactory, ModulePageFactory, QuizPageFactory, UserFactory, quiz_question)

home = HomePageFactory(parent=Page.get_first_root_node())
site = Site.objects.get(is_default_site=True)
old_root, site.root_page = site.root_page, home
site.save()
if old_root.pk != home.pk and old_root.depth == 2:
    old_root.delete()
SiteNavigation.for_site(site)
course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home))
module = ModulePageFactory(parent=course)
lessons = [LessonPageFactory(parent=module) for _ in range(3)]
quiz = QuizPageFactory(
    parent=module, questions=[quiz_question("single_choice", f"q{i}") for i in range(3)]
)
quiz.save_revision().publish()
sessions = []
for n in range(%(learners)d):
    user = UserFactory()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions.append(session.session_key)
print(json.dumps({
    "lessons": [lesson.url for lesson in lessons], "quiz": quiz.url, "sessions": sessions,
}))
"""

CHECK = """
import json
from django.contrib.auth import get_user_model
from courses.completion import ProgressStatus
from courses.models import Certificate, CoursePage, LessonPage, ModulePage, Progress
from quizzes.models import QuizAttempt, QuizPage

problems = []
quiz = QuizPage.objects.get()
module, course = ModulePage.objects.get(), CoursePage.objects.get()
lessons = list(LessonPage.objects.all())
counts = {"graded": 0, "lessons_completed": 0, "modules_completed": 0}
for learner in get_user_model().objects.all():
    rows = {row.translation_key: row for row in Progress.objects.filter(learner=learner)}
    graded = list(QuizAttempt.objects.filter(learner=learner, submitted_at__isnull=False))
    counts["graded"] += len(graded)
    for attempt in graded:
        if not attempt.answers or attempt.score is None or attempt.passed is None:
            problems.append(f"attempt {attempt.pk} graded without answers or score")
    numbers = sorted(QuizAttempt.objects.filter(learner=learner).values_list("number", flat=True))
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"learner {learner.pk}: attempt numbers {numbers}")
    quiz_row = rows.get(quiz.translation_key)
    if graded:
        best = max(a.score for a in graded)
        passed = any(a.passed for a in graded)
        if quiz_row is None:
            problems.append(f"learner {learner.pk}: graded attempts but no quiz progress")
        elif quiz_row.score != best or (quiz_row.status == ProgressStatus.PASSED) != passed:
            problems.append(f"learner {learner.pk}: quiz row {quiz_row.status} {quiz_row.score}"
                            f", attempts best {best} passed {passed}")
    elif quiz_row is not None and quiz_row.score is not None:
        problems.append(f"learner {learner.pk}: a quiz score without a graded attempt")
    done = [rows.get(l.translation_key) for l in lessons] + [quiz_row]
    complete = all(r is not None and r.completed_at is not None for r in done)
    counts["lessons_completed"] += sum(
        1 for r in done[:-1] if r is not None and r.completed_at is not None
    )
    for unit in (module, course):
        row = rows.get(unit.translation_key)
        unit_complete = row is not None and row.status == ProgressStatus.COMPLETED
        if unit_complete != complete:
            problems.append(f"learner {learner.pk}: {unit.title} complete={unit_complete}, "
                            f"requirements complete={complete}")
    counts["modules_completed"] += complete
    certificates = Certificate.objects.filter(learner=learner).count()
    if certificates != (1 if complete else 0):
        problems.append(f"learner {learner.pk}: {certificates} certificates")
print(json.dumps({"problems": problems, **counts}))
"""


def site_log(tmp_path) -> str:
    return (tmp_path / "gunicorn.log").read_text()[-3000:]


@pytest.fixture
def site_server(cluster, tmp_path):
    built = django_script(cluster, BUILD % {"learners": LEARNERS})
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "edu.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "30",
            "--no-control-socket",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "edu.settings.test",
            "DATABASE_URL": cluster.url,
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline, last = time.monotonic() + 120, None
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", built["quiz"])
                last = conn.getresponse().status
                if last == 200:
                    break
            except OSError as error:
                last = repr(error)
            assert time.monotonic() < deadline, (last, site_log(tmp_path))
            time.sleep(0.2)
        yield {"port": port, "log": tmp_path / "gunicorn.log", **built}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


class QuizForm(HTMLParser):
    """The open attempt's id and, per question, its radio buttons by label text."""

    def __init__(self, html):
        super().__init__()
        self.attempt = None
        self.radios = {}  # id -> (name, value)
        self.labels = {}  # for -> text
        self._label_for = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") == "attempt":
            self.attempt = attrs.get("value")
        elif tag == "input" and attrs.get("type") == "radio":
            self.radios[attrs.get("id")] = (attrs["name"], attrs["value"])
        elif tag == "label":
            self._label_for = attrs.get("for")

    def handle_data(self, data):
        if self._label_for:
            self.labels[self._label_for] = self.labels.get(self._label_for, "") + data

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_for = None

    def answers(self, rng) -> dict:
        """Mostly right (the factory's first choice is the right one)."""
        by_name = {}
        for radio_id, (name, value) in self.radios.items():
            right = self.labels.get(radio_id, "").strip().endswith("choice 0")
            by_name.setdefault(name, []).append((right, value))
        chosen = {}
        for name, options in by_name.items():
            right = [v for r, v in options if r]
            wrong = [v for r, v in options if not r]
            chosen[name] = right[0] if right and rng.random() < 0.85 else rng.choice(wrong)
        return chosen


@dataclass
class Outcome:
    started: float
    ended: float
    what: str
    status: int | None
    body: str
    error: str | None = None


def learner_load(server, session_key, stop, outcomes, seed):
    rng = random.Random(seed)
    cookie = f"sessionid={session_key}; csrftoken={'k' * 32}"
    headers = {"Cookie": cookie, "X-CSRFToken": "k" * 32}

    def call(what, method, path, form=None):
        started = time.monotonic()
        body, status, error = "", None, None
        try:
            conn = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=REQUEST_TIMEOUT)
            payload = None
            request_headers = dict(headers)
            if form is not None:
                from urllib.parse import urlencode

                payload = urlencode(form)
                request_headers["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request(method, path, body=payload, headers=request_headers)
            response = conn.getresponse()
            status, body = response.status, response.read().decode(errors="replace")
            conn.close()
        except Exception as exc:  # recorded and asserted on below
            error = repr(exc)
        outcomes.append(Outcome(started, time.monotonic(), what, status, body, error))
        return status, body

    lesson = 0
    while not stop.is_set():
        call("complete", "POST", server["lessons"][lesson % 3] + "complete/", form={})
        lesson += 1
        call("start", "POST", server["quiz"] + "start/", form={})
        status, body = call("quiz", "GET", server["quiz"])
        if status != 200:
            continue
        form = QuizForm(body)
        if form.attempt:
            call(
                "submit",
                "POST",
                server["quiz"] + "submit/",
                form={"attempt": form.attempt, **form.answers(rng)},
            )


def test_a_database_restart_mid_load_fails_cleanly_and_loses_nothing(cluster, site_server):
    outcomes: list[Outcome] = []
    stop = threading.Event()
    threads = [
        threading.Thread(target=learner_load, args=(site_server, key, stop, outcomes, n))
        for n, key in enumerate(site_server["sessions"])
    ]
    for thread in threads:
        thread.start()
    # Under way first: every learner has had a request through.
    deadline = time.monotonic() + 60
    while len({o.what for o in outcomes if o.status and o.status < 400}) < 3:
        assert time.monotonic() < deadline, "the load never got going"
        time.sleep(0.1)
    time.sleep(1.0)
    down_at = time.monotonic()
    cluster.stop("fast")
    time.sleep(DOWN_FOR)
    cluster.start()
    up_at = time.monotonic()
    time.sleep(AFTER)
    stop.set()
    for thread in threads:
        thread.join(timeout=2 * REQUEST_TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a learner's request hung"

    log = site_server["log"].read_text()
    # Every request got an answer in time: no reset connection, no hang.
    assert [o for o in outcomes if o.error] == [], log[-3000:]
    assert max(o.ended - o.started for o in outcomes) < REQUEST_TIMEOUT
    # Failures are the site's own 500 page (or a 503), never a traceback or a database message.
    failures = [o for o in outcomes if o.status >= 500]
    assert failures, "the restart was not felt: no request failed"
    for failure in failures:
        assert failure.status in (500, 503), failure.status
        assert ERROR_PAGE in failure.body
        for leak in ("Traceback", "OperationalError", "psycopg", "connection refused"):
            assert leak not in failure.body
    # While the database was down, requests failed rather than waited.
    during = [o for o in outcomes if down_at + 0.5 < o.started and o.ended < up_at - 0.2]
    assert during and all(o.status >= 500 for o in during)
    # Once it is back, requests succeed again.
    after = [o for o in outcomes if o.started > up_at + 1.0]
    assert len(after) >= LEARNERS, len(after)
    assert all(o.status < 500 for o in after), [
        (o.what, o.status) for o in after if o.status >= 500
    ]
    assert {o.what for o in after if o.status < 400} >= {"complete", "start", "quiz"}

    checked = django_script(cluster, CHECK)
    assert checked["problems"] == []
    assert checked["graded"] > 0 and checked["lessons_completed"] > 0

"""``make bench``: Kinwise's pages under gunicorn, driven by wrk, against a bare Django view.

Starts what it needs and stops it afterwards: a throwaway PostgreSQL cluster (as root; or use
``BENCH_DATABASE_URL``), a Redis server when ``redis-server`` is installed (else the
production settings' file cache), then builds the dataset (bench/dataset.py), serves the site
with gunicorn on ``edu.settings.bench`` (production settings: DEBUG off, WhiteNoise with
manifest storage, cached_db sessions, the page cache) and runs wrk against each page for
``BENCH_DURATION`` seconds from a second process. It prints and saves a markdown table to
bench/results/bench.md. It never fails on timings; it fails when a page does not answer as
expected (a signed-in page that redirects to the log-in would measure the wrong thing).

Environment (defaults in brackets): BENCH_LEARNERS [20000], BENCH_PROGRESS [500000],
BENCH_ATTEMPTS [100000], BENCH_COURSES [30], BENCH_CLASS_SIZE [300], BENCH_ASSIGNMENTS [20],
BENCH_DURATION [10] seconds per page, BENCH_WARMUP [2] seconds, BENCH_WORKERS [2] gunicorn
workers, BENCH_CONNECTIONS [8] wrk connections, BENCH_SUBMISSIONS [3000] fresh quiz
attempts, BENCH_PGPORT [55442], BENCH_PORT [58442], BENCH_REDIS [auto|off],
BENCH_DATABASE_URL (an existing PostgreSQL database; the dataset is built once and reused),
BENCH_RESULTS [bench/results/bench.md], BENCH_REPORTS [on|off]: then run the reports
benchmark at a million progress rows (bench/reports/, also ``make bench-reports``) on the
same PostgreSQL (its role needs CREATEDB).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LUA = ROOT / "bench" / "wrk" / "page.lua"
VENV_BIN = Path(sys.executable).parent


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


@dataclass
class Target:
    name: str
    path: str
    cookie: str = ""
    bodies: str = ""  # file of "cookie<TAB>body" lines: POSTs
    cookies: str = ""  # file of Cookie headers: each GET sends the next one
    connections: int | None = None  # wrk connections, when not BENCH_CONNECTIONS
    expect: int = 200
    marker: str = ""  # text the page must contain
    header: tuple[str, str] | None = None  # a response header it must have
    goal: str = ""
    result: dict = field(default_factory=dict)


# --- Services ------------------------------------------------------------------------------


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"nothing answered on port {port} within {seconds} s")


class Services(contextlib.ExitStack):
    def postgres(self, work: Path, port: int) -> str:
        if os.geteuid() != 0:
            raise SystemExit(
                "make bench starts a throwaway PostgreSQL as root; otherwise set "
                "BENCH_DATABASE_URL=postgres://user:password@host:port/database"
            )
        pgbin = subprocess.check_output(["pg_config", "--bindir"], text=True).strip()  # noqa: S607
        data = work / "pg"
        data.mkdir()
        shutil.chown(work, "postgres")
        shutil.chown(data, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
        subprocess.run(  # noqa: S603
            [*run_as, f"{pgbin}/initdb", "-D", str(data), "-U", "postgres", "--auth=trust"]
            + ["-E", "UTF8", "--locale=C.UTF-8"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {work} -c fsync=off"
        options += " -c synchronous_commit=off -c shared_buffers=256MB -c max_connections=50"
        subprocess.run(  # noqa: S603
            [*run_as, f"{pgbin}/pg_ctl", "-D", str(data), "-l", str(work / "pg.log"), "-w"]
            + ["-o", options, "start"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.callback(
            subprocess.run,
            [*run_as, f"{pgbin}/pg_ctl", "-D", str(data), "-m", "fast", "stop"],
            stdout=subprocess.DEVNULL,
        )
        psql = ["psql", "-q", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
        subprocess.run(  # noqa: S603
            [*psql, "-c", "CREATE ROLE bench LOGIN PASSWORD 'bench' CREATEDB"]
            + ["-c", "CREATE DATABASE bench OWNER bench"],
            check=True,
        )
        return f"postgres://bench:bench@127.0.0.1:{port}/bench"

    def redis(self, work: Path) -> str:
        binary = shutil.which("redis-server")
        if os.environ.get("BENCH_REDIS", "auto") == "off" or binary is None:
            return ""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen(  # noqa: S603
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--maxmemory", "512mb"],
            cwd=work,
            stdout=subprocess.DEVNULL,
        )
        self.callback(stop, server)
        wait_for_port(port)
        return f"redis://127.0.0.1:{port}/0"

    def gunicorn(self, port: int, workers: int, work: Path) -> None:
        log = open(work / "gunicorn.log", "w")  # noqa: SIM115 - closed by the stack
        self.callback(log.close)
        server = subprocess.Popen(  # noqa: S603
            [str(VENV_BIN / "gunicorn"), "edu.wsgi:application", "--no-control-socket"]
            + ["--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
            + ["--preload", "--log-level", "warning"],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.callback(stop, server)
        wait_for_port(port)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- Preparing the pages --------------------------------------------------------------------


def session_cookie(user, extra: dict | None = None) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore

    backends = settings.AUTHENTICATION_BACKENDS
    model_backend = "django.contrib.auth.backends.ModelBackend"
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = model_backend if model_backend in backends else backends[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.update(extra or {})
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def quiz_bodies(quiz, learners, path: Path) -> None:
    """An open attempt for each learner, and the POST that submits it with right answers."""
    from django.conf import settings
    from django.db.models import Max
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret

    from quizzes.models import QuizAttempt
    from tests.quizzes.conftest import form_data, right_answers

    # A reused dataset still holds the open attempts of the previous run.
    QuizAttempt.objects.filter(quiz_id=quiz.pk, learner__in=learners).open().delete()
    numbers = dict(
        QuizAttempt.objects.filter(quiz_id=quiz.pk, learner__in=learners)
        .values_list("learner_id")
        .annotate(last=Max("number"))
    )
    attempts = QuizAttempt.objects.bulk_create(
        QuizAttempt(
            quiz_id=quiz.pk,
            learner=learner,
            revision_id=quiz.live_revision_id,
            number=numbers.get(learner.pk, 0) + 1,
            served=quiz.serve_new_attempt_questions(),
        )
        for learner in learners
    )
    lines = []
    for learner, attempt in zip(learners, attempts, strict=True):
        secret = _get_new_csrf_string()
        data = form_data(quiz, attempt, right_answers(quiz, attempt))
        data["csrfmiddlewaretoken"] = _mask_cipher_secret(secret)
        cookie = f"{session_cookie(learner)}; {settings.CSRF_COOKIE_NAME}={secret}"
        lines.append(f"{cookie}\t{urlencode(data, doseq=True)}")
    path.write_text("\n".join(lines) + "\n")


def prepare(work: Path, submissions: int) -> list[Target]:
    from django.urls import reverse

    from courses.models import Classroom, CoursePage, LessonPage
    from edu.models import User
    from quizzes.models import QuizPage

    course = CoursePage.objects.live().order_by("path").first()
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    quiz = QuizPage.objects.live().descendant_of(course).order_by("path").first()
    learner = User.objects.get(email="learner1@bench.example")
    teacher = User.objects.get(email="teacher1@bench.example")
    admin = User.objects.get(email="admin1@bench.example")
    classroom = Classroom.objects.get(name="Bench class 1")
    learner_cookie = session_cookie(learner, {"kinwise_is_teacher": False})
    teacher_cookie = session_cookie(teacher, {"kinwise_is_teacher": True})
    admin_cookie = session_cookie(admin, {"kinwise_is_teacher": False})
    submitters = list(
        User.objects.filter(email__startswith="learner").order_by("-pk")[:submissions]
    )
    bodies = work / "quiz_bodies.txt"
    quiz_bodies(quiz, submitters, bodies)
    # Many learners read the lesson (each one's first view writes their progress row).
    readers = work / "reader_cookies.txt"
    readers.write_text(
        "\n".join(
            session_cookie(user, {"kinwise_is_teacher": False})
            for user in User.objects.filter(email__startswith="learner").order_by("pk")[:200]
        )
        + "\n"
    )
    dashboard_url = reverse("kinwise:teach:class_dashboard", args=[classroom.pk])
    reports = [
        ("module completion", "kinwise_course_reports:module_completion"),
        ("question analysis", "kinwise_quiz_reports:question_analysis"),
        ("due for review", "kinwise_course_reports:due_for_review"),
    ]
    targets = [
        Target("bare Django view (ceiling)", "/__bench__/bare/", marker="A fixed response"),
        Target(
            "anonymous lesson page",
            lesson.url,
            marker=lesson.title,
            header=("X-Kinwise-Page-Cache", "hit"),
            goal="≥ 0.6 ×",
        ),
        Target(
            "signed-in lesson page (one learner)",
            lesson.url,
            cookie=learner_cookie,
            marker="Log out",
            goal="≥ 0.3 ×",
        ),
        Target(
            "signed-in lesson page (200 learners)",
            lesson.url,
            cookie=learner_cookie,  # the check's request; wrk sends each reader's
            cookies=str(readers),
            marker="Log out",
            goal="≥ 0.3 ×",
        ),
        Target("course page with progress", course.url, cookie=learner_cookie, marker="Log out"),
        Target("quiz submission", quiz.url + "submit/", bodies=str(bodies), expect=303),
        # A latency target: one teacher at a time (8 connections on 2 workers would measure
        # the queue in front of them). Then the same page under the shared load.
        Target(
            "teacher dashboard (300 × 20), 1 connection",
            dashboard_url,
            cookie=teacher_cookie,
            marker=classroom.name,
            connections=1,
            goal="p95 < 300 ms",
        ),
        Target(
            "teacher dashboard (300 × 20)",
            dashboard_url,
            cookie=teacher_cookie,
            marker=classroom.name,
        ),
    ]
    for name, url_name in reports:
        targets.append(
            Target(
                f"report: {name}, 1 connection",
                reverse(url_name),
                cookie=admin_cookie,
                marker="</html>",
                connections=1,
                goal="p95 < 1 s",
            )
        )
    targets.append(Target("bare Django view (again)", "/__bench__/bare/"))
    return targets


# --- Measuring ---------------------------------------------------------------------------


def check(base: str, target: Target) -> bool:
    """One request as wrk will send it: the page must answer as a learner would see it.

    False when it takes longer than five minutes (a timing: reported, never a failure)."""
    headers = {"Cookie": target.cookie} if target.cookie else {}
    data = None
    if target.bodies:
        line = Path(target.bodies).read_text().splitlines()[0]
        cookie, body = line.split("\t", 1)
        headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
        data = body.encode()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
        base + target.path, data=data, headers=headers
    )
    try:
        if target.header:  # a cached page: the first request fills the cache
            with contextlib.suppress(urllib.error.HTTPError):
                opener.open(request, timeout=300).read()
        with opener.open(request, timeout=300) as response:
            status, body, got = response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        status, body, got = error.code, error.read().decode(errors="replace"), error.headers
    except TimeoutError:
        return False
    problems = []
    if status != target.expect:
        problems.append(f"status {status}, expected {target.expect}")
    if target.marker and target.marker not in body:
        problems.append(f"{target.marker!r} not in the page")
    if target.header and got.get(target.header[0]) != target.header[1]:
        problems.append(f"{target.header[0]} is {got.get(target.header[0])!r}")
    if problems:
        raise SystemExit(f"{target.name} ({target.path}): " + "; ".join(problems))
    return True


def wrk(base: str, target: Target, seconds: int, connections: int, offset: int = 0) -> dict:
    env = {
        **os.environ,
        "BENCH_COOKIE": target.cookie,
        "BENCH_BODIES": target.bodies,
        "BENCH_COOKIES": target.cookies,
        "BENCH_OFFSET": str(offset),
    }
    output = subprocess.run(  # noqa: S603
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA)]
        + [base + target.path],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(x for x in output.splitlines() if x.startswith("BENCH_RESULT "))
    result = json.loads(line.removeprefix("BENCH_RESULT "))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def table(targets: list[Target], ceiling: float, header: str) -> str:
    rows = [
        header,
        "",
        "| page | req/s | p50 ms | p95 ms | × ceiling | errors | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for t in targets:
        r = t.result
        errors = r["status_errors"] + r["socket_errors"]
        if r.get("timed_out"):
            rows.append(f"| {t.name} | – | – | > 300000 | – | – | {t.goal} |")
            continue
        if not r["requests"]:
            note = "no request completed in the run"
            rows.append(f"| {t.name} | 0 | – | – | 0 | {errors} | {t.goal} ({note}) |")
            continue
        rows.append(
            f"| {t.name} | {r['rps']:.0f} | {r['p50_us'] / 1000:.1f} | {r['p95_us'] / 1000:.1f} "
            f"| {r['rps'] / ceiling:.2f} | {errors} | {t.goal} |"
        )
    return "\n".join(rows) + "\n"


def main() -> None:
    # Stopping the bench (Ctrl-C, kill) still stops the servers it started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    duration = env_int("BENCH_DURATION", 10)
    warmup = env_int("BENCH_WARMUP", 2)
    workers = env_int("BENCH_WORKERS", 2)
    connections = env_int("BENCH_CONNECTIONS", 8)
    submissions = env_int("BENCH_SUBMISSIONS", 3000)
    port = env_int("BENCH_PORT", 58442)
    results = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results" / "bench.md"))
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk (make bench does it as root)")
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="kinwise-bench-"))
    with Services() as services:
        services.callback(shutil.rmtree, work, True)
        database = os.environ.get("BENCH_DATABASE_URL") or services.postgres(
            work, env_int("BENCH_PGPORT", 55442)
        )
        redis = services.redis(work)
        os.environ.update(
            DJANGO_SETTINGS_MODULE="edu.settings.bench",
            DATABASE_URL=database,
            KINWISE_BENCH_DIR=str(work),
            KINWISE_CACHE_DIR=str(work / "cache"),
        )
        if redis:
            os.environ["REDIS_URL"] = redis
        else:
            os.environ.pop("REDIS_URL", None)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections as db_connections

        from bench import dataset

        size = dataset.Size(
            learners=env_int("BENCH_LEARNERS", 20_000),
            progress=env_int("BENCH_PROGRESS", 500_000),
            attempts=env_int("BENCH_ATTEMPTS", 100_000),
            courses=env_int("BENCH_COURSES", 30),
            class_size=env_int("BENCH_CLASS_SIZE", 300),
            assignments=env_int("BENCH_ASSIGNMENTS", 20),
        )
        steps = dataset.Progress(9)
        steps.begin("migrate, collectstatic")
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        steps.done()
        if dataset.exists():
            steps.begin("dataset already built: reused")
            steps.done()
        else:
            dataset.build(size, steps)
        steps.begin("sessions and fresh quiz attempts")
        targets = prepare(work, submissions)
        steps.done()
        from django.db import connection

        with connection.cursor() as cursor:
            counts = {}
            for table_name in ("edu_user", "courses_progress", "quizzes_quizattempt"):
                cursor.execute(f"SELECT count(*) FROM {table_name}")  # noqa: S608
                counts[table_name] = cursor.fetchone()[0]
            cursor.execute("SELECT count(*) FROM courses_coursepage")
            counts["courses"] = cursor.fetchone()[0]
        db_connections.close_all()

        services.gunicorn(port, workers, work)
        base = f"http://127.0.0.1:{port}"
        print(f"\nwrk: {duration} s per page ({warmup} s warm-up), {connections} connections")
        offset = 0
        for target in targets:
            if not check(base, target):
                target.result = {"rps": 0.0, "p50_us": 0, "p95_us": 0, "timed_out": True}
                target.result.update(status_errors=0, socket_errors=0, requests=0)
                print(f"  {target.name:<32} one request took over 5 minutes: skipped")
                continue
            if target.bodies:
                offset += 1
            clients = target.connections or connections
            if warmup:
                offset += wrk(base, target, warmup, clients, offset)["requests"]
            target.result = wrk(base, target, duration, clients, offset)
            if target.bodies:
                offset += target.result["requests"]
                if offset > submissions:
                    target.goal += f" (ran out of fresh attempts: {offset} > {submissions})"
            print(
                f"  {target.name:<32} {target.result['rps']:8.0f} req/s   "
                f"p95 {target.result['p95_us'] / 1000:7.1f} ms"
            )
        reports_bench = ROOT / "bench" / "reports" / "test_reports_bench.py"
        if reports_bench.exists() and os.environ.get("BENCH_REPORTS", "on") != "off":
            # The admin reports at a million progress rows (bench-reports), on this PostgreSQL.
            print("\nreports at a million progress rows (bench/reports/, make bench-reports):")
            env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
            env["DATABASE_URL"] = database
            subprocess.run(  # noqa: S603
                [str(VENV_BIN / "pytest"), str(reports_bench), "-q", "-s", "-p", "no:randomly"],
                cwd=ROOT,
                env=env,
                check=False,
            )
    bare = [t.result["rps"] for t in targets if t.path == "/__bench__/bare/"]
    ceiling = sum(bare) / len(bare)
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    header = (
        f"`make bench`, {today}: {os.cpu_count()} cores shared by "
        f"gunicorn ({workers} sync workers) and wrk ({connections} connections, {duration} s "
        f"per page); PostgreSQL with {counts['edu_user']:,} users, {counts['courses']} courses, "
        f"{counts['courses_progress']:,} progress rows, {counts['quizzes_quizattempt']:,} quiz "
        f"attempts, {size.class_size}-learner classes; cache: "
        f"{'Redis' if redis else 'files'}. Ceiling: the mean of the two bare-view runs "
        f"({ceiling:.0f} req/s). Built and measured in {time.monotonic() - started:.0f} s."
    )
    markdown = table(targets, ceiling, header)
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(markdown)
    print("\n" + markdown)
    print(f"saved to {results}")


if __name__ == "__main__":
    main()

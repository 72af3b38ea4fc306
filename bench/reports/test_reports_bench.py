"""Benchmark: each admin report at about a million progress rows on PostgreSQL.

Not a timed test: it prints and saves the timings (``bench/results/reports.md``), it never
fails on them. Run it with ``make bench-reports DATABASE_URL=postgres://…`` (PostgreSQL
only: the data is built with ``generate_series``). Sizes: ``BENCH_PROGRESS_ROWS`` (default
1,000,000), ``BENCH_ATTEMPTS`` (200,000), ``BENCH_RUNS`` (7 requests per measurement).

Each report is requested through Django's test client as a non-superuser Safety reviewer
(Due for review also as an Editor): the full page, its results fragment (what the admin
fetches when a filter or the sort changes) and the CSV export, so the times are Kinwise's
and Wagtail's work and the database's, without a web server.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from bench.reports import build

RESULTS = Path(__file__).parents[1] / "results" / "reports.md"
PROGRESS_ROWS = int(os.environ.get("BENCH_PROGRESS_ROWS", 1_000_000))
ATTEMPTS = int(os.environ.get("BENCH_ATTEMPTS", 200_000))
RUNS = int(os.environ.get("BENCH_RUNS", 7))

# The requests run in a test transaction; the data is built before it, committed.
pytestmark = pytest.mark.django_db

REPORTS = [
    ("Module completion", "kinwise_course_reports:module_completion", "reviewer"),
    ("Question analysis", "kinwise_quiz_reports:question_analysis", "reviewer"),
    ("Due for review", "kinwise_course_reports:due_for_review", "reviewer"),
    ("Due for review", "kinwise_course_reports:due_for_review", "editor"),
]


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    """The benchmark's data, committed (so PostgreSQL plans and vacuums it as a live
    database), and removed again afterwards: the migrations' data is left as it was."""
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.skip("the reports benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
        build.clean()  # what an interrupted run left (with --reuse-db)
        Page.fix_tree()  # and the tree's child counts it may have left wrong
        start = time.perf_counter()
        data = build.build(Page.get_first_root_node(), PROGRESS_ROWS, ATTEMPTS)
        data.build_seconds = time.perf_counter() - start
    yield data
    with django_db_blocker.unblock():
        build.clean(data)


def measure(client, url, params=None) -> tuple[list[float], int, int]:
    """Milliseconds of ``RUNS`` requests (after one to warm per-process caches), the
    queries of the last one and the rows it showed."""
    timings = []
    rows = 0
    for run in range(RUNS + 1):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url, params or {})
            if response.streaming:
                body = b"".join(response.streaming_content)
                rows = body.count(b"\n") - 1
            elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, response.status_code
        if run:
            timings.append(elapsed)
        if not response.streaming and response.context is not None:
            rows = len(response.context.get("object_list") or [])
    return timings, len(captured), rows


def percentile(timings: list[float], share: float) -> float:
    ordered = sorted(timings)
    return ordered[round(share * (len(ordered) - 1))]


def test_report_response_times(tree):
    lines = [
        "| report | as | request | rows | queries | p50 ms | p95 ms |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    clients = {}
    for who in ("reviewer", "editor"):
        clients[who] = Client()
        clients[who].force_login(getattr(tree, who))
    for label, name, who in REPORTS:
        client = clients[who]
        requests = [
            ("page", reverse(name), None),
            ("results", reverse(f"{name}_results"), None),
            ("CSV export", reverse(name), {"export": "csv"}),
        ]
        for request, url, params in requests:
            timings, queries, rows = measure(client, url, params)
            lines.append(
                f"| {label} | {who} | {request} | {rows} | {queries} "
                f"| {statistics.median(timings):.0f} | {percentile(timings, 0.95):.0f} |"
            )
    counts = ", ".join(f"{value:,} {key}" for key, value in tree.counts.items())
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (version,) = cursor.fetchone()
    report = "\n".join(
        [
            "# Reports benchmark",
            "",
            f"PostgreSQL {version}; {counts}; built in {tree.build_seconds:.0f} s "
            f"(of which {tree.statistics_seconds:.1f} s rebuilding the question statistics "
            "from the attempts: `rebuild_question_statistics`).",
            f"{RUNS} requests each through Django's test client (after one warm-up); "
            "p95 of so few runs is close to the slowest.",
            "",
            *lines,
            "",
        ]
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report)
    print("\n" + report)

"""Benchmark: the class dashboard's render time for 300 learners x 20 assignments.

Not a timed test: it prints and saves the timings, it never fails on them. Run it with
``make bench-dashboard``. The numbers come from the test database (in-memory SQLite by
default, or PostgreSQL with DATABASE_URL) through Django's test client, so they measure
Kinwise's own work (queries and template), not a web server.
"""

import statistics
import time
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.courses.teach_support import make_class
from tests.courses.test_teach_dashboard import build_class, dashboard_url

RUNS = 20
RESULTS = Path(__file__).parent / "results" / "dashboard.md"


def test_dashboard_render_time(client, teacher, catalogue):
    classroom = make_class(teacher, name="Benchmark class")
    build_class(classroom, catalogue, 300, 20)
    client.force_login(teacher)
    url = dashboard_url(classroom)
    client.get(url)  # warm caches
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(0.95 * (len(timings) - 1))]
    table = (
        "| page | learners × assignments | database | queries | p50 ms | p95 ms |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        f"| class dashboard | 300 × 20 | {connection.vendor} | {len(ctx.captured_queries)} "
        f"| {p50:.0f} | {p95:.0f} |\n"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(table)
    print("\n" + table)

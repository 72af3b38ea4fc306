"""Rebuild question analysis's running totals from the submitted attempts.

Idempotent: every quiz's statistics are deleted and counted again from its attempts (see
``quizzes.analysis.rebuild_statistics``). Run it after writing attempts without the quiz's
submit view (bulk imports, benchmarks), or to check the totals kept at submission.
"""

import time

from django.core.management.base import BaseCommand

from quizzes.analysis import rebuild_all_statistics


class Command(BaseCommand):
    help = "Rebuild the question analysis statistics from the submitted quiz attempts."

    def handle(self, *args, **options):
        started = time.monotonic()
        quizzes = rebuild_all_statistics()
        self.stdout.write(
            f"Rebuilt the question statistics of {quizzes} quizzes "
            f"in {time.monotonic() - started:.1f} s."
        )

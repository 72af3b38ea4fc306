"""Queue the xAPI statements that are pending and due (for cron, or after an outage).

Statements are queued when their request commits; one that could not be queued then (the
task queue was unreachable) or whose retry was lost stays pending in the outbox. This puts
every due one back in the queue; ``--now`` sends them in this process instead.
"""

from django.core.management.base import BaseCommand

from courses.xapi import conf
from courses.xapi.emit import enqueue
from courses.xapi.models import OutgoingStatement
from courses.xapi.tasks import deliver


class Command(BaseCommand):
    help = "Queue (or, with --now, send) the xAPI statements that are pending and due."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Send here instead of queuing.")

    def handle(self, *args, now=False, **options):
        if not conf.enabled():
            self.stdout.write("KINWISE_XAPI_ENDPOINT is not set: nothing to send.")
            return
        ids = list(OutgoingStatement.objects.due().order_by("pk").values_list("pk", flat=True))
        if now:
            outcomes = [deliver(pk) for pk in ids]
            self.stdout.write(
                f"{outcomes.count('sent')} sent, {outcomes.count('retry')} to retry, "
                f"{outcomes.count('failed')} failed."
            )
        else:
            if ids:
                enqueue(ids)
            self.stdout.write(f"{len(ids)} statements queued.")

"""Keep email addresses out of the logs, whatever logs them.

Kinwise's own code logs no personal data, but Django and third-party apps log request paths
("Not Found: /learning/classes/join/<what was typed>/"), exception messages (a database
error quoting a row) and the like, and people type their email address anywhere. The filter
on the log handlers replaces every address with ``[email]`` in the message and in any
traceback before a line is written.
"""

from __future__ import annotations

import logging
import re

# Not "/" in the local part (RFC 5322 allows it): in a logged path it would take the whole path.
EMAIL = re.compile(r"[\w.!#$%&'*+=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
REDACTED = "[email]"


def redact(text: str) -> str:
    return EMAIL.sub(REDACTED, text)


class RedactEmailsFilter(logging.Filter):
    """A handler filter: rewrites the record's message (and traceback) without addresses."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave the record to the handler
            return True
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True

"""Sending one statement to the LRS: ``PUT statements?statementId=…`` (idempotent)."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from . import conf
from .statements import XAPI_VERSION

# Retrying cannot fix these: the statement is malformed, or the LRS holds a different one
# under its id.
PERMANENT_STATUSES = frozenset({400, 409, 413})


@dataclass(frozen=True)
class Outcome:
    ok: bool
    permanent: bool = False
    error: str = ""


def put_statement(payload: dict) -> Outcome:
    url = conf.endpoint() + "statements?" + urllib.parse.urlencode({"statementId": payload["id"]})
    if not url.startswith(("http://", "https://")):
        return Outcome(False, permanent=True, error="KINWISE_XAPI_ENDPOINT is not an http(s) URL")
    headers = {
        "Content-Type": "application/json",
        "X-Experience-API-Version": XAPI_VERSION,
    }
    auth = conf.auth_header()
    if auth:
        headers["Authorization"] = auth
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url, data=json.dumps(payload).encode(), headers=headers, method="PUT"
    )
    try:
        with urllib.request.urlopen(request, timeout=conf.timeout()) as response:  # noqa: S310
            response.read()
            return Outcome(True)
    except urllib.error.HTTPError as error:
        body = error.read(300).decode("utf-8", "replace")
        return Outcome(
            False,
            permanent=error.code in PERMANENT_STATUSES,
            error=f"HTTP {error.code}: {body}",
        )
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return Outcome(False, error=f"{type(error).__name__}: {reason}"[:300])

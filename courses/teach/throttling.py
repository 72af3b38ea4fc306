"""Throttle wrong join codes, per account and per network address, in Django's cache.

A join code is a short secret, so guessing is the attack: after
``KINWISE_JOIN_CODE_MAX_FAILURES`` wrong codes (default 10) within
``KINWISE_JOIN_CODE_WINDOW`` seconds (default 600) from one account *or* one address, every
code is refused (right ones too, or guessing would simply continue) until the oldest failure
leaves the window. A right code does not clear the count, or an account with one real code
could interleave it with guesses. The cache holds failure times only, under hashed keys: no
address or account id is stored in the clear.

Behind a proxy, ``REMOTE_ADDR`` is the proxy's: set it from the forwarded header in the
server (for example with a trusted-proxy middleware) so that one school's network is not
one address.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

CACHE_PREFIX = "kinwise:join-failures:"


def _limits() -> tuple[int, int]:
    return (
        int(getattr(settings, "KINWISE_JOIN_CODE_MAX_FAILURES", 10)),
        int(getattr(settings, "KINWISE_JOIN_CODE_WINDOW", 600)),
    )


def _keys(request) -> list[str]:
    identities = [f"ip:{request.META.get('REMOTE_ADDR', '')}"]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        identities.append(f"user:{user.pk}")
    return [
        CACHE_PREFIX + hashlib.sha256(f"{settings.SECRET_KEY}:{i}".encode()).hexdigest()[:32]
        for i in identities
    ]


def _recent(key: str, now: float, window: int) -> list[float]:
    return [t for t in cache.get(key, []) if t > now - window]


@dataclass(frozen=True)
class Wait:
    seconds: int

    @property
    def minutes(self) -> int:
        return max(1, -(-self.seconds // 60))


def wait_needed(request, *, now: float | None = None) -> Wait | None:
    """How long ``request``'s account or address must wait before trying another code."""
    now = now if now is not None else time.time()
    limit, window = _limits()
    longest = 0.0
    for key in _keys(request):
        failures = _recent(key, now, window)
        if len(failures) >= limit:
            # Free again when enough failures have aged out to drop below the limit.
            longest = max(longest, failures[-limit] + window - now)
    return Wait(seconds=max(1, int(longest + 0.999))) if longest > 0 else None


def record_failure(request, *, now: float | None = None) -> None:
    now = now if now is not None else time.time()
    limit, window = _limits()
    for key in _keys(request):
        failures = _recent(key, now, window)
        failures.append(now)
        # Only the last ``limit`` failures decide anything; keep the entry small.
        cache.set(key, failures[-limit:], timeout=window)

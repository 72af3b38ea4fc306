"""Throttle wrong join codes, per account and per network address, in Django's cache.

A join code is a short secret, so guessing is the attack: after
``KINWISE_JOIN_CODE_MAX_FAILURES`` wrong codes (default 10) within
``KINWISE_JOIN_CODE_WINDOW`` seconds (default 600) from one account *or* one address, every
code is refused (right ones too, or guessing would simply continue) until the oldest failure
leaves the window. A right code does not clear the count, or an account with one real code
could interleave it with guesses. The cache holds failure times only, under hashed keys: no
address or account id is stored in the clear.

Behind a proxy, ``REMOTE_ADDR`` is the proxy's: set it from the forwarded header in the
server (the Kinwise site does, with ``KINWISE_TRUSTED_PROXY_COUNT``) so that parents
do not all share the proxy's address.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

CACHE_PREFIX = "kinwise:join-failures:"


@dataclass(frozen=True)
class Wait:
    seconds: int

    @property
    def minutes(self) -> int:
        return max(1, -(-self.seconds // 60))


class AttemptCounter:
    """Counts attempts per identity in a sliding window, in Django's cache.

    ``limit_setting`` and ``window_setting`` name the Django settings (read on every call, so
    ``override_settings`` works) with their defaults. Identities ("ip:…", "user:…",
    "email:…") are hashed with the secret key before they become cache keys: the cache never
    holds an address, an account id or an email address in the clear. The site reuses this
    for its sign-up and password-reset throttles.
    """

    def __init__(
        self,
        prefix: str,
        limit_setting: str,
        default_limit: int,
        window_setting: str,
        default_window: int,
    ):
        self.prefix = prefix
        self.limit_setting, self.default_limit = limit_setting, default_limit
        self.window_setting, self.default_window = window_setting, default_window

    def limits(self) -> tuple[int, int]:
        return (
            int(getattr(settings, self.limit_setting, self.default_limit)),
            int(getattr(settings, self.window_setting, self.default_window)),
        )

    def _key(self, identity: str) -> str:
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{identity}".encode()).hexdigest()
        return self.prefix + digest[:32]

    def wait_needed(self, identities, *, now: float | None = None) -> Wait | None:
        """How long until any of ``identities`` may try again (None: it may now)."""
        now = now if now is not None else time.time()
        limit, window = self.limits()
        longest = 0.0
        for identity in identities:
            attempts = _recent(self._key(identity), now, window)
            if len(attempts) >= limit:
                # Free again when enough attempts have aged out to drop below the limit.
                longest = max(longest, attempts[-limit] + window - now)
        return Wait(seconds=max(1, int(longest + 0.999))) if longest > 0 else None

    def record(self, identities, *, now: float | None = None) -> None:
        now = now if now is not None else time.time()
        limit, window = self.limits()
        for identity in identities:
            key = self._key(identity)
            attempts = _recent(key, now, window)
            attempts.append(now)
            # Only the last ``limit`` attempts decide anything; keep the entry small.
            cache.set(key, attempts[-limit:], timeout=window)


def _recent(key: str, now: float, window: int) -> list[float]:
    return [t for t in cache.get(key, []) if t > now - window]


JOIN_CODE_FAILURES = AttemptCounter(
    CACHE_PREFIX, "KINWISE_JOIN_CODE_MAX_FAILURES", 10, "KINWISE_JOIN_CODE_WINDOW", 600
)


def _identities(request) -> list[str]:
    identities = [f"ip:{request.META.get('REMOTE_ADDR', '')}"]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        identities.append(f"user:{user.pk}")
    return identities


def wait_needed(request, *, now: float | None = None) -> Wait | None:
    """How long ``request``'s account or address must wait before trying another code."""
    return JOIN_CODE_FAILURES.wait_needed(_identities(request), now=now)


def record_failure(request, *, now: float | None = None) -> None:
    JOIN_CODE_FAILURES.record(_identities(request), now=now)

"""A real learning record store for the xAPI tests: ralph (PyPI ``ralph-malph``).

Started once per test process on 127.0.0.1 (port 8101, or a free one when that is taken, as
it is when pytest-xdist runs several processes), with a throwaway file-system backend (see
``ralph_app.py`` for the one fix it needs) and an account made with ``ralph auth``. When it
cannot start the tests skip, unless ``REQUIRE_LRS=1`` (set by ``.ci/run``), when they fail:
CI must never pass by not talking to the LRS.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

USERNAME = "kinwise-tests"
PASSWORD = "kinwise-tests-lrs-password"
PREFERRED_PORT = 8101


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LRS:
    url: str  # the xAPI base, ending in /xAPI/

    @property
    def auth(self) -> str:
        return "Basic " + base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()

    def statements(self, **params) -> list[dict]:
        """Every statement matching ``params`` (xAPI query parameters), following ``more``."""
        query = {k: json.dumps(v) if isinstance(v, dict) else v for k, v in params.items()}
        query.setdefault("limit", 100)
        url = self.url + "statements/?" + urllib.parse.urlencode(query)
        found = []
        while url:
            request = urllib.request.Request(  # noqa: S310 - our own http:// URL
                url,
                headers={"Authorization": self.auth, "X-Experience-API-Version": "1.0.3"},
            )
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                page = json.load(response)
            found += page["statements"]
            more = page.get("more")
            url = urllib.parse.urljoin(self.url, more) if more else ""
        return found


def _fail_or_skip(message: str):
    if os.environ.get("REQUIRE_LRS") == "1":
        pytest.fail(f"ralph (the test LRS) is required (REQUIRE_LRS=1): {message}")
    pytest.skip(f"ralph (the test LRS) is not available: {message}")


def _ralph_bin() -> Path:
    return Path(sys.executable).with_name("ralph")


@pytest.fixture(scope="session")
def lrs(tmp_path_factory):
    if not _ralph_bin().exists():
        _fail_or_skip(f"{_ralph_bin()} is not installed")
    root = tmp_path_factory.mktemp("ralph")
    (root / "data").mkdir()
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(root / "app"),
        "RALPH_AUTH_FILE": str(root / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(root / "data"),
    }
    made = subprocess.run(  # noqa: S603
        [
            str(_ralph_bin()),
            "auth",
            "-u",
            USERNAME,
            "-p",
            PASSWORD,
            "-s",
            "all",
            "-A",
            USERNAME,
            "http://127.0.0.1/",
            "-w",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if made.returncode != 0:
        _fail_or_skip(f"`ralph auth` failed: {made.stderr[-500:]}")
    in_worker = "PYTEST_XDIST_WORKER" in os.environ
    port = PREFERRED_PORT if not in_worker and _port_is_free(PREFERRED_PORT) else free_port()
    log = open(root / "ralph.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).with_name("uvicorn")),
            "tests.interop.ralph_app:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=str(Path(__file__).resolve().parents[2]),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/__heartbeat__", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                _fail_or_skip(
                    f"no healthy answer on {base}: {(root / 'ralph.log').read_text()[-1000:]}"
                )
            time.sleep(0.2)
        yield LRS(url=base + "/xAPI/")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def xapi_settings(settings, lrs):
    """xAPI on, pointed at ralph, with a pseudonym salt of this test's own (ids repeat
    across rolled-back tests, so the salt keeps each test's learners apart in the LRS)."""
    settings.KINWISE_XAPI_ENDPOINT = lrs.url
    settings.KINWISE_XAPI_USERNAME = USERNAME
    settings.KINWISE_XAPI_PASSWORD = PASSWORD
    settings.KINWISE_XAPI_ACTOR_SALT = uuid.uuid4().hex
    settings.KINWISE_XAPI_RETRY_DELAY = 0
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    return settings

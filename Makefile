# Kinwise: `make run` serves the demo site; `make test` runs the whole suite.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
MANAGE := .venv/bin/python manage.py

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
export UV_LINK_MODE := copy

.PHONY: run test bench bench-dashboard bench-reports lint format venv venv-dev clean messages screenshots

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)" 2>&1 | grep -v "is ignored" || true

venv: $(UV) messages
	$(UV) sync --frozen --no-dev --inexact --quiet

venv-dev: $(UV) messages
	$(UV) sync --frozen --quiet

# Interface translations: each .po compiles to the .mo Django reads (GNU gettext's msgfmt).
# The .mo files are committed too, so the wheel and a fresh clone work without gettext.
MESSAGES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po courses/locale/*/LC_MESSAGES/django.po quizzes/locale/*/LC_MESSAGES/django.po))
messages: $(MESSAGES)
%.mo: %.po
	msgfmt --check -o $@ $<

run: venv
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

# Tests run in parallel, one worker per core (pytest-xdist); PYTEST_WORKERS=0 runs them in one process.
PYTEST_WORKERS ?= auto

# The browser crawl validates HTML with the Nu HTML Checker (npm vnu-jar, run with Java 17).
# --ignore-scripts: vnu-jar's install script would download a Java runtime; the machine's is used.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts

test: venv-dev node_modules/.package-lock.json
	.venv/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Benchmarks print and save timings (bench/results/); they never fail on them.
bench-dashboard: venv-dev
	.venv/bin/pytest bench/test_dashboard.py -q -s -p no:randomly $(PYTEST_ARGS)

# Each admin report at about a million progress rows (bench/reports/; BENCH_PROGRESS_ROWS,
# BENCH_ATTEMPTS, BENCH_RUNS size it): PostgreSQL only, in a throwaway test database.
bench-reports: venv-dev
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; *) echo "bench-reports needs PostgreSQL: make bench-reports DATABASE_URL=postgres://user:password@host:port/name (the role needs CREATEDB: the data goes into a throwaway test database)"; exit 2;; esac
	.venv/bin/pytest bench/reports/test_reports_bench.py -q -s -p no:randomly $(PYTEST_ARGS)

# The throughput benchmark (bench/run.py: PostgreSQL, gunicorn, wrk; BENCH_* variables size
# it), then, on the same PostgreSQL, the reports at a million progress rows (bench/reports/).
bench: venv-dev
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }; } || { echo "wrk is missing: run 'sudo apt-get install -y wrk'"; exit 1; }
	@command -v redis-server >/dev/null || [ "$$(id -u)" != 0 ] || apt-get install -y -qq redis-server >/dev/null 2>&1 || echo "no redis-server: the bench uses a file cache"
	.venv/bin/python bench/run.py

# PNGs of the main pages, desktop and phone, in docs/screenshots/ (the demo in a throwaway
# SQLite database, served by runserver, shot in Chromium).
screenshots: venv-dev
	.venv/bin/python -m tests.browser.screenshots

lint: venv-dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: venv-dev
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

clean:
	rm -rf .venv $(TOOLS) db.sqlite3 staticfiles

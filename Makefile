# Werkwijzer. The README names two commands: `make run` and `make test`.
# Every install step lives here, so a fresh clone (and CI) needs nothing else.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WERKWIJZER := $(BIN)/werkwijzer
HOST ?= 127.0.0.1:8000
export DJANGO_SETTINGS_MODULE ?= werkwijzer.settings.dev

.PHONY: run test test-fast lint format bench messages system-deps clean help

help:
	@echo "make run    set up everything and serve Werkwijzer at http://$(HOST)"
	@echo "make test   install what the tests need and run them all"
	@echo "make test-fast  the unit tests only (no browser, production or fuzz tests), on every core"
	@echo "make lint   ruff check and format check"
	@echo "make bench  run the benchmarks and write benchmarks/README.md"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed-run

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# System packages: gettext to compile the catalogues, Chromium for the browser tests,
# Pango for WeasyPrint's PDFs. Installed from Debian only where missing.
system-deps:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	ldconfig -p | grep -q libpango-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

messages: $(VENV)/.installed-run
	cd src/werkwijzer && ../../$(WERKWIJZER) compilemessages --ignore=.venv -v 0

run: system-deps $(VENV)/.installed-run node_modules/.installed messages
	$(WERKWIJZER) migrate --no-input -v 0
	$(WERKWIJZER) seed
	@# The worker (e-mail, scheduled jobs, long runs) beside the web server; stopped with it.
	@$(WERKWIJZER) worker --reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(WERKWIJZER) runserver $(HOST)

test: system-deps $(VENV)/.installed-dev node_modules/.installed messages
	DJANGO_SETTINGS_MODULE=werkwijzer.settings.test $(WERKWIJZER) makemigrations --check --dry-run
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports .importlinter
	$(BIN)/mypy
	DJANGO_SETTINGS_MODULE=werkwijzer.settings.test $(BIN)/pytest $(PYTEST_ARGS)

# The quick loop while working: everything but the browser, production and fuzz tests.
test-fast: $(VENV)/.installed-dev messages
	DJANGO_SETTINGS_MODULE=werkwijzer.settings.test $(BIN)/pytest -n auto --reuse-db \
		-m "not browser and not production and not fuzz" $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports .importlinter
	$(BIN)/mypy

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

bench: system-deps $(VENV)/.installed-dev node_modules/.installed messages
	@command -v wrk >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq wrk >/dev/null; }
	DJANGO_SETTINGS_MODULE=werkwijzer.settings.bench $(BIN)/python -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules var db.sqlite3 test-artifacts

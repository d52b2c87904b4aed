# élus 2.0 — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
CHROMIUM := /usr/bin/chromium
# WeasyPrint (the certificates' PDFs) draws text with Pango and HarfBuzz, in DejaVu.
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core
# The steps before `honcho start` read .env (when there is one) exactly as honcho does for the
# processes it starts, so migrate, the demo and the server agree on the database and the port.
WITH_ENV := $(BIN)/honcho run

.DEFAULT_GOAL := help
.PHONY: help install system-deps run test lint bench demo worker beat messages lock clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements/dev.txt $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	touch $(STAMP)

system-deps: ## Debian packages: Chromium for browser tests, gettext for translations, Pango for PDFs
	@missing=""; \
	[ -x $(CHROMIUM) ] || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	for lib in $(PDF_DEBS); do \
		dpkg-query -W -f='$${Status}' $$lib 2>/dev/null | grep -q "ok installed" || missing="$$missing $$lib"; \
	done; \
	if [ -n "$$missing" ]; then \
		if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
			echo "apt-get install$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Paquets manquants :$$missing (installez-les avec apt-get ; les tests navigateur seront ignorés, les PDF ne pourront pas être produits)"; \
		fi; \
	fi

install: $(STAMP) system-deps ## Create .venv and install the pinned requirements
	@mkdir -p var

messages: $(STAMP) ## Compile translations (and refresh the English catalogue with MAKE_MESSAGES=1)
	@if [ -n "$(MAKE_MESSAGES)" ]; then $(MANAGE) makemessages -l en --no-obsolete -i 'var/*' -i 'tests/*' -i 'bench/*'; fi
	$(MANAGE) compilemessages -v0 --ignore '.venv'

run: install messages ## Install, migrate, load the demo and serve with worker and beat on :8000 (or ELUS2_PORT)
	$(WITH_ENV) $(MANAGE) check_services
	$(WITH_ENV) $(MANAGE) migrate --no-input -v0
	$(WITH_ENV) $(MANAGE) seed_demo
	$(BIN)/honcho -f Procfile.dev start

demo: install messages ## Migrate and (re)load the demo data only
	$(WITH_ENV) $(MANAGE) migrate --no-input -v0
	$(WITH_ENV) $(MANAGE) seed_demo

worker: install ## Run a Celery worker alone
	$(WITH_ENV) $(BIN)/celery -A elus2 worker -l info

beat: install ## Run Celery beat alone (exactly one per deployment)
	$(WITH_ENV) $(BIN)/celery -A elus2 beat -l info

lint: install ## ruff, djhtml, Django checks, migrations check and the import-layer contract
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/djhtml --check templates
	DJANGO_SETTINGS_MODULE=elus2.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=elus2.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/lint-imports

test: install messages lint ## Install, lint and run the whole test suite
	$(BIN)/pytest

bench: install messages ## Measure pages against the bare view under gunicorn; writes var/bench.json
	@command -v wrk >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || \
		{ echo "wrk manquant : apt-get install wrk"; exit 1; }
	$(BIN)/python bench/run.py

lock: $(BIN)/python ## Re-pin requirements/*.txt from pyproject.toml (no index URLs)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --no-emit-index-url --no-header -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-emit-index-url --no-header -o requirements/dev.txt

clean: ## Remove var/ (database, mail, queues) but keep .venv
	rm -rf var

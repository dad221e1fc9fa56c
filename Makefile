# Entraide — every set-up step lives here so that a fresh machine needs nothing else.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://entraide:entraide@127.0.0.1:5432/entraide
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo run worker test test-sqlite test-postgres test-deps bench lint format messages clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

demo: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput --verbosity 0
	bash scripts/serve.sh $(HOST) $(PORT)

run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: $(VENV)/.installed
	$(PY) manage.py run_worker

test-deps: $(VENV)/.installed
	bash scripts/test-deps.sh

test: test-deps
	bash scripts/run-tests.sh

test-sqlite: test-deps
	ENTRAIDE_TEST_DBS=sqlite bash scripts/run-tests.sh

test-postgres: test-deps
	ENTRAIDE_TEST_DBS=postgres bash scripts/run-tests.sh

bench: test-deps
	bash bench/run.sh $(SCALE)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.installed
	$(PY) scripts/messages.py

clean:
	rm -rf var/test-* .pytest_cache

SHELL := /bin/bash
# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
# The peer of the speed bench (lifetimes + pandas) lives apart, so Kompas's packages don't help it.
PEER := .venv-peer
STAMP_PEER := $(PEER)/.installed

.PHONY: run test bench fuzz lint format i18n lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

# The lock files pin every package with hashes; the project itself goes in editable, without deps.
$(STAMP_RUN): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

$(STAMP_DEV): requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@ $(STAMP_RUN)

$(STAMP_PEER): tests/benchmarks/peer.lock
	$(PYTHON) -m venv $(PEER)
	$(PEER)/bin/pip install --quiet --require-hashes -r tests/benchmarks/peer.lock
	@touch $@

run: $(STAMP_RUN)
	@$(BIN)/kompas db upgrade
	@if [ -n "$$KOMPAS_BOT_TOKEN" ]; then exec $(BIN)/kompas run; else exec $(BIN)/kompas chat --demo; fi

test: $(STAMP_DEV) $(STAMP_PEER)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/pytest $(PYTEST_ARGS)

bench: $(STAMP_DEV) $(STAMP_PEER)
	$(BIN)/python -m tests.benchmarks

# Hostile input at scale: 10 000 random updates and more kill points, and as many generated
# teams checked against the plain reference of tests/oracle, and as many amounts, times and
# dates typed the Dutch and Russian way read back (tests/locales); prints the figures.
fuzz: $(STAMP_DEV)
	KOMPAS_FUZZ_EXAMPLES=$${KOMPAS_FUZZ_EXAMPLES:-10000} $(BIN)/pytest -m fuzz tests/hardening tests/oracle tests/locales -q -s

lint: $(STAMP_DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP_DEV)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Re-extract message ids from the code and merge them into both catalogs.
i18n: $(STAMP_DEV)
	$(BIN)/pybabel extract -F babel.cfg -k _ -k n_:1,2 -k N_ -k C_:1c,2 --no-location --omit-header --sort-output -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete

# Maintainers only: re-resolve both lock files (setuptools is pinned too: it builds the editable install).
lock:
	$(PYTHON) -m venv /tmp/kompas-uv && /tmp/kompas-uv/bin/pip install --quiet uv
	/tmp/kompas-uv/bin/uv pip compile --universal --python-version 3.11 --generate-hashes -q \
		pyproject.toml <(echo "setuptools>=75") -o requirements.lock
	/tmp/kompas-uv/bin/uv pip compile --universal --python-version 3.11 --generate-hashes -q \
		--extra dev pyproject.toml -o requirements-dev.lock

clean:
	rm -rf $(VENV) $(PEER) .pytest_cache .ruff_cache .hypothesis

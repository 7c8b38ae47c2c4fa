# Two entry points, both idempotent and quick once set up:
#   make run   - set up everything (venv, model, index) and start the web app
#   make test  - set up everything and run the whole test suite (tests/ and evals/)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test index model browser bench

run: index
	$(PY) app.py

test: index browser
	$(PY) -m pytest tests evals

bench: index
	$(PY) -m qa.bench

index: model
	$(PY) -m qa build-index

model: $(VENV)/.installed
	$(PY) -m qa fetch-model

# torch first, pinned: the 2.13.0 CPU build is on local disk; left to a dependency, pip would pull a CUDA build.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# Chromium for the browser tests, from Debian (never a browser download).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

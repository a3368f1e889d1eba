# Two set-up commands for a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test lint bench model clean

# The product and its spaCy pipeline (the demo stays light: no torch).
$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[model]"
	touch $(STAMP)

# The tests' tools too (torch CPU and transformers, for the tiny training test).
$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install -q -e ".[model,dev,web]"
	# The dashboard's browser tests drive Debian's Chromium (Playwright downloads no browser).
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)
	touch $(DEV_STAMP)

demo: $(STAMP)
	$(BIN)/frontwatch extract examples/ --format table

test: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/pytest

bench: $(DEV_STAMP)
	$(BIN)/python bench/extract.py

# Rebuild the learned event coder from committed data (corpus/synthetic, corpus/real train)
# into src/frontwatch/data/coder, then tune its policy on real dev into its card; about
# 30-50 minutes on 2 cores.
model: $(DEV_STAMP)
	$(BIN)/pip install -q -e ".[model,dev,train]"
	$(BIN)/python -m frontwatch.learn.train --out src/frontwatch/data/coder
	$(BIN)/python -m frontwatch.learn.gate --out src/frontwatch/data/coder
	$(BIN)/python bench/coder_policy.py --write

clean:
	rm -rf $(VENV) build *.egg-info

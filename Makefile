# Two entry points on a fresh machine (see README):
#   make demo   set up, then solve and explain the Valdez case
#   make test   set up, then run the whole suite (lint, types, tests)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test setup lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Re-pin every installed package after changing pyproject.toml's dependencies.
lock: $(STAMP)
	{ echo "# Exact versions of everything installed by 'make setup' (regenerate with 'make lock')."; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -vi '^pyknow'; } > constraints.txt

demo: $(STAMP)
	$(BIN)/pyknow-bridge solve facts/cases/valdez.lp

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy pyknow_bridge tests
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

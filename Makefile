# Two entry points on a fresh machine (see README):
#   make demo   set up, then solve and explain the Valdez case
#   make test   set up, then run the whole suite (lint, types, tests)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test setup prolog lock clean

setup: $(STAMP) prolog

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Re-pin every installed package after changing pyproject.toml's dependencies.
lock: $(STAMP)
	{ echo "# Exact versions of everything installed by 'make setup' (regenerate with 'make lock')."; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -vi '^pyknow'; } > constraints.txt

# SWI-Prolog, for --engine prolog only (the core runs without it): installed where we
# can (root with apt), else one line says how.
prolog:
	@command -v swipl >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && apt-get install -y -qq swi-prolog-nox >/dev/null) \
	      || echo "swi-prolog-nox could not be installed: --engine prolog is unavailable"; \
	  else \
	    echo "SWI-Prolog is not installed: --engine prolog needs it (sudo apt-get install swi-prolog-nox)"; \
	  fi; }

demo: $(STAMP) prolog
	$(BIN)/pyknow-bridge solve facts/cases/valdez.lp
	$(BIN)/pyknow-bridge explain --claim valdez,city_of_new_york facts/cases/valdez.lp

test: $(STAMP) prolog
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy pyknow_bridge tests
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

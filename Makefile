# Two entry points on a fresh machine (see README):
#   make demo   set up, then solve and explain the Valdez case
#   make test   set up, then run the whole suite (lint, types, tests)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test setup prolog lock clean

NATIVE  := pyknow_bridge/_native.json
SOURCES := $(shell find pyknow_bridge -name '*.py')

setup: $(STAMP) $(NATIVE) prolog

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Re-pin every installed package after changing pyproject.toml's dependencies.
lock: $(STAMP)
	{ echo "# Exact versions of everything installed by 'make setup' (regenerate with 'make lock')."; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -vi '^pyknow'; } > constraints.txt

# The explanation's hot modules compiled with mypyc (pyknow_bridge/core/native.py says which
# and why). Where that fails, the package runs as plain Python: the same, only slower.
$(NATIVE): $(STAMP) $(SOURCES) tools/build_native.py
	$(BIN)/python tools/build_native.py \
	  || echo "mypyc could not compile the package: it runs as plain Python (slower)"

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

# The suite runs the compiled modules (tests/test_native.py: under CI it must); these tests
# of the explanations run again on their plain-Python sources, which must agree.
PURE_TESTS := tests/test_explain.py tests/test_docket_explain.py tests/test_precedents.py \
  tests/test_memo_holdings.py tests/test_memo_layout.py tests/test_memo_scope.py \
  tests/test_memo_steps.py tests/test_branches.py tests/test_disputed.py \
  tests/test_explanation_json.py tests/test_explanation_terms.py

demo: $(STAMP) $(NATIVE) prolog
	$(BIN)/pyknow-bridge solve facts/cases/valdez.lp
	$(BIN)/pyknow-bridge explain --claim valdez,city_of_new_york facts/cases/valdez.lp

test: $(STAMP) $(NATIVE) prolog
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy pyknow_bridge tests tools conftest.py
	$(BIN)/pytest
	PYKNOW_BRIDGE_PURE=1 $(BIN)/pytest $(PURE_TESTS)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache $(NATIVE)
	find pyknow_bridge -name '*.so' -delete

"""Whether the Prolog tests run: they skip without SWI-Prolog, except under CI (``CI`` set),
where a missing Prolog is a failure, so that CI never passes by skipping them."""

from __future__ import annotations

import os

import pytest

from pyknow_bridge.engine.prolog_engine import PrologEngine, prolog_engine, prolog_missing


def require_prolog() -> PrologEngine:
    """The process's Prolog engine; skip (or, under CI, fail) when Prolog is missing."""
    missing = prolog_missing()
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Prolog tests: {missing}")
        pytest.skip(missing)
    return prolog_engine()

"""Shared paths for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "facts" / "cases"
HOLDINGS_DIR = ROOT / "tests" / "holdings"
SHARED_DIR = ROOT.parent / "shared"

GOLDEN_DIR = ROOT / "tests" / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="rewrite tests/golden/*.memo.txt from the current rules (review the diff!)",
    )

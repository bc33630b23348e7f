"""Shared paths for the test suite."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "facts" / "cases"
HOLDINGS_DIR = ROOT / "tests" / "holdings"
SHARED_DIR = ROOT.parent / "shared"

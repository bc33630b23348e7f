"""``clingo rules/main.lp FILE`` works with no Python of ours, silently, and agrees with the API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pyknow_bridge import solve_file
from pyknow_bridge.render.result_json import claim_to_dict
from tests.conftest import CASES_DIR, ROOT

FACT_FILES = sorted(CASES_DIR.glob("*.lp"))


def _plain_clingo(fact_file: Path, *extra: str) -> tuple[set[str], str]:
    command = [sys.executable, "-m", "clingo", "rules/main.lp", *extra, str(fact_file), "--outf=0"]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert "SATISFIABLE" in run.stdout, run.stderr
    lines = run.stdout.splitlines()
    answer = next(lines[i + 1] for i, line in enumerate(lines) if line.startswith("Answer:"))
    return set(answer.split()), run.stderr


def test_valdez_prints_the_conclusions() -> None:
    atoms, _ = _plain_clingo(CASES_DIR / "valdez.lp")
    assert "outcome(valdez,city_of_new_york,no_recovery)" in atoms
    assert "reliance_defeated(valdez,city_of_new_york,whereabouts_unknown)" in atoms
    assert "immunity(valdez,city_of_new_york,not_reached)" in atoms


@pytest.mark.parametrize("fact_file", FACT_FILES, ids=lambda p: p.stem)
def test_no_warnings_and_same_conclusions_as_the_api(fact_file: Path) -> None:
    atoms, stderr = _plain_clingo(fact_file)
    assert stderr == "", f"clingo warned:\n{stderr}"
    outcomes = {a for a in atoms if a.startswith("outcome(")}
    for claim in solve_file(fact_file).claims:
        (value,) = claim_to_dict(claim)["outcome"]
        assert f"outcome({claim.plaintiff},{claim.defendant},{value})" in outcomes


@pytest.mark.parametrize("view", ["lippman", "jones"])
def test_views_load_silently(view: str) -> None:
    _, stderr = _plain_clingo(CASES_DIR / "valdez.lp", f"rules/views/{view}.lp")
    assert stderr == ""

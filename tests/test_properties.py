"""Properties that must hold for any case file: checked on generated cases, scenario by scenario."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.generate import generate_case
from pyknow_bridge import load_case
from pyknow_bridge.api import analyse
from pyknow_bridge.batch import solve_chunk
from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.limits import NO_DEADLINE
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.clingo_control import answer_sets, ground
from pyknow_bridge.engine.solver import program_text, solve_case
from pyknow_bridge.render.result_json import case_to_dict

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _case(rng: random.Random, directory: Path, number: int = 0) -> CaseFile:
    path = directory / f"generated_{number}.lp"
    path.write_text(generate_case(rng, number), encoding="utf-8")
    return load_case(path)


def _facts(case: CaseFile) -> set[str]:
    """The facts of the file, as atom strings."""
    return {str(fact.symbol) for fact in case.facts}


def _scenarios(case: CaseFile) -> list[set[str]]:
    """Every answer set (one per combination of the disputed facts), as atom strings."""
    control = ground(rules_in_force().statements, program_text(case))
    return [{str(s) for s in atoms} for atoms in answer_sets(control, NO_DEADLINE)]


@SETTINGS
@given(rng=st.randoms(use_true_random=False))
def test_every_scenario_obeys_the_doctrines_invariants(rng: random.Random, tmp_path: Path) -> None:
    case = _case(rng, tmp_path)
    models = _scenarios(case)
    assert len(models) == 2 ** len(case.disputed)
    disputed = {str(s) for s in case.disputed}
    for atoms in models:
        for plaintiff, defendant in case.claims():
            if f"claim({plaintiff},{defendant})" in disputed:
                continue  # the claim exists only in some scenarios
            claim = f"{plaintiff},{defendant}"
            outcomes = [a for a in atoms if a.startswith(f"outcome({claim},")]
            assert len(outcomes) == 1, f"{claim}: exactly one outcome, got {outcomes}"
            duty = {f"special_duty({claim})", f"ordinary_duty({claim})"} & atoms
            if outcomes == [f"outcome({claim},may_recover)"]:
                assert duty, f"{claim}: may_recover without a duty"
            statuses = Counter(a for a in atoms if a.startswith(f"immunity({claim},"))
            if case.jurisdiction == "ny":
                assert len(statuses) == 1, f"{claim}: one immunity status, got {statuses}"
                if not duty:  # without a duty: not reached, or proved as a separate ground
                    assert set(statuses) <= {
                        f"immunity({claim},not_reached)",
                        f"immunity({claim},applies)",
                    }, f"{claim}: immunity reached without a duty"
                if f"special_duty({claim})" in atoms:
                    assert f"immunity({claim},not_reached)" not in statuses
            else:  # D.C.: the discretionary-function immunity, only once the District raises it
                assert len(statuses) <= 1, f"{claim}: at most one immunity status, got {statuses}"
                if statuses:
                    assert f"immunity_asserted({defendant})" in _facts(case), statuses
                assert f"immunity({claim},not_reached)" not in statuses


@SETTINGS
@given(rng=st.randoms(use_true_random=False))
def test_certain_conclusions_are_possible_ones(rng: random.Random, tmp_path: Path) -> None:
    found = solve_case(_case(rng, tmp_path), rules_in_force())
    assert found.certain <= found.possible


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rng=st.randoms(use_true_random=False))
def test_batch_results_are_identical_to_solving_each_case_alone(
    rng: random.Random, tmp_path: Path
) -> None:
    cases = [_case(rng, tmp_path, number) for number in range(12)]
    together = [case_to_dict(r) for r in solve_chunk(cases)]
    alone = [case_to_dict(analyse(case)) for case in cases]
    assert together == alone

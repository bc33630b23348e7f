"""Certain and possible, computed three ways, agree: brave/cautious (``solve``), every
scenario enumerated (the oracle, here), and the explanation's findings under assumptions,
on every precedent under every view and on generated cases."""

from __future__ import annotations

import random
from pathlib import Path

import clingo
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.generate import generate_case
from pyknow_bridge import Modality, load_case
from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.rulebook import available_views, load_rulebook
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.clingo_control import answer_sets, ground
from pyknow_bridge.engine.solver import program_text, solve_case
from pyknow_bridge.explain.builder import explain_case
from tests.conftest import CASES_DIR

OUTPUTS = {doc.signature for doc in load_rulebook().predicates if doc.role == "Output"}
VIEWS = [(), *((view,) for view in available_views())]


def _shown(atoms: frozenset[clingo.Symbol]) -> frozenset[clingo.Symbol]:
    return frozenset(a for a in atoms if (a.name, len(a.arguments)) in OUTPUTS)


def _check_agreement(case: CaseFile, views: tuple[str, ...]) -> None:
    rules = rules_in_force(views)
    scenarios = answer_sets(ground(rules.explaining, program_text(case)), Deadline(None))
    assert len(scenarios) == 2 ** len(case.disputed), "one answer set per scenario"
    shown = [_shown(atoms) for atoms in scenarios]
    found = solve_case(case, rules)
    assert frozenset.intersection(*shown) == found.certain, "certain: in every scenario"
    assert frozenset.union(*shown) == found.possible, "possible: in some scenario"
    certain = {str(atom) for atom in found.certain}
    possible = {str(atom) for atom in found.possible}
    for node in explain_case(case, views).nodes.values():
        if node.atom in possible:
            expected = Modality.CERTAIN if node.atom in certain else Modality.POSSIBLE
            assert node.modality is expected, node.atom


@pytest.mark.parametrize("views", VIEWS, ids=lambda v: "+".join(v) or "majority")
@pytest.mark.parametrize("path", sorted(CASES_DIR.glob("*.lp")), ids=lambda p: p.stem)
def test_scenarios_agree_with_brave_and_cautious_on_every_precedent(
    path: Path, views: tuple[str, ...]
) -> None:
    _check_agreement(load_case(path), views)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rng=st.randoms(use_true_random=False))
def test_scenarios_agree_with_brave_and_cautious_on_generated_cases(
    rng: random.Random, tmp_path: Path
) -> None:
    path = tmp_path / "generated.lp"
    path.write_text(generate_case(rng), encoding="utf-8")
    _check_agreement(load_case(path), ())

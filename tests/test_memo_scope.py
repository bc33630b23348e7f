"""Nothing foreign in a memo: no rule of another jurisdiction, no view hook that no rule in
force derives, no scaffolding atom (pleadings, claim guards, lists of values), on every
precedent and on generated cases."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bench.generate import generate_case
from pyknow_bridge import load_case
from pyknow_bridge.doctrine.jurisdictions import claim_guards
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.doctrine.scaffolding import hidden_predicates, hooks, list_predicates
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.render.explanation_report import render_memo
from tests.conftest import CASES_DIR

GENERATED = 40
#: By convention every jurisdiction's rule ids start with its code (``[dc.d1.use]``) and its
#: own internal predicates with its code and an underscore (``ny_class_statute``).
JURISDICTIONS = sorted(claim_guards())
MAJORITY_HEADS = {rule.head for rule in rules_in_force().rules}


def _foreign(memo: str, jurisdiction: str) -> list[str]:
    found = []
    for other in JURISDICTIONS:
        if other != jurisdiction:
            found += re.findall(rf"\[{other}\.[a-z0-9_.]+\]", memo)
            found += re.findall(rf"\b{other}_[a-z_]+\(", memo)
    return found


#: Hooks only a view derives (a dated rule of the majority derives immunity_excluded: the
#: memo says why that older law did not apply).
VIEW_ONLY_HOOKS = {name for name, arity in hooks() if (name, arity) not in MAJORITY_HEADS}


def _scaffolding(memo: str) -> list[str]:
    names = hidden_predicates() | list_predicates() | VIEW_ONLY_HOOKS
    return [m for name in sorted(names) for m in re.findall(rf"\b{name}\(", memo)]


def _check(path: Path) -> None:
    case = load_case(path)
    memo = render_memo([explain_case(case)])
    assert _foreign(memo, case.jurisdiction) == [], f"{path.name}: another jurisdiction's rule"
    assert _scaffolding(memo) == [], f"{path.name}: a scaffolding atom or a view hook"
    assert "no rule in force derives it" not in memo, f"{path.name}: a rule not in force"


@pytest.mark.parametrize("path", sorted(CASES_DIR.glob("*.lp")), ids=lambda p: p.stem)
def test_no_foreign_rule_hook_or_scaffolding_in_a_precedent_memo(path: Path) -> None:
    _check(path)


def test_no_foreign_rule_hook_or_scaffolding_in_a_generated_memo(tmp_path: Path) -> None:
    rng = random.Random(12)
    for number in range(GENERATED):
        path = tmp_path / f"case_{number}.lp"
        path.write_text(generate_case(rng, number), encoding="utf-8")
        _check(path)


def test_the_checks_can_fail() -> None:
    assert _foreign("✗ not under [ny.statutory.protected_class] x", "dc")
    assert _foreign("✗ ny_class_statute(p,d,_)", "dc")
    assert {"defeater_excused"} == VIEW_ONLY_HOOKS
    assert _scaffolding("✗ defeater_excused(p,d,r)") and _scaffolding("✓ dc_claim(p,d)")

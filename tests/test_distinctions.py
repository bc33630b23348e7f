"""The distinctions the seeds draw, each as a minimal pair (or set) of fact files.

Each ``tests/distinctions/*.toml`` holds a base case and variants that add or remove
facts; every variant is written out as a real fact file and solved through the
strict loader. The files are discovered, not listed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from pyknow_bridge import Modality, load_case, solve_file
from pyknow_bridge.core.limits import NO_DEADLINE
from pyknow_bridge.doctrine.derivation import DERIVATION
from pyknow_bridge.doctrine.rulebook import load_rulebook
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.clingo_control import answer_sets, ground
from pyknow_bridge.engine.solver import program_text
from tests.conftest import ROOT

DISTINCTIONS = sorted((ROOT / "tests" / "distinctions").glob("*.toml"))
EXPECT_KEYS = {
    "outcome",
    "special_duty",
    "bases",
    "ordinary_duty",
    "elements",
    "reliance",
    "reliance_defeated",
    "reliance_not_defeated",
    "immunity",
    "no_proximate_cause",
}


def _variants() -> list[Any]:
    params = []
    for path in DISTINCTIONS:
        with path.open("rb") as handle:
            spec = tomllib.load(handle)
        for variant in spec["variant"]:
            params.append(pytest.param(spec, variant, id=f"{path.stem}: {variant['name']}"))
    return params


def _fact_text(spec: dict[str, Any], variant: dict[str, Any]) -> str:
    text: str = spec["base"]
    for fact in variant.get("remove", []):
        assert fact in text, f"cannot remove {fact!r}: not in the base case"
        text = text.replace(fact, "")
    added: str = variant.get("add", "")
    return f"{text}\n{added}\n"


def _certain(values: Any) -> set[str]:
    return {v for v, m in values.items() if m is Modality.CERTAIN}


def test_distinction_files_exist() -> None:
    assert len(DISTINCTIONS) >= 5


@pytest.mark.parametrize(("spec", "variant"), _variants())
def test_distinction(spec: dict[str, Any], variant: dict[str, Any], tmp_path: Path) -> None:
    expected = variant["expect"]
    assert set(expected) <= EXPECT_KEYS, f"unknown expectation keys {set(expected) - EXPECT_KEYS}"
    fact_file = tmp_path / "case.lp"
    fact_file.write_text(_fact_text(spec, variant), encoding="utf-8")
    views = [variant["view"]] if "view" in variant else []
    as_of = variant.get("as_of")  # decide under another year's law (rules/law_in_time.lp)
    claim = solve_file(fact_file, views, as_of=as_of).claims[0]
    context = f"\n  {spec['title']}\n  variant: {variant['name']}\n  got: {claim}"

    assert claim.decided_outcome == expected["outcome"], context
    if "special_duty" in expected:
        assert (claim.special_duty is Modality.CERTAIN) == expected["special_duty"], context
    if "bases" in expected:
        assert _certain(claim.bases) == set(expected["bases"]), context
    if "ordinary_duty" in expected:
        assert (claim.ordinary_duty is Modality.CERTAIN) == expected["ordinary_duty"], context
    for element, value in expected.get("elements", {}).items():
        assert claim.element(element) == value, f"{element} should be {value}{context}"
    if "reliance" in expected:
        justified = claim.justifiable_reliance is Modality.CERTAIN
        assert justified == expected["reliance"], context
    defeaters = _certain(claim.reliance_defeated)
    assert set(expected.get("reliance_defeated", [])) <= defeaters, context
    assert not set(expected.get("reliance_not_defeated", [])) & defeaters, context
    if "immunity" in expected:
        assert claim.immunity_status == expected["immunity"], context
    if "no_proximate_cause" in expected:
        no_cause = claim.no_proximate_cause is Modality.CERTAIN
        assert no_cause == expected["no_proximate_cause"], context


def test_every_rule_fires_in_some_case_or_distinction(tmp_path: Path) -> None:
    """No rule goes untested: each derives something in a precedent or a distinction."""
    programs: list[tuple[str, list[str], int | None]] = []
    for fact_file in sorted((ROOT / "facts" / "cases").glob("*.lp")):
        text = fact_file.read_text(encoding="utf-8")
        programs += [(text, [], None), (text, ["lippman"], None), (text, ["jones"], None)]
    for spec, variant in (p.values for p in _variants()):
        text = _fact_text(spec, variant)
        views = [variant["view"]] if "view" in variant else []
        programs += [(text, views, variant.get("as_of")), (text, ["lippman"], None)]
    fired: set[str] = set()
    for text, views, as_of in programs:
        path = tmp_path / "case.lp"
        path.write_text(text, encoding="utf-8")
        control = ground(rules_in_force(views).explaining, program_text(load_case(path), as_of))
        first = answer_sets(control, NO_DEADLINE)[0]  # the scenario as stated
        fired |= {s.arguments[0].string for s in first if s.match(DERIVATION, 3)}
    never = {rule.rule_id for rule in load_rulebook().rules} - fired
    assert never == set(), f"rules no test exercises: {sorted(never)}"

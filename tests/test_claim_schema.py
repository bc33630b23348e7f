"""The claim schema declared in rules/routes.lp agrees with the rules that decide.

Each jurisdiction's routes, and each route's elements, are declared as facts; the rules
of dc.lp and ny_special_duty.lp derive ``special_duty_basis`` from ``element(..., met)``
conditions. A route rule added without its declaration (or a declaration without its
rule) fails here.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from clingo import ast

from pyknow_bridge import Modality, load_case
from pyknow_bridge.api import analyse
from pyknow_bridge.core.paths import RULES_DIR
from pyknow_bridge.doctrine import jurisdictions, rulebook, rules_in_force, vocabulary
from pyknow_bridge.doctrine.jurisdictions import (
    claim_conclusions,
    claim_guards,
    jurisdiction_name,
    routes,
)
from pyknow_bridge.doctrine.rulebook import RuleEntry, load_rulebook
from pyknow_bridge.explain.builder import EXPLAINED_BY_NAME, explain_case
from pyknow_bridge.render.explanation_html import render_html
from pyknow_bridge.render.explanation_report import render_memo
from pyknow_bridge.render.result_json import claim_to_dict, render_json
from pyknow_bridge.render.result_schema import render_solve_schema, solve_schema
from pyknow_bridge.render.text import LAID_OUT, render_text
from tests.conftest import CASES_DIR, ROOT


def _positive_atoms(rule: RuleEntry) -> list[ast.AST]:
    assert rule.node is not None
    return [
        literal.atom.symbol
        for literal in rule.node.body
        if literal.ast_type == ast.ASTType.Literal
        and literal.sign == ast.Sign.NoSign
        and literal.atom.ast_type == ast.ASTType.SymbolicAtom
        and literal.atom.symbol.ast_type == ast.ASTType.Function
    ]


def _routes_in_rule_bodies(guard: str) -> dict[str, tuple[str, ...]]:
    """Each route a rule of the guard's jurisdiction derives, with the elements it requires."""
    found: dict[str, tuple[str, ...]] = {}
    for rule in rules_in_force.rules_in_force().rules:
        if rule.head != ("special_duty_basis", 3):
            continue
        atoms = _positive_atoms(rule)
        if not any(atom.name == guard for atom in atoms):
            continue
        assert rule.node is not None
        route = str(rule.node.head.atom.symbol.arguments[2])
        elements = tuple(
            str(atom.arguments[2])
            for atom in atoms
            if atom.name == "element" and str(atom.arguments[3]) == "met"
        )
        found[route] = tuple(dict.fromkeys(found.get(route, ()) + elements))
    return found


def test_every_jurisdiction_of_the_vocabulary_is_declared() -> None:
    jurisdictions = load_rulebook().inputs()[("jurisdiction", 1)].values["J"]
    assert set(claim_guards()) == set(jurisdictions)
    assert {j: jurisdiction_name(j) for j in jurisdictions} == {
        "dc": "District of Columbia",
        "ny": "New York",
    }


def test_the_declared_routes_are_the_routes_the_rules_derive() -> None:
    for jurisdiction, guard in claim_guards().items():
        assert routes(jurisdiction) == _routes_in_rule_bodies(guard), jurisdiction
        assert list(routes(jurisdiction)) == list(_routes_in_rule_bodies(guard)), "order"


def test_the_schema_decides_nothing() -> None:
    """Its facts are neither shown nor a condition of any rule."""
    schema = {"jurisdiction_name", "jurisdiction_claim", "route_element"}
    for rule in load_rulebook().rules:
        if rule.file.name != "routes.lp":
            assert not {atom.name for atom in _positive_atoms(rule)} & schema, rule.rule_id


def _forget_the_rules() -> None:
    rulebook.load_rulebook.cache_clear()
    rules_in_force._rule_set.cache_clear()
    jurisdictions._schema.cache_clear()
    jurisdictions._conclusions.cache_clear()
    vocabulary.input_schema.cache_clear()


@pytest.fixture
def scratch_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of rules/ that the package reads instead of the real one."""
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    monkeypatch.setattr(rulebook, "RULES_DIR", rules)
    monkeypatch.setattr(rulebook, "VIEWS_DIR", rules / "views")
    _forget_the_rules()
    yield rules
    _forget_the_rules()


SCRATCH_RULE = """
% [ny.scratch.basis] A route made of knowledge alone (a scratch rule for this test).
% Source: Valdez.
special_duty_basis(P, D, knowledge_alone) :- element(P, D, knowledge, met), ny_claim(P, D).
"""

SCRATCH_DECLARATION = """
% [schema.ny.knowledge_alone] The scratch route's one element.
% Source: Valdez.
route_element(ny, knowledge_alone, knowledge).
"""


def test_a_route_added_to_the_rules_is_reported_without_editing_python(
    scratch_rules: Path,
) -> None:
    with (scratch_rules / "ny_special_duty.lp").open("a", encoding="utf-8") as rules:
        rules.write(SCRATCH_RULE)
    with (scratch_rules / "routes.lp").open("a", encoding="utf-8") as schema:
        schema.write(SCRATCH_DECLARATION)
    case = load_case(CASES_DIR / "valdez.lp")
    result = analyse(case)
    assert result.claim("valdez").bases == {"knowledge_alone": Modality.CERTAIN}
    assert claim_to_dict(result.claim("valdez"))["special_duty_basis"] == {
        "knowledge_alone": "certain"
    }
    assert "    knowledge alone: made out\n      - knowledge: met\n" in render_text([result])
    explanation = explain_case(case)
    assert [route.basis for route in explanation.claims[0].routes][-1] == "knowledge_alone"
    assert "[ny.scratch.basis]" in render_memo([explanation])


SCRATCH_OUTPUTS = """
% Output: scratch_flag(P, D) -- a scratch conclusion that holds or not (this test's)
#show scratch_flag/2.
% Output: scratch_ground(P, D, G) -- a scratch conclusion with a value (this test's)
% Values: G = knowledge_shown | nothing_shown
#show scratch_ground/3.
% Output: scratch_pair(P, D, E, V) -- a scratch conclusion keyed by element (this test's)
% Field: scratch_pairs
#show scratch_pair/4.
"""

SCRATCH_OUTPUT_RULES = """
% [ny.scratch.flag] A scratch conclusion: the city knew (for this test).
% Source: Valdez.
scratch_flag(P, D) :- element(P, D, knowledge, met), ny_claim(P, D).

% [ny.scratch.ground] Its ground (for this test).
% Source: Valdez.
scratch_ground(P, D, knowledge_shown) :- scratch_flag(P, D).

% [ny.scratch.pair] Each element met, keyed (for this test).
% Source: Valdez.
scratch_pair(P, D, E, met) :- element(P, D, E, met), ny_claim(P, D).
"""


def test_an_output_predicate_added_to_the_rules_is_carried_without_editing_python(
    scratch_rules: Path,
) -> None:
    with (scratch_rules / "show.lp").open("a", encoding="utf-8") as show:
        show.write(SCRATCH_OUTPUTS)
    with (scratch_rules / "ny_special_duty.lp").open("a", encoding="utf-8") as rules:
        rules.write(SCRATCH_OUTPUT_RULES)
    case = load_case(CASES_DIR / "valdez.lp")
    result = analyse(case)
    claim = result.claim("valdez")
    # The typed result, by key and shape.
    assert claim.flags["scratch_flag"] is Modality.CERTAIN
    assert claim.valued["scratch_ground"] == {"knowledge_shown": Modality.CERTAIN}
    assert claim.keyed["scratch_pairs"]["knowledge"] == {"met": Modality.CERTAIN}
    assert "scratch_pair" not in claim.keyed, "the Field line names the key"
    # The JSON, valid under the schema generated from the same rules (and not the old one).
    document = json.loads(render_json([result]))
    row = document["cases"][0]["claims"][0]
    assert row["scratch_flag"] == "certain"
    assert row["scratch_ground"] == {"knowledge_shown": "certain"}
    assert row["scratch_pairs"]["knowledge"] == {"met": "certain"}
    jsonschema.validate(document, solve_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            document, json.loads((ROOT / "docs/solve-output.schema.json").read_text())
        )
    # The text report and the memo.
    report = render_text([result])
    assert "  Scratch flag: yes\n" in report
    assert "  Scratch ground: knowledge shown\n" in report
    explanation = explain_case(case)
    other = [explanation.node(n).atom for n in explanation.claims[0].other]
    assert "scratch_flag(valdez,city_of_new_york)" in other
    assert "scratch_ground(valdez,city_of_new_york,knowledge_shown)" in other
    memo = render_memo([explanation])
    assert "Further conclusions" in memo
    assert "[ny.scratch.flag]" in memo and "[ny.scratch.ground]" in memo
    page = render_html(explanation)
    assert "<h3>Further conclusions</h3>" in page and "ny.scratch.flag" in page


def test_the_conclusions_python_lays_out_are_declared_in_the_rules() -> None:
    """The fields and report lines Python names must name conclusions the rules declare."""
    keys = {c.key for c in claim_conclusions()}
    names = {c.name for c in claim_conclusions()}
    assert keys >= LAID_OUT
    assert names >= EXPLAINED_BY_NAME
    assert keys >= {"outcome", "elements", "special_duty_basis"}


def test_the_published_solve_schema_is_generated_from_the_rules() -> None:
    current = (ROOT / "docs" / "solve-output.schema.json").read_text(encoding="utf-8")
    assert current == render_solve_schema(), (
        "docs/solve-output.schema.json is stale: run `pyknow-bridge schema > "
        "docs/solve-output.schema.json`"
    )

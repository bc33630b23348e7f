"""The claim schema declared in rules/routes.lp agrees with the rules that decide.

Each jurisdiction's routes, and each route's elements, are declared as facts; the rules
of dc.lp and ny_special_duty.lp derive ``special_duty_basis`` from ``element(..., met)``
conditions. A route rule added without its declaration (or a declaration without its
rule) fails here.
"""

from __future__ import annotations

from clingo import ast

from pyknow_bridge.jurisdictions import claim_guards, jurisdiction_name, routes
from pyknow_bridge.rulebook import RuleEntry, load_rulebook
from pyknow_bridge.rules_in_force import rules_in_force


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
    for rule in rules_in_force().rules:
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

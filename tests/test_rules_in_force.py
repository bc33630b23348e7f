"""The rules in force: views checked once, the rule files parsed once, every program from them."""

from __future__ import annotations

import pytest
from clingo import ast

from pyknow_bridge.core.errors import SolveError
from pyknow_bridge.doctrine.derivation import DERIVATION
from pyknow_bridge.doctrine.lift import CASE
from pyknow_bridge.doctrine.rulebook import load_rulebook
from pyknow_bridge.doctrine.rules_in_force import rules_in_force


def test_an_unknown_view_is_refused_once_with_the_views_available() -> None:
    with pytest.raises(SolveError, match="unknown view nope; available: jones, lippman"):
        rules_in_force(["nope"])


def test_the_same_views_give_the_same_rules() -> None:
    assert rules_in_force(["lippman"]) is rules_in_force(("lippman",))
    assert rules_in_force().views == ()
    assert [p.name for p in rules_in_force(["jones"]).files][-1] == "jones.lp"


def test_the_statements_are_the_rulebooks_own_parse() -> None:
    parsed = {id(s.node) for statements in load_rulebook().statements.values() for s in statements}
    for views in ((), ("lippman",), ("jones",)):
        rules = rules_in_force(views)
        assert {id(node) for node in rules.statements} <= parsed
        assert {r.rule_id for r in rules.rules} <= {r.rule_id for r in load_rulebook().rules}


def test_views_add_their_rules_and_nothing_else_changes() -> None:
    majority, lippman = rules_in_force(), rules_in_force(["lippman"])
    assert lippman.rules[: len(majority.rules)] == majority.rules
    assert {r.file.name for r in lippman.rules[len(majority.rules) :]} == {"lippman.lp"}


def _rules(program: tuple[ast.AST, ...]) -> list[str]:
    return [str(s) for s in program if s.ast_type == ast.ASTType.Rule]


def test_each_transform_keeps_every_rule() -> None:
    rules = rules_in_force()
    plain = _rules(rules.statements)
    lifted = _rules(rules.lifted)
    assert len(lifted) == len(plain)
    assert all(f"{CASE}(CASE)" in text for text in lifted)
    explaining = _rules(rules.explaining)
    twins = [text for text in explaining if text.startswith(f"{DERIVATION}(")]
    assert len(twins) == len(rules.rules)
    assert len(explaining) - len(twins) == len(plain)
    assert not any(s.ast_type == ast.ASTType.ShowSignature for s in rules.explaining)

"""The jurisdiction of each rule, and the explaining program cut to the case's jurisdiction."""

from __future__ import annotations

from pathlib import Path

import clingo
import pytest
from clingo import ast

from pyknow_bridge import load_case
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.rule_scope import rule_jurisdictions
from pyknow_bridge.doctrine.rulebook import RuleEntry, Statement
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.clingo_control import Consequences, answer_sets, consequences, ground
from pyknow_bridge.engine.solver import program_text
from tests.conftest import CASES_DIR

#: A scratch program: each rule's id is its head's predicate and its line.
_PROGRAM = """
ny_claim(P, D) :- claim(P, D), jurisdiction(ny).
dc_claim(P, D) :- claim(P, D), jurisdiction(dc).
a(P) :- ny_claim(P, D).
b(P) :- a(P), not x(P).
c(P) :- b(P).
c(P) :- plaintiff(P).
d(P) :- c(P).
stated(P) :- a(P).
e(P) :- stated(P).
f(P) :- dc_claim(P, D), #count { Q : b(Q) } = 0.
g(P) :- x(P).
x(P) :- a(P).
x(P) :- dc_claim(P, _).
"""


def _statements(text: str) -> list[Statement]:
    nodes: list[ast.AST] = []
    ast.parse_string(text, nodes.append)
    statements = []
    for node in nodes:
        rule = None
        if node.ast_type == ast.ASTType.Rule:
            name, line = node.head.atom.symbol.name, node.location.begin.line
            rule_id = f"{name}.{line}"
            rule = RuleEntry(rule_id, "", "", Path("scratch.lp"), line, (name, 1), node=node)
        statements.append(Statement(node, Path("scratch.lp"), rule))
    return statements


def test_a_rule_belongs_to_the_jurisdiction_its_conditions_require() -> None:
    owners = rule_jurisdictions(
        _statements(_PROGRAM), {"ny": "ny_claim", "dc": "dc_claim"}, [("stated", 1)]
    )
    assert owners == {
        "a.4": "ny",
        "b.5": "ny",
        "c.6": "ny",
        "stated.9": "ny",
        "f.11": "dc",
        "x.13": "ny",
        "x.14": "dc",
    }
    # c and d: one rule for c needs no jurisdiction, so c does not belong to one, nor d.
    # stated/1 is an Input, which a fact file may state in any case: e needs none. x has a
    # rule of each: g needs none. A negated condition (b's `not x`) or a counted one (f's)
    # requires nothing.


_VIEWS = [(), ("lippman",), ("jones",)]


@pytest.mark.parametrize("views", _VIEWS, ids=lambda v: "+".join(v) or "majority")
@pytest.mark.parametrize("path", sorted(CASES_DIR.glob("*.lp")), ids=lambda p: p.stem)
def test_the_programs_cut_to_the_case_have_the_same_answers(
    path: Path, views: tuple[str, ...]
) -> None:
    case = load_case(path)
    rules = rules_in_force(views)
    facts = program_text(case, None)
    stated = [(fact, True) for fact in case.disputed]

    def answer(program: tuple[ast.AST, ...]) -> frozenset[clingo.Symbol]:
        return answer_sets(ground(program, facts), Deadline(None), "solving", stated)[0]

    def shown(program: tuple[ast.AST, ...]) -> Consequences:
        return consequences(ground(program, facts), Deadline(None), bool(case.disputed))

    cut = rules.explaining_for(case.jurisdiction)
    assert len(cut) < len(rules.explaining)
    assert answer(cut) == answer(rules.explaining)
    plain = rules.statements_for(case.jurisdiction)
    assert len(plain) < len(rules.statements)
    assert shown(plain) == shown(rules.statements)

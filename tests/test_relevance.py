"""The program cut to the rules that can fire on a case: the same answers, fewer rules."""

from __future__ import annotations

import random
from pathlib import Path

import clingo
import pytest
from clingo import ast

from bench.generate import generate_case
from pyknow_bridge import load_case
from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.relevance import Relevance
from pyknow_bridge.doctrine.rules_in_force import RuleSet, rules_in_force
from pyknow_bridge.engine.clingo_control import GROUNDING_CONTEXT, answer_sets
from pyknow_bridge.engine.solver import program_text, stated_predicates
from tests.conftest import CASES_DIR


def _parse(text: str) -> list[ast.AST]:
    nodes: list[ast.AST] = []
    ast.parse_string(text, nodes.append)
    return [node for node in nodes if node.ast_type != ast.ASTType.Program]


def _rules(program: tuple[ast.AST, ...]) -> list[str]:
    return [str(s) for s in program if s.ast_type == ast.ASTType.Rule]


def _answers(program: tuple[ast.AST, ...], facts: str) -> tuple[set[frozenset[str]], list[str]]:
    """Every answer set (as texts, in no order) and every message clingo gave."""
    messages: list[str] = []
    control = clingo.Control(["--models=0"], logger=lambda _, m: messages.append(m))
    with ast.ProgramBuilder(control) as builder:
        for statement in program:
            builder.add(statement)
    control.add("base", [], facts)
    control.ground([("base", [])], context=GROUNDING_CONTEXT)
    found = answer_sets(control, Deadline(None))
    return {frozenset(map(str, atoms)) for atoms in found}, messages


def _same_answers_fewer_rules(case: CaseFile, rules: RuleSet, as_of: int | None = None) -> None:
    facts = program_text(case, as_of)
    stated = stated_predicates(case, as_of)
    for whole, cut in (
        (rules.explaining_for(case.jurisdiction), rules.explaining_for(case.jurisdiction, stated)),
        (rules.statements_for(case.jurisdiction), rules.statements_for(case.jurisdiction, stated)),
    ):
        assert len(_rules(cut)) < len(_rules(whole)), "no rule was left out"
        expected, _ = _answers(whole, facts)
        found, messages = _answers(cut, facts)
        assert found == expected
        assert messages == [], "clingo had something to say about the cut program"


@pytest.mark.parametrize(
    "views", [(), ("lippman",), ("jones",)], ids=lambda v: "+".join(v) or "majority"
)
@pytest.mark.parametrize("path", sorted(CASES_DIR.glob("*.lp")), ids=lambda p: p.stem)
def test_each_precedent_has_the_same_answer_sets_from_the_cut_program(
    path: Path, views: tuple[str, ...]
) -> None:
    _same_answers_fewer_rules(load_case(path), rules_in_force(views))


def test_generated_cases_have_the_same_answer_sets_from_the_cut_program(tmp_path: Path) -> None:
    rng = random.Random(7)
    rules = rules_in_force()
    for number in range(30):
        path = tmp_path / f"case_{number}.lp"
        path.write_text(generate_case(rng, number), encoding="utf-8")
        _same_answers_fewer_rules(load_case(path), rules, as_of=2010 if number % 5 == 0 else None)


def test_a_law_asked_for_keeps_the_rules_of_the_year_applied() -> None:
    case = load_case(CASES_DIR / "valdez.lp")
    rules = rules_in_force()
    kept = _rules(rules.statements_for("ny", stated_predicates(case, as_of=2022)))
    assert any(rule.startswith("applied_year(Y) :- as_of(Y)") for rule in kept)
    left = _rules(rules.statements_for("ny", stated_predicates(case)))
    assert not any(rule.startswith("applied_year(Y) :- as_of(Y)") for rule in left)


def test_a_condition_written_with_a_constant_needs_a_head_that_can_give_it() -> None:
    program = _parse(
        "e(P, a) :- s(P). e(P, b) :- t(P). q(P) :- e(P, a). r(P) :- e(P, b).u(P) :- s(P), not r(P)."
    )
    cut = Relevance(program).cut([("s", 1)])
    assert _rules(cut) == ["e(P,a) :- s(P).", "q(P) :- e(P,a).", "u(P) :- s(P); not r(P)."]
    assert {str(s) for s in cut if s.ast_type == ast.ASTType.Defined} == {
        "#defined e/2.",
        "#defined r/1.",
    }


def test_a_stated_predicate_matches_whatever_its_atoms_hold() -> None:
    program = _parse("q(P) :- s(P, a). r(P) :- s(P, b).")
    assert _rules(Relevance(program).cut([("s", 2)])) == ["q(P) :- s(P,a).", "r(P) :- s(P,b)."]


def test_a_head_the_analysis_does_not_read_keeps_the_whole_program() -> None:
    program = _parse("{ e(P) } :- s(P). r(P) :- t(P).")
    assert Relevance(program).cut([("s", 1)]) == tuple(program)


def test_a_condition_the_analysis_does_not_read_asks_for_nothing() -> None:
    program = _parse("r(P) :- s(P), #count { Q : t(Q) } = 0. v(P) :- s(P), w(P) : t(P).")
    assert len(_rules(Relevance(program).cut([("s", 1)]))) == 2


def test_rules_that_derive_from_each_other_fire_together() -> None:
    program = _parse("a(X) :- s(X). b(X) :- a(X). c(X) :- b(X), a(X). d(X) :- c(X), z(X).")
    assert _rules(Relevance(program).cut([("s", 1)])) == [
        "a(X) :- s(X).",
        "b(X) :- a(X).",
        "c(X) :- b(X); a(X).",
    ]

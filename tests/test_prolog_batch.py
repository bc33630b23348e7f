"""Prolog batch, many cases by one query of the lifted program: exactly clingo batch's
lines, and a job that fails is solved again case by case so that one bad case reports
alone."""

from __future__ import annotations

import random
from pathlib import Path

import clingo
import pytest
from clingo import ast

from bench.generate import generate_case
from pyknow_bridge import load_case
from pyknow_bridge.batch import Rejected, solve_many
from pyknow_bridge.core.errors import SolveError, TimeLimitError
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.lift import lift_over_case
from pyknow_bridge.doctrine.prolog import PrologTranslationError, translate_bottom_up
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine import prolog_batch
from pyknow_bridge.engine.prolog_batch import CaseFailure
from pyknow_bridge.engine.prolog_engine import MAX_LIFTED_DISPUTES, PrologEngine
from pyknow_bridge.engine.shown import shown_atoms
from pyknow_bridge.engine.solver import solve_case
from tests.conftest import CASES_DIR, ROOT
from tests.prolog_support import require_prolog

VALDEZ = CASES_DIR / "valdez.lp"


@pytest.fixture(autouse=True)
def _prolog() -> None:
    require_prolog()


def _docket(directory: Path) -> list[Path]:
    """Generated cases, a third of them with disputed facts; a plaintiff whose name has a
    prime (Prolog quotes it: the exact writer, not the quick one); a case with more
    disputes than are solved together; and a file that does not load."""
    rng = random.Random(10)
    disputed = 0
    for number in range(24):
        text = generate_case(rng, number)
        if number % 3 == 0 and "disputed(" not in text:
            text += "disputed(harmed_by(p1, t)).\n"
        disputed += "disputed(" in text
        (directory / f"generated_{number:02}.lp").write_text(text, encoding="utf-8")
    assert disputed >= 8
    valdez = VALDEZ.read_text(encoding="utf-8")
    (directory / "primed.lp").write_text(valdez.replace("valdez", "o'valdez"), encoding="utf-8")
    many = valdez + "".join(
        f"relied(valdez, x{n}). disputed(relied(valdez, x{n})).\n"
        for n in range(MAX_LIFTED_DISPUTES + 1)
    )
    (directory / "many_disputes.lp").write_text(many, encoding="utf-8")
    return [CASES_DIR, directory, ROOT / "tests" / "examples" / "rejected.lp"]


def _comparable(item: object) -> object:
    """A line as a value (a rejection's error compares by identity, so by its text)."""
    return (item.path, str(item.error)) if isinstance(item, Rejected) else item


@pytest.mark.parametrize("views", [(), ("lippman", "jones")], ids=["majority", "both-views"])
def test_prolog_batch_gives_clingo_batchs_lines(views: tuple[str, ...], tmp_path: Path) -> None:
    docket = _docket(tmp_path)
    prolog = list(solve_many(docket, views, chunk_size=40, engine="prolog", workers=2))
    clingo = list(solve_many(docket, views, chunk_size=40))
    assert len(prolog) == len(clingo) > 75
    assert any(isinstance(item, Rejected) for item in clingo)
    assert [_comparable(item) for item in prolog] == [_comparable(item) for item in clingo]


def test_a_failed_job_is_solved_case_by_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = rules_in_force()
    paths = sorted(CASES_DIR.glob("*.lp"))[:5]
    bad = tmp_path / "seventeen.lp"
    bad.write_text(
        VALDEZ.read_text(encoding="utf-8")
        + "".join(f"relied(valdez, x{n}). disputed(relied(valdez, x{n})).\n" for n in range(17)),
        encoding="utf-8",
    )
    cases = [load_case(path) for path in [*paths[:2], bad, *paths[2:]]]
    expected = [shown_atoms(solve_case(case, rules)) for case in cases]

    def fail(*_: object) -> None:
        raise SolveError("the whole job fails")

    for together in (True, False):
        if not together:
            monkeypatch.setattr(PrologEngine, "solve_together", fail)
        answers = prolog_batch._solve_job(cases, rules, None, None)
        (failure,) = [a for a in answers if isinstance(a, CaseFailure)]
        assert answers.index(failure) == 2
        assert failure.kind == "solver"
        assert "at most 16" in failure.message
        for answer, wanted in zip(answers, expected, strict=True):
            if not isinstance(answer, CaseFailure):
                assert sorted(answer) == sorted(wanted)


def test_a_time_limit_stops_the_job_and_leaves_no_fact_behind() -> None:
    rules = rules_in_force()
    cases = [load_case(path) for path in sorted(CASES_DIR.glob("*.lp"))]
    engine = require_prolog()
    with pytest.raises(TimeLimitError):
        engine.solve_together(cases, rules, Deadline(0.002))
    few = cases[:3]
    solved = engine.solve_together(few, rules, Deadline(None))
    assert [sorted(a) for a in solved] == [sorted(shown_atoms(solve_case(c, rules))) for c in few]


_RECURSIVE = """
reach(X, Y) :- edge(X, Y).
reach(X, Z) :- reach(X, Y), edge(Y, Z).
cut_off(X) :- node(X), not reach(a, X).
hub(X) :- node(X), #count { Y : reach(X, Y) } >= 3.
#show reach/2.
#show cut_off/1.
#show hub/1.
"""
_GRAPH = "edge(a,b). edge(b,c). edge(c,a). edge(d,e). node(a). node(b). node(d). node(e)."


def test_the_bottom_up_program_computes_recursion_to_its_fixpoint() -> None:
    statements: list[ast.AST] = []
    ast.parse_string(_RECURSIVE, statements.append)
    lifted = [lift_over_case(statement) for statement in statements]
    engine = require_prolog()
    engine.consult_text(translate_bottom_up(lifted, "test", "pkb_test_recursive"))
    facts = ",".join(f"{fact[:-1]}".replace("(", "(0,", 1) for fact in _GRAPH.split(" "))
    found = engine.query(f"pkb_test_recursive:pkb_batch_text([case(0),{facts}], Text)")
    assert found is not None
    text = found["Text"]
    text = text.decode() if isinstance(text, bytes) else text  # pyswip's strings are bytes
    prolog = sorted(line for line in text.split("\n") if line)
    control = clingo.Control()
    control.add("base", [], _RECURSIVE + _GRAPH)
    control.ground([("base", [])])
    with control.solve(yield_=True) as models:
        (shown,) = [[str(s) for s in model.symbols(shown=True)] for model in models]
    assert len(prolog) > 10
    assert prolog == sorted(s.replace("(", "(0,", 1) for s in shown)


def test_a_count_through_recursion_is_refused() -> None:
    statements: list[ast.AST] = []
    ast.parse_string("q(1).\np(X) :- q(X), #count { Y : p(Y) } < 3.\n", statements.append)
    with pytest.raises(PrologTranslationError, match="not stratified: p/1"):
        translate_bottom_up(statements, "test", "pkb_test_refused")

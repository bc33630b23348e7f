"""The pyswip adapter, against pyswip's known failure modes.

Concurrent callers (pyswip's open-query guard is per class: two queries at once raise),
a program that does not load (consult only prints a syntax error), a time limit in the
middle of a query (the case's facts must still be retracted), strings beyond ASCII
(pyswip hands strings back as bytes), and facts of one case never leaking into the next.
"""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from pyknow_bridge import load_case
from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.errors import SolveError, TimeLimitError
from pyknow_bridge.core.limits import NO_DEADLINE, Deadline
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.prolog_engine import PrologEngine
from pyknow_bridge.engine.solver import solve_case, solve_scenarios
from tests.conftest import CASES_DIR, ROOT
from tests.prolog_support import require_prolog

VALDEZ = CASES_DIR / "valdez.lp"
MORGAN = CASES_DIR / "morgan.lp"


@pytest.fixture
def engine() -> PrologEngine:
    return require_prolog()


def _case(tmp_path: Path, text: str) -> CaseFile:
    path = tmp_path / "case.lp"
    path.write_text(text, encoding="utf-8")
    return load_case(path)


def test_concurrent_callers_share_the_one_engine(engine: PrologEngine) -> None:
    rules = rules_in_force()
    cases = [load_case(path) for path in (VALDEZ, MORGAN)] * 8
    alone = [engine.solve(case, rules, NO_DEADLINE) for case in cases]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda case: engine.solve(case, rules, NO_DEADLINE), cases))
    assert together == alone


def test_a_program_that_does_not_load_is_an_error(engine: PrologEngine) -> None:
    with pytest.raises(SolveError, match="did not load"):
        engine.consult_text(":- module(pkb_test_syntax, []).\np(1).\nq(X :- p(X).\n")
    with pytest.raises(SolveError, match="did not load"):  # a warning is refused too
        engine.consult_text(":- module(pkb_test_warning, []).\np(1).\nq(X) :- p(Y).\n")


def test_a_time_limit_stops_the_query_and_leaves_no_fact_behind(
    engine: PrologEngine, tmp_path: Path
) -> None:
    rules = rules_in_force()
    morgan = load_case(MORGAN)
    before = engine.solve(morgan, rules, NO_DEADLINE)
    facts = [f"relied(p{n}, x)." for n in range(14)]
    disputed = [f"disputed(relied(p{n}, x))." for n in range(14)]
    names = [f"plaintiff(p{n}). claim(p{n}, d)." for n in range(14)]
    many = _case(
        tmp_path, "jurisdiction(ny). defendant(d).\n" + "\n".join(names + facts + disputed)
    )
    with pytest.raises(TimeLimitError, match="time limit reached"):
        engine.solve(many, rules, Deadline(0.05))
    assert engine.solve(morgan, rules, NO_DEADLINE) == before


def test_a_query_cut_short_anywhere_leaves_the_tables_usable(
    engine: PrologEngine, tmp_path: Path
) -> None:
    """A time limit that fires inside a tabled evaluation left SWI-Prolog's tabling in a
    state where the next query failed ("Cannot catch continuation through findall/3"),
    even after ``abolish_all_tables``. Limits from 2 to 239 ms, 3 ms apart, cut the
    evaluation at many points: without the engine's recovery one run in three failed here,
    and with ``abolish_all_tables`` alone one in two."""
    rules = rules_in_force()
    morgan = load_case(MORGAN)
    before = engine.solve(morgan, rules, NO_DEADLINE)
    names = [f"plaintiff(p{n}). claim(p{n}, d). relied(p{n}, x)." for n in range(14)]
    disputed = [f"disputed(relied(p{n}, x))." for n in range(14)]
    many = _case(tmp_path, "jurisdiction(ny). defendant(d).\n" + "\n".join(names + disputed))
    for step in range(80):
        with pytest.raises(TimeLimitError):
            engine.solve(many, rules, Deadline(0.002 + 0.003 * step))
        assert engine.solve(morgan, rules, NO_DEADLINE) == before, f"after {step}"


def test_a_fact_that_cannot_be_asserted_is_an_error_and_leaves_no_fact(
    engine: PrologEngine,
) -> None:
    module = engine.program(rules_in_force())
    # outcome/3 is a rule's predicate (static): asserting a fact of it raises
    with pytest.raises(SolveError, match="permission"):
        engine.query(f"{module}:pkb_solve_text([claim(a, b), outcome(a, b, x)], [], Text)")
    assert engine.query(f"{module}:claim(a, b)") is None


def test_strings_come_back_as_clingo_reads_them(engine: PrologEngine, tmp_path: Path) -> None:
    del engine
    text = VALDEZ.read_text(encoding="utf-8").replace(
        'case_name("Valdez v. City of New York")',
        'case_name("Vald\u00e9z \\"q\\" \\\\ \\n \u202e \u2028")',
    )
    case = _case(tmp_path, text)
    rules = rules_in_force()
    assert solve_scenarios(case, rules, engine="prolog") == solve_scenarios(case, rules)


def test_one_cases_facts_never_reach_the_next(engine: PrologEngine) -> None:
    del engine
    rules = rules_in_force()
    valdez, morgan = load_case(VALDEZ), load_case(MORGAN)
    first = solve_case(morgan, rules, engine="prolog")
    solve_case(valdez, rules, engine="prolog")
    assert solve_case(morgan, rules, engine="prolog") == first == solve_case(morgan, rules)


def test_a_prolog_user_consults_the_committed_program_without_python(
    engine: PrologEngine,
) -> None:
    del engine  # only to skip (or fail under CI) without SWI-Prolog
    goal = (
        "pkb_consult_facts('facts/cases/valdez.lp'), "
        "forall(pkb_certain(outcome(P, D, O)), (write(outcome(P, D, O)), nl)), halt"
    )
    run = subprocess.run(
        ["swipl", "-q", "-g", goal, "prolog/public_duty.pl"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stderr == ""
    certain = solve_case(load_case(VALDEZ), rules_in_force()).certain
    expected = sorted(str(s) for s in certain if s.name == "outcome")
    assert sorted(run.stdout.split()) == expected


def test_an_unknown_engine_is_an_error() -> None:
    with pytest.raises(SolveError, match="unknown engine"):
        solve_case(load_case(MORGAN), rules_in_force(), engine="datalog")

"""Batch over the Prolog worker pool: the same lines as clingo's batch, in input order,
and a worker that dies costs only the cases of the jobs it held."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

from pyknow_bridge import load_case
from pyknow_bridge.batch import Failed, Rejected, solve_many
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.prolog_pool import IN_FLIGHT, CaseFailure, PrologPool
from pyknow_bridge.engine.shown import shown_atoms
from pyknow_bridge.engine.solver import solve_case
from tests.conftest import CASES_DIR, ROOT
from tests.prolog_support import require_prolog

DOCKET = [CASES_DIR, ROOT / "tests" / "examples" / "rejected.lp"]


def test_batch_over_the_pool_gives_clingos_lines_in_order() -> None:
    require_prolog()
    prolog = list(solve_many(DOCKET, ["lippman"], chunk_size=7, engine="prolog", workers=2))
    clingo = list(solve_many(DOCKET, ["lippman"], chunk_size=7))
    assert len(prolog) == len(clingo) > 50
    assert [_comparable(item) for item in prolog] == [_comparable(item) for item in clingo]


def _comparable(item: object) -> object:
    """A line as a value (a rejection's error compares by identity, so by its text)."""
    return (item.path, str(item.error)) if isinstance(item, Rejected) else item


def test_a_dead_worker_fails_its_cases_and_the_rest_solve() -> None:
    require_prolog()
    rules = rules_in_force()
    cases = [load_case(path) for path in sorted(CASES_DIR.glob("*.lp"))[:12]]
    with PrologPool(workers=1, cases_per_job=2) as pool:
        pool.solve(cases[:1])  # the worker is up
        (worker,) = [p for p in multiprocessing.active_children() if p.name == "prolog-worker"]
        assert worker.pid is not None
        os.kill(worker.pid, signal.SIGKILL)
        answers = pool.solve(cases)
    crashed = [a for a in answers if isinstance(a, CaseFailure)]
    assert 1 <= len(crashed) <= IN_FLIGHT * 2  # the cases of the jobs it held
    assert {a.kind for a in crashed} == {"crashed"}
    for case, answer in zip(cases, answers, strict=True):
        if not isinstance(answer, CaseFailure):
            assert sorted(answer) == sorted(shown_atoms(solve_case(case, rules))), case.path


def test_a_case_the_pool_cannot_solve_is_a_failed_line(tmp_path: Path) -> None:
    require_prolog()
    many = "\n".join(
        ["jurisdiction(ny).", "defendant(d).", "plaintiff(p).", "claim(p, d)."]
        + [f"relied(p, x{n}). disputed(relied(p, x{n}))." for n in range(17)]
    )
    target = tmp_path / "many.lp"
    target.write_text(many + "\n", encoding="utf-8")
    (line,) = list(solve_many([target], engine="prolog", workers=1))
    assert isinstance(line, Failed)
    assert line.kind == "solver"
    assert "at most 16" in line.message

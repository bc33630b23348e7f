"""Batch in worker processes: the same lines as in one process, and nothing lost when a
worker dies."""

from __future__ import annotations

import pickle
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from pyknow_bridge.batch import (
    Failed,
    Rejected,
    _report,
    _Settings,
    _solve_chunk_alone,
    solve_many,
)
from pyknow_bridge.model.results import CaseResult
from tests.conftest import CASES_DIR


def _docket(tmp_path: Path) -> list[Path]:
    """Every precedent, with a bad file and a missing one among them."""
    bad = tmp_path / "bad.lp"
    bad.write_text("claim(p, d) :- plaintiff(p).\n", encoding="utf-8")
    files = sorted(CASES_DIR.glob("*.lp"))
    return [*files[:7], bad, tmp_path / "missing.lp", *files[7:]]


def _lines(items: list[CaseResult | Rejected | Failed]) -> list[object]:
    return [
        (item.path, [p.message for p in item.error.problems])
        if isinstance(item, Rejected)
        else (item.path, item.kind)
        if isinstance(item, Failed)
        else item
        for item in items
    ]


def test_two_workers_give_the_lines_of_one_process_in_input_order(tmp_path: Path) -> None:
    docket = _docket(tmp_path)
    alone = list(solve_many(docket, chunk_size=6))
    shared = list(solve_many(docket, chunk_size=6, workers=2))
    assert len(shared) == len(docket)
    assert _lines(shared) == _lines(alone)
    assert sum(isinstance(item, Rejected) for item in shared) == 2


def test_a_docket_of_one_chunk_stays_in_this_process(tmp_path: Path) -> None:
    docket = _docket(tmp_path)
    calls: list[int] = []
    items = list(solve_many(docket, chunk_size=10_000, workers=2, on_file=lambda: calls.append(1)))
    assert _lines(items) == _lines(list(solve_many(docket)))
    assert len(calls) == len(docket), "one progress tick per file"


def test_a_chunk_whose_worker_died_is_solved_again_alone(tmp_path: Path) -> None:
    chunk: list[str | Rejected] = [str(path) for path in sorted(CASES_DIR.glob("*.lp"))[:3]]
    broken: Future[list[CaseResult | Rejected | Failed]] = Future()
    broken.set_exception(BrokenProcessPool("a worker died"))
    settings = _Settings((), None, None)
    recovered = list(_report(chunk, broken, settings, None))
    assert [item.path for item in recovered] == chunk
    assert all(isinstance(item, CaseResult) for item in recovered)
    assert _lines(recovered) == _lines(_solve_chunk_alone(chunk, settings))


def test_a_rejection_made_in_a_worker_reads_as_in_this_process(tmp_path: Path) -> None:
    (bad,) = [item for item in solve_many(_docket(tmp_path)) if isinstance(item, Rejected)][:1]
    crossed = pickle.loads(pickle.dumps(bad.error))
    assert str(crossed) == str(bad.error)
    assert crossed.problems == bad.error.problems

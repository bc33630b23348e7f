"""Batch over Prolog worker processes: the same lines as clingo's batch, in input order,
and a worker that dies costs nothing: its chunk is solved again alone."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from pyknow_bridge.batch import Failed, Rejected, _report, _Settings, solve_many
from pyknow_bridge.model.results import CaseResult
from tests.conftest import CASES_DIR, ROOT
from tests.prolog_support import require_prolog

DOCKET = [CASES_DIR, ROOT / "tests" / "examples" / "rejected.lp"]


def test_batch_over_prolog_workers_gives_clingos_lines_in_order() -> None:
    require_prolog()
    prolog = list(solve_many(DOCKET, ["lippman"], chunk_size=7, engine="prolog", workers=2))
    clingo = list(solve_many(DOCKET, ["lippman"], chunk_size=7))
    assert len(prolog) == len(clingo) > 50
    assert [_comparable(item) for item in prolog] == [_comparable(item) for item in clingo]


def _comparable(item: object) -> object:
    """A line as a value (a rejection's error compares by identity, so by its text)."""
    return (item.path, str(item.error)) if isinstance(item, Rejected) else item


def test_a_chunk_whose_prolog_worker_died_is_solved_again_alone() -> None:
    require_prolog()
    chunk: list[str | Rejected] = [str(path) for path in sorted(CASES_DIR.glob("*.lp"))[:4]]
    broken: Future[list[CaseResult | Rejected | Failed]] = Future()
    broken.set_exception(BrokenProcessPool("a worker died"))
    settings = _Settings(("lippman",), None, None, "prolog")
    recovered = list(_report(chunk, broken, settings, None))
    assert [item.path for item in recovered] == chunk
    assert all(isinstance(item, CaseResult) for item in recovered)
    clingo = list(solve_many([Path(path) for path in chunk if isinstance(path, str)], ["lippman"]))
    assert recovered == clingo


def test_a_case_prolog_cannot_solve_is_a_failed_line(tmp_path: Path) -> None:
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

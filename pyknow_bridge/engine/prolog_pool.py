"""A pool of worker processes, each with its own Prolog engine, for a docket.

pyswip allows one engine per process, run by one thread; processes give batch its
throughput and its isolation. Each worker is a fresh interpreter (``spawn``: a fork
would copy a running Prolog without its threads) that loads the rules once and then
solves the jobs it is sent: a few cases at a time, together, by one query of the lifted
program (:meth:`PrologEngine.solve_together`). A job that fails is solved again case by
case, so that one bad case reports alone; a case with more than
:data:`MAX_LIFTED_DISPUTES` disputed facts is always solved alone. A worker that dies
(a crash in the engine, killed for memory) is reported for the cases of the jobs it
held, as ``crashed``; a new worker takes its place and the rest of the docket still
solves.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType

from pyknow_bridge.casefile.fact_syntax import Fact
from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.errors import SolveError, TimeLimitError
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.core.machine import available_cpus
from pyknow_bridge.doctrine.rules_in_force import RuleSet, rules_in_force
from pyknow_bridge.engine.prolog_engine import MAX_LIFTED_DISPUTES, prolog_engine
from pyknow_bridge.engine.shown import Shown, shown_atoms
from pyknow_bridge.engine.solver import solve_case

__all__ = ["CaseFailure", "PrologPool"]

#: Jobs sent to a worker before its first answer: enough to keep it busy, few to lose.
IN_FLIGHT = 2
#: Cases per job: enough to share each query's fixed cost, few to lose to a crash.
CASES_PER_JOB = 50


@dataclass(frozen=True)
class CaseFailure:
    """Why one case of the docket has no result: ``time_limit``, ``solver``, ``internal``,
    or ``crashed`` (its worker died)."""

    kind: str
    message: str


#: A case as it crosses to a worker: its path, facts and disputed texts (plain values).
_Case = tuple[str, tuple[Fact, ...], tuple[str, ...]]
_Answer = list[Shown] | CaseFailure


def _serve(
    connection: Connection, views: tuple[str, ...], time_limit: float | None, as_of: int | None
) -> None:
    """A worker: solve each job it is sent with its own engine, until told to stop."""
    rules = rules_in_force(views)
    while True:
        job: tuple[int, list[_Case]] | None = connection.recv()
        if job is None:
            return
        number, sent = job
        cases = [CaseFile(Path(path), facts, disputed) for path, facts, disputed in sent]
        connection.send((number, _solve_job(cases, rules, time_limit, as_of)))


def _solve_job(
    cases: list[CaseFile], rules: RuleSet, time_limit: float | None, as_of: int | None
) -> list[_Answer]:
    """The job's cases solved by one query; if that fails, each case alone."""
    together = [i for i, case in enumerate(cases) if len(case.disputed) <= MAX_LIFTED_DISPUTES]
    answers: dict[int, _Answer] = {}
    if len(together) > 1:
        limit = None if time_limit is None else time_limit * len(together)
        try:
            solved = prolog_engine().solve_together(
                [cases[i] for i in together], rules, Deadline(limit), as_of
            )
            answers.update(zip(together, solved, strict=True))
        except Exception:  # any failure: find the case(s) at fault one by one
            pass
    return [
        answers[i] if i in answers else _solve_alone(case, rules, time_limit, as_of)
        for i, case in enumerate(cases)
    ]


def _solve_alone(
    case: CaseFile, rules: RuleSet, time_limit: float | None, as_of: int | None
) -> _Answer:
    try:
        found = solve_case(case, rules, Deadline(time_limit), as_of, engine="prolog")
        return shown_atoms(found)
    except TimeLimitError as error:
        return CaseFailure("time_limit", str(error))
    except SolveError as error:
        return CaseFailure("solver", str(error))
    except Exception as error:  # a fault of ours costs this case, not the docket
        return CaseFailure("internal", f"{type(error).__name__}: {error}")


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    #: The jobs sent and not yet answered: each job's number and its cases' indices.
    held: dict[int, range] = field(default_factory=dict)


class PrologPool:
    """Worker processes solving cases with the Prolog engine; use as a context manager."""

    def __init__(
        self,
        views: Sequence[str] = (),
        time_limit: float | None = None,
        as_of: int | None = None,
        workers: int | None = None,
        cases_per_job: int = CASES_PER_JOB,
    ) -> None:
        self._arguments = (tuple(views), time_limit, as_of)
        self._cases_per_job = max(1, cases_per_job)
        self._size = max(1, workers or available_cpus())
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []

    def __enter__(self) -> PrologPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _start(self) -> _Worker:
        mine, theirs = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(theirs, *self._arguments), daemon=True, name="prolog-worker"
        )
        process.start()
        theirs.close()
        worker = _Worker(process, mine)
        self._workers.append(worker)
        return worker

    def solve(self, cases: Sequence[CaseFile]) -> list[list[Shown] | CaseFailure]:
        """Each case's shown atoms (with whether each is certain), or why it has none;
        in the order of ``cases``."""
        answers: dict[int, _Answer] = {}
        size = self._cases_per_job
        jobs = {
            first: range(first, min(first + size, len(cases)))
            for first in range(0, len(cases), size)
        }
        waiting = deque(jobs)
        while len(self._workers) < min(self._size, len(jobs)):
            self._start()
        while len(answers) < len(cases):
            for worker in list(self._workers):
                while waiting and len(worker.held) < IN_FLIGHT:
                    number = waiting.popleft()
                    worker.held[number] = jobs[number]
                    sent = [
                        (str(cases[i].path), cases[i].facts, cases[i].disputed_texts)
                        for i in jobs[number]
                    ]
                    try:
                        worker.connection.send((number, sent))
                    except OSError:  # the worker is gone; it is reaped below
                        break
            busy = [w for w in self._workers if w.held]
            ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.connection in ready:
                    try:
                        number, solved = worker.connection.recv()
                    except (EOFError, OSError):
                        self._lost(worker, answers)
                        continue
                    answers.update(zip(worker.held.pop(number), solved, strict=True))
                elif worker.process.sentinel in ready:
                    self._lost(worker, answers)
        return [answers[i] for i in range(len(cases))]

    def _lost(self, worker: _Worker, answers: dict[int, _Answer]) -> None:
        """A worker died: the cases of its jobs fail as ``crashed``, and another takes
        its place."""
        worker.process.join()
        code = worker.process.exitcode
        for held in worker.held.values():
            for index in held:
                answers[index] = CaseFailure(
                    "crashed", f"the Prolog worker solving this case died (exit code {code})"
                )
        worker.connection.close()
        self._workers.remove(worker)
        self._start()

    def close(self) -> None:
        """Stop every worker (each finishes its case first)."""
        for worker in self._workers:
            with contextlib.suppress(OSError):  # a dead worker needs no stop
                worker.connection.send(None)
        for worker in self._workers:
            worker.process.join(timeout=10)
            if worker.process.is_alive():
                worker.process.kill()
            worker.connection.close()
        self._workers.clear()

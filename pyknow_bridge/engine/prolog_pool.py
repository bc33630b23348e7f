"""A pool of worker processes, each with its own Prolog engine, for a docket.

pyswip allows one engine per process, run by one thread; processes give batch its
throughput and its isolation. Each worker is a fresh interpreter (``spawn``: a fork
would copy a running Prolog without its threads) that loads the rules once and then
solves the cases it is sent, a few at a time. A worker that dies (a crash in the
engine, killed for memory) is reported for the cases it held, as ``crashed``; a new
worker takes its place and the rest of the docket still solves.
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
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.shown import Shown, shown_atoms
from pyknow_bridge.engine.solver import solve_case

__all__ = ["CaseFailure", "PrologPool"]

#: Cases sent to a worker before its first answer: enough to keep it busy, few to lose.
IN_FLIGHT = 4


@dataclass(frozen=True)
class CaseFailure:
    """Why one case of the docket has no result: ``time_limit``, ``solver``, ``internal``,
    or ``crashed`` (its worker died)."""

    kind: str
    message: str


#: A case as it crosses to a worker: its path, facts and disputed texts (plain values).
_Job = tuple[int, str, tuple[Fact, ...], tuple[str, ...]]
_Answer = tuple[int, list[Shown] | CaseFailure]


def _serve(
    connection: Connection, views: tuple[str, ...], time_limit: float | None, as_of: int | None
) -> None:
    """A worker: solve each case it is sent with its own engine, until told to stop."""
    rules = rules_in_force(views)
    while True:
        job: _Job | None = connection.recv()
        if job is None:
            return
        index, path, facts, disputed = job
        case = CaseFile(Path(path), facts, disputed)
        answer: list[Shown] | CaseFailure
        try:
            found = solve_case(case, rules, Deadline(time_limit), as_of, engine="prolog")
            answer = shown_atoms(found)
        except TimeLimitError as error:
            answer = CaseFailure("time_limit", str(error))
        except SolveError as error:
            answer = CaseFailure("solver", str(error))
        except Exception as error:  # a fault of ours costs this case, not the docket
            answer = CaseFailure("internal", f"{type(error).__name__}: {error}")
        connection.send((index, answer))


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    held: deque[int] = field(default_factory=deque)


class PrologPool:
    """Worker processes solving cases with the Prolog engine; use as a context manager."""

    def __init__(
        self,
        views: Sequence[str] = (),
        time_limit: float | None = None,
        as_of: int | None = None,
        workers: int | None = None,
    ) -> None:
        self._arguments = (tuple(views), time_limit, as_of)
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
        answers: dict[int, list[Shown] | CaseFailure] = {}
        waiting = deque(range(len(cases)))
        while len(self._workers) < min(self._size, len(cases)):
            self._start()
        while len(answers) < len(cases):
            for worker in list(self._workers):
                while waiting and len(worker.held) < IN_FLIGHT:
                    index = waiting.popleft()
                    case = cases[index]
                    try:
                        worker.connection.send(
                            (index, str(case.path), case.facts, case.disputed_texts)
                        )
                    except OSError:  # the worker is gone; it is reaped below
                        worker.held.append(index)
                        break
                    worker.held.append(index)
            busy = [w for w in self._workers if w.held]
            ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.connection in ready:
                    try:
                        index, answer = worker.connection.recv()
                    except (EOFError, OSError):
                        self._lost(worker, answers)
                        continue
                    worker.held.remove(index)
                    answers[index] = answer
                elif worker.process.sentinel in ready:
                    self._lost(worker, answers)
        return [answers[i] for i in range(len(cases))]

    def _lost(self, worker: _Worker, answers: dict[int, list[Shown] | CaseFailure]) -> None:
        """A worker died: its cases fail as ``crashed``, and another takes its place."""
        worker.process.join()
        code = worker.process.exitcode
        for index in worker.held:
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

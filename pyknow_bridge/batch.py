"""Solve many cases per grounding: the rules lifted over a case argument.

The rules are written for one case. For a docket, the rules in force are lifted over
a case argument (:mod:`pyknow_bridge.doctrine.lift`), so one grounding holds many independent
cases; each fact gets its case's identifier as first argument. Cases do not interact, so
certain and possible conclusions of the combined program are exactly each case's
own. Cases are grounded in chunks, so memory depends on the chunk size, not on the
size of the docket; results stream out chunk by chunk, in input order.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from pyknow_bridge.casefile.loader import CaseFile, FactFileError, Problem, load_case
from pyknow_bridge.core.errors import SolveError, failure_kind
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.core.machine import available_cpus
from pyknow_bridge.doctrine.rules_in_force import RuleSet, rules_in_force
from pyknow_bridge.engine.clingo_control import as_deadline, consequences, ground
from pyknow_bridge.engine.lifted import lifted_facts
from pyknow_bridge.engine.shown import Shown, shown_atoms
from pyknow_bridge.engine.solver import ENGINES
from pyknow_bridge.model.results import CaseResult, build_result

DEFAULT_CHUNK = 500


def solve_chunk(
    cases: Sequence[CaseFile],
    views: Sequence[str] = (),
    time_limit: float | Deadline | None = None,
    as_of: int | None = None,
) -> list[CaseResult]:
    """Solve several loaded cases; one result per case, in order.

    Cases without disputed facts share one grounding with a single answer set; cases with
    disputed facts share another, solved for brave and cautious consequences.
    """
    return _solve_chunk(cases, rules_in_force(views), as_deadline(time_limit), as_of)


def _solve_chunk(
    cases: Sequence[CaseFile], rules: RuleSet, deadline: Deadline, as_of: int | None = None
) -> list[CaseResult]:
    results: dict[int, CaseResult] = {}
    plain = [i for i, case in enumerate(cases) if not case.disputed_texts]
    disputed = [i for i, case in enumerate(cases) if case.disputed_texts]
    for group in (plain, disputed):
        if group:
            solved = _solve_group(
                [cases[i] for i in group], rules, deadline, group is disputed, as_of
            )
            results.update(zip(group, solved, strict=True))
    return [results[i] for i in range(len(cases))]


def _solve_group(
    cases: Sequence[CaseFile],
    rules: RuleSet,
    deadline: Deadline,
    choices: bool,
    as_of: int | None = None,
) -> list[CaseResult]:
    facts = "\n".join(lifted_facts(i, c, as_of) for i, c in enumerate(cases))
    control = ground(rules.lifted, facts)
    found = consequences(control, deadline, choices)
    by_case: dict[int, list[Shown]] = defaultdict(list)
    for (name, case_id, *arguments), certain in shown_atoms(found):
        by_case[int(case_id)].append(((name, *arguments), certain))
    return [build_result(case, by_case[i], rules.views) for i, case in enumerate(cases)]


@dataclass(frozen=True)
class Rejected:
    """A file of the docket that could not be loaded (the rest still solve)."""

    path: str
    error: FactFileError


@dataclass(frozen=True)
class Failed:
    """A case of the docket that loaded but could not be solved (the rest still solve).

    ``kind``: ``time_limit`` (it took longer than allowed), ``solver`` (the solver failed),
    ``crashed`` (the Prolog worker solving it died), or ``internal`` (a fault of this
    program, reported rather than losing the docket).
    """

    path: str
    kind: str
    message: str


def fact_files(paths: Iterable[str | Path | Rejected]) -> Iterator[Path | Rejected]:
    """The fact files named, with directories searched for ``*.lp`` files recursively, in
    sorted order. Inside a directory only regular files count, and links are not followed
    (a docket from strangers may not point the reader at other files): each such entry,
    and a directory with no fact file at all, yields a :class:`Rejected` in its place."""
    for named in paths:
        if isinstance(named, Rejected):  # already found wanting (a listing made earlier)
            yield named
            continue
        path = Path(named)
        if not path.is_dir():
            yield path
            continue
        found = False
        for root, directories, names in os.walk(path):
            directories.sort()
            for name in sorted(names):
                if not name.endswith(".lp"):
                    continue
                found = True
                entry = Path(root, name)
                if entry.is_symlink():
                    yield _rejected(
                        entry, "is a symbolic link: links inside a docket are not followed"
                    )
                elif not entry.is_file():
                    yield _rejected(entry, "is not a regular file: not read")
                else:
                    yield entry
        if not found:
            yield _rejected(path, "directory holds no *.lp fact file")


def _rejected(path: Path, message: str) -> Rejected:
    return Rejected(str(path), FactFileError([Problem(path, 0, 0, message, "")]))


def solve_many(
    paths: Iterable[str | Path | Rejected],
    views: Sequence[str] = (),
    chunk_size: int = DEFAULT_CHUNK,
    time_limit: float | None = None,
    on_file: Callable[[], None] | None = None,
    *,
    as_of: int | None = None,
    engine: str = "clingo",
    workers: int | None = None,
) -> Iterator[CaseResult | Rejected | Failed]:
    """Load and solve a docket, ``chunk_size`` cases per grounding, yielding in input order.

    Nothing is lost: a file that fails to load yields a :class:`Rejected` in its place, a
    case that cannot be solved a :class:`Failed`, and every other case its result.
    ``time_limit`` (seconds) applies to each case: to its loading and to its solving.
    ``workers`` > 1 with clingo shares the chunks among that many processes, each loading
    and grounding whole chunks (a docket of one chunk stays in this process); the default
    (None) solves in this process. ``engine="prolog"`` always shares the chunks among
    ``workers`` processes (default: one per CPU), each with its own Prolog engine, even a
    docket of one chunk (a crash in the engine then costs that chunk, not the caller).
    """
    rules = rules_in_force(views)
    if engine not in ENGINES:
        raise SolveError(f"unknown engine {engine}; available: {', '.join(ENGINES)}")
    if engine == "prolog":
        _require_prolog()
        settings = _Settings(rules.views, time_limit, as_of, engine)
        count = workers or available_cpus()
        yield from _solve_in_processes(paths, settings, chunk_size, on_file, count, here=False)
        return
    if workers is not None and workers > 1:
        settings = _Settings(rules.views, time_limit, as_of)
        yield from _solve_in_processes(paths, settings, chunk_size, on_file, workers)
        return
    pending: list[CaseFile | Rejected | Failed] = []

    def flush() -> Iterator[CaseResult | Rejected | Failed]:
        loaded = [item for item in pending if isinstance(item, CaseFile)]
        solved = iter(_solve_isolated(loaded, rules, time_limit, as_of))
        for item in pending:
            yield next(solved) if isinstance(item, CaseFile) else item
        pending.clear()

    for path in fact_files(paths):
        pending.append(path if isinstance(path, Rejected) else load_entry(path, time_limit))
        if on_file is not None:
            on_file()
        if len(pending) >= chunk_size:
            yield from flush()
    if pending:
        yield from flush()


# --- in several processes ----------------------------------------------------------------


#: A chunk of the docket as sent to a worker process: file paths, and files already rejected.
_Chunk = list[str | Rejected]
_Solved = CaseResult | Rejected | Failed


@dataclass(frozen=True)
class _Settings:
    """What a worker needs besides its chunk (plain values: they cross to the process)."""

    views: tuple[str, ...]
    time_limit: float | None
    as_of: int | None
    engine: str = "clingo"


def _solve_in_processes(
    paths: Iterable[str | Path | Rejected],
    settings: _Settings,
    chunk_size: int,
    on_file: Callable[[], None] | None,
    workers: int,
    *,
    here: bool = True,
) -> Iterator[_Solved]:
    """Chunks loaded and solved by ``workers`` processes, yielded in input order.

    Each worker loads its chunk's files and solves them together, as one process would;
    at most two chunks per worker are in flight, so memory stays bounded. A worker that
    dies takes only its own chunk: the chunks it held are solved again one per fresh
    process, and a chunk that kills its process alone gets ``crashed`` lines. With
    ``here``, a docket of one chunk is solved in this process.
    """
    chunks = _chunks(fact_files(paths), chunk_size)
    first = next(chunks, None)
    second = next(chunks, None)
    if second is None and here:  # one chunk: starting processes would cost more than it saves
        yield from _report_items(_solve_chunk_of_paths(first or [], settings), on_file)
        return
    pool = _Pool(workers)
    in_flight: deque[tuple[_Chunk, Future[list[_Solved]]]] = deque()
    try:
        for chunk in itertools.chain([first or []], [] if second is None else [second], chunks):
            in_flight.append((chunk, pool.submit(chunk, settings)))
            while len(in_flight) > 2 * workers:
                yield from _report(*in_flight.popleft(), settings, on_file)
        while in_flight:
            yield from _report(*in_flight.popleft(), settings, on_file)
    finally:
        pool.close()


class _Pool:
    """Worker processes for chunks; after a worker dies, the next chunk gets a fresh pool."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")  # no copy of a running solver
        return ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_leave_interrupts_to_the_parent
        )

    def submit(self, chunk: _Chunk, settings: _Settings) -> Future[list[_Solved]]:
        try:
            return self.executor.submit(_solve_chunk_of_paths, chunk, settings)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(_solve_chunk_of_paths, chunk, settings)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _leave_interrupts_to_the_parent() -> None:
    """Ctrl-C reaches the whole process group: the parent ends the run, the workers follow
    when their pipe closes, without a traceback each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(files: Iterator[Path | Rejected], size: int) -> Iterator[_Chunk]:
    chunk: _Chunk = []
    for item in files:
        chunk.append(item if isinstance(item, Rejected) else str(item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _report(
    chunk: _Chunk,
    future: Future[list[_Solved]],
    settings: _Settings,
    on_file: Callable[[], None] | None,
) -> Iterator[_Solved]:
    try:
        solved = future.result()
    except BrokenProcessPool:
        solved = _solve_chunk_alone(chunk, settings)
    yield from _report_items(solved, on_file)


def _report_items(solved: list[_Solved], on_file: Callable[[], None] | None) -> Iterator[_Solved]:
    for item in solved:
        if on_file is not None:
            on_file()
        yield item


def _solve_chunk_alone(chunk: _Chunk, settings: _Settings) -> list[_Solved]:
    """A chunk whose pool broke, solved again in a process of its own."""
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(1, mp_context=context) as executor:
            return executor.submit(_solve_chunk_of_paths, chunk, settings).result()
    except BrokenProcessPool:
        message = "the worker process solving this file's chunk died"
        return [
            item if isinstance(item, Rejected) else Failed(item, "crashed", message)
            for item in chunk
        ]


def _solve_chunk_of_paths(chunk: _Chunk, settings: _Settings) -> list[_Solved]:
    """In a worker: load the chunk's files and solve them together (as :func:`solve_many`)."""
    rules = rules_in_force(settings.views)
    limit = settings.time_limit
    loaded = [
        item if isinstance(item, Rejected) else load_entry(Path(item), limit) for item in chunk
    ]
    cases = [item for item in loaded if isinstance(item, CaseFile)]
    solve = _solve_isolated if settings.engine == "clingo" else _solve_with_prolog
    solved = iter(solve(cases, rules, limit, settings.as_of))
    return [next(solved) if isinstance(item, CaseFile) else item for item in loaded]


def _require_prolog() -> None:
    """A missing SWI-Prolog is an error before any case is read."""
    # Imported on first use, so that clingo's users (and the CLI's start) never pay for it.
    from pyknow_bridge.engine.prolog_engine import (  # noqa: PLC0415
        PrologUnavailableError,
        prolog_missing,
    )

    missing = prolog_missing()
    if missing is not None:
        raise PrologUnavailableError(missing)


def _solve_with_prolog(
    cases: Sequence[CaseFile], rules: RuleSet, time_limit: float | None, as_of: int | None
) -> list[CaseResult | Failed]:
    """In a worker: the cases solved by this process's Prolog engine, many per query."""
    from pyknow_bridge.engine.prolog_batch import CaseFailure, solve_cases  # noqa: PLC0415

    return [
        Failed(str(case.path), answer.kind, answer.message)
        if isinstance(answer, CaseFailure)
        else build_result(case, answer, rules.views)
        for case, answer in zip(cases, solve_cases(cases, rules, time_limit, as_of), strict=True)
    ]


def load_entry(path: Path, time_limit: float | None) -> CaseFile | Rejected | Failed:
    """One file of a docket loaded, or why not (it never raises: nothing is lost)."""
    try:
        return load_case(path, deadline=Deadline(time_limit))
    except FactFileError as error:
        return Rejected(str(path), error)
    except Exception as error:  # a fault of ours must not lose the docket either
        return Failed(str(path), *failure_kind(error))


def _solve_isolated(
    cases: Sequence[CaseFile], rules: RuleSet, time_limit: float | None, as_of: int | None
) -> list[CaseResult | Failed]:
    """Solve the chunk in one grounding; if that fails, each case alone, so that one bad
    case costs only its own line."""
    if len(cases) <= 1:
        return [_solve_alone(case, rules, time_limit, as_of) for case in cases]
    together = None if time_limit is None else time_limit * len(cases)
    try:
        return list(_solve_chunk(cases, rules, Deadline(together), as_of))
    except Exception:  # any failure: find the case(s) at fault one by one
        return [_solve_alone(case, rules, time_limit, as_of) for case in cases]


def _solve_alone(
    case: CaseFile, rules: RuleSet, time_limit: float | None, as_of: int | None
) -> CaseResult | Failed:
    path = str(case.path)
    try:
        return _solve_chunk([case], rules, Deadline(time_limit), as_of)[0]
    except Exception as error:  # a fault of ours must not lose the docket either
        return Failed(path, *failure_kind(error))

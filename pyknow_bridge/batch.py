"""Solve many cases per grounding: the rules lifted over a case argument.

The rules are written for one case. For a docket, the rules in force are lifted over
a case argument (:mod:`pyknow_bridge.doctrine.lift`), so one grounding holds many independent
cases; each fact gets its case's identifier as first argument. Cases do not interact, so
certain and possible conclusions of the combined program are exactly each case's
own. Cases are grounded in chunks, so memory depends on the chunk size, not on the
size of the docket; results stream out chunk by chunk, in input order.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pyknow_bridge.casefile.loader import CaseFile, FactFileError, Problem, load_case
from pyknow_bridge.core.errors import SolveError, TimeLimitError
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.lift import CASE
from pyknow_bridge.doctrine.rules_in_force import RuleSet, rules_in_force
from pyknow_bridge.engine.clingo_control import as_deadline, consequences, ground
from pyknow_bridge.engine.shown import Shown, shown_atoms
from pyknow_bridge.engine.solver import ENGINES
from pyknow_bridge.model.results import CaseResult, build_result

if TYPE_CHECKING:
    from pyknow_bridge.engine.prolog_pool import PrologPool

DEFAULT_CHUNK = 500


def lifted_facts(case_id: int, case: CaseFile, as_of: int | None = None) -> str:
    """The facts of one case, each with the case identifier as first argument; with
    ``as_of``, the Control fact ``as_of(Y)`` lifted the same way."""
    disputed = set(case.disputed_texts)
    lines = [f"{CASE}({case_id})."]
    if as_of is not None:
        lines.append(f"as_of({case_id},{int(as_of)}).")
    for fact in case.facts:
        name, _, rest = fact.text.partition("(")
        lifted = f"{name}({case_id},{rest}" if rest else f"{name}({case_id})"
        lines.append(f"{{ {lifted} }}." if fact.text in disputed else f"{lifted}.")
    return "\n".join(lines)


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
    ``engine="prolog"`` solves each case in a pool of ``workers`` processes (default: one
    per CPU), each with its own Prolog engine.
    """
    rules = rules_in_force(views)
    pool = _prolog_pool(engine, views, time_limit, as_of, workers)
    pending: list[CaseFile | Rejected | Failed] = []

    def flush() -> Iterator[CaseResult | Rejected | Failed]:
        loaded = [item for item in pending if isinstance(item, CaseFile)]
        if pool is None:
            solved = iter(_solve_isolated(loaded, rules, time_limit, as_of))
        else:
            solved = iter(_solve_pooled(pool, loaded, rules))
        for item in pending:
            yield next(solved) if isinstance(item, CaseFile) else item
        pending.clear()

    try:
        for path in fact_files(paths):
            pending.append(path if isinstance(path, Rejected) else _load(path, time_limit))
            if on_file is not None:
                on_file()
            if len(pending) >= chunk_size:
                yield from flush()
        if pending:
            yield from flush()
    finally:
        if pool is not None:
            pool.close()


def _prolog_pool(
    engine: str,
    views: Sequence[str],
    time_limit: float | None,
    as_of: int | None,
    workers: int | None,
) -> PrologPool | None:
    """The worker pool for ``engine="prolog"`` (None for clingo); a missing SWI-Prolog
    is an error before any case is read."""
    if engine not in ENGINES:
        raise SolveError(f"unknown engine {engine}; available: {', '.join(ENGINES)}")
    if engine == "clingo":
        return None
    # Imported on first use, so that clingo's users (and the CLI's start) never pay for it.
    from pyknow_bridge.engine.prolog_engine import (  # noqa: PLC0415
        PrologUnavailableError,
        prolog_missing,
    )
    from pyknow_bridge.engine.prolog_pool import PrologPool  # noqa: PLC0415

    missing = prolog_missing()
    if missing is not None:
        raise PrologUnavailableError(missing)
    return PrologPool(views, time_limit, as_of, workers)


def _solve_pooled(
    pool: PrologPool, cases: Sequence[CaseFile], rules: RuleSet
) -> list[CaseResult | Failed]:
    from pyknow_bridge.engine.prolog_pool import CaseFailure  # noqa: PLC0415 (see above)

    return [
        Failed(str(case.path), answer.kind, answer.message)
        if isinstance(answer, CaseFailure)
        else build_result(case, answer, rules.views)
        for case, answer in zip(cases, pool.solve(cases), strict=True)
    ]


def _load(path: Path, time_limit: float | None) -> CaseFile | Rejected | Failed:
    try:
        return load_case(path, deadline=Deadline(time_limit))
    except FactFileError as error:
        return Rejected(str(path), error)
    except TimeLimitError as error:
        return Failed(str(path), "time_limit", str(error))
    except Exception as error:  # a fault of ours must not lose the docket
        return Failed(str(path), "internal", f"{type(error).__name__}: {error}")


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
    except TimeLimitError as error:
        return Failed(path, "time_limit", str(error))
    except SolveError as error:
        return Failed(path, "solver", str(error))
    except Exception as error:  # a fault of ours must not lose the docket
        return Failed(path, "internal", f"{type(error).__name__}: {error}")

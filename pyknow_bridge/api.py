"""The Python entry points: load, solve and explain case fact files, and read the results."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pyknow_bridge.casefile.loader import CaseFile, load_case
from pyknow_bridge.core.errors import failure_kind
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.clingo_control import as_deadline
from pyknow_bridge.engine.shown import shown_atoms
from pyknow_bridge.engine.solver import solve_case
from pyknow_bridge.model.results import CaseResult, build_result

if TYPE_CHECKING:
    from pyknow_bridge.batch import Failed, Rejected
    from pyknow_bridge.model.explanation import Explanation


def analyse(
    case: CaseFile,
    views: Sequence[str] = (),
    time_limit: float | Deadline | None = None,
    as_of: int | None = None,
    engine: str = "clingo",
) -> CaseResult:
    """Solve a loaded case under the majority rules plus any selected views.

    ``time_limit``: seconds, or a :class:`~pyknow_bridge.core.limits.Deadline` already running.
    ``as_of`` decides it under the law in force in that year, not the year of decision.
    ``engine``: ``"clingo"`` or ``"prolog"`` (the Prolog port of the same rules).
    """
    rules = rules_in_force(views)
    found = solve_case(case, rules, time_limit, as_of, engine)
    return build_result(case, shown_atoms(found), rules.views)


def solve_file(
    path: str | Path,
    views: Sequence[str] = (),
    time_limit: float | Deadline | None = None,
    as_of: int | None = None,
    engine: str = "clingo",
) -> CaseResult:
    """Load a fact file strictly and solve it, both within ``time_limit``.

    >>> result = solve_file("facts/cases/valdez.lp")
    >>> result.claim("valdez").decided_outcome
    'no_recovery'
    """
    deadline = as_deadline(time_limit)
    return analyse(load_case(path, deadline=deadline), views, deadline, as_of, engine)


#: Cases explained per grounding (see :func:`explain_loaded`): enough that clingo's cost per
#: rule is shared, few enough that a chunk's models stay small.
EXPLAIN_CHUNK = 100


def explain_loaded(
    cases: Iterable[CaseFile],
    views: Sequence[str] = (),
    time_limit: float | None = None,
    as_of: int | None = None,
    engine: str = "clingo",
    *,
    chunk_size: int = EXPLAIN_CHUNK,
) -> Iterator[Explanation | Failed]:
    """Explain loaded cases in order: with clingo, ``chunk_size`` per grounding
    (:func:`~pyknow_bridge.explain.builder.explain_cases`), each explanation exactly the
    one :func:`~pyknow_bridge.explain.builder.explain_case` gives the case alone.

    ``time_limit`` (seconds) applies to each case: a chunk gets it once per case. A chunk
    that fails is explained again case by case, so that a failure (a :class:`Failed` in
    the case's place) is one case's own and the others are still explained.
    """
    chunk: list[CaseFile] = []
    for case in cases:
        chunk.append(case)
        if len(chunk) >= chunk_size:
            yield from _explain_chunk(chunk, views, time_limit, as_of, engine)
            chunk = []
    if chunk:
        yield from _explain_chunk(chunk, views, time_limit, as_of, engine)


def explain_files(
    paths: Iterable[str | Path],
    views: Sequence[str] = (),
    time_limit: float | None = None,
    as_of: int | None = None,
    engine: str = "clingo",
    *,
    chunk_size: int = EXPLAIN_CHUNK,
) -> Iterator[Explanation | Rejected | Failed]:
    """Load and explain a docket (directories searched for ``*.lp``, as
    :func:`~pyknow_bridge.batch.solve_many` does), in input order: a file that fails to
    load yields a :class:`Rejected` in its place, and the rest are still explained.

    >>> [e.case_name for e in explain_files(["facts/cases/valdez.lp", "facts/cases/morgan.lp"])]
    ['Valdez v. City of New York', 'Morgan v. District of Columbia']
    """
    from pyknow_bridge.batch import Rejected, fact_files, load_entry  # noqa: PLC0415 (see below)

    pending: list[CaseFile | Rejected | Failed] = []

    def flush() -> Iterator[Explanation | Rejected | Failed]:
        loaded = [item for item in pending if isinstance(item, CaseFile)]
        explained = iter(_explain_chunk(loaded, views, time_limit, as_of, engine))
        for item in pending:
            yield next(explained) if isinstance(item, CaseFile) else item
        pending.clear()

    for path in fact_files(paths):
        pending.append(path if isinstance(path, Rejected) else load_entry(path, time_limit))
        if len(pending) >= chunk_size:
            yield from flush()
    if pending:
        yield from flush()


def _explain_chunk(
    cases: Sequence[CaseFile],
    views: Sequence[str],
    time_limit: float | None,
    as_of: int | None,
    engine: str,
) -> list[Explanation | Failed]:
    # Imported on first use, so that solving alone never pays for the explanation's modules.
    from pyknow_bridge.explain.builder import explain_cases  # noqa: PLC0415

    if engine == "clingo" and len(cases) > 1:
        together = None if time_limit is None else time_limit * len(cases)
        try:
            return list(explain_cases(cases, views, together, as_of))
        except Exception:  # any failure: find the case(s) at fault one by one
            pass
    return [_explain_alone(case, views, time_limit, as_of, engine) for case in cases]


def _explain_alone(
    case: CaseFile, views: Sequence[str], time_limit: float | None, as_of: int | None, engine: str
) -> Explanation | Failed:
    from pyknow_bridge.batch import Failed  # noqa: PLC0415 (see above)
    from pyknow_bridge.explain.builder import explain_case  # noqa: PLC0415

    path = str(case.path)
    try:
        return explain_case(case, views, time_limit, as_of, engine)
    except Exception as error:  # a fault of ours must not lose the docket either
        return Failed(path, *failure_kind(error))

"""Many cases at once with the Prolog engine, in the process that owns it.

:func:`solve_cases` splits a chunk of cases into jobs of :data:`CASES_PER_JOB`, each
solved by one query of the lifted program (:meth:`PrologEngine.solve_together`). A job
that fails (an error, its time limit) is solved again case by case, so that one bad case
reports alone; a case with more than :data:`MAX_LIFTED_DISPUTES` disputed facts is
always solved alone. ``batch`` runs this in worker processes (pyswip allows one engine
per process), each with its own engine; a worker that dies costs its chunk, not the
docket.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.errors import failure_kind
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.rules_in_force import RuleSet
from pyknow_bridge.engine.prolog_engine import MAX_LIFTED_DISPUTES, prolog_engine
from pyknow_bridge.engine.shown import Shown, shown_atoms
from pyknow_bridge.engine.solver import solve_case

__all__ = ["CASES_PER_JOB", "CaseFailure", "solve_cases"]

#: Cases per query: enough to share its fixed cost, few to solve again if it fails.
CASES_PER_JOB = 50


@dataclass(frozen=True)
class CaseFailure:
    """Why one case has no result: ``time_limit``, ``solver`` or ``internal``."""

    kind: str
    message: str


_Answer = list[Shown] | CaseFailure


def solve_cases(
    cases: Sequence[CaseFile],
    rules: RuleSet,
    time_limit: float | None,
    as_of: int | None,
    cases_per_job: int = CASES_PER_JOB,
) -> list[_Answer]:
    """Each case's shown atoms (with whether each is certain), or why it has none; in
    the order of ``cases``. ``time_limit`` applies to each case."""
    size = max(1, cases_per_job)
    answers: list[_Answer] = []
    for first in range(0, len(cases), size):
        answers.extend(_solve_job(cases[first : first + size], rules, time_limit, as_of))
    return answers


def _solve_job(
    cases: Sequence[CaseFile], rules: RuleSet, time_limit: float | None, as_of: int | None
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
    except Exception as error:  # a fault of ours costs this case, not the docket
        return CaseFailure(*failure_kind(error))

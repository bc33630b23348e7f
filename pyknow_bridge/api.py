"""The Python entry points: load, solve and read the results of case fact files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pyknow_bridge.casefile.loader import CaseFile, load_case
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.clingo_control import as_deadline
from pyknow_bridge.engine.shown import shown_atoms
from pyknow_bridge.engine.solver import solve_case
from pyknow_bridge.model.results import CaseResult, build_result


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

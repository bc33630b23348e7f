"""Ground the doctrine with a case and compute what holds: certainly, possibly, or not.

Undisputed facts are added as facts. A disputed fact becomes a free choice, so each
answer set is one way the dispute could come out. Rather than enumerate them all,
clingo is asked twice: for brave consequences (true in some answer set: *possible*)
and cautious consequences (true in all: *certain*).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from clingo import ast

from pyknow_bridge.clingo_control import Consequences, as_deadline, consequences, ground
from pyknow_bridge.errors import SolveError
from pyknow_bridge.limits import Deadline
from pyknow_bridge.loader import CaseFile
from pyknow_bridge.rulebook import available_views, rule_files

__all__ = ["check_views", "program_text", "solve_case"]


def check_views(views: Sequence[str]) -> None:
    unknown = sorted(set(views) - set(available_views()))
    if unknown:
        raise SolveError(
            f"unknown view {', '.join(unknown)}; available: {', '.join(available_views())}"
        )


def program_text(case: CaseFile) -> str:
    """The case as clingo input: disputed facts as choices, the rest as facts."""
    disputed = set(case.disputed_texts)
    lines = []
    for fact in case.facts:
        if disputed and fact.text in disputed:
            lines.append(f"{{ {fact.text} }}.")
        else:
            lines.append(f"{fact.text}.")
    return "\n".join(lines) + "\n"


def solve_case(
    case: CaseFile, views: Sequence[str] = (), time_limit: float | Deadline | None = None
) -> Consequences:
    """Solve one loaded case under the majority rules plus the selected views.

    ``time_limit`` is in seconds, or a :class:`Deadline` already running (one that also
    covered loading, say); solving past it raises :class:`TimeLimitError`.
    """
    check_views(views)
    control = ground(_statements(tuple(views)), program_text(case))
    return consequences(control, as_deadline(time_limit), choices=bool(case.disputed_texts))


@cache
def _statements(views: tuple[str, ...]) -> tuple[ast.AST, ...]:
    statements: list[ast.AST] = []
    ast.parse_files([str(p) for p in rule_files(views)], statements.append)
    return tuple(statements)

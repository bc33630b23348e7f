"""Ground the doctrine with a case and compute what holds: certainly, possibly, or not.

Undisputed facts are added as facts. A disputed fact becomes a free choice, so each
answer set is one way the dispute could come out. Rather than enumerate them all,
clingo is asked twice: for brave consequences (true in some answer set: *possible*)
and cautious consequences (true in all: *certain*).
"""

from __future__ import annotations

from pyknow_bridge.clingo_control import Consequences, as_deadline, consequences, ground
from pyknow_bridge.limits import Deadline
from pyknow_bridge.loader import CaseFile
from pyknow_bridge.rules_in_force import RuleSet

__all__ = ["program_text", "solve_case"]


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
    case: CaseFile, rules: RuleSet, time_limit: float | Deadline | None = None
) -> Consequences:
    """Solve one loaded case under the rules in force.

    ``time_limit`` is in seconds, or a :class:`Deadline` already running (one that also
    covered loading, say); solving past it raises :class:`TimeLimitError`.
    """
    control = ground(rules.statements, program_text(case))
    return consequences(control, as_deadline(time_limit), choices=bool(case.disputed_texts))

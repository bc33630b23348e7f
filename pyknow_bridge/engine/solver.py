"""Ground the doctrine with a case and compute what holds: certainly, possibly, or not.

Undisputed facts are added as facts. A disputed fact becomes a free choice, so each
answer set is one way the dispute could come out. To decide, rather than enumerate them
all, clingo is asked twice (:func:`solve_case`): for brave consequences (true in some
answer set: *possible*) and cautious consequences (true in all: *certain*). To explain,
the same questions are asked of the program with derivation atoms, under findings on
the disputed facts (:class:`Disputes`); a test checks, against every scenario
enumerated, that the two agree.
"""

from __future__ import annotations

import clingo

from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.rules_in_force import RuleSet
from pyknow_bridge.engine.clingo_control import (
    Assumptions,
    Consequences,
    answer_sets,
    as_deadline,
    consequences,
    ground,
)

__all__ = ["Disputes", "program_text", "solve_case"]


def program_text(case: CaseFile, as_of: int | None = None) -> str:
    """The case as clingo input: disputed facts as choices, the rest as facts.

    ``as_of`` (a year) adds the Control fact ``as_of(Y)``: decide under that year's law
    (rules/law_in_time.lp) instead of the law of the year of decision.
    """
    disputed = set(case.disputed_texts)
    lines = [] if as_of is None else [f"as_of({int(as_of)})."]
    for fact in case.facts:
        if disputed and fact.text in disputed:
            lines.append(f"{{ {fact.text} }}.")
        else:
            lines.append(f"{fact.text}.")
    return "\n".join(lines) + "\n"


def solve_case(
    case: CaseFile,
    rules: RuleSet,
    time_limit: float | Deadline | None = None,
    as_of: int | None = None,
) -> Consequences:
    """Solve one loaded case under the rules in force.

    ``time_limit`` is in seconds, or a :class:`Deadline` already running (one that also
    covered loading, say); solving past it raises :class:`TimeLimitError`.
    """
    control = ground(rules.statements, program_text(case, as_of))
    return consequences(control, as_deadline(time_limit), choices=bool(case.disputed_texts))


class Disputes:
    """One grounding of the explaining program, asked about findings on the disputed facts.

    Nothing is enumerated: each question is one solve under assumptions (a finding fixes a
    disputed fact true or false), so the cost grows with the number of questions asked,
    not with the 2^n scenarios. The explanation asks for the scenario as stated (every
    disputed fact found true), brave and cautious consequences overall, and the same with
    each disputed fact fixed each way (4n + 3 solves for n disputes).
    """

    def __init__(
        self,
        case: CaseFile,
        rules: RuleSet,
        deadline: Deadline,
        as_of: int | None = None,
    ) -> None:
        self.disputed = case.disputed
        self.deadline = deadline
        self.control = ground(rules.explaining, program_text(case, as_of))

    def scenario(self, findings: Assumptions = ()) -> frozenset[clingo.Symbol]:
        """Every atom of the scenario where ``findings`` hold and every other disputed fact
        is found as stated (true)."""
        fixed = dict(findings)
        complete = [(fact, fixed.get(fact, True)) for fact in self.disputed]
        found = answer_sets(self.control, self.deadline, "solving for the explanation", complete)
        return found[0]

    def consequences(self, findings: Assumptions = ()) -> Consequences:
        """What holds in every scenario (certain) and in some (possible) under ``findings``."""
        return consequences(self.control, self.deadline, bool(self.disputed), findings)

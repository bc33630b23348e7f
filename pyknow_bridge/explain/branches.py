"""Branches of a claim whose outcome turns on disputed facts: one per distinct outcome, each
with the findings that lead there.

The findings are found by splitting on the disputed facts the outcome turns on, in file
order, until the outcome is certain under the findings made so far (one brave/cautious
question per split, see :class:`~pyknow_bridge.engine.solver.Disputes`). Each branch
then says, from one scenario of it, on what the outcome rests there: the routes made out,
the grounds that bar recovery, what defeats reliance. The reasoning the branches share is
the explanation itself, shown once.
"""

from __future__ import annotations

import clingo

from pyknow_bridge.doctrine.derivation import DERIVATION
from pyknow_bridge.engine.clingo_control import Assumptions
from pyknow_bridge.engine.solver import DisputeQuestions
from pyknow_bridge.model.explanation import Branch

#: At most this many sets of findings are followed for one claim.
MAX_LEAVES = 16


def branches(
    disputes: DisputeQuestions, plaintiff: str, defendant: str, turns_on: tuple[str, ...]
) -> list[Branch]:
    """The branches of one claim (none when its outcome does not turn on a dispute)."""
    p, d = clingo.Function(plaintiff), clingo.Function(defendant)
    outcomes = [clingo.Function("outcome", [p, d, clingo.Function(v)]) for v in _OUTCOMES]
    relevant = [fact for fact in disputes.disputed if str(fact) in turns_on]
    leaves: list[tuple[list[tuple[clingo.Symbol, bool]], str]] = []

    def split(findings: list[tuple[clingo.Symbol, bool]], remaining: list[clingo.Symbol]) -> None:
        certain = disputes.consequences(findings).certain
        decided = [o.arguments[2].name for o in outcomes if o in certain]
        if decided or not remaining or len(leaves) >= MAX_LEAVES:
            leaves.append((findings, decided[0] if decided else "undecided"))
            return
        fact, rest = remaining[0], remaining[1:]
        split([*findings, (fact, True)], rest)
        split([*findings, (fact, False)], rest)

    split([], relevant)
    if len({outcome for _, outcome in leaves}) < 2:
        return []
    found: dict[str, Branch] = {}
    for findings, outcome in leaves:
        branch = found.get(outcome)
        if branch is None:
            branch = found[outcome] = _summary(disputes, findings, outcome, p, d)
        branch.findings.append([(str(fact), held) for fact, held in findings])
    return list(found.values())


_OUTCOMES = ("may_recover", "no_recovery")


def _summary(
    disputes: DisputeQuestions,
    findings: Assumptions,
    outcome: str,
    p: clingo.Symbol,
    d: clingo.Symbol,
) -> Branch:
    """What the outcome rests on in one scenario of the branch."""
    atoms = disputes.scenario(findings)
    claim = [p, d]
    bases = [
        a.arguments[2].name
        for a in atoms
        if a.match("special_duty_basis", 3) and a.arguments[:2] == claim
    ]
    defeaters = [
        a.arguments[2].name
        for a in atoms
        if a.match("reliance_defeated", 3) and a.arguments[:2] == claim
    ]
    barred = clingo.Function("recovery_barred", claim)
    grounds = sorted(
        {
            premise.name
            for a in atoms
            if a.match(DERIVATION, 3) and a.arguments[1] == barred
            for premise in a.arguments[2].arguments
        }
    )
    return Branch(outcome, [], sorted(bases), grounds, sorted(defeaters))

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

from pyknow_bridge.doctrine.derivation import DERIVATION_PREFIX, rule_and_premises
from pyknow_bridge.engine.clingo_control import Assumptions
from pyknow_bridge.engine.shown import split_atom
from pyknow_bridge.engine.solver import DisputeQuestions
from pyknow_bridge.explain.matching import Value, argument_of_text, value_of_text
from pyknow_bridge.model.explanation import Branch

#: At most this many sets of findings are followed for one claim.
MAX_LEAVES = 16


def branches(
    disputes: DisputeQuestions, plaintiff: str, defendant: str, turns_on: tuple[str, ...]
) -> list[Branch]:
    """The branches of one claim (none when its outcome does not turn on a dispute)."""
    outcomes = {f"outcome({plaintiff},{defendant},{value})": value for value in _OUTCOMES}
    relevant = [fact for fact in disputes.disputed if str(fact) in turns_on]
    leaves: list[tuple[list[tuple[clingo.Symbol, bool]], str]] = []

    def split(findings: list[tuple[clingo.Symbol, bool]], remaining: list[clingo.Symbol]) -> None:
        certain = disputes.consequences(findings).certain
        decided = [value for atom, value in outcomes.items() if atom in certain]
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
            branch = found[outcome] = _summary(disputes, findings, outcome, plaintiff, defendant)
        branch.findings.append([(str(fact), held) for fact, held in findings])
    return list(found.values())


_OUTCOMES = ("may_recover", "no_recovery")


def _summary(
    disputes: DisputeQuestions, findings: Assumptions, outcome: str, plaintiff: str, defendant: str
) -> Branch:
    """What the outcome rests on in one scenario of the branch (atoms read by their text)."""
    atoms = disputes.scenario(findings)
    claim = (plaintiff, defendant)

    def of_claim(name: str) -> list[str]:
        prefix = f"{name}({plaintiff},{defendant},"
        return sorted(split_atom(a)[3] for a in atoms if a.startswith(prefix))

    barred = ("recovery_barred", *claim)
    grounds: set[str] = set()
    for atom in atoms:
        if atom.startswith(DERIVATION_PREFIX) and argument_of_text(atom, 1) == barred:
            _, premises = rule_and_premises(value_of_text(atom))
            grounds.update(_name(premise) for premise in premises)
    return Branch(
        outcome, [], of_claim("special_duty_basis"), sorted(grounds), of_claim("reliance_defeated")
    )


def _name(premise: Value) -> str:
    """The predicate of a derivation's premise (``neg`` for a ``not``)."""
    return premise[0] if isinstance(premise, tuple) else str(premise)

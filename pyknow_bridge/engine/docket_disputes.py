"""A docket's explanations asked of one grounding: :class:`Disputes` for many cases at once.

Grounding the explaining program costs clingo about the same for a case of 160 atoms
as for many such cases together: the cost is per rule. So a chunk of cases is grounded
once, the program lifted over a case argument (:attr:`RuleSet.lifted_explaining`), and
every case's questions are answered from the same few solves. Cases do not interact, so
one solve under assumptions for several cases answers each case's own question: "the
disputed fact number i fixed true" is asked of every case that has an i-th disputed
fact in the same solve. Each answer is cached per case; a question no case has asked
yet is solved for every case it makes sense for, since their explanations ask it too.

Cases without disputed facts are grounded apart, as :mod:`pyknow_bridge.batch` does:
their one answer set is at once the stated scenario and every consequence (one solve).
Each jurisdiction's cases are grounded apart too, with its rules only
(:meth:`RuleSet.lifted_explaining_for`): the other's rules would derive nothing in them.
A test checks that each case's answers equal those of its own :class:`Disputes`.
"""

from __future__ import annotations

from collections.abc import Sequence

import clingo
from clingo import ast

from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.rules_in_force import RuleSet
from pyknow_bridge.engine.clingo_control import (
    Assumptions,
    ConsequenceTexts,
    ground,
    last_model,
)
from pyknow_bridge.engine.lifted import CaseReader, lifted_facts, lifted_symbol
from pyknow_bridge.engine.solver import stated_predicates

__all__ = ["CaseDisputes", "DocketDisputes"]

#: Findings on a case's disputed facts by position: ((index, found), ...), sorted.
_Findings = tuple[tuple[int, bool], ...]

_DOING = "solving for the explanation"


class DocketDisputes:
    """The cases of a chunk, grounded together (one grounding for those with disputed
    facts, one for those without); :meth:`of` gives one case's questions."""

    def __init__(
        self,
        cases: Sequence[CaseFile],
        rules: RuleSet,
        deadline: Deadline,
        as_of: int | None = None,
    ) -> None:
        self._of: list[CaseDisputes] = [None] * len(cases)  # type: ignore[list-item]
        groups: dict[tuple[str, bool], list[int]] = {}
        for index, case in enumerate(cases):
            groups.setdefault((case.jurisdiction, bool(case.disputed_texts)), []).append(index)
        for (jurisdiction, choices), members in sorted(groups.items()):
            stated = frozenset().union(*(stated_predicates(cases[i], as_of) for i in members))
            program = rules.lifted_explaining_for(jurisdiction, stated)
            group = _Group([cases[i] for i in members], program, deadline, as_of, choices)
            for local, index in enumerate(members):
                self._of[index] = CaseDisputes(group, local, cases[index].disputed)

    def of(self, index: int) -> CaseDisputes:
        """The questions about the ``index``-th case of the chunk."""
        return self._of[index]


class CaseDisputes:
    """One case's questions (those :class:`~pyknow_bridge.engine.solver.Disputes` answers),
    answered by the grounding it shares with its chunk."""

    def __init__(self, group: _Group, local: int, disputed: Sequence[clingo.Symbol]) -> None:
        self._group = group
        self._local = local
        self.disputed = tuple(disputed)
        self._position = {fact: index for index, fact in enumerate(self.disputed)}

    def scenario(self, findings: Assumptions = ()) -> frozenset[str]:
        """Every atom of the scenario where ``findings`` hold and every other disputed fact
        is found as stated (true)."""
        fixed = dict(findings)
        complete = tuple((index, fixed.get(fact, True)) for index, fact in enumerate(self.disputed))
        return self._group.scenario(self._local, complete)

    def consequences(self, findings: Assumptions = ()) -> ConsequenceTexts:
        """What holds in every scenario (certain) and in some (possible) under ``findings``."""
        fixed = sorted((self._position[fact], found) for fact, found in dict(findings).items())
        return self._group.consequences(self._local, tuple(fixed))


class _Group:
    """One grounding of several cases, with every answer found so far, per case."""

    def __init__(
        self,
        cases: Sequence[CaseFile],
        program: Sequence[ast.AST],
        deadline: Deadline,
        as_of: int | None,
        choices: bool,
    ) -> None:
        facts = "\n".join(lifted_facts(i, case, as_of) for i, case in enumerate(cases))
        self.control = ground(program, facts)
        self.deadline = deadline
        self.choices = choices
        self.disputed = [
            [lifted_symbol(i, fact) for fact in case.disputed] for i, case in enumerate(cases)
        ]
        self.reader = CaseReader()
        self.scenarios: dict[tuple[int, _Findings], frozenset[str]] = {}
        self.found: dict[tuple[int, _Findings], ConsequenceTexts] = {}
        if not choices:  # one answer set each: the scenario, certain and possible at once
            only = self._solve("auto", [], None)
            for case in range(len(cases)):
                atoms = only.get(case, frozenset())
                self.scenarios[case, ()] = atoms
                self.found[case, ()] = ConsequenceTexts(certain=atoms, possible=atoms)

    def scenario(self, case: int, findings: _Findings) -> frozenset[str]:
        if (case, findings) not in self.scenarios:
            # The same findings, by position, for every case: each scenario is complete, so
            # a case with fewer disputed facts gets the findings on those it has.
            wanted = {i: found for i, found in findings}
            asked = []
            for other, facts in enumerate(self.disputed):
                own = tuple((i, wanted.get(i, True)) for i in range(len(facts)))
                asked.append((other, own))
            atoms = self._solve("auto", self._assume(asked), None)
            for other, own in asked:
                self.scenarios.setdefault((other, own), atoms.get(other, frozenset()))
        return self.scenarios[case, findings]

    def consequences(self, case: int, findings: _Findings) -> ConsequenceTexts:
        if (case, findings) not in self.found:
            # Every case that has not yet been asked these findings (those on the disputed
            # facts it has) is asked now; the others are fixed as stated, which keeps the
            # solves from enumerating their disputes.
            asked, settled = [], []
            for other, facts in enumerate(self.disputed):
                own = tuple((i, found) for i, found in findings if i < len(facts))
                if (other, own) in self.found:
                    settled.append((other, tuple((i, True) for i in range(len(facts)))))
                else:
                    asked.append((other, own))
            assumptions = self._assume(asked + settled)
            wanted = {other for other, _ in asked}
            possible = self._solve("brave", assumptions, wanted)
            certain = self._solve("cautious", assumptions, wanted)
            empty: frozenset[str] = frozenset()
            for other, own in asked:
                self.found[other, own] = ConsequenceTexts(
                    certain=certain.get(other, empty), possible=possible.get(other, empty)
                )
        return self.found[case, findings]

    def _assume(
        self, findings: Sequence[tuple[int, _Findings]]
    ) -> list[tuple[clingo.Symbol, bool]]:
        return [
            (self.disputed[case][index], found) for case, own in findings for index, found in own
        ]

    def _solve(
        self, mode: str, assumptions: Assumptions, wanted: set[int] | None
    ) -> dict[int, frozenset[str]]:
        """Each (``wanted``) case's atoms of the last model in ``mode``, as texts."""
        copied = last_model(
            self.control,
            mode,
            self.deadline,
            self.reader.copy,
            assumptions=assumptions,
            doing=_DOING,
            count_first=True,
        )
        return self.reader.by_case(copied, wanted)

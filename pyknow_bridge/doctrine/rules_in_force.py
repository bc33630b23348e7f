"""The rules in force: the doctrine's rule files plus the chosen views, as one value.

:func:`rules_in_force` checks the views once and returns a :class:`RuleSet` that holds
the statements of its rule files, parsed once per process (by :func:`load_rulebook`)
with the annotations of each rule. Every way of solving starts from it: the plain
program (:attr:`RuleSet.statements`), the program lifted over a case argument for
batches (:attr:`RuleSet.lifted`), the program with derivation atoms for
explanations (:attr:`RuleSet.explaining`), and that one lifted for explaining a docket
(:attr:`RuleSet.lifted_explaining`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from clingo import ast

from pyknow_bridge.core.errors import SolveError
from pyknow_bridge.doctrine.derivation import derivation_rule
from pyknow_bridge.doctrine.jurisdictions import claim_guards
from pyknow_bridge.doctrine.lift import lift_over_case
from pyknow_bridge.doctrine.rule_scope import rule_jurisdictions
from pyknow_bridge.doctrine.rulebook import (
    RuleEntry,
    Statement,
    available_views,
    load_rulebook,
    rule_files,
)

#: The file of ``#show`` lines; the explaining program shows every atom instead.
SHOW_FILE = "show.lp"


@dataclass(frozen=True, eq=False)
class RuleSet:
    """The majority's rules plus the selected views (the opinions the majority rejected)."""

    views: tuple[str, ...]
    files: tuple[Path, ...]
    #: Every statement of the files in load order, each with its rule's annotation.
    parsed: tuple[Statement, ...]

    @cached_property
    def statements(self) -> tuple[ast.AST, ...]:
        """The program as written."""
        return tuple(statement.node for statement in self.parsed)

    @cached_property
    def rules(self) -> tuple[RuleEntry, ...]:
        """The annotated rules in force, in load order."""
        return tuple(s.rule for s in self.parsed if s.rule is not None)

    @cached_property
    def lifted(self) -> tuple[ast.AST, ...]:
        """The program lifted over a case argument (see :mod:`pyknow_bridge.doctrine.lift`)."""
        return tuple(lift_over_case(node) for node in self.statements)

    @cached_property
    def explaining(self) -> tuple[ast.AST, ...]:
        """The program without its ``#show`` lines (every atom is shown), each annotated rule
        followed by its derivation twin (see :mod:`pyknow_bridge.doctrine.derivation`)."""
        return self._program(explaining=True, applies=lambda _: True)

    @cached_property
    def jurisdictions(self) -> dict[str, str]:
        """Each rule id whose rule belongs to one jurisdiction, with that jurisdiction
        (see :mod:`pyknow_bridge.doctrine.rule_scope`)."""
        inputs = load_rulebook().inputs()
        return rule_jurisdictions(self.parsed, claim_guards(), inputs)

    def statements_for(self, jurisdiction: str) -> tuple[ast.AST, ...]:
        """:attr:`statements` without the rules of other jurisdictions: in a case of
        ``jurisdiction`` they derive nothing, and grounding them costs time."""
        return self._cut(jurisdiction, explaining=False)

    def explaining_for(self, jurisdiction: str) -> tuple[ast.AST, ...]:
        """:attr:`explaining` without the rules of other jurisdictions (and their twins)."""
        return self._cut(jurisdiction, explaining=True)

    @cached_property
    def _cuts(self) -> dict[tuple[str, bool], tuple[ast.AST, ...]]:
        return {}

    def _cut(self, jurisdiction: str, explaining: bool) -> tuple[ast.AST, ...]:
        key = (jurisdiction, explaining)
        known = self._cuts.get(key)
        if known is None:
            owners = self.jurisdictions

            def applies(rule_id: str) -> bool:
                return owners.get(rule_id, jurisdiction) == jurisdiction

            known = self._cuts[key] = self._program(explaining, applies)
        return known

    def _program(self, explaining: bool, applies: Callable[[str], bool]) -> tuple[ast.AST, ...]:
        """The statements of the rules that ``applies`` keeps; ``explaining``: without the
        ``#show`` lines, each rule followed by its derivation twin."""
        program: list[ast.AST] = []
        for statement in self.parsed:
            if explaining and statement.file.name == SHOW_FILE:
                continue
            if statement.rule is None:
                program.append(statement.node)
            elif applies(statement.rule.rule_id):
                program.append(statement.node)
                if explaining:
                    program.append(derivation_rule(statement.node, statement.rule.rule_id))
        return tuple(program)

    @cached_property
    def lifted_explaining(self) -> tuple[ast.AST, ...]:
        """The explaining program lifted over a case argument: ``derivation(C, Id, H, B)``
        keeps the derived atom ``H`` and premises ``B`` as written (they are terms, not
        atoms), so dropping ``C`` gives exactly the atom one case alone derives."""
        return tuple(lift_over_case(node) for node in self.explaining)

    def lifted_explaining_for(self, jurisdiction: str) -> tuple[ast.AST, ...]:
        """:attr:`lifted_explaining` without the rules of other jurisdictions, for a chunk
        of cases of ``jurisdiction`` (see :meth:`explaining_for`)."""
        known = self._lifted_cuts.get(jurisdiction)
        if known is None:
            cut = self.explaining_for(jurisdiction)
            known = self._lifted_cuts[jurisdiction] = tuple(lift_over_case(n) for n in cut)
        return known

    @cached_property
    def _lifted_cuts(self) -> dict[str, tuple[ast.AST, ...]]:
        return {}


def rules_in_force(views: Sequence[str] = ()) -> RuleSet:
    """The majority's rules plus ``views``; an unknown view is a :class:`SolveError`."""
    return _rule_set(tuple(views))


@cache
def _rule_set(views: tuple[str, ...]) -> RuleSet:
    unknown = sorted(set(views) - set(available_views()))
    if unknown:
        raise SolveError(
            f"unknown view {', '.join(unknown)}; available: {', '.join(available_views())}"
        )
    files = tuple(rule_files(views))
    parsed = load_rulebook().statements
    return RuleSet(views, files, tuple(s for path in files for s in parsed[path]))

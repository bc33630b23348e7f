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

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from clingo import ast

from pyknow_bridge.core.errors import SolveError
from pyknow_bridge.doctrine.derivation import derivation_rule
from pyknow_bridge.doctrine.lift import lift_over_case
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
        program: list[ast.AST] = []
        for statement in self.parsed:
            if statement.file.name == SHOW_FILE:
                continue
            program.append(statement.node)
            if statement.rule is not None:
                program.append(derivation_rule(statement.node, statement.rule.rule_id))
        return tuple(program)

    @cached_property
    def lifted_explaining(self) -> tuple[ast.AST, ...]:
        """The explaining program lifted over a case argument: ``derivation(C, Id, H, B)``
        keeps the derived atom ``H`` and premises ``B`` as written (they are terms, not
        atoms), so dropping ``C`` gives exactly the atom one case alone derives."""
        return tuple(lift_over_case(node) for node in self.explaining)


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

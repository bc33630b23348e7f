"""The rules in force: the doctrine's rule files plus the chosen views, as one value.

:func:`rules_in_force` checks the views once and returns a :class:`RuleSet` that holds
the statements of its rule files, parsed once per process (by :func:`load_rulebook`)
with the annotations of each rule. Every way of solving starts from it: the plain
program (:attr:`RuleSet.statements`), the program lifted over a case argument for
batches (:attr:`RuleSet.lifted`), the program with derivation atoms for
explanations (:attr:`RuleSet.explaining`), and that one lifted for explaining a docket
(:attr:`RuleSet.lifted_explaining`). For one case (or one chunk of cases) each is cut to
the case's jurisdiction, and to the rules its facts can make fire
(:mod:`pyknow_bridge.doctrine.relevance`): :meth:`RuleSet.statements_for`,
:meth:`RuleSet.explaining_for`, :meth:`RuleSet.lifted_explaining_for`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from clingo import ast

from pyknow_bridge.core.errors import SolveError
from pyknow_bridge.doctrine.derivation import derivation_rule
from pyknow_bridge.doctrine.jurisdictions import claim_guards
from pyknow_bridge.doctrine.lift import lift_over_case
from pyknow_bridge.doctrine.relevance import Relevance, Signature
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
#: How many programs cut to a set of stated predicates are kept (generated dockets repeat
#: a few dozen sets; a stranger's cannot grow the cache without bound).
CASE_CUTS_KEPT = 256


@dataclass(frozen=True, eq=False)
class RuleSet:
    """The majority's rules plus the selected views (the opinions the majority rejected)."""

    views: tuple[str, ...]
    files: tuple[Path, ...]
    #: Every statement of the files in load order (comments aside), each with its rule's
    #: annotation.
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

    def statements_for(
        self, jurisdiction: str, stated: Iterable[Signature] | None = None
    ) -> tuple[ast.AST, ...]:
        """:attr:`statements` without the rules of other jurisdictions: in a case of
        ``jurisdiction`` they derive nothing, and grounding them costs time. With
        ``stated`` (the predicates a case's facts use), also without the rules that cannot
        fire on them (see :mod:`pyknow_bridge.doctrine.relevance`)."""
        return self._for_case(jurisdiction, False, stated)

    def explaining_for(
        self, jurisdiction: str, stated: Iterable[Signature] | None = None
    ) -> tuple[ast.AST, ...]:
        """:attr:`explaining` without the rules of other jurisdictions (and their twins),
        and with ``stated``, without those that cannot fire (see :meth:`statements_for`)."""
        return self._for_case(jurisdiction, True, stated)

    @cached_property
    def _relevances(self) -> dict[tuple[str, bool], Relevance]:
        return {}

    @cached_property
    def _case_cuts(self) -> dict[tuple[str, bool, frozenset[Signature]], tuple[ast.AST, ...]]:
        return {}

    def _for_case(
        self, jurisdiction: str, explaining: bool, stated: Iterable[Signature] | None
    ) -> tuple[ast.AST, ...]:
        relevance = self._relevance(jurisdiction, explaining)
        if stated is None:
            return relevance.program
        key = (jurisdiction, explaining, frozenset(stated))
        known = self._case_cuts.get(key)
        if known is None:
            if len(self._case_cuts) >= CASE_CUTS_KEPT:
                self._case_cuts.clear()
            known = self._case_cuts[key] = relevance.cut(key[2])
        return known

    def _relevance(self, jurisdiction: str, explaining: bool) -> Relevance:
        key = (jurisdiction, explaining)
        known = self._relevances.get(key)
        if known is None:
            owners = self.jurisdictions

            def applies(rule_id: str) -> bool:
                return owners.get(rule_id, jurisdiction) == jurisdiction

            program, twins = self._program_and_twins(explaining, applies)
            known = self._relevances[key] = Relevance(program, twins)
        return known

    def _program(self, explaining: bool, applies: Callable[[str], bool]) -> tuple[ast.AST, ...]:
        """The statements of the rules that ``applies`` keeps; ``explaining``: without the
        ``#show`` lines, each rule followed by its derivation twin."""
        return self._program_and_twins(explaining, applies)[0]

    def _program_and_twins(
        self, explaining: bool, applies: Callable[[str], bool]
    ) -> tuple[tuple[ast.AST, ...], dict[int, int]]:
        """:meth:`_program`, and the place of each derivation twin with its rule's (the
        twin has its rule's body)."""
        program: list[ast.AST] = []
        twins: dict[int, int] = {}
        for statement in self.parsed:
            if explaining and statement.file.name == SHOW_FILE:
                continue
            if statement.rule is None:
                program.append(statement.node)
            elif applies(statement.rule.rule_id):
                program.append(statement.node)
                if explaining:
                    twins[len(program)] = len(program) - 1
                    program.append(derivation_rule(statement.node, statement.rule.rule_id))
        return tuple(program), twins

    @cached_property
    def lifted_explaining(self) -> tuple[ast.AST, ...]:
        """The explaining program lifted over a case argument: ``derivation(C, Id, H, B)``
        keeps the derived atom ``H`` and premises ``B`` as written (they are terms, not
        atoms), so dropping ``C`` gives exactly the atom one case alone derives."""
        return tuple(lift_over_case(node) for node in self.explaining)

    def lifted_explaining_for(
        self, jurisdiction: str, stated: Iterable[Signature] | None = None
    ) -> tuple[ast.AST, ...]:
        """:attr:`lifted_explaining` without the rules of other jurisdictions, for a chunk
        of cases of ``jurisdiction``; with ``stated`` (the predicates the chunk's facts
        use), without the rules that cannot fire (see :meth:`explaining_for`)."""
        cut = self.explaining_for(jurisdiction, stated)
        return tuple(self._lifted_statement(statement) for statement in cut)

    def _lifted_statement(self, statement: ast.AST) -> ast.AST:
        """One statement lifted, once per statement (a cut shares its statements; its own
        ``#defined`` lines cost nothing to lift)."""
        if statement.ast_type == ast.ASTType.Defined:
            return lift_over_case(statement)
        known = self._lifted_statements.get(id(statement))
        if known is None or known[0] is not statement:
            known = self._lifted_statements[id(statement)] = (statement, lift_over_case(statement))
        return known[1]

    @cached_property
    def _lifted_statements(self) -> dict[int, tuple[ast.AST, ast.AST]]:
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
    # Comments are statements to the parser (nine in ten of them here) and nothing to the
    # solver: leaving them out spares handing each to every Control.
    kept = tuple(
        s for path in files for s in parsed[path] if s.node.ast_type != ast.ASTType.Comment
    )
    return RuleSet(views, files, kept)

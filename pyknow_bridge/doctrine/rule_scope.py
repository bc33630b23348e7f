"""The jurisdiction each rule belongs to, read off its conditions.

A rule belongs to a jurisdiction when it requires that jurisdiction's claim guard
(``dc_claim(P, D)``), or an atom that only rules of that jurisdiction derive
(``ny_class_statute`` is derived only under ``ny_claim``, so a rule requiring it is a New
York rule too). Computed to a fixed point, so nothing is listed by hand. A predicate a
fact file may state (an Input) belongs to no jurisdiction, whatever rules derive it.

Since a fact file states exactly one jurisdiction, a rule of another can derive nothing
in it: "why not" never tries such a rule, and the explaining program leaves it out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from clingo import ast

from pyknow_bridge.doctrine.rulebook import Signature, Statement

__all__ = ["rule_jurisdictions"]


def rule_jurisdictions(
    statements: Iterable[Statement], guards: Mapping[str, str], inputs: Iterable[Signature]
) -> dict[str, str]:
    """Each rule id whose rule belongs to one jurisdiction, with that jurisdiction.

    ``guards``: each jurisdiction's claim predicate (of arity 2); ``inputs``: the
    predicates a fact file may state.
    """
    of_guard = {guard: jurisdiction for jurisdiction, guard in guards.items()}
    stated = set(inputs)
    rules: list[tuple[str | None, list[Signature]]] = []
    #: The rules defining each predicate (None for a rule without an id: never owned).
    by_head: dict[Signature, list[str | None]] = defaultdict(list)
    for statement in statements:
        node = statement.node
        if node.ast_type != ast.ASTType.Rule:
            continue
        rule_id = statement.rule.rule_id if statement.rule is not None else None
        rules.append((rule_id, _required(node)))
        for head in _head_signatures(node.head):
            by_head[head].append(rule_id)
    owner: dict[str, str] = {}
    predicate_owner: dict[Signature, str] = {}
    changed = True
    while changed:
        changed = False
        for rule_id, required in rules:
            if rule_id is None or rule_id in owner:
                continue
            for signature in required:
                found = predicate_owner.get(signature)
                if found is None and signature[1] == 2:
                    found = of_guard.get(signature[0])
                if found is not None:
                    owner[rule_id] = found
                    changed = True
                    break
        for signature, rule_ids in by_head.items():
            if signature in predicate_owner or signature in stated:
                continue
            owners = {owner.get(rule_id) if rule_id else None for rule_id in rule_ids}
            only = owners.pop() if len(owners) == 1 else None
            if only is not None:
                predicate_owner[signature] = only
                changed = True
    return owner


def _required(rule: ast.AST) -> list[Signature]:
    """The predicates of a rule's positive body atoms: each must hold for it to apply."""
    required = []
    for literal in rule.body:
        if literal.ast_type != ast.ASTType.Literal or literal.sign != ast.Sign.NoSign:
            continue
        if literal.atom.ast_type == ast.ASTType.SymbolicAtom:
            signatures = _signatures(literal.atom.symbol)
            if len(signatures) == 1:  # a pool of predicates requires none of them
                required += signatures
    return required


class _HeadAtoms(ast.Transformer):
    """Collects the predicates of every atom in a head (a literal, a choice, a disjunction)."""

    def __init__(self) -> None:
        self.signatures: list[Signature] = []

    def visit_SymbolicAtom(self, node: ast.AST) -> ast.AST:  # noqa: N802 (clingo's naming)
        self.signatures += _signatures(node.symbol)
        return node


def _head_signatures(head: ast.AST) -> list[Signature]:
    """The predicates a rule's head derives."""
    collector = _HeadAtoms()
    collector(head)
    return collector.signatures


def _signatures(term: ast.AST) -> list[Signature]:
    if term.ast_type == ast.ASTType.Pool:
        return sorted({s for alternative in term.arguments for s in _signatures(alternative)})
    if term.ast_type == ast.ASTType.Function:
        return [(term.name, len(term.arguments))]
    if term.ast_type == ast.ASTType.SymbolicTerm:
        return [(term.symbol.name, 0)]
    return []

"""Derivation atoms, generated from the rule files with clingo's AST API.

For every annotated rule ``H :- B1, ..., Bn.`` the explaining program also gets::

    derivation("rule.id", H, (B1', ..., Bn')) :- B1, ..., Bn.

where ``Bi'`` is the atom of a positive literal, ``neg(A)`` for ``not A``, and
``some(A1, ..., Ak)`` for a choice among alternatives (``1 { statute(S); regulation(S) }``).
Variables that only a negative literal or an aggregate mentions are written ``"_"``.
Comparisons are left out: they are visible in the rule's text. Legal experts write
no bookkeeping: the rule id comes from the comment above each rule.
"""

from __future__ import annotations

import clingo
from clingo import ast

DERIVATION = "derivation"
#: How a derivation atom's text begins.
DERIVATION_PREFIX = f"{DERIVATION}("


class _VariableNames(ast.Transformer):
    """Collects the variable names in an AST node."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Variable(self, node: ast.AST) -> ast.AST:  # noqa: N802 (clingo's visitor naming)
        self.names.add(node.name)
        return node


class _Unbind(ast.Transformer):
    """Replaces variables not bound by the positive body with the string ``"_"``."""

    def __init__(self, bound: set[str]) -> None:
        self.bound = bound

    def visit_Variable(self, node: ast.AST) -> ast.AST:  # noqa: N802
        if node.name in self.bound:
            return node
        return ast.SymbolicTerm(node.location, clingo.String("_"))


class _NameAnonymous(ast.Transformer):
    """Gives each ``_`` in a positive literal a name, so the head may mention it."""

    def __init__(self) -> None:
        self.count = 0

    def visit_Variable(self, node: ast.AST) -> ast.AST:  # noqa: N802
        if node.name != "_":
            return node
        self.count += 1
        return ast.Variable(node.location, f"ANONYMOUS_{self.count}")


def _names(node: ast.AST) -> set[str]:
    collector = _VariableNames()
    collector(node)
    return collector.names


def _is_positive_atom(literal: ast.AST) -> bool:
    return (
        literal.ast_type == ast.ASTType.Literal
        and literal.sign == ast.Sign.NoSign
        and literal.atom.ast_type == ast.ASTType.SymbolicAtom
    )


def _premise(literal: ast.AST, bound: set[str]) -> ast.AST | None:
    """The term recording one body literal, or None for a comparison."""
    location = literal.location
    if literal.ast_type == ast.ASTType.Literal:
        atom = literal.atom
        if atom.ast_type == ast.ASTType.SymbolicAtom:
            term = _Unbind(bound)(atom.symbol)
            if literal.sign == ast.Sign.NoSign:
                return term
            return ast.Function(location, "neg", [term], False)
        if atom.ast_type == ast.ASTType.Aggregate:
            alternatives = [_Unbind(bound)(e.literal.atom.symbol) for e in atom.elements]
            return ast.Function(location, "some", alternatives, False)
        if atom.ast_type == ast.ASTType.BodyAggregate:
            return ast.SymbolicTerm(location, clingo.String(str(atom)))
        return None
    return None


def derivation_rule(rule: ast.AST, rule_id: str) -> ast.AST:
    """The twin of ``rule`` that records which rule fired, on which premises."""
    location = rule.location
    namer = _NameAnonymous()
    body = [namer(lit) if _is_positive_atom(lit) else lit for lit in rule.body]
    bound: set[str] = set()
    for literal in body:
        if _is_positive_atom(literal):
            bound |= _names(literal)
    premises = [p for p in (_premise(lit, bound) for lit in body) if p is not None]
    head_term = rule.head.atom.symbol
    atom = ast.SymbolicAtom(
        ast.Function(
            location,
            DERIVATION,
            [
                ast.SymbolicTerm(location, clingo.String(rule_id)),
                head_term,
                ast.Function(location, "", premises, False),
            ],
            False,
        )
    )
    return ast.Rule(location, ast.Literal(location, ast.Sign.NoSign, atom), body)


def rule_and_premises(derivation: object) -> tuple[str, tuple[object, ...]]:
    """The rule id and the premises of a derivation atom read as a plain value
    (``("derivation", ('"', id), head, ("", premise, ...))``)."""
    assert isinstance(derivation, tuple) and len(derivation) == 4
    rule_id, premises = derivation[1], derivation[3]
    assert isinstance(rule_id, tuple) and isinstance(premises, tuple)
    return str(rule_id[1]), premises[1:]

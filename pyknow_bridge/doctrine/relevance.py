"""The rules that can fire on a case: a program cut to them before it is grounded.

Grounding costs clingo about the same for each rule, whether or not anything matches
it, and a case states facts of a few dozen of the vocabulary's predicates: about half of
the rules have a positive condition that nothing in the case can make true. Those rules
derive nothing in any answer set, so leaving them out changes no answer set and halves
the grounding.

A rule can fire when each atom of its positive body matches a predicate the case states
or the head of a rule that can fire (a least fixpoint). Atoms are compared by predicate
and by the constants they are written with: ``element(P, D, endangered, met)`` matches
only a head that can give that element, so the D.C. route of law-enforcement assistance
drops out with the only rule deriving it. What a case states is matched by predicate
alone. A condition the analysis does not read (an aggregate, a conditional literal, a
pool in a body) asks for nothing, so the rule is kept; a head it does not read (a choice,
a disjunction) keeps the whole program.

Each predicate a dropped rule derived gets a ``#defined`` line, so that clingo has
nothing to say about the ``not`` conditions that still mention it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from clingo import SymbolType, ast

#: A predicate: name and arity.
Signature = tuple[str, int]
#: An atom as the analysis reads it: its predicate, then each argument's constant (its
#: text) or None for anything else (a variable, a number or string, a compound term).
Pattern = tuple[Signature, tuple[str | None, ...]]


@dataclass(frozen=True)
class _Rule:
    index: int  # its place in the program
    heads: tuple[Pattern, ...]
    needs: tuple[Pattern, ...]  # the atoms of its positive body


class Relevance:
    """The rules of one program, read once, ready to be cut to a case's predicates."""

    def __init__(self, program: Sequence[ast.AST], twins: Mapping[int, int] | None = None) -> None:
        """``twins``: the rules (by place) whose body is that of another rule (its place),
        as a derivation twin's is its rule's, so the body is read once."""
        self.program = tuple(program)
        twins = twins or {}
        rules: list[_Rule] = []
        self._readable = True
        for index, statement in enumerate(self.program):
            if statement.ast_type != ast.ASTType.Rule:
                continue
            heads = _head_patterns(statement.head)
            if heads is None:
                self._readable = False
                break
            original = twins.get(index)
            if original is not None and rules and rules[-1].index == original:
                needs = rules[-1].needs
            else:
                needs = _needs(statement)
            rules.append(_Rule(index, heads, needs))
        self._rules = tuple(rules)
        self._at = {rule.index: rule for rule in rules}
        self._by_need: dict[Signature, list[_Rule]] = {}
        for rule in rules:
            for signature in dict.fromkeys(need[0] for need in rule.needs):
                self._by_need.setdefault(signature, []).append(rule)

    def cut(self, stated: Iterable[Signature]) -> tuple[ast.AST, ...]:
        """The program without the rules that cannot fire when the facts state exactly the
        predicates ``stated``, with a ``#defined`` line for each predicate only those
        rules derived."""
        if not self._readable:
            return self.program
        fired = self._fixpoint(frozenset(stated))
        kept: list[ast.AST] = []
        dropped_heads: set[Signature] = set()
        for index, statement in enumerate(self.program):
            rule = self._at.get(index)
            if rule is None or index in fired:
                kept.append(statement)
            else:
                dropped_heads.update(head[0] for head in rule.heads)
        if not dropped_heads:
            return self.program
        location = self.program[0].location
        kept.extend(
            ast.Defined(location, name, arity, True) for name, arity in sorted(dropped_heads)
        )
        return tuple(kept)

    def _fixpoint(self, stated: frozenset[Signature]) -> set[int]:
        """The indices of the rules that can fire: a worklist over the atoms made possible."""
        possible: dict[Signature, list[tuple[str | None, ...]]] = {}
        anything = (None,)  # (a stated predicate matches any atom of it)
        for name, arity in stated:
            possible[(name, arity)] = [anything * arity]
        fired: set[int] = set()
        waiting = [rule for rule in self._rules if not rule.needs]
        waiting += [rule for s in stated for rule in self._by_need.get(s, ())]
        while waiting:
            rule = waiting.pop()
            if rule.index in fired or not all(_matches(need, possible) for need in rule.needs):
                continue
            fired.add(rule.index)
            for signature, arguments in rule.heads:
                known = possible.setdefault(signature, [])
                if arguments not in known:
                    known.append(arguments)
                    waiting.extend(self._by_need.get(signature, ()))
        return fired


def _matches(need: Pattern, possible: dict[Signature, list[tuple[str | None, ...]]]) -> bool:
    signature, wanted = need
    for arguments in possible.get(signature, ()):
        if all(a is None or w is None or a == w for a, w in zip(arguments, wanted, strict=True)):
            return True
    return False


def _needs(rule: ast.AST) -> tuple[Pattern, ...]:
    """The atoms a rule's positive body needs, read once per rule statement (each clingo
    AST attribute is a call into C; the programs of both jurisdictions share rules)."""
    known = _NEEDS.get(id(rule))
    if known is None or known[0] is not rule:
        needs = tuple(p for p in map(_body_pattern, rule.body) if p is not None)
        known = _NEEDS[id(rule)] = (rule, needs)  # (the rule is kept: its id stays its own)
    return known[1]


#: Each rule statement read so far, by its id, with what its body needs.
_NEEDS: dict[int, tuple[ast.AST, tuple[Pattern, ...]]] = {}


def _head_patterns(head: ast.AST) -> tuple[Pattern, ...] | None:
    """The atoms a rule's head can derive; None for a head the analysis does not read."""
    if head.ast_type != ast.ASTType.Literal:
        return None
    atom = head.atom
    if atom.ast_type == ast.ASTType.BooleanConstant:  # an integrity constraint
        return ()
    if atom.ast_type != ast.ASTType.SymbolicAtom:
        return None
    symbol = atom.symbol
    alternatives = symbol.arguments if symbol.ast_type == ast.ASTType.Pool else [symbol]
    patterns = [_pattern(term) for term in alternatives]
    if any(p is None for p in patterns):
        return None
    return tuple(p for p in patterns if p is not None)


def _body_pattern(literal: ast.AST) -> Pattern | None:
    """The atom a positive body literal needs; None for anything else."""
    if literal.ast_type != ast.ASTType.Literal or literal.sign != ast.Sign.NoSign:
        return None
    if literal.atom.ast_type != ast.ASTType.SymbolicAtom:
        return None
    return _pattern(literal.atom.symbol)


def _pattern(term: ast.AST) -> Pattern | None:
    if term.ast_type == ast.ASTType.Function and not term.external:
        arguments = tuple(_constant(argument) for argument in term.arguments)
        return ((term.name, len(arguments)), arguments)
    if term.ast_type == ast.ASTType.SymbolicTerm and term.symbol.type == SymbolType.Function:
        arity = len(term.symbol.arguments)  # (a ground atom: its arguments are not read)
        return ((term.symbol.name, arity), (None,) * arity)
    return None


def _constant(term: ast.AST) -> str | None:
    """A constant argument's text (``met``); None for anything that is not one."""
    if term.ast_type != ast.ASTType.SymbolicTerm:
        return None
    symbol = term.symbol
    if symbol.type == SymbolType.Function and not symbol.arguments:
        return str(symbol.name)
    return None

"""Referential integrity of a fact file: every name used is declared as what it names.

A misspelt name (``officer_ruis`` for ``officer_ruiz``) would silently make a fact say
nothing, and the result flip without a word. The vocabulary's ``% Names:`` lines say
which argument letters name which kind (person, agent, ...) and which predicates
introduce such names; here every other use of a name is checked against them, with a
suggestion when a declared name is close.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

from pyknow_bridge.terms import Function, Term
from pyknow_bridge.vocabulary import DISPUTED, ArgumentRule, NameKind, Schema

#: A claim's first argument must be a declared plaintiff, not any person.
_CLAIM = ("claim", 2)
_PLAINTIFF = ("plaintiff", 1)

#: A fact as this check sees it: predicate name and arguments.
Statement = tuple[str, tuple[Term, ...]]


def reference_problems(schema: Schema, facts: Sequence[Statement]) -> Iterator[tuple[int, str]]:
    """(index of the fact, message) for every name not declared as its kind."""
    declared = _declared(schema, facts)
    plaintiffs = {str(a[0]) for name, a in facts if (name, len(a)) == _PLAINTIFF}
    for index, (stated, stated_arguments) in enumerate(facts):
        name, arguments = stated, stated_arguments
        if (name, len(arguments)) == DISPUTED and isinstance(arguments[0], Function):
            name, arguments = arguments[0].name, arguments[0].arguments  # check the fact itself
        signature = (name, len(arguments))
        for position, (rule, value) in enumerate(
            zip(schema.rules[signature], arguments, strict=True)
        ):
            kind = rule.kind
            if kind is not None and value in declared[kind.kind] and signature != _CLAIM:
                continue  # the common case, decided without a call
            if signature == _CLAIM and position == 0:
                if value in plaintiffs:
                    continue
                yield index, _undeclared(str(value), "plaintiff", "plaintiff/1", plaintiffs)
                break
            message = _use_problem(rule, value, signature, declared)
            if message:
                yield index, message
                break


def _use_problem(
    rule: ArgumentRule,
    value: Term,
    signature: tuple[str, int],
    declared: dict[str, set[str]],
) -> str | None:
    kind = rule.kind
    if kind is not None:
        if signature in kind.introduced_by or value in declared[kind.kind]:
            return None
        return _undeclared(str(value), kind.kind, kind.introducers_text(), declared[kind.kind])
    if rule.inner_kinds and isinstance(value, Function):
        for function, kinds in rule.inner_kinds:
            if function != value.name or len(kinds) != len(value.arguments):
                continue
            for inner_kind, inner in zip(kinds, value.arguments, strict=True):
                if inner_kind is not None and inner not in declared[inner_kind.kind]:
                    return _undeclared(
                        str(inner),
                        inner_kind.kind,
                        inner_kind.introducers_text(),
                        declared[inner_kind.kind],
                    )
    return None


def _declared(schema: Schema, facts: Sequence[Statement]) -> dict[str, set[str]]:
    """The names each kind's introducing predicates declare."""
    declared: dict[str, set[str]] = {kind.kind: set() for kind in schema.kinds}
    introducers: dict[tuple[str, int], list[NameKind]] = {}
    for kind in schema.kinds:
        for signature in kind.introduced_by:
            introducers.setdefault(signature, []).append(kind)
    for name, arguments in facts:
        for kind in introducers.get((name, len(arguments)), ()):
            for rule, value in zip(schema.rules[(name, len(arguments))], arguments, strict=True):
                if rule.kind is kind and isinstance(value, str):
                    declared[kind.kind].add(value)
    return declared


def _undeclared(name: str, kind: str, introducers: str, known: set[str]) -> str:
    message = f"{name} is not a declared {kind} (declare it with {introducers})"
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
    return message + (f"; did you mean {close[0]}?" if close else "")

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

from pyknow_bridge.core.terms import Function, Term
from pyknow_bridge.doctrine.vocabulary import DISPUTED, Schema

#: A claim's first argument must be a declared plaintiff, not any person.
_CLAIM = ("claim", 2)
_PLAINTIFF = ("plaintiff", 1)

#: A display name (``name(valdez, "Carmen Valdez")``) names something the file declares, of
#: whatever kind.
_DISPLAY_NAME = ("name", 2)

#: A fact as this check sees it: predicate name and arguments.
Statement = tuple[str, tuple[Term, ...]]


def reference_problems(schema: Schema, facts: Sequence[Statement]) -> Iterator[tuple[int, str]]:
    """(index of the fact, message) for every name not declared as its kind."""
    declared = _declared(schema, facts)
    plaintiffs = {str(a[0]) for name, a in facts if (name, len(a)) == _PLAINTIFF}
    uses = schema.uses
    for index, (stated, stated_arguments) in enumerate(facts):
        name, arguments = stated, stated_arguments
        if (name, len(arguments)) == DISPUTED and isinstance(arguments[0], Function):
            name, arguments = arguments[0].name, arguments[0].arguments  # check the fact itself
        signature = (name, len(arguments))
        if signature == _CLAIM and arguments[0] not in plaintiffs:
            yield index, _undeclared(str(arguments[0]), "plaintiff", "plaintiff/1", plaintiffs)
            continue
        if signature == _DISPLAY_NAME:
            every = set().union(*declared.values())
            if arguments[0] not in every:
                yield index, _undeclared(str(arguments[0]), "name", _introducers(schema), every)
            continue
        for position, kind in uses[signature]:
            if arguments[position] not in declared[kind]:
                yield index, _undeclared_use(schema, kind, arguments[position], declared)
                break
        else:
            if signature in schema.inner_names:
                message = _inner_problem(schema, signature, arguments, declared)
                if message:
                    yield index, message


def _introducers(schema: Schema) -> str:
    return ", ".join(kind.introducers_text() for kind in schema.kinds)


def _undeclared_use(
    schema: Schema, kind_name: str, value: Term, declared: dict[str, set[str]]
) -> str:
    kind = next(k for k in schema.kinds if k.kind == kind_name)
    return _undeclared(str(value), kind.kind, kind.introducers_text(), declared[kind.kind])


def _inner_problem(
    schema: Schema,
    signature: tuple[str, int],
    arguments: tuple[Term, ...],
    declared: dict[str, set[str]],
) -> str | None:
    """A name inside a closed-list value (the ``T`` of ``arrest(T)``) that is undeclared."""
    for rule, value in zip(schema.rules[signature], arguments, strict=True):
        if not (rule.inner_kinds and isinstance(value, Function)):
            continue
        for function, kinds in rule.inner_kinds:
            if function != value.name or len(kinds) != len(value.arguments):
                continue
            for kind, inner in zip(kinds, value.arguments, strict=True):
                if kind is not None and inner not in declared[kind.kind]:
                    return _undeclared(
                        str(inner), kind.kind, kind.introducers_text(), declared[kind.kind]
                    )
    return None


def _declared(schema: Schema, facts: Sequence[Statement]) -> dict[str, set[str]]:
    """The names each kind's introducing predicates declare."""
    declared: dict[str, set[str]] = {kind.kind: set() for kind in schema.kinds}
    introductions = schema.introductions
    for name, arguments in facts:
        for position, kind in introductions.get((name, len(arguments)), ()):
            value = arguments[position]
            if isinstance(value, str):
                declared[kind].add(value)
    return declared


def _undeclared(name: str, kind: str, introducers: str, known: set[str]) -> str:
    message = f"{name} is not a declared {kind} (declare it with {introducers})"
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
    return message + (f"; did you mean {close[0]}?" if close else "")

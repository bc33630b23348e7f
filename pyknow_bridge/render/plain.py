"""Atoms in plain words, from the ``% Says:`` line of each predicate in the rule files.

``% Says: {P} relied on ...`` fills each argument letter with the argument: a party by its
display name (``name(valdez, "Carmen Valdez")`` in the fact file) or its constant in
words, an open argument by what its letter names ("an agent", "something").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from pyknow_bridge.core.printable import printable
from pyknow_bridge.doctrine.rulebook import PredicateDoc, Signature, load_rulebook
from pyknow_bridge.model.explanation import ATOM, COMPOUND, STRING, VAR, Term
from pyknow_bridge.render.text import words

#: What an open argument stands for, by the letter the rules give it.
_OPEN = {
    "A": "an agent",
    "B": "some route",
    "C": "some conduct",
    "D": "the defendant",
    "E": "an element",
    "K": "a particular class",
    "P": "the plaintiff",
    "Q": "someone",
    "R": "some reason",
    "S": "a statute",
    "T": "a third party",
    "X": "of any kind",
    "Y": "any year",
}
_PLACEHOLDER = re.compile(r"\{([A-Z]\w*)\}")


def say(term: Term, names: Mapping[str, str]) -> str | None:
    """The atom in plain words, or None when its predicate has no ``% Says:`` line."""
    arguments = term.arguments
    template = _templates().get((term.name, len(arguments)))
    if template is None:
        return None
    parts = []
    for literal, place, letter in template:
        parts.append(literal)
        if place is not None:
            parts.append(phrase(arguments[place], letter, names))
    return "".join(parts)


#: A ``% Says:`` line cut at its placeholders: (text before, argument's place, its letter);
#: a placeholder no argument has stays as written, and the last part has no argument.
_Template = tuple[tuple[str, int | None, str], ...]


@cache
def _templates() -> dict[Signature, _Template]:
    """Each documented predicate's ``% Says:`` line, cut once."""
    templates = {}
    for doc in load_rulebook().predicates:
        if doc.says:
            templates[doc.signature] = _cut(doc, doc.says[0])
    return templates


def _cut(doc: PredicateDoc, line: str) -> _Template:
    places = {letter: place for place, letter in enumerate(doc.args)}
    parts: list[tuple[str, int | None, str]] = []
    literal, start = "", 0
    for match in _PLACEHOLDER.finditer(line):
        literal += line[start : match.start()]
        start = match.end()
        place = places.get(match[1])
        if place is None:
            literal += match[0]
        else:
            parts.append((literal, place, match[1]))
            literal = ""
    parts.append((literal + line[start:], None, ""))
    return tuple(parts)


def phrase(term: Term, letter: str, names: Mapping[str, str]) -> str:
    """One argument in words."""
    if term.kind == ATOM:  # the most common, first
        value = str(term.value)
        return names.get(value) or _BOUNDS.get(value) or words(value)
    if term.kind == VAR:
        return _OPEN.get(letter, "any")
    if term.kind == STRING:
        return printable(str(term.value))
    if term.kind == COMPOUND:
        inside = ", ".join(phrase(a, "", names) for a in term.arguments)
        return f"{words(str(term.value))} {inside}".strip()
    return str(term.value)


#: clingo's bounds as a period's ends (``law_period(L, 2022, #sup)``).
_BOUNDS = {"#sup": "the present", "#inf": "the earliest times"}

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
    "K": "a class",
    "P": "the plaintiff",
    "Q": "someone",
    "R": "some reason",
    "S": "a statute",
    "T": "a third party",
    "X": "of any kind",
}
_PLACEHOLDER = re.compile(r"\{([A-Z]\w*)\}")


def say(term: Term, names: Mapping[str, str]) -> str | None:
    """The atom in plain words, or None when its predicate has no ``% Says:`` line."""
    doc = _documented().get((term.name, len(term.arguments)))
    if doc is None or not doc.says:
        return None
    filled = {
        letter: phrase(argument, letter, names)
        for letter, argument in zip(doc.args, term.arguments, strict=True)
    }
    return _PLACEHOLDER.sub(lambda m: filled.get(m[1], m[0]), doc.says[0])


@cache
def _documented() -> dict[Signature, PredicateDoc]:
    return {doc.signature: doc for doc in load_rulebook().predicates}


def phrase(term: Term, letter: str, names: Mapping[str, str]) -> str:
    """One argument in words."""
    if term.kind == VAR:
        return _OPEN.get(letter, "any")
    if term.kind == ATOM:
        return names.get(str(term.value)) or words(str(term.value))
    if term.kind == STRING:
        return printable(str(term.value))
    if term.kind == COMPOUND:
        inside = ", ".join(phrase(a, "", names) for a in term.arguments)
        return f"{words(str(term.value))} {inside}".strip()
    return str(term.value)

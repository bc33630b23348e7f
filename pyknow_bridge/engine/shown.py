"""The shown atoms of a solve as plain strings, each symbol read from clingo once.

Reading a symbol through clingo's C API costs a call for each part asked for (its name,
its arguments, each argument's text), so a symbol is read once, as its text, and split
into predicate and arguments here, in Python (:func:`split_atom`, exact for the text
clingo prints; a test checks it against clingo's own reading of generated symbols).
Whether a possible atom is also certain is told by set membership of the symbol, without
reading it a second time.
"""

from __future__ import annotations

import clingo

from pyknow_bridge.engine.clingo_control import Consequences

__all__ = ["Atom", "Shown", "read_atom", "shown_atoms", "split_atom"]

#: A shown atom as plain strings: (predicate, argument, ...), each argument as clingo
#: prints it.
Atom = tuple[str, ...]

#: A shown atom that holds in some scenario, and whether it holds in every one (certain).
Shown = tuple[Atom, bool]


def shown_atoms(found: Consequences) -> list[Shown]:
    """Every possible atom of ``found``, read once, with whether it is also certain."""
    if found.certain is found.possible:  # one answer set: all that holds is certain
        return [(split_atom(str(symbol)), True) for symbol in found.possible]
    certain = found.certain
    return [(split_atom(str(symbol)), symbol in certain) for symbol in found.possible]


def read_atom(symbol: clingo.Symbol) -> Atom:
    """One shown symbol as plain strings."""
    return split_atom(str(symbol))


def split_atom(text: str) -> Atom:
    """An atom's text as clingo prints it, split into predicate and argument texts."""
    name, parenthesis, rest = text.partition("(")
    if not parenthesis:
        return (text,)
    body = rest[:-1]
    if '"' not in body and "(" not in body:  # flat arguments, the common case
        return (name, *body.split(","))
    return (name, *_split_arguments(body))


def _split_arguments(body: str) -> list[str]:
    """Split at the commas outside parentheses and string literals (``\\"`` escapes ``"``)."""
    parts: list[str] = []
    depth = 0
    start = 0
    quoted = False
    index = 0
    while index < len(body):
        char = body[index]
        if quoted:
            if char == "\\":
                index += 1  # the escaped character cannot end the string
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(body[start:index])
            start = index + 1
        index += 1
    parts.append(body[start:])
    return parts

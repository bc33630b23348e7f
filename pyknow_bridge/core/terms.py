"""The ground terms a fact file may contain, as plain Python values.

A fact file is read without clingo's parser (see :mod:`pyknow_bridge.casefile.fact_syntax`), so its
terms are built here: a constant (a plain ``str``, the common case, kept cheap), a number
(``int``), a string (:class:`String`), or a function term ``name(arg, ...)``.
Each term knows its text exactly as clingo prints the same symbol, so the text can be
handed to clingo and read back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

#: clingo's integers are 32-bit; a larger literal would silently wrap around.
NUMBER_LIMIT = 2**31 - 1


@dataclass(frozen=True, slots=True)
class Function:
    """A function term with arguments, such as ``arrest(perez)``."""

    name: str
    arguments: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class String:
    """A quoted string; ``value`` is its content with the escapes resolved."""

    value: str


#: A constant is its name as a ``str``.
Term = str | int | String | Function


def term_text(term: Term) -> str:
    """The term as clingo prints it: ``arrest(perez)``, ``"a \\"b\\""``, ``-3``."""
    if isinstance(term, str):
        return term
    if isinstance(term, Function):
        return f"{term.name}({','.join(term_text(a) for a in term.arguments)})"
    if isinstance(term, String):
        return quote(term.value)
    return str(term)


def fact_text(name: str, arguments: tuple[Term, ...]) -> str:
    """A fact as clingo prints it."""
    if not arguments:
        return name
    return f"{name}({','.join(term_text(a) for a in arguments)})"


def quote(value: str) -> str:
    """A string literal in clingo's syntax: only ``\\\\``, ``\\"`` and ``\\n`` are escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def unquote(literal: str) -> str:
    """The content of a string literal already proven to use only clingo's three escapes."""
    body = literal[1:-1]
    if "\\" not in body:
        return body
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            following = body[index + 1]
            out.append("\n" if following == "n" else following)
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)

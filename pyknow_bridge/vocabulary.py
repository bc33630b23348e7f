"""The fact-file schema, read from the ``% Input:`` lines of the rule files."""

from __future__ import annotations

from dataclasses import dataclass

import clingo

from pyknow_bridge.rulebook import PredicateDoc, Signature, load_rulebook

#: The predicate that marks another fact as contested.
DISPUTED: Signature = ("disputed", 1)


@dataclass(frozen=True)
class Schema:
    """The input predicates a fact file may use, with their closed value lists."""

    predicates: dict[Signature, PredicateDoc]

    def known_names(self) -> dict[str, list[int]]:
        names: dict[str, list[int]] = {}
        for name, arity in self.predicates:
            names.setdefault(name, []).append(arity)
        return names

    def check_values(self, symbol: clingo.Symbol) -> str | None:
        """Why ``symbol`` uses a constant outside its predicate's closed list, or None."""
        doc = self.predicates[(symbol.name, len(symbol.arguments))]
        for position, arg_name in enumerate(doc.args):
            allowed = doc.values.get(arg_name)
            if allowed is None:
                continue
            value = symbol.arguments[position]
            if _shape(value) not in allowed:
                return (
                    f"{arg_name} of {doc.template} must be one of {', '.join(allowed)}; got {value}"
                )
        return None


def _shape(value: clingo.Symbol) -> str:
    """How a value is written in a ``Values:`` line: ``send_help``, or ``arrest(T)``."""
    if value.type == clingo.SymbolType.Function and value.arguments:
        letters = "TUVWXYZ"[: len(value.arguments)]
        return f"{value.name}({', '.join(letters)})"
    return str(value)


def input_schema() -> Schema:
    """The schema every fact file is checked against."""
    return Schema(load_rulebook().inputs())

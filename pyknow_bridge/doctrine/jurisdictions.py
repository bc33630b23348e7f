"""The claim schema, as the rules declare it (``rules/routes.lp``): each jurisdiction's
name, the predicate that selects its claims, and its routes to a special duty with the
elements of each, in the order reports list them; and the conclusions on a claim
(``rules/show.lp``: every Output predicate whose first arguments are the parties), with
their shapes and values.

Doctrine data, read by the explanation engine and the renderers alike.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

import clingo
from clingo import ast

from pyknow_bridge.doctrine.rulebook import load_rulebook, rule_files

#: A ground argument of a declared fact: a constant's name or a string's text.
Value = str


def routes(jurisdiction: str) -> dict[str, tuple[str, ...]]:
    """Each special-duty route of ``jurisdiction`` and the elements it requires."""
    return _schema().routes.get(jurisdiction, {})


def jurisdiction_name(jurisdiction: str) -> str:
    """The name reports give the jurisdiction (its code when the rules name none)."""
    return _schema().names.get(jurisdiction, jurisdiction)


def claim_guards() -> dict[str, str]:
    """Each jurisdiction's claim predicate (``dc_claim``, ``ny_claim``): the condition every
    rule of that jurisdiction requires."""
    return dict(_schema().guards)


@dataclass(frozen=True)
class _Schema:
    names: dict[str, str]
    guards: dict[str, str]
    routes: dict[str, dict[str, tuple[str, ...]]]


@cache
def _schema() -> _Schema:
    names = {jurisdiction: name for jurisdiction, name in declared("jurisdiction_name", 2)}
    guards = {jurisdiction: guard for jurisdiction, guard in declared("jurisdiction_claim", 2)}
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for jurisdiction, route, element in declared("route_element", 3):
        of_jurisdiction = found.setdefault(jurisdiction, {})
        of_jurisdiction[route] = (*of_jurisdiction.get(route, ()), element)
    return _Schema(names, guards, found)


def declared(name: str, arity: int) -> list[tuple[Value, ...]]:
    """The ground facts ``name(...)`` the majority's rule files state, in file order (a pool
    such as ``p(a, (b; c))`` gives one row per alternative, in the order written)."""
    parsed = load_rulebook().statements
    rows: list[tuple[Value, ...]] = []
    for path in rule_files():
        for statement in parsed[path]:
            node = statement.node
            if node.ast_type != ast.ASTType.Rule or node.body:
                continue
            head = node.head
            if head.ast_type != ast.ASTType.Literal:
                continue
            if head.atom.ast_type != ast.ASTType.SymbolicAtom:
                continue
            term = head.atom.symbol
            if term.ast_type != ast.ASTType.Function or term.name != name:
                continue
            if len(term.arguments) == arity:
                rows.extend(itertools.product(*map(_alternatives, term.arguments)))
    return rows


def _alternatives(term: ast.AST) -> list[Value]:
    if term.ast_type == ast.ASTType.Pool:
        return [value for alternative in term.arguments for value in _alternatives(alternative)]
    if term.ast_type == ast.ASTType.SymbolicTerm:
        symbol = term.symbol
        return [symbol.string if symbol.type == clingo.SymbolType.String else str(symbol)]
    if term.ast_type == ast.ASTType.Function and not term.arguments:
        return [term.name]
    raise ValueError(f"not a ground constant or string in a schema fact: {term}")


#: The shapes of a conclusion on a claim, by the number of arguments after (P, D).
FLAG = "flag"  # name(P, D): holds or not
VALUED = "valued"  # name(P, D, X): holds for some values X
KEYED = "keyed"  # name(P, D, X, Y): each X with its value Y

_SHAPES = {2: FLAG, 3: VALUED, 4: KEYED}


@dataclass(frozen=True)
class Conclusion:
    """One conclusion on a claim: an Output predicate whose first arguments are (P, D)."""

    name: str
    arity: int
    #: The key results and JSON give it (the ``% Field:`` line of rules/show.lp, else the name).
    key: str
    meaning: str
    #: The closed lists of its values, by argument letter (``% Values:`` lines).
    values: dict[str, tuple[str, ...]]
    args: tuple[str, ...]

    @property
    def shape(self) -> str:
        return _SHAPES[self.arity]


def claim_conclusions() -> tuple[Conclusion, ...]:
    """Every conclusion on a claim the rules show, in the order rules/show.lp lists them."""
    return _conclusions().declared


def conclusion_layout() -> ConclusionLayout:
    """The same conclusions indexed for reading atoms: by predicate name, and keys by shape."""
    return _conclusions()


@dataclass(frozen=True)
class ConclusionLayout:
    declared: tuple[Conclusion, ...]
    #: Each conclusion's (key, shape, length of its atom with the predicate name), by name.
    by_name: dict[str, tuple[str, str, int]]
    #: The keys of the conclusions of each shape, in declared order.
    keys: dict[str, tuple[str, ...]]


@cache
def _conclusions() -> ConclusionLayout:
    found = []
    for doc in load_rulebook().predicates:
        if doc.role != "Output" or doc.args[:2] != ("P", "D"):
            continue
        if len(doc.args) not in _SHAPES:
            where = f"{doc.file.name}:{doc.line}"
            raise ValueError(f"{where}: a claim conclusion takes 2 to 4 arguments")
        found.append(
            Conclusion(doc.name, len(doc.args), doc.key, doc.meaning, dict(doc.values), doc.args)
        )
    return ConclusionLayout(
        declared=tuple(found),
        by_name={c.name: (c.key, c.shape, c.arity + 1) for c in found},
        keys={shape: tuple(c.key for c in found if c.shape == shape) for shape in _SHAPES.values()},
    )

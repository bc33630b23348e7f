"""What a report leaves out or rewrites: bookkeeping predicates, lists of values, view hooks.

Read off the rule files, never listed by hand (but for the pleadings, which are the same
in every claim): a *list* is a predicate every rule of which is a fact without a body
(``protective_act(provided_protection; stayed_nearby; ...)``); a *guard* is a
jurisdiction's claim predicate (``rules/routes.lp``); a *hook* is documented
``% Internal (view hook):`` (only a selectable view, or a dated rule, derives it).
"""

from __future__ import annotations

from functools import cache

from clingo import ast

from pyknow_bridge.doctrine.jurisdictions import claim_guards, declared
from pyknow_bridge.doctrine.rulebook import Signature, load_rulebook

#: Pleadings and metadata: true of every claim in a file, they explain nothing about one.
PLEADINGS = frozenset({"claim", "jurisdiction", "agent", "plaintiff", "defendant"})


@cache
def list_predicates() -> frozenset[str]:
    """Predicates whose every rule is a bodiless list of values (``protective_act``)."""
    with_body: set[str] = set()
    listed: set[str] = set()
    for rule in load_rulebook().rules:
        if rule.head is None or rule.node is None:
            continue
        (with_body if rule.node.body else listed).add(rule.head[0])
    return frozenset(listed - with_body)


@cache
def hooks() -> frozenset[Signature]:
    """The predicates only a selectable view (or a dated rule) derives."""
    return frozenset(doc.signature for doc in load_rulebook().predicates if doc.hook)


@cache
def hidden_predicates() -> frozenset[str]:
    """Names whose holding atoms a report leaves out: pleadings, claim guards, and the lists
    of a jurisdiction's elements (``dc_element``), which only say what the routes are made of."""
    elements = {element for _, _, element in declared("route_element", 3)}
    element_lists = {
        name for name in list_predicates() if set(_listed_values(name) or [""]) <= elements
    }
    return PLEADINGS | frozenset(claim_guards().values()) | frozenset(element_lists)


def _listed_values(name: str) -> list[str]:
    """The values a list predicate of one argument lists (``a; b; c``), as written."""
    values: list[str] = []
    for rule in load_rulebook().rules:
        if rule.head != (name, 1) or rule.node is None or rule.node.body:
            continue
        term = rule.node.head.atom.symbol
        alternatives = term.arguments if term.ast_type == ast.ASTType.Pool else [term]
        values += [str(alternative.arguments[0]) for alternative in alternatives]
    return values

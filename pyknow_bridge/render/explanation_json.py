"""The explanation graph as compact JSON, for programs (schema: docs/explain-output.schema.json).

What many steps share is written once: each rule (statement, authorities, burden) in a
rule table keyed by its id, each authority in an authority table keyed by its key, each
distinct term of a case in its term table. A node names its rule by id and its atom by
its place in the term table; nodes have short ids (``n0``, ``n1``, ... in the model's
order, stable within a case) and leave out every field that has its default value.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pyknow_bridge.doctrine.authorities import Authority
from pyknow_bridge.model.explanation import (
    COMPOUND,
    DERIVED,
    FACT,
    VAR,
    ClaimExplanation,
    Explanation,
    Node,
    Term,
)
from pyknow_bridge.model.results import Modality
from pyknow_bridge.render.result_json import case_header

#: Bumped whenever a field is renamed, removed or changes meaning (3: tables and short ids).
EXPLAIN_SCHEMA_ID = "pyknow-bridge/explain/3"
#: The kinds of node that hold; every other kind does not (a node's JSON has no ``holds``).
HOLDING_KINDS = frozenset({FACT, DERIVED})


def default_modality(node: Node) -> Modality:
    """The modality a node's JSON leaves out: absent for an atom that does not hold, else
    certain (a step without an atom, an attempt or a comparison, has none computed)."""
    return Modality.ABSENT if node.term is not None and not node.holds else Modality.CERTAIN


class TermTable:
    """Every distinct term of a case once, each compound after its arguments, so that a
    reader builds them all in one pass; a term is referred to by its place."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []
        self._places: dict[Term, int] = {}

    def place(self, term: Term) -> int:
        known = self._places.get(term)
        if known is not None:
            return known
        entry: dict[str, Any]
        if term.kind == COMPOUND:
            args = [self.place(argument) for argument in term.arguments]
            entry = {"type": COMPOUND, "functor": term.value, "args": args}
        elif term.kind == VAR:
            entry = {"type": VAR, "name": term.value}
        else:
            entry = {"type": term.kind, "value": term.value}
        self._places[term] = len(self.entries)
        self.entries.append(entry)
        return self._places[term]


def _node_dict(node: Node, short: dict[str, str], terms: TermTable) -> dict[str, Any]:
    entry: dict[str, Any] = {"kind": node.kind}
    if node.term is not None:
        entry["atom"] = terms.place(node.term)
    if node.rule_id:
        entry["rule"] = node.rule_id
    if node.label and node.label != node.rule_id:  # an attempt's label is its rule id
        entry["label"] = node.label
    if node.modality is not default_modality(node):
        entry["modality"] = node.modality.value
    if node.depends_on:
        entry["depends_on"] = list(node.depends_on)
    if node.line is not None:
        entry["line"] = node.line
    if node.note:
        entry["note"] = node.note
    if node.children:
        entry["children"] = [short[child] for child in node.children]
    return entry


def _rule_dict(node: Node) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "statement": node.statement,
        "authorities": [
            {"authority": c.authority.key, "pinpoint": c.pinpoint} for c in node.citations
        ],
        "burden": node.burden,
    }
    if node.burden_note:
        entry["burden_note"] = node.burden_note
    return entry


def _authority_dict(authority: Authority) -> dict[str, str]:
    return {"short": authority.short, "cite": authority.cite}


def _claim_dict(claim: ClaimExplanation, short: dict[str, str]) -> dict[str, Any]:
    return {
        "plaintiff": claim.plaintiff,
        "defendant": claim.defendant,
        "outcome": short[claim.outcome],
        "duty": short[claim.duty],
        "routes": [
            {
                "basis": route.basis,
                "node": short[route.node],
                "elements": [
                    {"element": element, "node": short[node]} for element, node in route.elements
                ],
            }
            for route in claim.routes
        ],
        "reliance": short[claim.reliance],
        "reliance_defeaters": [short[node] for node in claim.reliance_defeaters],
        "immunity": None if claim.immunity is None else short[claim.immunity],
        "causation": short[claim.causation],
        "other": [short[node] for node in claim.other],
    }


def short_ids(explanation: Explanation) -> dict[str, str]:
    """Each node's id in the JSON: ``n`` and its place in the model's node table."""
    return {node_id: f"n{index}" for index, node_id in enumerate(explanation.nodes)}


def explanation_dict(explanation: Explanation) -> dict[str, Any]:
    """One case: its header, claims, terms and nodes (the rules and authorities it cites
    are the document's: :func:`explain_document`)."""
    short = short_ids(explanation)
    terms = TermTable()
    nodes = {short[n.id]: _node_dict(n, short, terms) for n in explanation.nodes.values()}
    return {
        **case_header(explanation),
        "claims": [_claim_dict(claim, short) for claim in explanation.claims],
        "terms": terms.entries,
        "nodes": nodes,
    }


def _rule_nodes(explanations: Sequence[Explanation]) -> dict[str, Node]:
    """One node per rule the cases name, to read the rule's statement, sources and burden."""
    by_rule: dict[str, Node] = {}
    for explanation in explanations:
        for node in explanation.nodes.values():
            if not node.rule_id:
                continue
            known = by_rule.get(node.rule_id)
            # A node that names a rule which lists values was not tried under it and has no
            # burden; the rule's burden is on the nodes it derived or was tried for.
            if known is None or (known.burden is None and node.burden is not None):
                by_rule[node.rule_id] = node
    return by_rule


def explain_document(explanations: Sequence[Explanation]) -> dict[str, Any]:
    """The whole document: every rule and authority the cases cite, once, then the cases."""
    by_rule = _rule_nodes(explanations)
    cited = {c.authority.key: c.authority for n in by_rule.values() for c in n.citations}
    return {
        "schema": EXPLAIN_SCHEMA_ID,
        "rules": {rule_id: _rule_dict(by_rule[rule_id]) for rule_id in sorted(by_rule)},
        "authorities": {key: _authority_dict(cited[key]) for key in sorted(cited)},
        "cases": [explanation_dict(e) for e in explanations],
    }


def render_explain_json(explanations: Sequence[Explanation], *, pretty: bool = False) -> str:
    """Compact JSON on one line, or indented with ``pretty``."""
    document = explain_document(explanations)
    if pretty:
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False) + "\n"

"""The explanation JSON: it validates, it is compact, and the graph can be read back whole."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from typing import Any

import jsonschema
from click.testing import CliRunner

from pyknow_bridge import load_case
from pyknow_bridge.cli import main
from pyknow_bridge.doctrine.authorities import Authority, Citation, authorities
from pyknow_bridge.doctrine.rulebook import load_rulebook
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.model.explanation import (
    ATTEMPT,
    COMPOUND,
    DERIVED,
    FACT,
    VAR,
    Explanation,
    Node,
    Term,
)
from pyknow_bridge.model.results import Modality
from pyknow_bridge.render.explanation_json import render_explain_json, short_ids
from pyknow_bridge.render.explanation_report import render_memo
from tests.conftest import CASES_DIR, ROOT

FACT_FILES = sorted(CASES_DIR.glob("*.lp"))
SCHEMA = json.loads((ROOT / "docs" / "explain-output.schema.json").read_text(encoding="utf-8"))


@cache
def _explanations() -> tuple[Explanation, ...]:
    return tuple(explain_case(load_case(f.relative_to(ROOT))) for f in FACT_FILES)


# --- A reader of the JSON, as a program would write one, from the documentation ------


def _terms(entries: list[dict[str, Any]]) -> list[Term]:
    """The term table, in one pass: each compound comes after its arguments."""
    terms: list[Term] = []
    for entry in entries:
        if entry["type"] == COMPOUND:
            arguments = tuple(terms[place] for place in entry["args"])
            terms.append(Term(COMPOUND, entry["functor"], arguments))
        elif entry["type"] == VAR:
            terms.append(Term(VAR, entry["name"]))
        else:
            terms.append(Term(entry["type"], entry["value"]))
    return terms


def _citations(rule: dict[str, Any], table: dict[str, Any]) -> tuple[Citation, ...]:
    return tuple(
        Citation(
            Authority(key=a["authority"], short="", cite=table[a["authority"]]["cite"], seed=""),
            a["pinpoint"],
        )
        for a in rule["authorities"]
    )


def _read_nodes(document: dict[str, Any], case: dict[str, Any]) -> dict[str, Node]:
    """Every node of a case with every field of the model, ids as in the JSON."""
    terms = _terms(case["terms"])
    nodes: dict[str, Node] = {}
    for node_id, entry in case["nodes"].items():
        kind = entry["kind"]
        holds = kind in {FACT, DERIVED}
        term = terms[entry["atom"]] if "atom" in entry else None
        rule = document["rules"].get(entry.get("rule", ""))
        applied = rule is not None and kind in {DERIVED, ATTEMPT}  # derived by it, or tried
        default = Modality.ABSENT if term is not None and not holds else Modality.CERTAIN
        nodes[node_id] = Node(
            id=node_id,
            term=term,
            kind=kind,
            holds=holds,
            modality=Modality(entry.get("modality", default.value)),
            rule_id=entry.get("rule"),
            statement=None if rule is None else rule["statement"],
            citations=() if rule is None else _citations(rule, document["authorities"]),
            burden=rule["burden"] if applied and rule else None,
            burden_note=rule.get("burden_note", "") if applied and rule else "",
            line=entry.get("line"),
            depends_on=tuple(entry.get("depends_on", [])),
            children=list(entry.get("children", [])),
            note=entry.get("note", ""),
            label=entry.get("label", entry["rule"] if kind == ATTEMPT else ""),
        )
    return nodes


def _as_read(node: Node, short: dict[str, str]) -> Node:
    """A model node as the reader gives it back: short ids, authorities by key and cite."""
    citations = tuple(
        Citation(Authority(c.authority.key, "", c.authority.cite, ""), c.pinpoint)
        for c in node.citations
    )
    return dataclasses.replace(
        node,
        id=short[node.id],
        children=[short[child] for child in node.children],
        citations=citations,
    )


# --- Tests ---------------------------------------------------------------------------


def test_every_precedent_validates_and_every_rule_id_and_authority_resolves() -> None:
    document = json.loads(render_explain_json(_explanations()))
    jsonschema.validate(document, SCHEMA)
    known_ids = {rule.rule_id for rule in load_rulebook().rules}
    assert set(document["rules"]) <= known_ids
    known = {a.key: a for a in authorities().values()}
    for rule in document["rules"].values():
        for citation in rule["authorities"]:
            assert citation["authority"] in document["authorities"]
    for key, authority in document["authorities"].items():
        assert authority == {"short": known[key].short, "cite": known[key].cite}
    for case in document["cases"]:
        for node in case["nodes"].values():
            assert set(node.get("children", [])) <= set(case["nodes"]), "a dangling child"
            assert node.get("rule") is None or node["rule"] in document["rules"]
            assert node.get("atom") is None or node["atom"] < len(case["terms"])


def test_the_json_gives_back_every_node_edge_rule_and_citation_of_the_model() -> None:
    explanations = _explanations()
    document = json.loads(render_explain_json(explanations))
    for explanation, case in zip(explanations, document["cases"], strict=True):
        short = short_ids(explanation)
        read = _read_nodes(document, case)
        assert list(read) == [short[node_id] for node_id in explanation.nodes]
        for node in explanation.nodes.values():
            assert read[short[node.id]] == _as_read(node, short), f"{explanation.path}: {node.id}"
        for claim, entry in zip(explanation.claims, case["claims"], strict=True):
            assert entry["outcome"] == short[claim.outcome]
            assert [e["node"] for r in entry["routes"] for e in r["elements"]] == [
                short[n] for r in claim.routes for _, n in r.elements
            ]
            assert entry["reliance_defeaters"] == [short[n] for n in claim.reliance_defeaters]
            assert entry["other"] == [short[n] for n in claim.other]


def test_each_term_is_written_once_per_case() -> None:
    document = json.loads(render_explain_json(_explanations()[:5]))
    for case in document["cases"]:
        entries = [json.dumps(entry, sort_keys=True) for entry in case["terms"]]
        assert len(entries) == len(set(entries))


def test_valdez_json_is_no_larger_than_its_memo() -> None:
    """The product target of issue 12: the compact JSON of Valdez is at most its memo's size."""
    explanation = explain_case(load_case(CASES_DIR / "valdez.lp"))
    json_size = len(render_explain_json([explanation]).encode("utf-8"))
    memo_size = len(render_memo([explanation]).encode("utf-8"))
    assert json_size <= memo_size, (json_size, memo_size)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_json_is_one_line_and_pretty_is_the_same_document_indented() -> None:
    morgan = str(CASES_DIR / "morgan.lp")
    code, compact, _ = _run("explain", "--format", "json", morgan)
    assert code == 0 and compact.count("\n") == 1 and ": " not in compact.split('"rules"')[0]
    code, pretty, _ = _run("explain", "--format", "json", "--pretty", morgan)
    assert code == 0 and pretty.startswith('{\n  "schema": "pyknow-bridge/explain/3"')
    assert json.loads(pretty) == json.loads(compact)


def test_cli_pretty_without_json_is_a_usage_error() -> None:
    code, _, err = _run("explain", "--pretty", str(CASES_DIR / "morgan.lp"))
    assert code == 2 and "--pretty applies to --format json only" in err

"""The rule files keep their promises: every rule has an id, a statement and a resolvable
source; every predicate is documented; the schema agrees with shared/VOCABULARY.md."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from pyknow_bridge.doctrine.authorities import parse_source
from pyknow_bridge.doctrine.rulebook import load_rulebook
from pyknow_bridge.render.predicates_doc import render_predicate_reference
from tests.conftest import ROOT, SHARED_DIR

BOOK = load_rulebook()


def test_every_rule_carries_id_statement_and_source() -> None:
    assert not BOOK.problems, "\n".join(f"{p.file}:{p.line}: {p.message}" for p in BOOK.problems)
    assert len(BOOK.rules) > 80
    for rule in BOOK.rules:
        assert rule.statement.endswith("."), f"[{rule.rule_id}] statement is one full sentence"


def test_rule_ids_are_unique() -> None:
    counts = Counter(rule.rule_id for rule in BOOK.rules)
    assert [rule_id for rule_id, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("rule", BOOK.rules, ids=lambda r: r.rule_id)
def test_every_source_resolves_to_an_authority(rule: object) -> None:
    citations = parse_source(rule.source)  # type: ignore[attr-defined]
    assert citations


def test_every_derived_predicate_is_documented_as_output_or_internal() -> None:
    documented = {d.signature: d.role for d in BOOK.predicates}
    for rule in BOOK.rules:
        assert rule.head is not None
        assert documented.get(rule.head) in {"Output", "Internal"}, (
            f"{rule.file.name}:{rule.line}: {rule.head[0]}/{rule.head[1]} is derived but not "
            "documented as Output or Internal"
        )


def test_every_input_is_declared_and_every_declaration_documented() -> None:
    inputs = set(BOOK.inputs())
    assert inputs <= BOOK.defined, f"inputs without #defined: {inputs - BOOK.defined}"
    documented = {d.signature for d in BOOK.predicates}
    assert BOOK.defined <= documented, f"#defined but undocumented: {BOOK.defined - documented}"


def test_each_predicate_is_documented_once() -> None:
    counts = Counter(d.signature for d in BOOK.predicates)
    assert [s for s, n in counts.items() if n > 1] == []


def test_predicate_reference_is_current() -> None:
    current = (ROOT / "docs" / "predicates.md").read_text(encoding="utf-8")
    assert current == render_predicate_reference(), (
        "docs/predicates.md is stale: run `pyknow-bridge vocabulary > docs/predicates.md`"
    )


# --- Agreement with the contract, shared/VOCABULARY.md ----------------------------------

VOCABULARY = SHARED_DIR / "VOCABULARY.md"
TEMPLATE = re.compile(r"`([a-z_]+)\(([^)`]*)\)`")


def _contract() -> dict[str, dict[tuple[str, int], set[str]]]:
    """Signatures by role ('Input', 'Output'), each with the constants its row lists."""
    contract: dict[str, dict[tuple[str, int], set[str]]] = {"Input": {}, "Output": {}}
    role = None
    for line in VOCABULARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            role = next((r for r in contract if line.startswith(f"## {r}")), None)
            continue
        if role is None or not line.startswith("| `"):
            continue
        first, meaning = line.split("|")[1:3]
        constants = set(re.findall(r"`([a-z_]+)`", meaning))
        for name, args in TEMPLATE.findall(first):
            arity = len([a for a in args.split(",") if a.strip()])
            contract[role][(name, arity)] = constants
    return contract


needs_contract = pytest.mark.skipif(
    not VOCABULARY.exists(), reason="shared/ is not beside the repo"
)


@needs_contract
@pytest.mark.parametrize("role", ["Input", "Output"])
def test_predicates_match_the_vocabulary_contract(role: str) -> None:
    ours = {d.signature for d in BOOK.predicates if d.role == role and not d.extension}
    theirs = set(_contract()[role])
    if role == "Input":
        theirs.add(("disputed", 1))  # stated under Conventions, not in a table
    assert ours == theirs


@needs_contract
def test_closed_value_lists_keep_every_contract_value() -> None:
    contract = {**_contract()["Input"], **_contract()["Output"]}
    predicate_names = {name for name, _ in contract}
    for doc in BOOK.predicates:
        if not doc.values or doc.signature not in contract:
            continue
        ours = {re.sub(r"\(.*\)", "", v) for values in doc.values.values() for v in values}
        theirs = contract[doc.signature] - predicate_names - {"met", "not_met"} - {doc.name}
        assert theirs <= ours | {"met", "not_met"}, f"{doc.template}: {theirs - ours}"

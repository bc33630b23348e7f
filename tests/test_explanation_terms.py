"""Structured atoms in the explanation: the text is derived from them, and JSON carries them."""

from __future__ import annotations

import json
from typing import Any

import clingo
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyknow_bridge import load_case
from pyknow_bridge.explain.builder import derived_text, explain_case, term_of_value
from pyknow_bridge.explain.matching import (
    argument_of_text,
    clingo_order,
    native,
    text,
    value_of_text,
)
from pyknow_bridge.model.explanation import ATTEMPT
from pyknow_bridge.render.explanation_json import render_explain_json, short_ids
from tests.conftest import CASES_DIR

_LEAVES = st.one_of(
    st.sampled_from(["a", "met", "p1"]).map(clingo.Function),
    st.integers(min_value=-(2**31), max_value=2**31 - 1).map(clingo.Number),
    st.text(alphabet='ab,()"\\\n', max_size=5).map(clingo.String),
)
_SYMBOLS = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.builds(clingo.Function, st.sampled_from(["f", "g"]), st.lists(inner, min_size=1)),
        st.lists(inner, max_size=3).map(clingo.Tuple_),
    ),
    max_leaves=6,
)


@given(_SYMBOLS)
def test_the_text_of_a_term_is_the_text_clingo_prints(symbol: clingo.Symbol) -> None:
    assert term_of_value(native(symbol)).text() == str(symbol)


_NEGATED = st.builds(
    lambda name, arguments: clingo.Function(name, arguments, False),
    st.sampled_from(["f", "_g", "h'"]),
    st.lists(_SYMBOLS, max_size=2),
)


@given(st.one_of(_SYMBOLS, _NEGATED))
def test_a_value_read_from_clingos_text_is_the_value_of_the_symbol(symbol: clingo.Symbol) -> None:
    # The builder reads atoms from their text, not through clingo's C API: the two agree,
    # and writing the value back gives the text again.
    value = value_of_text(str(symbol))
    assert value == native(symbol)
    assert text(value) == str(symbol)


@given(st.lists(_SYMBOLS, min_size=1, max_size=4), st.data())
def test_one_argument_read_from_the_text_is_that_arguments_value(
    arguments: list[clingo.Symbol], data: st.DataObject
) -> None:
    position = data.draw(st.integers(min_value=0, max_value=len(arguments) - 1))
    atom = clingo.Function("derivation", arguments)
    assert argument_of_text(str(atom), position) == native(arguments[position])


_ORDERED = st.one_of(
    _SYMBOLS,
    _NEGATED,
    st.sampled_from(["a", "b", "B", "a_b", "aB", "_x"]).map(
        lambda n: clingo.Function(n, [], False)
    ),
    st.sampled_from([clingo.Infimum, clingo.Supremum]),
)


@given(st.lists(_ORDERED, min_size=2, max_size=6))
def test_values_sort_in_clingos_order_of_their_symbols(symbols: list[clingo.Symbol]) -> None:
    # The explanation orders atoms (which derivation it shows first) by their values.
    by_value = sorted(symbols, key=lambda symbol: clingo_order(native(symbol)))
    assert [str(s) for s in by_value] == [str(s) for s in sorted(symbols)]


@given(_SYMBOLS, st.lists(_SYMBOLS, max_size=3), st.lists(_SYMBOLS, max_size=3))
def test_the_derived_atom_is_cut_from_a_derivations_text(
    head: clingo.Symbol, premises: list[clingo.Symbol], others: list[clingo.Symbol]
) -> None:
    derivation = clingo.Function(
        "derivation", [clingo.String("a.rule"), head, clingo.Tuple_(premises)]
    )
    atoms = frozenset(str(s) for s in [head, *premises, *others])
    assert derived_text(str(derivation), atoms) == str(head)
    # A head not among the atoms (no rule written so derives it) is read in full.
    assert derived_text(str(derivation), frozenset()) == str(head)


@pytest.mark.parametrize("printed", ["f(", "f(a))", "", "f(a,,b)", "f(a;b)"])
def test_a_text_that_is_no_term_is_refused(printed: str) -> None:
    with pytest.raises(ValueError, match="not a term"):
        value_of_text(printed)
    if printed.startswith("f(a"):
        with pytest.raises(ValueError, match="no argument"):
            argument_of_text(printed, 3)


def _text_of(terms: list[dict[str, Any]], place: int) -> str:
    """A consumer of the JSON: the text of a structured atom, without parsing any text."""
    term = terms[place]
    if term["type"] == "compound":
        return f"{term['functor']}({','.join(_text_of(terms, a) for a in term['args'])})"
    if term["type"] == "var":
        return str(term["name"])
    if term["type"] == "string":
        escaped = term["value"].replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    return str(term["value"])


@pytest.mark.parametrize("name", ["valdez", "morgan", "warren", "ferreira"])
def test_every_node_carries_its_atom_structured(name: str) -> None:
    explanation = explain_case(load_case(CASES_DIR / f"{name}.lp"))
    for node in explanation.nodes.values():
        if node.kind == ATTEMPT:
            assert node.term is None and node.atom == node.rule_id
        elif node.term is not None:
            assert node.id.lstrip("+-").startswith(node.term.text())
    case = json.loads(render_explain_json([explanation]))["cases"][0]
    short = short_ids(explanation)
    with_atoms = [n for n in explanation.nodes.values() if n.term is not None]
    assert with_atoms, "atoms are structured in the JSON"
    for node in with_atoms:
        assert _text_of(case["terms"], case["nodes"][short[node.id]]["atom"]) == node.atom

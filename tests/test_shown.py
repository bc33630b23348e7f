"""Reading shown atoms: each symbol's text, split in Python, agrees with clingo's own reading."""

from __future__ import annotations

import clingo
from hypothesis import given
from hypothesis import strategies as st

from pyknow_bridge.engine import shown
from pyknow_bridge.engine.clingo_control import Consequences
from pyknow_bridge.engine.shown import read_atom, shown_atoms, split_atom, symbol_texts

_NAMES = st.sampled_from(["a", "p1", "met", "_x", "fAlse", "d2"])
_TEXTS = st.text(alphabet="ab,()\"\\\n '%.", max_size=6)


def _terms() -> st.SearchStrategy[clingo.Symbol]:
    leaves = st.one_of(
        _NAMES.map(clingo.Function),
        st.integers(min_value=-(2**31), max_value=2**31 - 1).map(clingo.Number),
        _TEXTS.map(clingo.String),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.builds(clingo.Function, _NAMES, st.lists(inner, min_size=1, max_size=3)),
            st.lists(inner, max_size=3).map(clingo.Tuple_),
            st.builds(
                lambda n, a: clingo.Function(n, a, False), _NAMES, st.lists(inner, max_size=2)
            ),
        ),
        max_leaves=8,
    )


@given(_NAMES, st.lists(_terms(), max_size=5))
def test_split_atom_agrees_with_clingo(name: str, arguments: list[clingo.Symbol]) -> None:
    symbol = clingo.Function(name, arguments)
    assert split_atom(str(symbol)) == (symbol.name, *(str(a) for a in symbol.arguments))
    assert read_atom(symbol) == split_atom(str(symbol))


def test_possible_atoms_carry_whether_they_are_certain() -> None:
    a, b = clingo.Function("a"), clingo.Function("b", [clingo.Number(1)])
    found = Consequences(certain=frozenset({a}), possible=frozenset({a, b}))
    assert sorted(shown_atoms(found)) == [(("a",), True), (("b", "1"), False)]
    only = frozenset({b})
    assert shown_atoms(Consequences(certain=only, possible=only)) == [(("b", "1"), True)]


@given(st.lists(st.builds(clingo.Function, _NAMES, st.lists(_terms(), max_size=4)), max_size=20))
def test_symbol_texts_are_what_str_gives(symbols: list[clingo.Symbol]) -> None:
    assert symbol_texts(symbols) == [str(s) for s in symbols]


def test_symbol_texts_reads_a_symbol_longer_than_its_buffer() -> None:
    long = clingo.Function("p", [clingo.String("x" * 5000), clingo.Number(7)])
    assert symbol_texts([clingo.Function("a"), long, long]) == ["a", str(long), str(long)]


def test_symbol_texts_uses_clingos_c_functions_here() -> None:
    """The pinned clingo offers them; if an upgrade moves them, this says so (str is used)."""
    assert shown._FAST is not None

"""The memo a lawyer reads: plain words from the rules' `% Says:` lines before any atom, party
names from the fact file, issue / rule / application / conclusion, no line over 100 columns."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyknow_bridge import load_case
from pyknow_bridge.doctrine.rulebook import load_rulebook
from pyknow_bridge.doctrine.scaffolding import hidden_predicates, list_predicates
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.render.explanation_report import (
    MEMO_WIDTH,
    _wrapped,
    _wrapped_by_words,
    render_memo,
)
from pyknow_bridge.render.plain import say
from tests.conftest import CASES_DIR, GOLDEN_DIR

BOOK = load_rulebook()
GOLDEN = sorted(GOLDEN_DIR.glob("*.memo.txt"))


def test_every_predicate_a_memo_can_show_has_plain_words() -> None:
    shown = [
        doc for doc in BOOK.predicates if doc.name not in hidden_predicates() | list_predicates()
    ]
    missing = [doc.template for doc in shown if not doc.says]
    assert missing == [], f"predicates without a '% Says:' line: {missing}"
    for doc in shown:
        for letter in re.findall(r"\{([A-Z]\w*)\}", doc.says[0]):
            assert letter in doc.args, f"{doc.template}: {{{letter}}} is not an argument"


def test_every_step_of_every_precedent_is_said_in_words() -> None:
    for path in sorted(CASES_DIR.glob("*.lp")):
        explanation = explain_case(load_case(path))
        for node in explanation.nodes.values():
            hidden = hidden_predicates() | list_predicates()
            if node.term is not None and node.term.name not in hidden:
                assert say(node.term, {}) is not None, f"{path.stem}: {node.atom}"


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_the_memo_is_wrapped_and_follows_the_outline(golden: object) -> None:
    memo = golden.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    long = [line for line in memo.splitlines() if len(line) > MEMO_WIDTH]
    assert long == [], f"{len(long)} lines over {MEMO_WIDTH} columns"
    for memorandum in memo.split("MEMORANDUM\n")[1:]:
        headings = [m for m in memorandum.splitlines() if m.isupper() and not m.startswith(" ")]
        assert headings == ["ISSUE", "RULE", "APPLICATION", "CONCLUSION"]


def test_party_names_from_the_fact_file_head_the_memo() -> None:
    explanation = explain_case(load_case(CASES_DIR / "valdez.lp"))
    explanation.claims = [explanation.claim("valdez")]
    memo = render_memo([explanation])
    assert "Claim: Carmen Valdez v. the City of New York" in memo
    assert "Whether the City of New York owed Carmen Valdez a duty of care" in memo
    detailed = render_memo([explanation], detail=True)
    assert "⟨reliance_defeated(valdez,city_of_new_york,whereabouts_unknown)⟩" in detailed
    assert "reliance_defeated(valdez" not in memo, "atoms only at the detail level"


_WORDS = st.lists(st.text(alphabet="ab✓(", min_size=1, max_size=110), max_size=40)


@given(st.integers(min_value=0, max_value=6), _WORDS, st.booleans())
def test_a_long_line_wraps_greedily_at_spaces(indent: int, words: list[str], runs: bool) -> None:
    # The fast wrap (one search per row) against the word-by-word one it replaced.
    line = " " * indent + (" " if runs else "").join(f"{w} " for w in words).rstrip(" ")
    body = line.lstrip(" ")
    wrapped = _wrapped(line)
    assert wrapped == (_wrapped_by_words(body, line[: len(line) - len(body)]) if body else line)
    for row in wrapped.split("\n"):
        assert len(row) <= MEMO_WIDTH or " " not in row.strip(" "), "only a lone word overflows"
    assert wrapped.replace("\n", " ").split() == line.split()

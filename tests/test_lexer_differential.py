"""The loader's lexer against clingo's own parser, side by side, on generated text that mixes
facts, nested comments, strings with every kind of escape, and directives.

Whatever the loader accepts as plain facts, clingo reads as exactly the same facts (so no
comment or string hides a directive from the loader that clingo would act on); and where
clingo reads only plain facts of the loader's syntax, the loader accepts them too. clingo
only parses here (its AST); the text is ASCII, which its lexer handles without aborting.
"""

from __future__ import annotations

from clingo import ast
from hypothesis import given, settings
from hypothesis import strategies as st

from pyknow_bridge.casefile.fact_syntax import parse_facts

FRAGMENTS = [
    "p(a).",
    "q(1, b).",
    "r(f(x), -2).",
    's("x").',
    "t.",
    "p(a)",
    "#show p/1.",
    "#const n = 1.",
    "#defined p/1.",
    "%",
    "%*",
    "*%",
    "% x",
    "%%*",
    "*%*",
    '"',
    '\\"',
    "\\\\",
    "\\n",
    "\\t",
    "\\q",
    "\\",
    "\n",
    "\r\n",
    " ",
    "\t",
    ".",
    "..",
    "(",
    ")",
    ",",
    ";",
    ":-",
    "a",
    "B",
    "_",
    "0",
    "007",
    "not",
    "-",
    "#",
    "#!",
    "'",
    "{",
    "}",
]
TEXT = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(alphabet='pqab(),.%*"\\ \n', max_size=4), max_size=25
).map("".join)


def clingo_facts(text: str) -> list[str] | None:
    """The statements clingo's parser reads, as text (None if it reports an error)."""
    statements: list[str] = []
    failed: list[str] = []

    def keep(statement: ast.AST) -> None:
        if statement.ast_type in (ast.ASTType.Program, ast.ASTType.Comment):
            return  # the implicit "#program base.", and comments
        if statement.ast_type == ast.ASTType.Rule and not statement.body:
            statements.append(str(statement.head))
        else:
            statements.append(f"<{statement.ast_type.name}>")

    try:
        ast.parse_string(text, keep, logger=lambda _code, message: failed.append(message))
    except RuntimeError:
        return None
    return None if failed else statements


@settings(max_examples=600, deadline=None)
@given(text=TEXT)
def test_the_loader_reads_what_clingo_reads(text: str) -> None:
    facts, problems = parse_facts(text)
    theirs = clingo_facts(text)
    if not problems:
        assert theirs == [fact.text for fact in facts], text
    elif theirs is not None and all(not s.startswith("<") for s in theirs):
        # clingo read only facts: the loader refuses them only for forms it does not admit
        # (negative constants, names with a leading underscore, hex numbers, ...).
        resolved = [parse_facts(f"{statement}.")[1] for statement in theirs]
        if not any(resolved):
            raise AssertionError(f"clingo reads plain facts the loader refused: {text!r}")


@given(text=TEXT)
@settings(max_examples=200, deadline=None)
def test_comment_and_string_ends_agree_with_clingo(text: str) -> None:
    # Put a marker directive after the text: both must agree whether it is seen (outside
    # any comment or string) or hidden.
    probe = text + "\n#show marker/0.\n"
    _, problems = parse_facts(probe)
    seen_by_loader = any("#show" in p.message for p in problems)
    theirs = clingo_facts(probe)
    if theirs is not None:
        assert seen_by_loader == ("<ShowSignature>" in theirs), probe

"""The Prolog port is generated from the clingo rules: current, and never a mistranslation.

The committed ``prolog/public_duty.pl`` must be what ``pyknow-bridge export --prolog``
writes now; a rule file with a construct the translator cannot map (a test writes each
one) is refused with its file and line, and so is a negation that would be called with
an unbound variable.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from clingo import ast

from pyknow_bridge.cli import main
from pyknow_bridge.doctrine.prolog import (
    PrologTranslationError,
    prolog_program,
    translate_statements,
)
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from tests.conftest import ROOT

COMMITTED = ROOT / "prolog" / "public_duty.pl"


def _translate(tmp_path: Path, text: str) -> str:
    path = tmp_path / "rules.lp"
    path.write_text(text, encoding="utf-8")
    statements: list[ast.AST] = []
    ast.parse_files([str(path)], statements.append)
    return translate_statements(statements, statements, "test")


def test_the_committed_prolog_program_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == prolog_program(rules_in_force()), (
        "prolog/public_duty.pl is stale: run `pyknow-bridge export --prolog > "
        "prolog/public_duty.pl`"
    )


def test_export_writes_the_program_of_the_views() -> None:
    result = CliRunner().invoke(main, ["export", "--prolog", "--view", "lippman"])
    assert result.exit_code == 0, result.output
    assert result.output == prolog_program(rules_in_force(["lippman"]))
    assert "(views: lippman)" in result.output
    assert "rules/views/lippman.lp:" in result.output  # each clause names its rule file


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("q(1).\np(X) :- q(Y), X = Y + 1.\n", "arithmetic"),
        ("p(1..3).\n", "an interval"),
        ("q(1).\np(X) :- q(X), #sum { Y : q(Y) } > 1.\n", "an aggregate other than #count"),
        ("{ p }.\n", "a rule head that is not one atom"),
        ("q.\n:- q.\n", "a rule head that is not one atom"),
        ("p ; r.\n", "a rule head that is not one atom"),
        ("q(1).\n-p(X) :- q(X).\n", "classical negation"),
        ("q(1).\np(X) :- q(X), 2 { r(X); s(X) }.\n", "a body choice other than"),
        ("p(@f(1)).\n", "an @-function"),
        ("q(1).\np(X) :- q(X), not not r(X).\n", "double negation"),
    ],
)
def test_an_unsupported_construct_is_refused_with_file_and_line(
    tmp_path: Path, text: str, reason: str
) -> None:
    with pytest.raises(PrologTranslationError) as refused:
        _translate(tmp_path, text)
    message = str(refused.value)
    line = text.count("\n")  # each construct is on the file's last line
    assert f"rules.lp:{line}: cannot translate to Prolog: {reason}" in message


@pytest.mark.parametrize(
    "rule",
    [
        "p(X) :- q(X), not r(Y).",  # Y is bound by nothing
        "p(X) :- q(X), not s(X, Y).",  # Y occurs only under `not`
        "p(X) :- q(X), X != Y.",  # a comparison on an unbound variable
        "p(X) :- q(X), #count { Z : s(Z, Y) } = W.",  # the guard W is never bound
    ],
)
def test_an_unsafe_negation_is_caught(tmp_path: Path, rule: str) -> None:
    with pytest.raises(PrologTranslationError, match=r"rules\.lp:2: unsafe"):
        _translate(tmp_path, f"q(1). r(1). s(1, 1).\n{rule}\n")


def test_negated_goals_are_called_after_the_atoms_that_bind_them(tmp_path: Path) -> None:
    program = _translate(tmp_path, "q(1). r(2).\np(X) :- not r(X), q(X).\n")
    assert "p(X) :-\n    q(X),\n    \\+ r(X)." in program


def test_a_cycle_through_negation_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PrologTranslationError, match="not stratified: p/0, q/0"):
        _translate(tmp_path, "p :- not q.\nq :- not p.\n")


def test_negation_over_another_constant_of_the_same_predicate_is_no_cycle(
    tmp_path: Path,
) -> None:
    program = _translate(
        tmp_path, "e(1).\nel(X, met) :- e(X).\nel(X, not_met) :- e(X), not el(X, met).\n"
    )
    assert "\\+ el(X, met)" in program


def test_constants_that_prolog_would_misread_are_quoted(tmp_path: Path) -> None:
    program = _translate(tmp_path, 'p(_hidden, is, "a \\"b\\"", #inf, (a, b), ()).\n')
    assert "p('_hidden', 'is', \"a \\\"b\\\"\", '#inf', ''(a, b), ''())." in program

"""Bad fact files: each kind is refused with file, line and the offending text; nothing loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from pyknow_bridge import FactFileError, load_case
from pyknow_bridge.core.paths import MAIN_RULES

GOOD = "jurisdiction(ny).\nplaintiff(p).\ndefendant(city).\nclaim(p, city).\n"

# (name, text appended to a good file, expected line, words the message must contain)
BAD_INPUTS = [
    ("rule", "special_duty(P, D) :- claim(P, D).", 5, "a rule is not allowed"),
    ("constraint", ":- claim(p, city).", 5, "a constraint is not allowed"),
    ("script", "#script (python)\nimport os\n#end.", 5, "#script is not allowed"),
    ("include", f'#include "{MAIN_RULES}".', 5, "#include is not allowed"),
    ("const", "#const x = 1.", 5, "#const is not allowed"),
    ("show", "#show claim/2.", 5, "#show is not allowed"),
    ("unknown predicate", "special_duty(p, city).", 5, "unknown predicate special_duty/2"),
    ("wrong arity", "claim(p).", 5, "claim takes 2 argument(s)"),
    ("variable", "plaintiff(X).", 5, "variable X"),
    ("choice", "{ plaintiff(q) }.", 5, "only plain facts"),
    ("negated fact", "-plaintiff(q).", 5, "negated fact"),
    ("default negation", "not plaintiff(q).", 5, "negated fact"),
    ("interval", "decided(1..3).", 5, "interval"),
    ("pool", "plaintiff(a; b).", 5, "pool"),
    ("arithmetic", "decided(2000+11).", 5, "arithmetic"),
    ("external function", "plaintiff(@f(1)).", 5, "external function"),
    ("value outside the list", "activity(city, bowling).", 5, "must be one of"),
    ("promise kind outside the list", "promised(o, p, arest(t)).", 5, "must be one of"),
    ("syntax error", "plaintiff(p)\nplaintiff(q).", 6, "syntax error"),
    (
        "disputed non-vocabulary",
        "disputed(special_duty(p, city)).",
        5,
        "not a fact of the vocabulary",
    ),
    ("disputed fact not stated", "disputed(contact(p, o)).", 5, "does not state"),
    ("second jurisdiction", "jurisdiction(dc).", 5, "exactly one jurisdiction"),
    ("control character", "plaintiff(p).\x00junk", 5, "control character"),
]


def _write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "case.lp"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    case = load_case(_write(tmp_path, GOOD))
    assert case.jurisdiction == "ny"
    assert len(case.facts) == 4


@pytest.mark.parametrize(
    ("name", "text", "line", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_input_is_refused_with_file_line_and_text(
    tmp_path: Path, name: str, text: str, line: int, message: str
) -> None:
    path = _write(tmp_path, GOOD + text + "\n")
    with pytest.raises(FactFileError) as caught:
        load_case(path)
    problem = next(p for p in caught.value.problems if message in p.message)
    assert problem.path == path
    assert problem.line == line
    assert str(path) in str(caught.value)
    if name not in {"second jurisdiction", "control character"}:
        assert problem.text, "the offending text is quoted"


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD + "claim(p).\nfoo(1).\na :- b.\n")
    with pytest.raises(FactFileError) as caught:
        load_case(path)
    assert [p.line for p in caught.value.problems] == [5, 6, 7]


def test_a_script_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    script = f'#script (python)\nopen("{marker}", "w").write("x")\n#end.\n'
    with pytest.raises(FactFileError):
        load_case(_write(tmp_path, GOOD + script))
    assert not marker.exists()


def test_an_include_is_refused_before_clingo_can_open_the_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.lp"
    secret.write_text("this is not ASP and would be a syntax error if read", encoding="utf-8")
    with pytest.raises(FactFileError) as caught:
        load_case(_write(tmp_path, GOOD + f'#include "{secret}".\n'))
    assert "#include is not allowed" in str(caught.value)
    assert "syntax" not in str(caught.value)


def test_directive_words_inside_strings_and_comments_are_data(tmp_path: Path) -> None:
    text = GOOD + 'case_name("On #include and #script"). % a comment about #script\n'
    assert load_case(_write(tmp_path, text)).text_value("case_name") == "On #include and #script"


def test_wrong_encoding_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD.encode() + 'case_name("Caf\xe9").\n'.encode("latin-1"))
    with pytest.raises(FactFileError) as caught:
        load_case(path)
    assert caught.value.problems[0].line == 5
    assert "not UTF-8" in caught.value.problems[0].message


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FactFileError) as caught:
        load_case(tmp_path / "absent.lp")
    assert "cannot read file" in str(caught.value)


def test_a_file_without_claims_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FactFileError) as caught:
        load_case(_write(tmp_path, "jurisdiction(dc).\nplaintiff(p).\n"))
    assert "no claim" in str(caught.value)


def test_disputed_facts_are_recorded(tmp_path: Path) -> None:
    text = GOOD + "agent(o, city).\ncontact(p, o).\ndisputed(contact(p, o)).\n"
    case = load_case(_write(tmp_path, text))
    assert [str(s) for s in case.disputed] == ["contact(p,o)"]


def test_a_display_name_must_name_something_declared(tmp_path: Path) -> None:
    base = "jurisdiction(ny).\nplaintiff(valdez).\ndefendant(city).\nclaim(valdez, city).\n"
    good = tmp_path / "good.lp"
    good.write_text(base + 'name(valdez, "Carmen Valdez").\nname(city, "the City").\n')
    assert load_case(good).text_value("case_name") is None
    bad = tmp_path / "bad.lp"
    bad.write_text(base + 'name(valdes, "Carmen Valdez").\n')
    with pytest.raises(FactFileError) as caught:
        load_case(bad)
    assert "valdes is not a declared name" in str(caught.value.problems[0].message)
    assert "did you mean valdez?" in str(caught.value.problems[0].message)

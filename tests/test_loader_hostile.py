"""Each hole a hostile fact file once found in the loader, as a test (issue: "Fact files that
cannot lie"). Numbers refer to the findings of that issue."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

from pyknow_bridge import FactFileError, load_case
from pyknow_bridge.api import analyse
from pyknow_bridge.casefile.loader import MAX_FILE_BYTES
from pyknow_bridge.core.errors import TimeLimitError
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.core.terms import NUMBER_LIMIT
from pyknow_bridge.render.result_json import case_to_dict
from pyknow_bridge.render.text import render_text
from tests.conftest import CASES_DIR

GOOD = (
    "jurisdiction(ny).\nplaintiff(p).\ndefendant(d).\nagent(officer_ruiz, d).\n"
    "third_party(t).\nclaim(p, d).\n"
)
VALDEZ = (CASES_DIR / "valdez.lp").read_text(encoding="utf-8")
#: What would turn Valdez into a win if it were read: a special duty by statute.
FLIP = "private_right(cpl_140_10_3).\nbreached(city_of_new_york, cpl_140_10_3).\n"


def _write(tmp_path: Path, text: str, name: str = "case.lp") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(path: Path) -> FactFileError:
    with pytest.raises(FactFileError) as caught:
        load_case(path)
    assert str(path) in str(caught.value)
    return caught.value


def _messages(error: FactFileError) -> str:
    return "\n".join(p.message for p in error.problems)


# --- 1, 4: comments nest, as in clingo ---------------------------------------------------


def test_1_an_include_after_nested_block_comments_is_refused(tmp_path: Path) -> None:
    other = _write(tmp_path, FLIP, "other.lp")
    path = _write(tmp_path, VALDEZ + f'%* %* *% *% #include "{other}".\n')
    error = _refused(path)
    assert "directive #include is not allowed" in _messages(error)
    # the line is the host file's own (finding 4: no index into another file's lines)
    assert error.problems[0].line == VALDEZ.count("\n") + 1


def test_1_an_include_inside_nested_comments_stays_a_comment(tmp_path: Path) -> None:
    other = _write(tmp_path, FLIP, "other.lp")
    path = _write(tmp_path, VALDEZ + f'%* %* *% #include "{other}". *%\n')
    result = analyse(load_case(path))
    assert result.claim("valdez").decided_outcome == "no_recovery"


def test_1_a_line_comment_inside_a_block_comment_hides_its_end(tmp_path: Path) -> None:
    # clingo: the "%" inside the block comment runs to the end of the line, so the first
    # "*%" does not close it and the include is still inside the comment.
    path = _write(tmp_path, GOOD + '%* % *% \n#include "x.lp". *%\n')
    assert len(load_case(path).facts) == 6


# --- 2, 3: strings know only clingo's three escapes; no byte that could abort clingo ---


@pytest.mark.parametrize("escape", ["\\q", "\\t", "\\x41", "\\'", "\\u00e9"])
def test_2_an_escape_clingo_does_not_know_is_refused(tmp_path: Path, escape: str) -> None:
    path = _write(tmp_path, GOOD + f'case_name("a{escape} #include \\"x.lp\\".").\n')
    assert "clingo knows only" in _messages(_refused(path))


def test_2_the_three_escapes_clingo_knows_are_read_as_clingo_reads_them(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD + 'case_name("a \\"b\\" \\\\ c\\nd").\n')
    assert load_case(path).text_value("case_name") == 'a "b" \\ c\nd'


@pytest.mark.parametrize(
    "fragment",
    [
        "\uff50\uff4c\uff41\uff49\uff4e\uff54\uff49\uff46\uff46(p).",
        "%* %* *% *% \uff50(x).",
        'case_name("\\q \uff50").',
        "plaintiff(\u00e9).",
        "\ufeffplaintiff(q).",
    ],
)
def test_3_non_ascii_outside_strings_is_refused_before_clingo(
    tmp_path: Path, fragment: str
) -> None:
    assert _refused(_write(tmp_path, GOOD + fragment + "\n")).problems


# --- 5, 6: linear reading, bounded memory, only regular files -----------------------------


def test_5_a_large_valid_file_loads(tmp_path: Path) -> None:
    body = "knew_risk(officer_ruiz, p).  % a comment\n" * 40_000
    path = _write(tmp_path, GOOD + body)
    assert len(load_case(path).facts) == 40_006


def test_5_the_time_limit_covers_loading(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD + "knew_risk(officer_ruiz, p).\n" * 40_000)
    deadline = Deadline(1e-6)
    with pytest.raises(TimeLimitError, match="reading the fact file"):
        load_case(path, deadline=deadline)


def test_5_a_file_of_directives_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD + "#\n" * 500_000)
    error = _refused(path)
    assert len(error.problems) <= 50
    assert any("read no further" in p.message for p in error.problems)


def test_6_a_device_is_refused_unread() -> None:
    with pytest.raises(FactFileError, match="not a regular file"):
        load_case("/dev/zero")


def test_6_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "x.lp"
    os.mkfifo(fifo)
    with pytest.raises(FactFileError, match="not a regular file"):
        load_case(fifo)


def test_6_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.lp"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(GOOD)
        handle.write("%" * (MAX_FILE_BYTES + 10))
    with pytest.raises(FactFileError, match="the limit is"):
        load_case(path)


# --- 7, 8, 9, 15: claim parties are declared constants; no empty parentheses -----------


@pytest.mark.parametrize(
    "claim",
    ['claim("a,b", d).', "claim(f(x,y), d).", "claim(1, d).", 'claim(p, "d").', "claim(q, d)."],
)
def test_7_8_claim_parties_are_declared_constants(tmp_path: Path, claim: str) -> None:
    error = _refused(_write(tmp_path, GOOD + claim + "\n"))
    assert error.problems[0].line == 7


def test_9_empty_parentheses_are_refused(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, GOOD + "plaintiff().\n"))
    assert "empty parentheses" in _messages(error)


def test_15_a_misspelt_agent_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, GOOD + "contact(p, officer_ruis).\n"))
    assert "officer_ruis is not a declared agent" in _messages(error)
    assert "did you mean officer_ruiz?" in _messages(error)


def test_15_a_misspelt_person_is_refused(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, GOOD + "knew_risk(officer_ruiz, jnae).\n"))
    assert "jnae is not a declared person" in _messages(error)


def test_15_a_name_inside_a_value_is_checked_too(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, GOOD + "promised(officer_ruiz, p, arrest(perz)).\n"))
    assert "perz is not a declared third party" in _messages(error)


def test_15_a_claim_against_an_undeclared_defendant_is_refused(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, GOOD + "claim(p, city).\n"))
    assert "city is not a declared defendant" in _messages(error)


@pytest.mark.parametrize(
    "fact", ["claim(p, d)", "jurisdiction(ny)", "plaintiff(p)", "decided(2011)", "defendant(d)"]
)
def test_15_pleadings_and_metadata_cannot_be_disputed(tmp_path: Path, fact: str) -> None:
    text = GOOD + ("decided(2011).\n" if fact.startswith("decided") else "")
    error = _refused(_write(tmp_path, text + f"disputed({fact}).\n"))
    assert "cannot be disputed" in _messages(error)


def test_15_a_tuple_is_not_a_party(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, GOOD + "plaintiff((a, b)).\n"))
    assert "tuple" in _messages(error)


def test_15_a_relative_or_bystander_is_declared_by_a_tie_or_person(tmp_path: Path) -> None:
    text = (
        GOOD
        + "child_of(p, mother).\nperson(neighbour).\ncontact_for(neighbour, p, officer_ruiz).\n"
    )
    assert load_case(_write(tmp_path, text)).facts


# --- 10: strings cannot forge report lines -----------------------------------------------


def test_10_a_line_break_in_a_case_name_is_shown_escaped(tmp_path: Path) -> None:
    forged = 'case_name("X\\n  Outcome:    MAY RECOVER\\u202e").\n'.replace("\\u202e", "\u202e")
    report = render_text([analyse(load_case(_write(tmp_path, GOOD + forged)))])
    assert "MAY RECOVER" not in report.replace("X\\n  Outcome:    MAY RECOVER", "")
    assert "X\\n  Outcome:    MAY RECOVER\\u202e" in report
    assert "\u202e" not in report


# --- 14: integers in clingo's range only -------------------------------------------------


@pytest.mark.parametrize("number", [str(NUMBER_LIMIT + 1), "4294969307", f"-{NUMBER_LIMIT + 1}"])
def test_14_integers_beyond_clingos_range_are_refused(tmp_path: Path, number: str) -> None:
    error = _refused(_write(tmp_path, GOOD + f"decided({number}).\n"))
    assert "outside clingo's range" in _messages(error)


def test_14_a_year_must_be_a_number(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, GOOD + 'decided("2011").\n'))
    assert "must be a whole number" in _messages(error)


# --- 16: only a line feed ends a line ----------------------------------------------------


@pytest.mark.parametrize("character", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
def test_16_control_characters_are_refused_at_their_line(tmp_path: Path, character: str) -> None:
    error = _refused(_write(tmp_path, GOOD + f"third_party(u).{character}third_party(v).\n"))
    assert error.problems[0].line == 7
    assert "control character" in error.problems[0].message


def test_16_a_carriage_return_alone_is_refused_with_its_text(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, GOOD.replace("\n", "\r")))
    assert "carriage return" in error.problems[0].message
    assert error.problems[0].text


def test_16_crlf_files_load(tmp_path: Path) -> None:
    assert len(load_case(_write(tmp_path, GOOD.replace("\n", "\r\n"))).facts) == 6


def test_16_unicode_line_separators_in_strings_do_not_shift_lines(tmp_path: Path) -> None:
    text = GOOD + 'case_name("a\u2028b\u0085c").\nfoo(1).\n'
    assert _refused(_write(tmp_path, text)).problems[0].line == 8


# --- Concurrency: the loader and the solver share nothing mutable between calls ------------


def test_loading_and_solving_from_eight_threads_agrees_with_one() -> None:
    files = sorted(CASES_DIR.glob("*.lp"))[:12] * 4
    alone = {path: case_to_dict(analyse(load_case(path))) for path in set(files)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda path: case_to_dict(analyse(load_case(path))), files))
    assert together == [alone[path] for path in files]


def _solved(path: Path) -> dict[str, object]:
    return case_to_dict(analyse(load_case(path)))


def test_loading_and_solving_in_eight_processes_agrees_with_one() -> None:
    files = sorted(CASES_DIR.glob("*.lp"))[:16]
    with ProcessPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(_solved, files))
    assert together == [_solved(path) for path in files]

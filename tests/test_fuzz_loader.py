"""The loader under malformed and hostile input: a clear error every time, never a traceback,
never code run."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyknow_bridge import FactFileError, load_case
from pyknow_bridge.casefile.loader import MAX_FILE_BYTES

FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
GOOD = "jurisdiction(ny).\nplaintiff(p).\ndefendant(d).\nclaim(p, d).\n"
MARKER = "PYKNOW_FUZZ_MARKER"

HOSTILE = [
    f'#script (python)\nopen("{MARKER}", "w").write("ran")\n#end.\n',
    '#script (lua)\nos.execute("touch ' + MARKER + '")\n#end.\n',
    '#include "/etc/passwd".\n',
    '#include "rules/main.lp".\n',
    "special_duty(P, D) :- claim(P, D).\n",
    ":- claim(p, d).\n",
    "claim(p, d) :- #true.\n",
    "plaintiff(@f(1)).\n",
    "{ plaintiff(x) }.\n",
    "#const n = 99999999.\n",
    "#program base(x).\n",
    "#external plaintiff(q).\n",
    "decided(1..100000000).\n",
    "plaintiff(" + "f(" * 300 + "x" + ")" * 300 + ").\n",
    "plaintiff(p)",
    '"unterminated\n',
    "%* unterminated block comment\n",
    "\x00\x01\x02",
    # Fullwidth letters: clingo's syntax-error message split a UTF-8 character and aborted.
    "\uff50\uff4c\uff41\uff49\uff4e\uff54\uff49\uff46\uff46(p).\n",
    "plaintiff(é).\n",
    'case_name("é\n',
]


def _check(path: Path, tmp_path: Path) -> None:
    """Loading either succeeds or fails with FactFileError naming the file; nothing runs."""
    try:
        case = load_case(path)
    except FactFileError as error:
        assert error.problems
        assert str(path) in str(error)
    else:
        assert case.facts
    assert not (tmp_path / MARKER).exists()
    assert not Path(MARKER).exists()


@FUZZ
@given(text=st.text(max_size=400))
def test_arbitrary_text(text: str, tmp_path: Path) -> None:
    path = tmp_path / "case.lp"
    path.write_text(text, encoding="utf-8")
    _check(path, tmp_path)


@FUZZ
@given(data=st.binary(max_size=400))
def test_binary_junk(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "case.lp"
    path.write_bytes(data)
    _check(path, tmp_path)


@FUZZ
@given(
    parts=st.lists(st.sampled_from(HOSTILE) | st.text(max_size=40), min_size=1, max_size=6),
    encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-32"]),
)
def test_hostile_fragments_in_any_encoding(parts: list[str], encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "case.lp"
    path.write_bytes((GOOD + "".join(parts)).encode(encoding, errors="replace"))
    _check(path, tmp_path)


@pytest.mark.parametrize("fragment", HOSTILE, ids=range(len(HOSTILE)))
def test_each_hostile_fragment_is_refused(fragment: str, tmp_path: Path) -> None:
    path = tmp_path / "case.lp"
    path.write_text(GOOD + fragment, encoding="utf-8")
    with pytest.raises(FactFileError):
        load_case(path)
    assert not (tmp_path / MARKER).exists()


def test_large_but_valid_values_load(tmp_path: Path) -> None:
    path = tmp_path / "case.lp"
    path.write_text(GOOD + 'case_name("' + "Å" * 10_000 + '").\n', encoding="utf-8")
    assert load_case(path).text_value("case_name") == "Å" * 10_000


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "case.lp"
    path.write_text(GOOD + "third_party(t).\n" * (MAX_FILE_BYTES // 16 + 1), encoding="utf-8")
    with pytest.raises(FactFileError, match="the limit is"):
        load_case(path)

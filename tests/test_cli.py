"""The command line: reports, JSON that validates, views, refusals and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from pyknow_bridge.cli import EXIT_REJECTED, main
from tests.conftest import CASES_DIR, ROOT

VALDEZ = str(CASES_DIR / "valdez.lp")
SCHEMA = json.loads((ROOT / "docs" / "solve-output.schema.json").read_text(encoding="utf-8"))


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_text_report_names_the_case_the_outcome_and_the_reasons() -> None:
    code, out, _ = _run("solve", VALDEZ)
    assert code == 0
    assert "Valdez v. City of New York, 18 N.Y.3d 69 (2011)" in out
    assert "Claim: valdez v. city_of_new_york" in out
    assert "NO RECOVERY" in out
    assert "whereabouts unknown" in out
    assert "Immunity:   not reached" in out


def test_json_of_every_precedent_validates_against_the_schema() -> None:
    files = sorted(str(p) for p in CASES_DIR.glob("*.lp"))
    code, out, _ = _run("solve", "--format", "json", *files)
    assert code == 0
    document = json.loads(out)
    jsonschema.validate(document, SCHEMA)
    assert len(document["cases"]) == len(files)


def test_view_changes_the_analysis() -> None:
    code, out, _ = _run("solve", "--format", "json", "--view", "lippman", VALDEZ)
    assert code == 0
    claim = json.loads(out)["cases"][0]["claims"][0]
    assert claim["outcome"] == {"may_recover": "certain"}
    assert json.loads(out)["cases"][0]["views"] == ["lippman"]


def test_unknown_view_is_a_usage_error() -> None:
    code, _, err = _run("solve", "--view", "brandeis", VALDEZ)
    assert code == 2
    assert "brandeis" in err


def test_a_rejected_file_stops_everything(tmp_path: Path) -> None:
    bad = tmp_path / "bad.lp"
    bad.write_text("jurisdiction(ny).\nclaim(p, d).\nspecial_duty(p, d) :- claim(p, d).\n")
    code, out, err = _run("solve", VALDEZ, str(bad))
    assert code == EXIT_REJECTED
    assert out == ""
    assert f"{bad}:3:1: a rule is not allowed" in err


def test_missing_file_is_refused(tmp_path: Path) -> None:
    code, _, _ = _run("solve", str(tmp_path / "absent.lp"))
    assert code == EXIT_REJECTED


@pytest.mark.parametrize("args", [["--help"], ["solve", "--help"]])
def test_help_has_examples_and_exit_codes(args: list[str]) -> None:
    code, out, _ = _run(*args)
    assert code == 0
    assert "Exit codes:" in out
    if args[0] == "solve":
        assert "pyknow-bridge solve facts/cases/valdez.lp" in out


def test_version() -> None:
    code, out, _ = _run("--version")
    assert code == 0
    assert "pyknow-bridge, version" in out


def test_vocabulary_prints_the_predicate_reference() -> None:
    code, out, _ = _run("vocabulary")
    assert code == 0
    assert "| `claim(P, D)` |" in out


def test_explain_detail_shows_each_steps_atom_beside_its_words() -> None:
    valdez = str(CASES_DIR / "valdez.lp")
    code, plain, _ = _run("explain", valdez)
    assert code == 0 and "Carmen Valdez" in plain
    assert "⟨element(valdez,city_of_new_york,protected_class,met)⟩" not in plain
    code, detailed, _ = _run("explain", "--detail", valdez)
    assert code == 0
    assert "⟨element(valdez,city_of_new_york,protected_class,met)⟩" in detailed
    code, _, err = _run("explain", "--detail", "--format", "json", valdez)
    assert code == 2 and "--detail applies to --format memo only" in err

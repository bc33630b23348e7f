"""The law in time: a case is decided under the law in force when it was decided, or as of
the year asked for; solve, explain, batch and the Python API all say which law applied."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from pyknow_bridge import load_case, solve_file
from pyknow_bridge.casefile.loader import FactFileError
from pyknow_bridge.cli import main
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.render.explanation_json import render_explain_json
from pyknow_bridge.render.explanation_report import render_memo
from tests.conftest import ROOT

SOLVE_SCHEMA = json.loads((ROOT / "docs" / "solve-output.schema.json").read_text("utf-8"))
EXPLAIN_SCHEMA = json.loads((ROOT / "docs" / "explain-output.schema.json").read_text("utf-8"))

# A special relationship, and a defence of discretion proved: the special relationship was
# "a narrow exception" to the immunity before McLean (Pelaez at 193), not after it.
CASE = """
case_name("A special relationship and a discretionary response").
decided(2005). jurisdiction(ny). plaintiff(p). defendant(city). agent(officer, city).
claim(p, city). activity(city, police_protection). third_party(t). harmed_by(p, t).
contact(p, officer). knew_risk(officer, p). promised(officer, p, send_help).
relied(p, stayed_home). immunity_asserted(city). negligent_conduct(city, response).
conduct_by(response, officer). discretionary_position(officer). judgment_exercised(response).
"""


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "dated.lp"
    path.write_text(CASE, encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout


def test_the_year_of_decision_governs_unless_another_is_asked(case_file: Path) -> None:
    decided = solve_file(case_file)
    assert decided.law.year == 2005
    assert decided.law.in_force == ("special_relationship_exception",)
    assert decided.claim("p").decided_outcome == "may_recover"
    later = solve_file(case_file, as_of=2012)
    assert later.law.year == 2012 and later.law.in_force == ()
    assert later.claim("p").decided_outcome == "no_recovery"
    assert later.claim("p").immunity_status == "applies"


def test_solve_reports_the_law_applied_in_text_and_json(case_file: Path) -> None:
    code, out = _run("solve", "--as-of", "2012", str(case_file))
    assert code == 0
    assert "As of: the law of 2012; dated rules in force: none" in out
    assert "NO RECOVERY" in out
    code, out = _run("solve", "--format", "json", str(case_file))
    document = json.loads(out)
    jsonschema.validate(document, SOLVE_SCHEMA)
    assert document["cases"][0]["law_in_time"] == {
        "year": 2005,
        "in_force": ["special_relationship_exception"],
    }


def test_explain_names_the_dated_rule_and_the_year(case_file: Path) -> None:
    explanation = explain_case(load_case(case_file))
    memo = render_memo([explanation])
    assert "As of: the law of 2005; dated rules in force: special relationship exception" in memo
    assert "ny.immunity.special_relationship_exception" in " ".join(memo.split())
    jsonschema.validate(json.loads(render_explain_json([explanation])), EXPLAIN_SCHEMA)
    code, out = _run("explain", "--as-of", "2012", str(case_file))
    assert code == 0 and "As of: the law of 2012" in out
    assert "✗ the dated rule special relationship exception is in force" in out  # why not older law


def test_batch_takes_the_same_year(case_file: Path) -> None:
    code, out = _run("batch", "--as-of", "2012", str(case_file))
    assert code == 0
    line = json.loads(out.splitlines()[0])
    assert line["law_in_time"] == {"year": 2012, "in_force": []}
    assert line["claims"][0]["outcome"] == {"no_recovery": "certain"}


def test_a_fact_file_may_not_set_the_year_of_law_itself(tmp_path: Path) -> None:
    path = tmp_path / "as_of.lp"
    path.write_text(CASE + "as_of(2012).\n", encoding="utf-8")
    with pytest.raises(FactFileError):
        load_case(path)


def test_ferreira_before_and_after_the_court_of_appeals_answered() -> None:
    """Before Ferreira (2022) the district court held the raid claim barred by the special
    duty rule (as the Second Circuit reports, 975 F.3d 255); the Court of Appeals' answer
    recognises a special duty to those inside the targeted premises (38 N.Y.3d at 304)."""
    path = ROOT / "facts" / "cases" / "ferreira.lp"
    before = solve_file(path, as_of=2019).claim("ferreira")
    assert before.decided_outcome == "no_recovery"
    assert before.public_duty_bar.value == "certain"
    after = solve_file(path).claim("ferreira")
    assert after.decided_outcome == "may_recover"
    assert set(after.bases) == {"positive_control"}

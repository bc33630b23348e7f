"""Explanations: golden memos, disputed facts, the command line (JSON: test_explanation_json)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyknow_bridge import load_case
from pyknow_bridge.cli import main
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.model.results import Modality
from pyknow_bridge.render.explanation_report import render_memo
from tests.conftest import CASES_DIR, GOLDEN_DIR, ROOT

FACT_FILES = sorted(CASES_DIR.glob("*.lp"))


@pytest.mark.parametrize("fact_file", FACT_FILES, ids=lambda p: p.stem)
def test_memo_matches_the_reviewed_golden_file(
    fact_file: Path, request: pytest.FixtureRequest
) -> None:
    memo = render_memo([explain_case(load_case(fact_file.relative_to(ROOT)))])
    golden = GOLDEN_DIR / f"{fact_file.stem}.memo.txt"
    if request.config.getoption("--regen-golden"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(memo, encoding="utf-8")
    assert golden.exists(), f"no golden file: run pytest --regen-golden and review {golden}"
    assert memo == golden.read_text(encoding="utf-8"), (
        f"{fact_file.stem}: the explanation changed; if that is intended, run "
        "`pytest --regen-golden` and review the diff of tests/golden/"
    )


def test_every_golden_file_has_a_case() -> None:
    stems = {p.stem for p in FACT_FILES}
    orphans = [
        g.name for g in GOLDEN_DIR.glob("*.memo.txt") if g.name[: -len(".memo.txt")] not in stems
    ]
    assert orphans == []


def test_disputed_facts_are_named_where_a_conclusion_depends_on_them(tmp_path: Path) -> None:
    path = tmp_path / "valdez_disputed.lp"
    path.write_text(
        (CASES_DIR / "valdez.lp").read_text(encoding="utf-8")
        + "disputed(relied(valdez, returned_home)).\ndisputed(relied(valdez, abandoned_refuge)).\n"
        + "disputed(whereabouts_unknown(perez)).\ndisputed(deadline_passed(valdez)).\n"
        + "disputed(expected_confirmation(valdez)).\n"
    )
    explanation = explain_case(load_case(path))
    claim = explanation.claim("valdez")
    outcome = explanation.node(claim.outcome)
    assert outcome.modality is Modality.POSSIBLE
    assert "whereabouts_unknown(perez)" in outcome.depends_on
    duty_rule = explanation.node(claim.duty)  # the public duty bar, as stated in the file
    assert duty_rule.modality is Modality.POSSIBLE
    promise = explanation.node("+promised(torres,valdez,arrest(perez))")
    assert promise.modality is Modality.CERTAIN
    memo = render_memo([explanation])
    assert "depends on disputed" in memo


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_explain_memo_for_one_claim() -> None:
    code, out, _ = _run(
        "explain", "--claim", "garnett_morgan,district_of_columbia", str(CASES_DIR / "morgan.lp")
    )
    assert code == 0
    assert out.count("MEMORANDUM") == 1
    assert "[dc.reliance.own_initiative]" in out
    assert "Morgan at 1318" in out


@pytest.mark.parametrize("output_format", ["markdown", "json", "dot"])
def test_cli_explain_formats(output_format: str) -> None:
    code, out, _ = _run("explain", "--format", output_format, str(CASES_DIR / "valdez.lp"))
    assert code == 0
    assert "whereabouts_unknown" in out


def test_cli_explain_unknown_claim_is_a_usage_error() -> None:
    code, _, err = _run("explain", "--claim", "nobody,city", str(CASES_DIR / "valdez.lp"))
    assert code == 2
    assert "no claim nobody,city" in err


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_cli_explain_svg() -> None:
    code, out, _ = _run("explain", "--format", "svg", str(CASES_DIR / "schuster.lp"))
    assert code == 0
    assert "<svg" in out

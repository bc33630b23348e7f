"""Branches for disputed facts: a claim whose outcome turns on a dispute shows one branch per
outcome, each with the findings that lead there; a dispute that changes nothing shows none."""

from __future__ import annotations

from pathlib import Path

from pyknow_bridge import load_case
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.render.explanation_report import render_memo

#: A promise to arrest, relied on; whether anyone gave the police the assailant's
#: whereabouts is disputed (Valdez turns on it), and so is a second act of reliance.
CASE = """\
case_name("Branches").
jurisdiction(ny).
plaintiff(p). defendant(d). agent(a1, d). third_party(t). claim(p, d).
activity(d, police_protection). harmed_by(p, t).
contact(p, a1). knew_risk(a1, p). promised(a1, p, arrest(t)). relied(p, returned_home).
relied(p, stayed_home). disputed(relied(p, stayed_home)).
"""


def _explain(tmp_path: Path, text: str) -> tuple[object, str]:
    path = tmp_path / "case.lp"
    path.write_text(text, encoding="utf-8")
    explanation = explain_case(load_case(path))
    return explanation.claim("p"), render_memo([explanation])


def test_an_outcome_that_turns_on_a_dispute_shows_both_branches(tmp_path: Path) -> None:
    disputed = CASE + "whereabouts_unknown(t). disputed(whereabouts_unknown(t)).\n"
    claim, memo = _explain(tmp_path, disputed)
    by_outcome = {branch.outcome: branch for branch in claim.branches}  # type: ignore[attr-defined]
    assert set(by_outcome) == {"may_recover", "no_recovery"}
    assert by_outcome["no_recovery"].findings == [[("whereabouts_unknown(t)", True)]]
    assert by_outcome["may_recover"].findings == [[("whereabouts_unknown(t)", False)]]
    assert "whereabouts_unknown" in by_outcome["no_recovery"].defeaters
    assert by_outcome["may_recover"].bases == ["voluntary_undertaking"]
    assert "If the jury finds whereabouts_unknown(t): no recovery" in memo
    assert "If the jury does not find whereabouts_unknown(t): may recover" in memo
    assert memo.count("APPLICATION") == 1, "the shared reasoning is shown once"


def test_a_dispute_the_outcome_does_not_turn_on_shows_no_branch(tmp_path: Path) -> None:
    claim, memo = _explain(tmp_path, CASE)
    assert claim.branches == []  # type: ignore[attr-defined]
    assert "turns on disputed facts" not in memo

"""Disputed facts: every conclusion is reported as certain, possible or absent."""

from __future__ import annotations

from pathlib import Path

from pyknow_bridge import Modality, solve_file
from tests.conftest import CASES_DIR

# The city denied that Valdez called at all ("the city asserted that valdez had not
# contacted the police the night before the shooting ... the police neither promised to
# arrest perez nor directed valdez to return to her apartment"); the jury credited her.
CITY_DENIES_THE_CALL = """
disputed(contact(valdez, torres)).
disputed(promised(torres, valdez, arrest(perez))).
disputed(acted(torres, valdez, directed)).
"""


def _valdez_with(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "valdez_disputed.lp"
    path.write_text((CASES_DIR / "valdez.lp").read_text(encoding="utf-8") + extra)
    return path


def test_majority_no_recovery_is_certain_whichever_way_the_call_went(tmp_path: Path) -> None:
    result = solve_file(_valdez_with(tmp_path, CITY_DENIES_THE_CALL))
    claim = result.claim("valdez")
    assert result.disputed == (
        "contact(valdez,torres)",
        "promised(torres,valdez,arrest(perez))",
        "acted(torres,valdez,directed)",
    )
    assert claim.outcome == {"no_recovery": Modality.CERTAIN}
    assert claim.element("assumed_duty") is None  # depends on the dispute
    assert claim.elements["assumed_duty"] == {
        "met": Modality.POSSIBLE,
        "not_met": Modality.POSSIBLE,
    }


def test_lippman_recovery_is_only_possible_when_the_call_is_disputed(tmp_path: Path) -> None:
    claim = solve_file(_valdez_with(tmp_path, CITY_DENIES_THE_CALL), ["lippman"]).claim("valdez")
    assert claim.outcome == {"may_recover": Modality.POSSIBLE, "no_recovery": Modality.POSSIBLE}
    assert claim.decided_outcome is None
    assert claim.special_duty is Modality.POSSIBLE
    assert claim.bases == {"voluntary_undertaking": Modality.POSSIBLE}


def test_certain_conclusions_are_a_subset_of_possible_ones(tmp_path: Path) -> None:
    claim = solve_file(_valdez_with(tmp_path, CITY_DENIES_THE_CALL), ["lippman"]).claim("valdez")
    for values in [claim.outcome, claim.immunity, claim.reliance_defeated, claim.bases]:
        assert Modality.ABSENT not in values.values()

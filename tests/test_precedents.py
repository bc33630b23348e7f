"""Every precedent fact file reproduces the court's holding and its reasons.

Tests are generated from the files: each ``facts/cases/<key>.lp`` must have a
``tests/holdings/<key>.toml`` stating, per claim, what the court held (see
tests/holdings/README.md). Nothing here lists cases by hand.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from pyknow_bridge import Modality, load_case, solve_file
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.explain.decisive import reason_key
from pyknow_bridge.model.results import ClaimResult
from pyknow_bridge.render.explanation_report import Wording, reason_text, render_memo
from pyknow_bridge.render.text import words
from tests.conftest import CASES_DIR, HOLDINGS_DIR

FACT_FILES = sorted(CASES_DIR.glob("*.lp"))
HOLDING_FILES = sorted(HOLDINGS_DIR.glob("*.toml"))
CLAIM_KEYS = {
    "plaintiff",
    "defendant",
    "holding",
    "view",
    "outcome",
    "special_duty",
    "bases",
    "elements_met",
    "elements_not_met",
    "reliance",
    "reliance_defeated",
    "immunity",
    "no_proximate_cause",
    "ordinary_duty",
    "explained_by",
    "explanation_cites",
    "lead_reason",
}


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _expected_claims() -> list[Any]:
    params = []
    for path in HOLDING_FILES:
        for claim in _load(path).get("claim", []):
            view = claim.get("view", "majority")
            params.append(
                pytest.param(
                    CASES_DIR / f"{path.stem}.lp",
                    claim,
                    id=f"{path.stem}:{claim['plaintiff']}:{view}",
                )
            )
    return params


@pytest.mark.parametrize("fact_file", FACT_FILES, ids=lambda p: p.stem)
def test_every_fact_file_has_holdings(fact_file: Path) -> None:
    holdings = HOLDINGS_DIR / f"{fact_file.stem}.toml"
    assert holdings.exists(), f"{fact_file} has no {holdings}: state what the court held"
    claims = _load(holdings).get("claim", [])
    assert claims, f"{holdings} states no [[claim]]"


@pytest.mark.parametrize("holdings", HOLDING_FILES, ids=lambda p: p.stem)
def test_every_holdings_file_has_facts_and_known_keys(holdings: Path) -> None:
    assert (CASES_DIR / f"{holdings.stem}.lp").exists(), f"{holdings} has no fact file"
    for claim in _load(holdings)["claim"]:
        unknown = set(claim) - CLAIM_KEYS
        assert not unknown, f"{holdings}: unknown keys {sorted(unknown)}"
        assert claim.get("holding"), f"{holdings}: every claim states the holding in words"


def _certain(values: dict[str, Modality]) -> set[str]:
    return {value for value, modality in values.items() if modality is Modality.CERTAIN}


@pytest.mark.parametrize(("fact_file", "expected"), _expected_claims())
def test_reproduces_holding(fact_file: Path, expected: dict[str, Any]) -> None:
    view = expected.get("view", "majority")
    result = solve_file(fact_file, [] if view == "majority" else [view])
    claim: ClaimResult = result.claim(expected["plaintiff"], expected["defendant"])
    context = f"\n  holding: {expected['holding']}\n  got: {claim}"

    assert claim.decided_outcome == expected["outcome"], context
    has_duty = claim.special_duty is Modality.CERTAIN
    assert has_duty == expected["special_duty"], context
    assert _certain(dict(claim.bases)) == set(expected["bases"]), context
    for element in expected["elements_met"]:
        assert claim.element(element) == "met", f"{element} should be met{context}"
    for element in expected["elements_not_met"]:
        assert claim.element(element) == "not_met", f"{element} should not be met{context}"
    if "reliance" in expected:
        justified = claim.justifiable_reliance is Modality.CERTAIN
        assert justified == expected["reliance"], context
    missing = set(expected.get("reliance_defeated", [])) - _certain(dict(claim.reliance_defeated))
    assert not missing, f"reasons the court gave are missing: {sorted(missing)}{context}"
    if "immunity" in expected:
        assert claim.immunity_status == expected["immunity"], context
    if "no_proximate_cause" in expected:
        no_cause = claim.no_proximate_cause is Modality.CERTAIN
        assert no_cause == expected["no_proximate_cause"], context
    if "ordinary_duty" in expected:
        ordinary = claim.ordinary_duty is Modality.CERTAIN
        assert ordinary == expected["ordinary_duty"], context


def _explained_claims() -> list[Any]:
    return [
        param
        for param in _expected_claims()
        if "explained_by" in param.values[1] or "explanation_cites" in param.values[1]
    ]


@pytest.mark.parametrize(("fact_file", "expected"), _explained_claims())
def test_explanation_gives_the_courts_reasons(fact_file: Path, expected: dict[str, Any]) -> None:
    view = expected.get("view", "majority")
    explanation = explain_case(load_case(fact_file), [] if view == "majority" else [view])
    claim = explanation.claim(expected["plaintiff"], expected["defendant"])
    roots = [claim.outcome, claim.duty, claim.reliance, claim.causation, *claim.reliance_defeaters]
    roots += [route.node for route in claim.routes] + ([claim.immunity] if claim.immunity else [])
    used = set().union(*(explanation.rule_ids(root) for root in roots))
    missing = set(expected.get("explained_by", [])) - used
    assert not missing, f"the explanation omits the court's reasons {sorted(missing)}"
    explanation.claims = [claim]
    memo = render_memo([explanation])
    unwrapped = " ".join(memo.split())
    for authority in expected.get("explanation_cites", []):
        assert authority in unwrapped, f"the memo does not cite {authority}"


def _lead_claims() -> list[Any]:
    return [param for param in _expected_claims() if "lead_reason" in param.values[1]]


@pytest.mark.parametrize(("fact_file", "expected"), _lead_claims())
def test_memo_leads_each_failed_route_with_the_courts_reason(
    fact_file: Path, expected: dict[str, Any]
) -> None:
    view = expected.get("view", "majority")
    explanation = explain_case(load_case(fact_file), [] if view == "majority" else [view])
    claim = explanation.claim(expected["plaintiff"], expected["defendant"])
    explanation.claims = [claim]
    memo = render_memo([explanation])
    routes = {route.basis: route for route in claim.routes}
    for basis, key in expected["lead_reason"].items():
        route = routes[basis]
        assert route.lead is not None, f"{basis}: no decisive reason"
        lead = explanation.node(route.lead)
        assert reason_key(lead) == key, f"{basis}: the memo leads with {lead.atom}, not {key}"
        lines = memo.splitlines()
        title = next(
            i
            for i, line in enumerate(lines)
            if line.lower().endswith(f"{words(basis)}: not made out")
        )
        block = " ".join(line.strip() for line in lines[title + 1 : title + 8])
        first = block.split("Not met:")[1]  # the memo's first reason for the route
        said = reason_text(explanation, lead, Wording(explanation.names))
        assert " ".join(said.split()) in first, f"{basis}: the decisive reason does not lead"

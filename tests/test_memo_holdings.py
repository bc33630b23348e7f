"""Every holding in the conclusion: each independent ground that defeats a claim is named
(Morgan: no special relationship; alternatively no proximate cause), and "may recover" says
what is left for trial. Checked against what the holdings files say the court held."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from pyknow_bridge import load_case
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.render.explanation_report import SCOPE_CAVEAT, render_memo
from tests.conftest import CASES_DIR, HOLDINGS_DIR


def _majority_claims() -> list[Any]:
    params = []
    for path in sorted(HOLDINGS_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            for claim in tomllib.load(handle)["claim"]:
                if claim.get("view", "majority") == "majority":
                    params.append(
                        pytest.param(
                            CASES_DIR / f"{path.stem}.lp",
                            claim,
                            id=f"{path.stem}:{claim['plaintiff']}",
                        )
                    )
    return params


def _grounds_held(claim: dict[str, Any]) -> set[str]:
    """The grounds the court held, as the predicates that state them."""
    held = set()
    if not claim["special_duty"] and claim.get("ordinary_duty") is not True:
        held.add("public_duty_bar")
    if claim.get("immunity") == "applies":
        held.add("immunity")
    if claim.get("no_proximate_cause") is True:
        held.add("no_proximate_cause")
    return held


@pytest.mark.parametrize(("fact_file", "expected"), _majority_claims())
def test_the_conclusion_names_every_ground_the_court_held(
    fact_file: Path, expected: dict[str, Any]
) -> None:
    explanation = explain_case(load_case(fact_file))
    claim = explanation.claim(expected["plaintiff"], expected["defendant"])
    explanation.claims = [claim]
    conclusion = render_memo([explanation]).split("\nCONCLUSION\n")[1]
    if expected["outcome"] == "may_recover":
        assert " ".join(SCOPE_CAVEAT.split()) in " ".join(conclusion.split())
        assert claim.grounds == []
        return
    named = {explanation.node(g).term.name for g in claim.grounds}  # type: ignore[union-attr]
    missing = _grounds_held(expected) - named
    assert not missing, f"grounds the court held but the conclusion omits: {missing}"
    for ground in claim.grounds:
        assert f"[{explanation.node(ground).rule_id}]" in conclusion
    if len(claim.grounds) > 1:
        assert f"on {len(claim.grounds)} independent grounds" in conclusion


def test_morgan_gives_both_holdings() -> None:
    explanation = explain_case(load_case(CASES_DIR / "morgan.lp"))
    claim = explanation.claim("garnett_morgan")
    rules = [explanation.node(g).rule_id for g in claim.grounds]
    assert rules == ["core.public_duty_bar", "causation.extraordinary_chain"]

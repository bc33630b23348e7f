"""Who had to show what: a defeater that holds says who showed it; a failure of the
plaintiff's own proof (own initiative, proximate cause) is attributed to her (issue 11, item 6)."""

from __future__ import annotations

from pathlib import Path

from pyknow_bridge import load_case
from pyknow_bridge.doctrine.authorities import authorities
from pyknow_bridge.doctrine.rulebook import load_rulebook
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.render.explanation_report import render_memo
from tests.conftest import CASES_DIR, SHARED_DIR
from tests.memo_lines import logical_lines

BOOK = load_rulebook()


def _line(memo: str, rule_id: str) -> str:
    found = [line for line in logical_lines(memo) if "✓" in line and f"[{rule_id}]" in line]
    assert found, f"no line that holds under [{rule_id}] in the memo"
    return found[0]


def test_causation_is_the_plaintiffs_burden() -> None:
    rule = BOOK.rule("causation.extraordinary_chain")
    assert rule is not None and rule.burden == "plaintiff"
    memo = render_memo([explain_case(load_case(CASES_DIR / "morgan.lp"))])
    assert "Burden: plaintiff" in _line(memo, "causation.extraordinary_chain")


def test_own_initiative_is_a_failure_of_the_plaintiffs_proof() -> None:
    for rule_id in ("dc.reliance.own_initiative", "core.own_initiative"):
        rule = BOOK.rule(rule_id)
        assert rule is not None and rule.burden == "plaintiff", rule_id
    memo = render_memo([explain_case(load_case(CASES_DIR / "morgan.lp"))])
    assert "Burden: plaintiff" in _line(memo, "dc.reliance.own_initiative")


def test_a_defeater_that_holds_says_the_defendant_showed_it(tmp_path: Path) -> None:
    case = tmp_path / "case.lp"
    case.write_text(
        "jurisdiction(dc). plaintiff(p). defendant(d). agent(officer, d). claim(p, d).\n"
        "acted(officer, p, provided_protection). relied(p, stayed_home).\n"
        "knew_not_performed(p).\n",
        encoding="utf-8",
    )
    memo = render_memo([explain_case(load_case(case))])
    line = _line(memo, "dc.reliance.knew_not_performed")
    assert "Burden: defendant" in line and "the fact was shown" in line


def test_a_derived_conclusion_without_a_burden_line_states_none() -> None:
    memo = render_memo([explain_case(load_case(CASES_DIR / "morgan.lp"))])
    assert "Burden:" not in _line(memo, "core.outcome.no_recovery")


#: What defeats a claim, or reliance: who showed it must be said wherever it holds.
DEFEATERS = {("reliance_defeated", 3), ("public_duty_bar", 2), ("no_proximate_cause", 2)}


def test_every_defeater_says_who_bore_the_burden() -> None:
    missing = [
        rule.rule_id
        for rule in BOOK.rules
        if (
            rule.head in DEFEATERS
            or rule.rule_id.endswith(("immunity.applies", "applies_without_duty"))
        )
        and not rule.burden_note
    ]
    assert missing == [], f"defeaters without a '% Burden:' line: {missing}"
    memo = render_memo([explain_case(load_case(CASES_DIR / "morgan.lp"))])
    assert "Burden: plaintiff" in _line(memo, "core.public_duty_bar")


def test_outside_authorities_name_where_they_were_read() -> None:
    seeds = {p.name for p in (SHARED_DIR / "seeds").glob("*.txt")} if SHARED_DIR.exists() else set()
    for authority in authorities().values():
        if authority.key == "vocabulary":
            continue
        assert authority.seed or authority.read_at, f"{authority.key}: neither seed nor read_at"
        if authority.seed and seeds:
            assert authority.seed in seeds, f"{authority.key}: unknown seed {authority.seed}"

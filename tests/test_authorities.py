"""Every authority can be checked: it comes from a seed, or says where its own text was read."""

from __future__ import annotations

import pytest

from pyknow_bridge.doctrine.authorities import authorities, parse_source
from pyknow_bridge.doctrine.rulebook import load_rulebook
from tests.conftest import SHARED_DIR

SEEDS = SHARED_DIR / "seeds"


@pytest.mark.parametrize("key", sorted(authorities()), ids=str)
def test_each_authority_names_a_seed_or_where_it_was_read(key: str) -> None:
    authority = authorities()[key]
    if key == "vocabulary":
        assert authority.outside_seeds and not authority.read_at  # a definition, not a case
        return
    assert authority.seed or authority.read_at, f"{key}: neither a seed nor where it was read"
    if authority.seed and SEEDS.exists():
        assert (SEEDS / authority.seed).exists(), f"{key}: no seed {authority.seed}"


def test_rules_no_longer_cite_outside_cases_through_valdez() -> None:
    """Weiner and Pelaez are not in the Valdez seed: a N.Y. rule cites them directly."""
    for rule in load_rulebook().rules:
        if not rule.file.name.startswith("ny_"):
            continue
        for citation in parse_source(rule.source):
            if citation.authority.key == "valdez":
                for outside in ("Weiner", "Pelaez", "Garrett"):
                    assert outside not in citation.pinpoint, f"[{rule.rule_id}] {citation}"


def test_an_outside_authority_resolves_from_a_source_line() -> None:
    (citation,) = parse_source("Ferreira at 304.")
    assert citation.authority.outside_seeds
    assert citation.authority.cite == "Ferreira v. City of Binghamton, 38 N.Y.3d 298 (2022)"
    assert citation.pinpoint == "at 304"

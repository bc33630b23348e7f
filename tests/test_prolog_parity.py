"""The Prolog engine agrees with clingo, conclusion by conclusion and derivation by derivation.

On every fact file in facts/, every distinction variant and generated cases, under the
majority and every view: the same shown atoms with the same modality, and in every
scenario the same atoms, derivation atoms included. A difference names the case and the
first atom that differs. (bench/prolog_parity.py runs the same on 20,000 cases.)
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.generate import generate_case
from bench.prolog_parity import compare
from pyknow_bridge import load_case
from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.doctrine.rulebook import available_views
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.render.explanation_report import render_memo
from tests.conftest import ROOT
from tests.prolog_support import require_prolog
from tests.test_distinctions import _fact_text, _variants

#: The majority, each view alone, and all of them together.
VIEW_SETS = [(), *((view,) for view in available_views()), tuple(available_views())]
#: Where every scenario's atoms (derivations included) are compared too: the rules of
#: every view are in force in the last set, so each derivation twin is exercised.
WITH_SCENARIOS = {(), tuple(available_views())}


@pytest.fixture(autouse=True)
def _prolog() -> None:
    require_prolog()


def _report(differences: list[tuple[CaseFile, str]], views: tuple[str, ...]) -> str:
    return "\n".join(f"{case.path} (views {views}): {found}" for case, found in differences)


@pytest.mark.parametrize("views", VIEW_SETS, ids=lambda views: "+".join(views) or "majority")
def test_every_fact_file_agrees(views: tuple[str, ...]) -> None:
    cases = [load_case(path) for path in sorted((ROOT / "facts").rglob("*.lp"))]
    assert len(cases) >= 50
    differences = compare(cases, rules_in_force(views), scenarios=views in WITH_SCENARIOS)
    assert not differences, _report(differences, views)


@pytest.mark.parametrize("views", VIEW_SETS, ids=lambda views: "+".join(views) or "majority")
def test_every_distinction_variant_agrees(views: tuple[str, ...], tmp_path: Path) -> None:
    by_year: dict[int | None, list[CaseFile]] = defaultdict(list)
    for number, (spec, variant) in enumerate(p.values for p in _variants()):
        path = tmp_path / f"variant_{number}.lp"
        path.write_text(_fact_text(spec, variant), encoding="utf-8")
        by_year[variant.get("as_of")].append(load_case(path))
    for as_of, cases in by_year.items():
        differences = compare(cases, rules_in_force(views), as_of, views in WITH_SCENARIOS)
        assert not differences, _report(differences, views)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rng=st.randoms(use_true_random=False), view=st.sampled_from(VIEW_SETS))
def test_generated_cases_agree(rng: random.Random, view: tuple[str, ...], tmp_path: Path) -> None:
    cases = []
    for number in range(3):
        path = tmp_path / f"generated_{number}.lp"
        path.write_text(generate_case(rng, number), encoding="utf-8")
        cases.append(load_case(path))
    differences = compare(cases, rules_in_force(view), rng.choice([None, 2000, 2022]))
    assert not differences, (
        _report(differences, view)
        + "\n"
        + "\n".join(case.path.read_text(encoding="utf-8") for case, _ in differences)
    )


# --- The same memo from either engine -------------------------------------------------

_DISPUTED_CALL = """
disputed(contact(valdez, torres)).
disputed(promised(torres, valdez, arrest(perez))).
disputed(acted(torres, valdez, directed)).
"""


@pytest.mark.parametrize("name", ["morgan", "valdez", "warren"])
@pytest.mark.parametrize("views", [(), ("lippman",)])
def test_explain_gives_the_same_memo_on_either_engine(
    name: str, views: tuple[str, ...], tmp_path: Path
) -> None:
    path = tmp_path / f"{name}.lp"
    text = (ROOT / "facts" / "cases" / f"{name}.lp").read_text(encoding="utf-8")
    path.write_text(text + (_DISPUTED_CALL if name == "valdez" else ""), encoding="utf-8")
    case = load_case(path)
    by_clingo = render_memo([explain_case(case, views)])
    by_prolog = render_memo([explain_case(case, views, engine="prolog")])
    assert by_prolog == by_clingo

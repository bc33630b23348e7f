"""A docket explained through one grounding per chunk gives, case by case, exactly the
explanations of each case alone: the engine's answers, the memos, the JSON, the CLI."""

from __future__ import annotations

import random
from pathlib import Path

import clingo
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.generate import generate_case
from pyknow_bridge import load_case
from pyknow_bridge.api import explain_files, explain_loaded
from pyknow_bridge.batch import Failed, Rejected
from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.cli import EXIT_REJECTED, main
from pyknow_bridge.core.errors import SolveError
from pyknow_bridge.core.limits import NO_DEADLINE
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.clingo_control import answer_sets, ground
from pyknow_bridge.engine.docket_disputes import DocketDisputes
from pyknow_bridge.engine.lifted import CaseReader, lifted_facts, unlifted_text
from pyknow_bridge.engine.solver import Disputes
from pyknow_bridge.explain import builder
from pyknow_bridge.explain.builder import explain_case, explain_cases
from pyknow_bridge.render.explanation_json import render_explain_json
from pyknow_bridge.render.explanation_report import render_memo
from tests.conftest import CASES_DIR, GOLDEN_DIR, ROOT

PRECEDENTS = sorted(CASES_DIR.glob("*.lp"))

#: A promise relied on, the contact and the assailant's unknown whereabouts disputed: the
#: outcome turns on both (branches that fix two findings at once).
BRANCHING = """\
case_name("Branches").
jurisdiction(ny).
plaintiff(p). defendant(d). agent(a1, d). third_party(t). claim(p, d).
activity(d, police_protection). harmed_by(p, t).
contact(p, a1). knew_risk(a1, p). promised(a1, p, arrest(t)). relied(p, returned_home).
whereabouts_unknown(t). disputed(contact(p, a1)). disputed(whereabouts_unknown(t)).
"""

_STRUCTURAL = ("case_name", "citation", "jurisdiction", "plaintiff", "defendant", "claim", "agent")


def _disputed_case(rng: random.Random, directory: Path, number: int) -> CaseFile:
    """A generated case with zero to three of its facts disputed."""
    text = generate_case(rng, number)
    lines = text.splitlines()
    facts = [
        line[:-1]
        for line in lines
        if line.endswith(".") and not line.startswith(("%", "disputed", *_STRUCTURAL))
    ]
    already = {line for line in lines if line.startswith("disputed(")}
    for fact in rng.sample(facts, k=min(len(facts), rng.choice([0, 1, 2, 3]))):
        if f"disputed({fact})." not in already:
            lines.append(f"disputed({fact}).")
    path = directory / f"generated_{number}.lp"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_case(path)


def test_docket_memos_are_the_reviewed_golden_memos() -> None:
    # The golden memos are those of each precedent explained alone (test_explain.py).
    cases = [load_case(path.relative_to(ROOT)) for path in PRECEDENTS]
    for case, explanation in zip(cases, explain_cases(cases), strict=True):
        golden = GOLDEN_DIR / f"{Path(case.path).stem}.memo.txt"
        assert render_memo([explanation]) == golden.read_text(encoding="utf-8"), case.path


@given(seed=st.integers(0, 2**32 - 1))
@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_each_case_of_a_docket_gets_the_answers_it_gets_alone(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    cases = [_disputed_case(rng, tmp_path, number) for number in range(5)]
    rules = rules_in_force(("lippman",) if seed % 2 else ())
    docket = DocketDisputes(cases, rules, NO_DEADLINE)
    for index, case in enumerate(cases):
        alone, together = Disputes(case, rules, NO_DEADLINE), docket.of(index)
        assert together.disputed == alone.disputed
        assert together.scenario() == alone.scenario()
        assert together.consequences() == alone.consequences()
        for fact in case.disputed:
            for found in (True, False):
                assert together.consequences([(fact, found)]) == alone.consequences([(fact, found)])
                assert together.scenario([(fact, found)]) == alone.scenario([(fact, found)])
        if len(case.disputed) >= 2:
            both = [(case.disputed[1], False), (case.disputed[0], True)]
            assert together.consequences(both) == alone.consequences(both)
            assert together.scenario(both) == alone.scenario(both)


@pytest.mark.parametrize(
    ("views", "as_of"),
    [((), None), (("lippman",), None), ((), 1975)],
    ids=["majority", "lippman", "as-of-1975"],
)
def test_docket_explanations_equal_each_case_alone(
    tmp_path: Path, views: tuple[str, ...], as_of: int | None
) -> None:
    (tmp_path / "branching.lp").write_text(BRANCHING, encoding="utf-8")
    rng = random.Random(12)
    cases = [load_case(CASES_DIR / "valdez.lp"), load_case(tmp_path / "branching.lp")]
    cases += [_disputed_case(rng, tmp_path, number) for number in range(4)]
    alone = [explain_case(case, views, as_of=as_of) for case in cases]
    together = explain_cases(cases, views, as_of=as_of)
    findings = [f for claim in together[1].claims for b in claim.branches for f in b.findings]
    assert max(map(len, findings)) == 2, "branches fixing two disputed facts"
    for one, docket in zip(alone, together, strict=True):
        assert render_memo([docket]) == render_memo([one])
        assert render_explain_json([docket]) == render_explain_json([one])


def test_the_python_reader_reads_what_the_c_reader_reads() -> None:
    cases = [load_case(CASES_DIR / name) for name in ("valdez.lp", "morgan.lp")]
    facts = "\n".join(lifted_facts(i, case) for i, case in enumerate(cases))
    control = ground(rules_in_force().lifted_explaining, facts)
    found: list[dict[int, frozenset[str]]] = []
    for use_c in (True, False):
        reader = CaseReader(use_c)

        def read(model: clingo.Model, reader: CaseReader = reader) -> None:
            found.append(reader.by_case(reader.copy(model)))

        control.solve(on_model=read)
    assert found[0] == found[1]
    alone = answer_sets(ground(rules_in_force().explaining, _text(cases[1])), NO_DEADLINE)
    assert found[0][1] == {str(symbol) for symbol in alone[0]}


def _text(case: CaseFile) -> str:
    return "\n".join(f"{fact.text}." for fact in case.facts)


def test_a_failing_chunk_is_explained_case_by_case(monkeypatch: pytest.MonkeyPatch) -> None:
    cases = [load_case(CASES_DIR / name) for name in ("valdez.lp", "morgan.lp", "warren.lp")]

    def chunk_fails(*_args: object) -> None:
        raise SolveError("the chunk failed")

    def morgan_fails(case: CaseFile, *args: object) -> object:
        if Path(case.path).stem == "morgan":
            raise SolveError("morgan failed")
        return explain_case(case, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "explain_cases", chunk_fails)
    monkeypatch.setattr(builder, "explain_case", morgan_fails)
    valdez, morgan, warren = explain_loaded(cases)
    assert isinstance(morgan, Failed)
    assert (morgan.kind, morgan.message) == ("solver", "morgan failed")
    assert render_memo([valdez, warren]) == render_memo(  # type: ignore[list-item]
        [explain_case(cases[0]), explain_case(cases[2])]
    )


def test_explain_files_puts_a_rejected_file_in_its_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.lp"
    bad.write_text("claim(p, d).\nspecial_duty(p, d) :- claim(p, d).\n", encoding="utf-8")
    valdez, rejected, morgan = explain_files(
        [CASES_DIR / "valdez.lp", bad, CASES_DIR / "morgan.lp"], chunk_size=2
    )
    assert isinstance(rejected, Rejected)
    assert rejected.path == str(bad)
    assert [valdez.case_name, morgan.case_name] == [  # type: ignore[union-attr]
        "Valdez v. City of New York",
        "Morgan v. District of Columbia",
    ]


def test_cli_explains_the_files_that_load_and_reports_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.lp"
    bad.write_text("claim(p, d).\nspecial_duty(p, d) :- claim(p, d).\n", encoding="utf-8")
    valdez, morgan = str(CASES_DIR / "valdez.lp"), str(CASES_DIR / "morgan.lp")
    runner = CliRunner()
    both = runner.invoke(main, ["explain", "--view", "lippman", valdez, str(bad), morgan])
    assert both.exit_code == EXIT_REJECTED
    assert f"{bad}:2:1: a rule is not allowed" in both.stderr
    alone = [
        runner.invoke(main, ["explain", "--view", "lippman", path]) for path in (valdez, morgan)
    ]
    explanations = [explain_case(load_case(p), ("lippman",)) for p in (valdez, morgan)]
    assert all(run.exit_code == 0 for run in alone)
    assert both.stdout == render_memo(explanations)
    assert [run.stdout for run in alone] == [render_memo([e]) for e in explanations]


@pytest.mark.parametrize(
    ("lifted", "expected"),
    [
        ("p(3,a,b)", (3, "p(a,b)")),
        ("p(12)", (12, "p")),
        ('-q(0,f(x,"a,b"))', (0, '-q(f(x,"a,b"))')),
        ("-q(4)", (4, "-q")),
        ("case(7)", (-1, "case")),
    ],
)
def test_a_lifted_text_reads_as_its_cases_own(lifted: str, expected: tuple[int, str]) -> None:
    # Checked against clingo's own symbols: the case argument dropped, nothing else.
    symbol = clingo.parse_term(lifted)
    assert unlifted_text(str(symbol)) == expected
    if expected[0] >= 0:
        dropped = clingo.Function(symbol.name, symbol.arguments[1:], symbol.positive)
        assert str(dropped) == expected[1]

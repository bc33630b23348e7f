"""The cost of explanations (issue 12's targets), printed as figures.

Run: .venv/bin/python -m bench.explain_cost [--cases 300] [--repeat 5] [--chunk 100]
(``--chunk`` defaults to what ``pyknow-bridge explain`` uses, ``api.EXPLAIN_CHUNK``)

- p50 per generated case (bench/generate.py): load, solve, explain and render the memo,
  each case alone (target < 5 ms);
- the same cases as a docket, ``--chunk`` cases per grounding (``explain_cases``, what
  ``pyknow-bridge explain`` does with several files). A chunk's time divided by its cases
  is a mean, not a p50, so two figures are printed: the mean per case (the whole docket's
  time, loading and memos included, over its cases; min and median over ``--repeat``
  runs), and the p50 of the per-case time where each case is charged its own loading, its
  own explanation and memo (and the solves it is first to ask for) plus an equal share of
  its chunk's grounding and first solve (each case's best of ``--repeat`` runs);
- clingo's share alone, per case, alone against in a docket: grounding and the questions
  every explanation asks (the stated scenario, brave and cautious consequences overall
  and with each disputed fact fixed each way), without the Python tree or the memo
  (mean per case, min and median over ``--repeat`` runs);
- one file with 10 claims against one with 100 (target: under 10x the time);
- one claim with 20 disputed facts (target < 1 s; more than 10 used to be refused).

Each figure is the best of ``--repeat`` runs after one warm-up (the rules are parsed and
compiled once per process).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.generate import generate_case
from pyknow_bridge import load_case
from pyknow_bridge.api import EXPLAIN_CHUNK
from pyknow_bridge.core.limits import NO_DEADLINE
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.docket_disputes import DocketDisputes
from pyknow_bridge.engine.solver import DisputeQuestions, Disputes
from pyknow_bridge.explain.builder import explain_case, explain_cases, explain_with_disputes
from pyknow_bridge.render.explanation_report import render_memo

#: What every claim of the many-claims file states: a promise relied on, a defeater, a call.
_CLAIM = [
    "plaintiff({p}).",
    "claim({p}, d).",
    "harmed_by({p}, t).",
    "contact({p}, a1).",
    "knew_risk(a1, {p}).",
    "reported_threat({p}, a1, t).",
    "promised(a1, {p}, arrest(t)).",
    "relied({p}, returned_home).",
    "expected_confirmation({p}).",
    "deadline_passed({p}).",
]

#: Twenty facts of one claim, each disputed.
_DISPUTED = [
    "contact(p, a1)",
    "contact(p, a2)",
    "knew_risk(a1, p)",
    "knew_risk(a2, p)",
    "requested_protection(p, a1)",
    "reported_threat(p, a1, t)",
    "promised(a1, p, arrest(t))",
    "promised(a2, p, send_help)",
    "acted(a1, p, directed)",
    "acted(a2, p, stayed_nearby)",
    "relied(p, returned_home)",
    "relied(p, stayed_home)",
    "relied(p, forwent_other_help)",
    "whereabouts_unknown(t)",
    "expected_confirmation(p)",
    "deadline_passed(p)",
    "knew_not_performed(p)",
    "reliance_unrelated(p)",
    "own_initiative(p, moved)",
    "extraordinary_chain(p)",
]

_HEADER = [
    'case_name("Synthetic").',
    "jurisdiction(ny).",
    "defendant(d).",
    "agent(a1, d).",
    "agent(a2, d).",
    "third_party(t).",
    "activity(d, police_protection).",
]


def many_claims(count: int) -> str:
    """A New York file with ``count`` plaintiffs, each with the same claim."""
    lines = list(_HEADER)
    for number in range(count):
        lines += [line.format(p=f"p{number}") for line in _CLAIM]
    return "\n".join(lines) + "\n"


def many_disputes() -> str:
    """One claim whose twenty facts are all disputed."""
    lines = [*_HEADER, "plaintiff(p).", "claim(p, d).", "harmed_by(p, t)."]
    lines += [f"{fact}." for fact in _DISPUTED] + [f"disputed({fact})." for fact in _DISPUTED]
    return "\n".join(lines) + "\n"


def explain(path: Path) -> float:
    start = time.perf_counter()
    render_memo([explain_case(load_case(path))])
    return time.perf_counter() - start


def docket_total(paths: list[Path], chunk: int) -> float:
    """Seconds to load, explain (``chunk`` cases per grounding) and render every case."""
    start = time.perf_counter()
    for first in range(0, len(paths), chunk):
        cases = [load_case(p) for p in paths[first : first + chunk]]
        for explanation in explain_cases(cases):
            render_memo([explanation])
    return time.perf_counter() - start


def docket_per_case(paths: list[Path], chunk: int) -> list[float]:
    """Each case's seconds in the docket: its loading, explanation and memo, plus an equal
    share of its chunk's grounding (see the module's docstring)."""
    rules = rules_in_force()
    per_case = []
    for first in range(0, len(paths), chunk):
        loads, cases = [], []
        for path in paths[first : first + chunk]:
            start = time.perf_counter()
            cases.append(load_case(path))
            loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        docket = DocketDisputes(cases, rules, NO_DEADLINE)
        share = (time.perf_counter() - start) / len(cases)
        for index, case in enumerate(cases):
            start = time.perf_counter()
            render_memo([explain_with_disputes(case, rules, docket.of(index), NO_DEADLINE)])
            per_case.append(loads[index] + share + time.perf_counter() - start)
    return per_case


def clingo_share(paths: list[Path], chunk: int | None) -> float:
    """Seconds clingo takes to answer every case's standing questions: each case grounded
    alone (``chunk`` None) or ``chunk`` cases per grounding. Loading is not timed."""
    rules = rules_in_force()
    loaded = [load_case(p) for p in paths]
    start = time.perf_counter()
    size = chunk or 1
    for first in range(0, len(loaded), size):
        cases = loaded[first : first + size]
        if chunk is None:
            asked: list[DisputeQuestions] = [Disputes(cases[0], rules, NO_DEADLINE)]
        else:
            docket = DocketDisputes(cases, rules, NO_DEADLINE)
            asked = [docket.of(i) for i in range(len(cases))]
        for disputes in asked:
            disputes.scenario()
            disputes.consequences()
            for fact in disputes.disputed:
                disputes.consequences([(fact, True)])
                disputes.consequences([(fact, False)])
    return time.perf_counter() - start


def best(run: Callable[[], float], repeat: int) -> float:
    run()  # warm-up
    return min(run() for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--chunk", type=int, default=EXPLAIN_CHUNK, help="cases per grounding (docket)"
    )
    arguments = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        rng = random.Random(1)
        generated = []
        for number in range(arguments.cases):
            path = root / f"case_{number}.lp"
            path.write_text(generate_case(rng, number), encoding="utf-8")
            generated.append(path)
        explain(generated[0])
        per_case = [min(explain(p) for _ in range(3)) for p in generated]
        p50 = statistics.median(per_case) * 1000
        print(
            f"generated cases: p50 {p50:.1f} ms per case (target < 5 ms), "
            f"p90 {statistics.quantiles(per_case, n=10)[-1] * 1000:.1f} ms, "
            f"max {max(per_case) * 1000:.1f} ms over {len(per_case)} cases"
        )
        docket_total(generated[:2], arguments.chunk)  # warm-up: the lifted program is built once
        totals = [docket_total(generated, arguments.chunk) for _ in range(arguments.repeat)]
        runs = [docket_per_case(generated, arguments.chunk) for _ in range(arguments.repeat)]
        shared = [min(times) for times in zip(*runs, strict=True)]
        cases = len(generated)
        print(
            f"docket, {arguments.chunk} cases per grounding: mean per case "
            f"{min(totals) / cases * 1000:.1f} ms (min) / "
            f"{statistics.median(totals) / cases * 1000:.1f} ms (median of {len(totals)} runs); "
            f"p50 per case, grounding shared {statistics.median(shared) * 1000:.1f} ms, "
            f"p90 {statistics.quantiles(shared, n=10)[-1] * 1000:.1f} ms, "
            f"max {max(shared) * 1000:.1f} ms (target < 5 ms)"
        )
        for label, chunk in (
            ("alone", None),
            (f"{arguments.chunk} per grounding", arguments.chunk),
        ):
            runs_ms = [
                clingo_share(generated, chunk) / cases * 1000 for _ in range(arguments.repeat)
            ]
            print(
                f"clingo's share, each case {label}: {min(runs_ms):.2f} ms (min) / "
                f"{statistics.median(runs_ms):.2f} ms (median) per case"
            )
        timings = {}
        for count in (10, 100):
            path = root / f"claims_{count}.lp"
            path.write_text(many_claims(count), encoding="utf-8")
            timings[count] = best(lambda path=path: explain(path), arguments.repeat)  # type: ignore[misc]
        ratio = timings[100] / timings[10]
        print(
            f"claims in one file: 10 in {timings[10] * 1000:.0f} ms, 100 in "
            f"{timings[100] * 1000:.0f} ms: {ratio:.1f}x (target < 10x)"
        )
        path = root / "disputes_20.lp"
        path.write_text(many_disputes(), encoding="utf-8")
        assert len(load_case(path).disputed) == len(_DISPUTED)
        seconds = best(lambda: explain(path), arguments.repeat)
        print(f"one claim, {len(_DISPUTED)} disputed facts: {seconds * 1000:.0f} ms (target < 1 s)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

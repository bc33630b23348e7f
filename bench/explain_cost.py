"""The cost of explanations (issue 12's targets), printed as figures.

Run: .venv/bin/python bench/explain_cost.py [--cases 300] [--repeat 5]

- p50 per generated case (bench/generate.py): load, solve, explain and render the memo
  (target < 5 ms);
- one file with 10 claims against one with 100 (target: under 10x the time);
- one claim with 20 disputed facts (target < 1 s; more than 10 used to be refused).

Each figure is the best of ``--repeat`` runs after one warm-up (the rules are parsed and
compiled once per process).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.generate import generate_case
from pyknow_bridge import load_case
from pyknow_bridge.explain.builder import explain_case
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


def best(run: Callable[[], float], repeat: int) -> float:
    run()  # warm-up
    return min(run() for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
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


if __name__ == "__main__":
    main()

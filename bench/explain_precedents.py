"""Time the explanation of every precedent file (the issue's target: under a second in all).

Run: .venv/bin/python bench/explain_precedents.py [--repeat N]
Prints the total for all files (loading, solving every scenario, building the graph and
rendering the memo), best of N runs after one warm-up, and each file's time.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from pyknow_bridge import load_case
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.render.explanation_report import render_memo

CASES = sorted((Path(__file__).resolve().parent.parent / "facts" / "cases").glob("*.lp"))


def explain_all() -> dict[str, float]:
    timings = {}
    for path in CASES:
        start = time.perf_counter()
        render_memo([explain_case(load_case(path))])
        timings[path.stem] = time.perf_counter() - start
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    explain_all()  # warm-up: parses and compiles the rules once per process
    runs = [explain_all() for _ in range(repeat)]
    totals = [sum(run.values()) for run in runs]
    best = runs[totals.index(min(totals))]
    print(
        f"explain + memo, all {len(CASES)} precedent files: best {min(totals) * 1000:.0f} ms, "
        f"median {statistics.median(totals) * 1000:.0f} ms over {repeat} runs"
    )
    print(
        f"per file: p50 {statistics.median(best.values()) * 1000:.1f} ms, "
        f"max {max(best.values()) * 1000:.1f} ms ({max(best, key=best.__getitem__)})"
    )


if __name__ == "__main__":
    main()

"""Soak: 100,000 consecutive generated cases through one Prolog engine.

    .venv/bin/python bench/prolog_soak.py [--count 100000] [--warm-up 5000] [--seed 11]

Each case is new (bench/generate.py), written to one file and loaded strictly, then
solved with ``engine="prolog"`` in this process (one engine, one owning thread). Prints
the resident memory after the warm-up and every 10,000 cases, the throughput after the
warm-up, and the growth from the warm-up to the end (target: under 20 MB).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate_case
from pyknow_bridge.casefile.loader import load_case
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.solver import solve_case


def resident_mb() -> float:
    """This process's resident memory now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--warm-up", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=11)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    rules = rules_in_force()
    warm_rss = 0.0
    warm_at = 0.0
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "case.lp"
        for number in range(1, arguments.count + 1):
            path.write_text(generate_case(rng, number), encoding="utf-8")
            solve_case(load_case(path), rules, engine="prolog")
            if number == arguments.warm_up:
                warm_rss, warm_at = resident_mb(), time.perf_counter()
                print(f"after the warm-up ({number} cases): {warm_rss:.1f} MB resident")
            elif number % 10_000 == 0:
                print(f"{number} cases: {resident_mb():.1f} MB resident", flush=True)
    seconds = time.perf_counter() - warm_at
    end_rss = resident_mb()
    solved = arguments.count - arguments.warm_up
    print(
        f"{arguments.count} cases through one Prolog engine, no failure; after the warm-up "
        f"{solved} cases in {seconds:.0f} s ({solved / seconds:,.0f} cases/s, loading included)"
    )
    growth = end_rss - warm_rss
    verdict = "met" if growth < 20 else "missed"
    print(
        f"resident memory: {warm_rss:.1f} MB after the warm-up, {end_rss:.1f} MB at the end: "
        f"growth {growth:+.1f} MB (target < 20 MB: {verdict})"
    )
    sys.exit(0 if growth < 20 else 1)


if __name__ == "__main__":
    main()

"""The fact-file loader's speed: per typical file, and on files at the size limit.

Run: .venv/bin/python bench/loader.py [--files 2000] [--runs 3]

Prints, in CPU seconds of this process (``time.process_time``, so that other work on the
machine disturbs the figures less):

  typical file   load_case per generated case file (bench/generate.py): min and median
                 over the runs, in microseconds per file
  5 MB files     load_case on a file just under the 5 MB limit: valid flat facts, facts
                 with function terms, facts with strings, and a file of bare ``#`` lines
                 (refused); each must load (or be refused) in under 2 s

Run it on another checkout (``PYTHONPATH=OTHER .venv/bin/python bench/loader.py``) to
compare two versions of the loader on the same files.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import generate_case
from pyknow_bridge.casefile.loader import FactFileError, load_case

HEADER = (
    "jurisdiction(ny).\nplaintiff(p).\ndefendant(d).\nagent(a, d).\nthird_party(t).\nclaim(p, d).\n"
)
LIMIT = 5_000_000
BIG_FILES = {
    "valid flat facts": "knew_risk(a, p).  % a comment\n",
    "function terms": "promised(a, p, arrest(t)).\n",
    "strings with escapes": 'case_name("a \\"quoted\\" name").\n',
    "bare # lines (refused)": "#\n",
}


def _typical(directory: Path, count: int, runs: int) -> tuple[float, float]:
    rng = random.Random(1)
    files = []
    for number in range(count):
        path = directory / f"case_{number:05d}.lp"
        path.write_text(generate_case(rng, number), encoding="utf-8")
        files.append(path)
    load_case(files[0])
    per_file = []
    for _ in range(runs):
        start = time.process_time()
        for path in files:
            load_case(path)
        per_file.append((time.process_time() - start) / count * 1e6)
    return min(per_file), statistics.median(per_file)


def _big(directory: Path, line: str) -> tuple[float, str]:
    path = directory / "big.lp"
    repeats = (LIMIT - len(HEADER) - 100) // len(line)
    path.write_text(HEADER + line * repeats, encoding="utf-8")
    start = time.process_time()
    try:
        outcome = f"{len(load_case(path).facts)} facts"
    except FactFileError as error:
        outcome = f"refused ({len(error.problems)} problems)"
    return time.process_time() - start, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        best, median = _typical(directory, arguments.files, arguments.runs)
        print(
            f"typical file: {best:.0f} us (min), {median:.0f} us (median) per file, "
            f"{arguments.files} files x {arguments.runs} runs"
        )
        for name, line in BIG_FILES.items():
            seconds, outcome = _big(directory, line)
            print(f"5 MB, {name}: {seconds:.2f} s ({outcome})")


if __name__ == "__main__":
    main()

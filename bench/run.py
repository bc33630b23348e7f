"""The benchmark: cases per second and peak memory, every way of solving, in one run.

Run: .venv/bin/python bench/run.py [--sizes 1000,10000,100000] [--sample 300]
         [--cli-sample 40] [--runs 3]

For each size it generates realistic case files (bench/generate.py, reused if present
under --data) and measures, each mode --runs times, each run in a fresh subprocess so
that its peak memory is its own:

  batch          pyknow_bridge.batch.solve_many over the directory (JSON per case), in
                 this process
  batch (workers) the same with one worker process per CPU (the CLI's default): each loads
                 and grounds whole chunks
  in-process     clingo doing batch's solving work in this process and nothing else: the
  floor          facts text of each chunk built beforehand, the same chunks, one solve for
                 the cases without disputes and brave + cautious for those with; no
                 loading, checking or result building
  raw clingo     `python -m clingo` doing the same work on the whole docket at once: one
                 program of the cases without disputes (one solve), one of those with
                 (brave, then cautious)
  single loop    solve_file per case in one process (on a sample of --sample files)
  + explain      load, solve every scenario, explain and render the memo, per case (sample)
  CLI per file   one `pyknow-bridge solve FILE` process per case (on --cli-sample files)
  Prolog batch   solve_many with engine="prolog": worker processes, one engine per CPU,
                 50 cases per query
  Prolog single  solve_file with engine="prolog" per case (sample), one engine
  Prolog explain the explanation per case with engine="prolog" (sample)

and prints a Markdown table (seconds as the minimum and the median of the runs, cases per
second at the median), then the targets: batch within 2x of the in-process floor, one
case solved and explained in-process at p50 under 10 ms, CLI start under 0.6 s, Prolog's
single loop at least as fast as clingo's, Prolog batch within 2x of clingo batch.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _files(directory: Path, limit: int | None = None) -> list[Path]:
    files = sorted(directory.glob("*.lp"))
    return files[:limit] if limit else files


# --- Modes, each run in its own process --------------------------------------------------


#: Cases per grounding in the batch mode, and in the in-process floor that matches it.
CHUNK = 1000


def mode_batch(
    directory: Path, _: int, engine: str = "clingo", workers: int | None = None
) -> dict[str, float]:
    from pyknow_bridge.batch import solve_many
    from pyknow_bridge.render.result_json import case_to_dict

    start = time.perf_counter()
    count = 0
    for result in solve_many([directory], chunk_size=CHUNK, engine=engine, workers=workers):
        json.dumps(case_to_dict(result))  # type: ignore[arg-type]
        count += 1
    figures = {"cases": count, "seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}
    if engine == "prolog" or workers:  # the workers' memory is their own
        figures["worker_mb"] = _peak_mb(resource.RUSAGE_CHILDREN)
    return figures


def _lifted_groups(files: list[Path]) -> list[tuple[str, bool]]:
    """Batch's groundings, built before any timing: for each chunk of ``CHUNK`` files, the
    lifted facts text of its cases without disputes, then of those with (``True``)."""
    from pyknow_bridge.batch import lifted_facts
    from pyknow_bridge.casefile.loader import load_case

    groups: list[tuple[str, bool]] = []
    for first in range(0, len(files), CHUNK):
        cases = [load_case(path) for path in files[first : first + CHUNK]]
        for disputed in (False, True):
            group = [case for case in cases if bool(case.disputed_texts) is disputed]
            if group:
                text = "\n".join(lifted_facts(i, case) for i, case in enumerate(group))
                groups.append((text, disputed))
    return groups


def mode_floor(directory: Path, _: int) -> dict[str, float]:
    import clingo
    from clingo import ast

    from pyknow_bridge.doctrine.rules_in_force import rules_in_force

    files = _files(directory)
    groups = _lifted_groups(files)
    program = rules_in_force().lifted
    start = time.perf_counter()
    for facts, disputed in groups:
        control = clingo.Control(["--models=0"])
        with ast.ProgramBuilder(control) as builder:
            for statement in program:
                builder.add(statement)
        control.add("base", [], facts)
        control.ground([("base", [])])
        for mode in ("brave", "cautious") if disputed else ("auto",):
            control.configuration.solve.enum_mode = mode  # type: ignore[union-attr]
            with control.solve(yield_=True) as models:
                for model in models:  # read each model's shown atoms, as batch does
                    model.symbols(shown=True)
    seconds = time.perf_counter() - start
    return {"cases": len(files), "seconds": seconds, "peak_mb": _peak_mb()}


def mode_raw_clingo(directory: Path, _: int) -> dict[str, float]:
    from pyknow_bridge.batch import lifted_facts
    from pyknow_bridge.casefile.loader import load_case
    from pyknow_bridge.doctrine.rules_in_force import rules_in_force

    files = _files(directory)
    rules = "\n".join(str(s) for s in rules_in_force().lifted)
    texts: dict[bool, list[str]] = {False: [rules], True: [rules]}
    for number, path in enumerate(files):
        case = load_case(path)
        texts[bool(case.disputed_texts)].append(lifted_facts(number, case))
    programs: dict[bool, str] = {}
    for disputed, lines in texts.items():
        if len(lines) > 1:
            with tempfile.NamedTemporaryFile("w", suffix=".lp", delete=False) as program:
                program.write("\n".join(lines) + "\n")
                programs[disputed] = program.name
    start = time.perf_counter()
    for disputed, name in programs.items():
        for mode in ("brave", "cautious") if disputed else ("auto",):
            subprocess.run(
                [sys.executable, "-m", "clingo", name, "0", f"--enum-mode={mode}", "-q"],
                check=False,
                stdout=subprocess.DEVNULL,
            )
    seconds = time.perf_counter() - start
    for name in programs.values():
        os.unlink(name)
    return {"cases": len(files), "seconds": seconds, "peak_mb": _peak_mb(resource.RUSAGE_CHILDREN)}


def mode_single(directory: Path, sample: int, engine: str = "clingo") -> dict[str, float]:
    from pyknow_bridge import solve_file

    files = _files(directory, sample)
    solve_file(files[0], engine=engine)  # warm: rules parsed (and the Prolog program loaded)
    start = time.perf_counter()
    for path in files:
        solve_file(path, engine=engine)
    return {"cases": len(files), "seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}


def mode_explain(directory: Path, sample: int, engine: str = "clingo") -> dict[str, float]:
    from pyknow_bridge import load_case
    from pyknow_bridge.explain.builder import explain_case
    from pyknow_bridge.render.explanation_report import render_memo

    files = _files(directory, sample)
    render_memo([explain_case(load_case(files[0]), engine=engine)])
    latencies = []
    for path in files:
        start = time.perf_counter()
        render_memo([explain_case(load_case(path), engine=engine)])
        latencies.append(time.perf_counter() - start)
    return {
        "cases": len(files),
        "seconds": sum(latencies),
        "peak_mb": _peak_mb(),
        "p50_ms": statistics.median(latencies) * 1000,
    }


def mode_cli(directory: Path, sample: int) -> dict[str, float]:
    files = _files(directory, sample)
    command = str(VENV_BIN / "pyknow-bridge")
    starts = []
    for _ in range(10):
        start = time.perf_counter()
        subprocess.run([command, "--version"], check=True, stdout=subprocess.DEVNULL)
        starts.append(time.perf_counter() - start)
    start = time.perf_counter()
    for path in files:
        subprocess.run([command, "solve", str(path)], check=False, stdout=subprocess.DEVNULL)
    return {
        "cases": len(files),
        "seconds": time.perf_counter() - start,
        "peak_mb": _peak_mb(resource.RUSAGE_CHILDREN),
        "start_s": statistics.median(starts),
    }


def mode_batch_workers(directory: Path, sample: int) -> dict[str, float]:
    from pyknow_bridge.core.machine import available_cpus

    return mode_batch(directory, sample, workers=available_cpus())


MODES = {
    "batch": mode_batch,
    "batch (workers)": mode_batch_workers,
    "in-process floor": mode_floor,
    "raw clingo": mode_raw_clingo,
    "single loop": mode_single,
    "+ explain": mode_explain,
    "CLI per file": mode_cli,
    "Prolog batch": lambda directory, sample: mode_batch(directory, sample, "prolog"),
    "Prolog single loop": lambda directory, sample: mode_single(directory, sample, "prolog"),
    "Prolog + explain": lambda directory, sample: mode_explain(directory, sample, "prolog"),
}


def _measure(mode: str, directory: Path, sample: int) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(directory), str(sample)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, float] = json.loads(run.stdout)
    return figures


def _ratios(size: int, rows: dict[str, dict[str, float]]) -> list[str]:
    """The targets' ratios, for the modes measured."""
    targets: list[str] = []
    comparisons = (
        ("Prolog single loop", "single loop", " target <= 1x"),
        ("Prolog batch", "batch", " target <= 2x"),
        ("Prolog + explain", "+ explain", ""),
        ("batch", "in-process floor", " (target <= 2x)"),
        ("batch", "raw clingo", ""),
        ("batch (workers)", "in-process floor", " (target <= 2x)"),
        ("batch (workers)", "raw clingo", ""),
    )
    for measured, anchor, target in comparisons:
        if measured not in rows or anchor not in rows:
            continue
        least = rows[measured]["min"] / rows[anchor]["min"]
        middle = rows[measured]["median"] / rows[anchor]["median"]
        targets.append(
            f"{size}: {measured} / {anchor} = {least:.2f}x (min), {middle:.2f}x (median){target}"
        )
    return targets


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        _, _, mode, directory, sample = sys.argv
        print(json.dumps(MODES[mode](Path(directory), int(sample))))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--sample", type=int, default=300, help="cases for the per-case loops")
    parser.add_argument("--cli-sample", type=int, default=40, help="cases for one process each")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "pyknow-bench")
    parser.add_argument("--runs", type=int, default=3, help="runs of each mode (min, median)")
    parser.add_argument(
        "--modes",
        default=",".join(MODES),
        help="the modes to measure, comma-separated (the ratios need the modes they compare)",
    )
    arguments = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench.generate import write_cases

    print(
        "| cases | mode | measured on | seconds (min) | seconds (median) | cases/s (median) "
        "| peak MB | note |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    targets: list[str] = []
    for size in (int(s) for s in arguments.sizes.split(",")):
        directory = arguments.data / str(size)
        write_cases(size, directory)
        rows: dict[str, dict[str, float]] = {}
        for mode in [m for m in MODES if m in arguments.modes.split(",")]:
            sample = arguments.cli_sample if mode == "CLI per file" else arguments.sample
            runs = [_measure(mode, directory, sample) for _ in range(arguments.runs)]
            seconds = [run["seconds"] for run in runs]
            figures = {
                **runs[0],
                "min": min(seconds),
                "median": statistics.median(seconds),
                "peak_mb": max(run["peak_mb"] for run in runs),
            }
            for key in ("p50_ms", "start_s", "worker_mb"):
                if key in figures:
                    figures[key] = statistics.median(run[key] for run in runs)
            rows[mode] = figures
            note = ""
            if "p50_ms" in figures:
                note = f"p50 {figures['p50_ms']:.1f} ms per case"
            if "start_s" in figures:
                note = f"start (--version) {figures['start_s']:.2f} s"
            if "worker_mb" in figures:
                note = f"largest worker peak {figures['worker_mb']:.0f} MB"
            rate = figures["cases"] / figures["median"]
            print(
                f"| {size} | {mode} | {int(figures['cases'])} | {figures['min']:.2f} | "
                f"{figures['median']:.2f} | {rate:,.0f} | {figures['peak_mb']:.0f} | {note} |",
                flush=True,
            )
        targets.extend(_ratios(size, rows))
    print()
    for line in targets:
        print(line)
    if "+ explain" in rows:
        p50 = rows["+ explain"]["p50_ms"]
        print(f"one case solved and explained in-process, p50: {p50:.1f} ms (target < 10 ms)")
    if "CLI per file" in rows:
        print(f"CLI start: {rows['CLI per file']['start_s']:.2f} s (target < 0.6 s)")


if __name__ == "__main__":
    main()

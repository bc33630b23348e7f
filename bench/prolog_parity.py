"""Differential test of the Prolog engine against clingo, conclusion by conclusion.

For each case both engines must give the same shown atoms with the same modality
(certain or only possible), single-case and in batch (the Prolog engine's lifted
program, all the cases by one query), and, scenario by scenario, the same atoms,
derivation atoms included. clingo solves many cases per grounding here (the lifted
program, as ``batch`` does; a test checks that batch equals single), so that a long run
measures Prolog; cases with disputed facts get their clingo scenarios one case at a time.

    .venv/bin/python bench/prolog_parity.py [--count 20000] [--seed 7] [--jobs 1]

prints how many cases were compared, how long it took, and every difference.
The test suite (tests/test_prolog_parity.py) runs the same comparison on every fact
file, every distinction variant and generated cases.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import clingo

from bench.generate import generate_case
from pyknow_bridge.batch import lifted_facts
from pyknow_bridge.casefile.loader import CaseFile, load_case
from pyknow_bridge.core.limits import NO_DEADLINE
from pyknow_bridge.doctrine.lift import CASE, lift_over_case
from pyknow_bridge.doctrine.rules_in_force import RuleSet, rules_in_force
from pyknow_bridge.engine.clingo_control import answer_sets, consequences, ground
from pyknow_bridge.engine.prolog_engine import MAX_LIFTED_DISPUTES, prolog_engine
from pyknow_bridge.engine.shown import Shown, shown_atoms
from pyknow_bridge.engine.solver import Scenario, solve_case, solve_scenarios

Scenarios = dict[Scenario, frozenset[clingo.Symbol]]


def clingo_shown(cases: Sequence[CaseFile], rules: RuleSet, as_of: int | None) -> list[set[Shown]]:
    """Each case's shown atoms with whether each is certain, from one lifted grounding per
    group (cases with and without disputed facts apart, as ``batch`` does)."""
    found: list[set[Shown]] = [set() for _ in cases]
    for choices in (False, True):
        group = [i for i, case in enumerate(cases) if bool(case.disputed_texts) == choices]
        if not group:
            continue
        facts = "\n".join(lifted_facts(i, cases[i], as_of) for i in group)
        solved = consequences(ground(rules.lifted, facts), NO_DEADLINE, choices)
        for (name, case_id, *arguments), certain in shown_atoms(solved):
            found[int(case_id)].add(((name, *arguments), certain))
    return found


def prolog_shown(case: CaseFile, rules: RuleSet, as_of: int | None) -> set[Shown]:
    return set(shown_atoms(solve_case(case, rules, None, as_of, engine="prolog")))


def prolog_batch_shown(
    cases: Sequence[CaseFile], rules: RuleSet, as_of: int | None
) -> list[set[Shown] | None]:
    """Each case's shown atoms from the lifted Prolog program, every case in one query, as
    batch solves them (None: a case with more disputed facts than batch solves together)."""
    together = [i for i, case in enumerate(cases) if len(case.disputed) <= MAX_LIFTED_DISPUTES]
    solved = prolog_engine().solve_together([cases[i] for i in together], rules, NO_DEADLINE, as_of)
    found: list[set[Shown] | None] = [None] * len(cases)
    for index, atoms in zip(together, solved, strict=True):
        found[index] = set(atoms)
    return found


def clingo_scenarios(
    cases: Sequence[CaseFile], rules: RuleSet, as_of: int | None
) -> list[Scenarios]:
    """Every scenario of each case with all its atoms: the cases without disputed facts
    (one scenario each) from one lifted grounding of the explaining program."""
    found: list[Scenarios] = [{} for _ in cases]
    plain = [i for i, case in enumerate(cases) if not case.disputed_texts]
    if plain:
        program = [lift_over_case(statement) for statement in rules.explaining]
        facts = "\n".join(lifted_facts(i, cases[i], as_of) for i in plain)
        (atoms,) = answer_sets(ground(program, facts), NO_DEADLINE)
        by_case: dict[int, set[clingo.Symbol]] = defaultdict(set)
        for symbol in atoms:
            if symbol.name != CASE:
                case_id, *arguments = symbol.arguments
                by_case[case_id.number].add(clingo.Function(symbol.name, arguments))
        for i in plain:
            found[i] = {(): frozenset(by_case[i])}
    for i, case in enumerate(cases):
        if case.disputed_texts:
            found[i] = solve_scenarios(case, rules, None, as_of)
    return found


def first_shown_difference(expected: set[Shown], got: set[Shown]) -> str | None:
    """The first atom whose modality differs (clingo: expected), or None."""
    modality = {False: "possible", True: "certain"}
    clingo_atoms = {atom: certain for atom, certain in expected}
    prolog_atoms = {atom: certain for atom, certain in got}
    for atom in sorted(clingo_atoms.keys() | prolog_atoms.keys()):
        left, right = clingo_atoms.get(atom), prolog_atoms.get(atom)
        if left != right:
            text = f"{atom[0]}({','.join(atom[1:])})" if len(atom) > 1 else atom[0]
            said = [
                f"{engine}: {'absent' if value is None else modality[value]}"
                for engine, value in (("clingo", left), ("prolog", right))
            ]
            return f"{text} ({', '.join(said)})"
    return None


def first_scenario_difference(expected: Scenarios, got: Scenarios) -> str | None:
    """The first scenario and atom in which the engines differ, or None."""
    if expected.keys() != got.keys():
        return f"scenarios differ: clingo {sorted(expected)}, prolog {sorted(got)}"
    for scenario in sorted(expected):
        left, right = expected[scenario], got[scenario]
        if left != right:
            atom = min(left ^ right, key=str)
            where = "only clingo" if atom in left else "only prolog"
            return f"scenario {scenario}: {atom} ({where})"
    return None


def compare(
    cases: Sequence[CaseFile], rules: RuleSet, as_of: int | None = None, scenarios: bool = True
) -> list[tuple[CaseFile, str]]:
    """Every case whose engines differ, with the first difference; ``scenarios``: also
    every scenario's atoms (derivations included), not only the shown atoms."""
    differences: list[tuple[CaseFile, str]] = []
    expected_shown = clingo_shown(cases, rules, as_of)
    expected_scenarios = clingo_scenarios(cases, rules, as_of) if scenarios else None
    in_batch = prolog_batch_shown(cases, rules, as_of)
    for index, (case, shown) in enumerate(zip(cases, expected_shown, strict=True)):
        found = first_shown_difference(shown, prolog_shown(case, rules, as_of))
        batch = in_batch[index]
        if found is None and batch is not None:
            found = first_shown_difference(shown, batch)
            found = None if found is None else f"in batch: {found}"
        if found is None and expected_scenarios is not None:
            got = solve_scenarios(case, rules, None, as_of, engine="prolog")
            found = first_scenario_difference(expected_scenarios[index], got)
        if found is not None:
            differences.append((case, found))
    return differences


VIEW_SETS = [(), ("lippman",), ("jones",), ("lippman", "jones")]


def compare_chunk(job: tuple[int, int, int]) -> tuple[int, list[str]]:
    """Generate chunk ``number`` of ``size`` cases (its own seed) and compare them under
    the chunk's views (the view sets in turn); the count and each difference."""
    seed, number, size = job
    rng = random.Random(f"{seed}-{number}")
    views = VIEW_SETS[number % len(VIEW_SETS)]
    with tempfile.TemporaryDirectory() as directory:
        cases = []
        for index in range(size):
            path = Path(directory) / f"chunk_{number}_case_{index}.lp"
            path.write_text(generate_case(rng, index), encoding="utf-8")
            cases.append(load_case(path))
        found = [
            f"{case.path.name} (views {views}): {difference}\n"
            f"{case.path.read_text(encoding='utf-8')}"
            for case, difference in compare(cases, rules_in_force(views))
        ]
    return size, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=1, help="processes, each with its engine")
    arguments = parser.parse_args()
    sizes = [
        min(arguments.chunk, arguments.count - first)
        for first in range(0, arguments.count, arguments.chunk)
    ]
    jobs = [(arguments.seed, number, size) for number, size in enumerate(sizes)]
    compared = different = 0
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(arguments.jobs) as pool:
        for size, found in pool.imap_unordered(compare_chunk, jobs):
            for difference in found:
                print(f"DIFFERENCE {difference}")
            compared += size
            different += len(found)
            print(f"{compared} cases compared, {different} differ", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    print(
        f"compared {compared} generated cases (seed {arguments.seed}, chunks of "
        f"{arguments.chunk} under the majority and the views in turn, {arguments.jobs} "
        f"processes): {different} differ; {seconds:.0f} s"
    )
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()

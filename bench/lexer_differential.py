"""A long run of the differential test of the loader's lexer against clingo's parser.

Run: .venv/bin/python bench/lexer_differential.py [--count 60000] [--seed 7]

Generates random ASCII text from the fragments of tests/test_lexer_differential.py (facts,
nested comments, strings with every kind of escape, directives, stray characters) and
checks, for each: what the loader accepts, clingo reads as exactly the same facts; and a
directive placed after the text is seen by both or hidden by both. Prints the number of
inputs and of mismatches (each mismatch with its text, at most five).
"""

from __future__ import annotations

import argparse
import random

from pyknow_bridge.casefile.fact_syntax import parse_facts
from tests.test_lexer_differential import FRAGMENTS, clingo_facts

ALPHABET = "pqab(),.%*\"\\ \n#!-_'"


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 30)):
        if rng.random() < 0.7:
            parts.append(rng.choice(FRAGMENTS))
        else:
            parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 4))))
    return "".join(parts)


def _mismatch(text: str) -> str | None:
    facts, problems = parse_facts(text)
    if not problems and clingo_facts(text) != [fact.text for fact in facts]:
        return "accepted, but clingo reads other statements"
    probe = text + "\n#show marker/0.\n"
    _, probe_problems = parse_facts(probe)
    theirs = clingo_facts(probe)
    seen = any("#show" in p.message for p in probe_problems)
    if theirs is not None and seen != ("<ShowSignature>" in theirs):
        return "a directive after the text is seen by one and not the other"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    mismatches = 0
    for _ in range(arguments.count):
        text = _text(rng)
        reason = _mismatch(text)
        if reason:
            mismatches += 1
            if mismatches <= 5:
                print(f"MISMATCH ({reason}): {text!r}")
    print(f"{arguments.count} inputs, {mismatches} mismatches")


if __name__ == "__main__":
    main()

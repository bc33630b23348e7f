"""Generate realistic case fact files from the vocabulary, for benchmarks and property tests.

Run: .venv/bin/python bench/generate.py N DIR [--seed S]   (writes DIR/case_000001.lp ...)

Each case is shaped like the precedents: one to three plaintiffs (the others a child or
household member of the first), a government defendant with its agents, an assailant,
and the facts of the vocabulary drawn at rates that keep every route, defeater and
immunity status in play. Closed value lists come from the Input schema in the rules.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from pyknow_bridge.doctrine.vocabulary import input_schema


def _values(name: str, arity: int, argument: str) -> list[str]:
    values = input_schema().predicates[(name, arity)].values[argument]
    return [v.replace("(T)", "(t)") for v in values]


def generate_case(rng: random.Random, number: int = 0) -> str:
    """The text of one plausible fact file."""
    jurisdiction = rng.choice(["dc", "ny"])
    plaintiffs = ["p1"] + [f"p{i}" for i in range(2, 2 + rng.choice([0, 0, 1, 2]))]
    facts = [
        f'case_name("Generated case {number}").',
        f'citation("synthetic {number}").',
        f"jurisdiction({jurisdiction}).",
        "defendant(d).",
        "agent(a1, d).",
        "agent(a2, d).",
        "third_party(t).",
        f"activity(d, {rng.choice(_values('activity', 2, 'X'))}).",
    ]

    def maybe(rate: float, *lines: str) -> None:
        if rng.random() < rate:
            facts.extend(lines)

    for p in plaintiffs:
        facts += [f"plaintiff({p}).", f"claim({p}, d).", f"harmed_by({p}, t)."]
        if p != "p1":
            facts.append(rng.choice([f"child_of({p}, p1).", f"household_member({p}, p1)."]))
            maybe(0.5, f"contact_for(p1, {p}, a1).")
        maybe(0.05, f"harmed_by_agent({p}, a2).", f"ordinary_negligence({p}).")
        maybe(0.05, f"extraordinary_chain({p}).")
        maybe(0.6, f"knew_risk(a1, {p}).")
        maybe(0.05, f"used_by_police({p}, {rng.choice(_values('used_by_police', 2, 'X'))}).")
        maybe(0.04, f"endangered_by_assistance({p}).")
        maybe(0.03, f"took_control(a2, {p}).", f"known_blatant_danger(a2, {p}).")
        maybe(0.03, f"course_of_conduct(d, {p}).")
    maybe(0.8, "contact(p1, a1).", "requested_protection(p1, a1).", "reported_threat(p1, a1, t).")
    maybe(0.6, f"promised(a1, p1, {rng.choice(_values('promised', 3, 'X'))}).")
    maybe(0.3, f"acted(a1, p1, {rng.choice(_values('acted', 3, 'X'))}).")
    maybe(0.5, f"relied(p1, {rng.choice(['returned_home', 'stayed_home', 'forwent_other_help'])}).")
    maybe(0.1, "own_initiative(p1, moved).")
    for defeater in [
        "whereabouts_unknown(t).",
        "expected_confirmation(p1).",
        "confirmation_received(p1).",
        "deadline_passed(p1).",
        "knew_not_performed(p1).",
        "reliance_unrelated(p1).",
    ]:
        maybe(0.15, defeater)
    maybe(0.1, "order_of_protection(p1, t).", "order_known(a1, p1).")
    if rng.random() < 0.15:
        facts += ["statute(s1).", "protects_class(s1, k1).", "member(p1, k1)."]
        maybe(0.5, "mandatory(s1).")
        maybe(0.3, "private_right(s1).")
        maybe(0.5, "breached(d, s1).")
        maybe(0.3, "public_at_large(s1).")
        maybe(0.3, "helpless_class(k1).")
    if jurisdiction == "ny":
        maybe(0.05, "proprietary(d, other).")
        if rng.random() < 0.5:
            facts += ["negligent_conduct(d, c1).", "conduct_by(c1, a1)."]
            maybe(0.5, "immunity_asserted(d).")
            maybe(0.2, "immunity_untimely(d).")
            maybe(0.5, "discretionary_position(a1).")
            maybe(0.4, "judgment_exercised(c1).")
            maybe(0.2, "ministerial(c1).")
    elif rng.random() < 0.2:  # D.C.: the discretionary-function immunity
        facts += ["negligent_conduct(d, c1).", "immunity_asserted(d)."]
        maybe(0.5, "policy_decision(c1).")
        maybe(0.2, "ministerial(c1).")
    structural = (
        "case_name",
        "citation",
        "jurisdiction",
        "plaintiff",
        "defendant",
        "claim",
        "agent",
    )
    disputable = [f for f in facts if not f.startswith(structural)]
    if rng.random() < 0.2:
        for fact in rng.sample(disputable, k=rng.choice([1, 2])):
            facts.append(f"disputed({fact[:-1]}).")
    return "% A synthetic case (bench/generate.py).\n" + "\n".join(facts) + "\n"


def write_cases(count: int, directory: Path, seed: int = 1) -> list[Path]:
    """Write ``count`` cases to ``directory`` (reusing what a previous run wrote there)."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(1, count + 1):
        path = directory / f"case_{number:06d}.lp"
        text = generate_case(rng, number)
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    write_cases(arguments.count, arguments.directory, arguments.seed)


if __name__ == "__main__":
    main()

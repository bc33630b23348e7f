"""Ground the doctrine with a case and compute what holds: certainly, possibly, or not.

Undisputed facts are added as facts. A disputed fact becomes a free choice, so each
answer set is one way the dispute could come out. To decide, rather than enumerate them
all, clingo is asked twice (:func:`solve_case`): for brave consequences (true in some
answer set: *possible*) and cautious consequences (true in all: *certain*). To explain,
the same questions are asked of the program with derivation atoms, under findings on
the disputed facts (:class:`Disputes`); a test checks, against every scenario
enumerated (:func:`solve_scenarios`), that the two agree.

``engine="prolog"`` solves the same cases with the Prolog port of the same rules
(:mod:`pyknow_bridge.engine.prolog_engine`), which enumerates the scenarios itself and
returns the same values (:class:`EnumeratedDisputes` answers the explanation's questions
from them); the parity tests check that the two engines agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import clingo

from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.errors import SolveError
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.doctrine.relevance import Signature
from pyknow_bridge.doctrine.rules_in_force import RuleSet
from pyknow_bridge.engine.clingo_control import (
    Assumptions,
    Consequences,
    ConsequenceTexts,
    answer_sets,
    as_deadline,
    consequences,
    ground,
    last_model,
)
from pyknow_bridge.engine.shown import ModelTexts, symbol_texts

if TYPE_CHECKING:
    from pyknow_bridge.engine.prolog_engine import PrologEngine

__all__ = [
    "ENGINES",
    "MAX_ENUMERATED_DISPUTES",
    "DisputeQuestions",
    "Disputes",
    "EnumeratedDisputes",
    "Scenario",
    "disputes_of",
    "program_text",
    "solve_case",
    "solve_scenarios",
]

#: The engines that solve a case: clingo (the default) and the Prolog port of its rules.
ENGINES = ("clingo", "prolog")
#: The Prolog engine enumerates the 2^n scenarios even to decide; beyond this, it refuses.
MAX_PROLOG_DISPUTES = 16

#: Beyond this many disputed facts, scenarios are not enumerated one by one (clingo's
#: explanations do not enumerate them; the Prolog engine's do).
MAX_ENUMERATED_DISPUTES = 10

_DOING = "solving for the explanation"

#: One way the disputes come out: for each disputed fact, in file order, whether it holds.
Scenario = tuple[bool, ...]


def program_text(case: CaseFile, as_of: int | None = None) -> str:
    """The case as clingo input: disputed facts as choices, the rest as facts.

    ``as_of`` (a year) adds the Control fact ``as_of(Y)``: decide under that year's law
    (rules/law_in_time.lp) instead of the law of the year of decision.
    """
    disputed = set(case.disputed_texts)
    lines = [] if as_of is None else [f"as_of({int(as_of)})."]
    for fact in case.facts:
        if disputed and fact.text in disputed:
            lines.append(f"{{ {fact.text} }}.")
        else:
            lines.append(f"{fact.text}.")
    return "\n".join(lines) + "\n"


def stated_predicates(case: CaseFile, as_of: int | None = None) -> frozenset[Signature]:
    """The predicates :func:`program_text` gives clingo facts (or choices) of."""
    stated = {(fact.name, fact.arity) for fact in case.facts}
    if as_of is not None:
        stated.add(("as_of", 1))
    return frozenset(stated)


def solve_case(
    case: CaseFile,
    rules: RuleSet,
    time_limit: float | Deadline | None = None,
    as_of: int | None = None,
    engine: str = "clingo",
) -> Consequences:
    """Solve one loaded case under the rules in force.

    ``time_limit`` is in seconds, or a :class:`Deadline` already running (one that also
    covered loading, say); solving past it raises :class:`TimeLimitError`.
    """
    if _engine(engine, case, MAX_PROLOG_DISPUTES) == "prolog":
        return _prolog().solve(case, rules, as_deadline(time_limit), as_of)
    program = rules.statements_for(case.jurisdiction, stated_predicates(case, as_of))
    control = ground(program, program_text(case, as_of))
    return consequences(control, as_deadline(time_limit), choices=bool(case.disputed_texts))


def solve_scenarios(
    case: CaseFile,
    rules: RuleSet,
    time_limit: float | Deadline | None = None,
    as_of: int | None = None,
    engine: str = "clingo",
) -> dict[Scenario, frozenset[clingo.Symbol]]:
    """Every scenario of the case with all its atoms, derivation atoms included: the
    enumeration :class:`Disputes` avoids, kept as the oracle its tests compare with, and
    the Prolog engine's way of answering the same questions.

    At most :data:`MAX_ENUMERATED_DISPUTES` disputed facts (2^n scenarios), else
    :class:`SolveError`.
    """
    if len(case.disputed) > MAX_ENUMERATED_DISPUTES:
        raise SolveError(
            f"{len(case.disputed)} disputed facts: scenarios are enumerated for at most "
            f"{MAX_ENUMERATED_DISPUTES} (2^n of them)"
        )
    if _engine(engine, case, MAX_ENUMERATED_DISPUTES) == "prolog":
        return _prolog().scenarios(case, rules, as_deadline(time_limit), as_of)
    control = ground(rules.explaining, program_text(case, as_of))
    scenarios: dict[Scenario, frozenset[clingo.Symbol]] = {}
    deadline = as_deadline(time_limit)
    for atoms in answer_sets(control, deadline, "solving for the explanation"):
        scenarios[tuple(d in atoms for d in case.disputed)] = atoms
    return scenarios


def _prolog() -> PrologEngine:
    # Imported on first use, so that clingo's users (and the CLI's start) never pay for it.
    from pyknow_bridge.engine.prolog_engine import prolog_engine  # noqa: PLC0415

    return prolog_engine()


def _engine(engine: str, case: CaseFile, most_disputes: int) -> str:
    """``engine`` if known and able to take ``case``, else :class:`SolveError`."""
    if engine not in ENGINES:
        raise SolveError(f"unknown engine {engine}; available: {', '.join(ENGINES)}")
    if engine == "prolog" and len(case.disputed) > most_disputes:
        raise SolveError(
            f"{len(case.disputed)} disputed facts: the Prolog engine enumerates at most "
            f"{most_disputes} (2^n scenarios); use --engine clingo"
        )
    return engine


class Disputes:
    """One grounding of the explaining program, asked about findings on the disputed facts.

    Nothing is enumerated: each question is one solve under assumptions (a finding fixes a
    disputed fact true or false), so the cost grows with the number of questions asked,
    not with the 2^n scenarios. The explanation asks for the scenario as stated (every
    disputed fact found true), brave and cautious consequences overall, and the same with
    each disputed fact fixed each way (4n + 3 solves for n disputes). Atoms are answered
    as the texts clingo prints for them, each read once.
    """

    def __init__(
        self,
        case: CaseFile,
        rules: RuleSet,
        deadline: Deadline,
        as_of: int | None = None,
    ) -> None:
        self.disputed = case.disputed
        self.deadline = deadline
        program = rules.explaining_for(case.jurisdiction, stated_predicates(case, as_of))
        self.control = ground(program, program_text(case, as_of))
        self._texts = ModelTexts()
        #: Without disputes the program has one answer set: solved once, asked many times.
        self._only: frozenset[str] | None = None

    def scenario(self, findings: Assumptions = ()) -> frozenset[str]:
        """Every atom of the scenario where ``findings`` hold and every other disputed fact
        is found as stated (true)."""
        if not self.disputed:
            return self._only_answer()
        fixed = dict(findings)
        complete = [(fact, fixed.get(fact, True)) for fact in self.disputed]
        return self._solve("auto", complete)  # (every choice fixed: one answer set)

    def consequences(self, findings: Assumptions = ()) -> ConsequenceTexts:
        """What holds in every scenario (certain) and in some (possible) under ``findings``."""
        if not self.disputed:
            only = self._only_answer()
            return ConsequenceTexts(certain=only, possible=only)
        possible = self._solve("brave", findings)
        return ConsequenceTexts(certain=self._solve("cautious", findings), possible=possible)

    def _only_answer(self) -> frozenset[str]:
        if self._only is None:
            self._only = self._solve("auto", ())
        return self._only

    def _solve(self, mode: str, findings: Assumptions) -> frozenset[str]:
        copied = last_model(
            self.control, mode, self.deadline, self._texts.copy, assumptions=findings, doing=_DOING
        )
        return self._texts.texts(copied)


class EnumeratedDisputes:
    """The questions :class:`Disputes` answers, answered from every scenario enumerated
    (the Prolog engine's way: it has no brave or cautious reasoning of its own)."""

    def __init__(self, case: CaseFile, scenarios: dict[Scenario, frozenset[clingo.Symbol]]) -> None:
        self.disputed = case.disputed
        self.scenarios = {
            scenario: frozenset(symbol_texts(atoms)) for scenario, atoms in scenarios.items()
        }

    def _consistent(self, findings: Assumptions) -> list[frozenset[str]]:
        fixed = dict(findings)
        return [
            atoms
            for scenario, atoms in self.scenarios.items()
            if all(
                fixed.get(fact, found) == found
                for fact, found in zip(self.disputed, scenario, strict=True)
            )
        ]

    def scenario(self, findings: Assumptions = ()) -> frozenset[str]:
        """Every atom of the scenario where ``findings`` hold, the rest as stated (true)."""
        fixed = dict(findings)
        return self.scenarios[tuple(fixed.get(fact, True) for fact in self.disputed)]

    def consequences(self, findings: Assumptions = ()) -> ConsequenceTexts:
        """What holds in every scenario (certain) and in some (possible) under ``findings``."""
        consistent = self._consistent(findings)
        if len(consistent) == 1:
            return ConsequenceTexts(certain=consistent[0], possible=consistent[0])
        return ConsequenceTexts(
            certain=frozenset.intersection(*consistent), possible=frozenset.union(*consistent)
        )


class DisputeQuestions(Protocol):
    """What the explanation asks about a case's disputes: :class:`Disputes`,
    :class:`EnumeratedDisputes`, or one case of a docket grounded together
    (:mod:`pyknow_bridge.engine.docket_disputes`). Atoms are answered as the texts clingo
    prints for them."""

    @property
    def disputed(self) -> Sequence[clingo.Symbol]:
        """The case's disputed facts, in file order."""

    def scenario(self, findings: Assumptions = ()) -> frozenset[str]:
        """Every atom of the scenario where ``findings`` hold, the rest as stated (true)."""

    def consequences(self, findings: Assumptions = ()) -> ConsequenceTexts:
        """What holds in every scenario (certain) and in some (possible) under ``findings``."""


def disputes_of(
    case: CaseFile,
    rules: RuleSet,
    deadline: Deadline,
    as_of: int | None = None,
    engine: str = "clingo",
) -> DisputeQuestions:
    """What the explanation asks about the case's disputes, answered by the chosen engine."""
    if _engine(engine, case, MAX_ENUMERATED_DISPUTES) == "prolog":
        return EnumeratedDisputes(case, solve_scenarios(case, rules, deadline, as_of, engine))
    return Disputes(case, rules, deadline, as_of)

"""Ground the doctrine with a case and compute what holds: certainly, possibly, or not.

Undisputed facts are added as facts. A disputed fact becomes a free choice, so each
answer set is one way the dispute could come out. Rather than enumerate them all,
clingo is asked twice: for brave consequences (true in some answer set: *possible*)
and cautious consequences (true in all: *certain*).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import clingo

from pyknow_bridge.loader import CaseFile
from pyknow_bridge.rulebook import available_views, rule_files


class SolveError(RuntimeError):
    """The solver failed: unknown view, a message from clingo, or no answer set."""


@dataclass(frozen=True)
class Consequences:
    """The shown atoms true in every scenario (certain) and in some scenario (possible)."""

    certain: frozenset[clingo.Symbol]
    possible: frozenset[clingo.Symbol]


def check_views(views: Sequence[str]) -> None:
    unknown = sorted(set(views) - set(available_views()))
    if unknown:
        raise SolveError(
            f"unknown view {', '.join(unknown)}; available: {', '.join(available_views())}"
        )


def program_text(case: CaseFile, as_of: int | None = None) -> str:
    """The case as clingo input: disputed facts as choices, the rest as facts.

    ``as_of`` (a year) adds the Control fact ``as_of(Y)``: decide under that year's law
    (rules/law_in_time.lp) instead of the law of the year of decision.
    """
    disputed = set(case.disputed)
    lines = [] if as_of is None else [f"as_of({int(as_of)})."]
    for fact in case.facts:
        if disputed and fact.symbol in disputed:
            lines.append(f"{{ {fact.text} }}.")
        else:
            lines.append(f"{fact.text}.")
    return "\n".join(lines) + "\n"


def solve_case(
    case: CaseFile,
    views: Sequence[str] = (),
    time_limit: float | None = None,
    as_of: int | None = None,
) -> Consequences:
    """Solve one loaded case under the majority rules plus the selected views."""
    check_views(views)
    messages: list[str] = []

    def log(code: clingo.MessageCode, message: str) -> None:
        messages.append(message.strip())

    control = clingo.Control(["--models=0"], logger=log, message_limit=50)
    try:
        for path in rule_files(views):
            control.load(str(path))
        control.add("base", [], program_text(case, as_of))
        control.ground([("base", [])])
    except RuntimeError as error:
        raise SolveError("; ".join(messages) or str(error)) from None
    return consequences(control, time_limit, choices=bool(case.disputed))


def consequences(
    control: clingo.Control, time_limit: float | None = None, choices: bool = True
) -> Consequences:
    """Brave (possible) and cautious (certain) consequences of a grounded program.

    Without ``choices`` (no disputed facts) the program has exactly one answer set, which
    is both; one solve suffices. With ``time_limit`` (seconds, for all solving together),
    solving that runs longer is cancelled and :class:`SolveError` says so.
    """
    deadline = None if time_limit is None else time.monotonic() + time_limit
    if not choices:
        only = _consequences(control, "auto", deadline)
        return Consequences(certain=only, possible=only)
    possible = _consequences(control, "brave", deadline)
    certain = _consequences(control, "cautious", deadline)
    return Consequences(certain=certain, possible=possible)


def _consequences(
    control: clingo.Control, mode: str, deadline: float | None
) -> frozenset[clingo.Symbol]:
    control.configuration.solve.enum_mode = mode  # type: ignore[union-attr]
    last: list[Sequence[clingo.Symbol]] = []

    def on_model(model: clingo.Model) -> None:
        last[:] = [model.symbols(shown=True)]

    with control.solve(on_model=on_model, async_=True) as handle:
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        if remaining is None:
            handle.wait()
        elif not handle.wait(remaining):
            handle.cancel()
            raise SolveError(f"time limit reached: solving took longer than allowed ({mode})")
    if not last:
        raise SolveError("the rules and facts have no answer set")
    return frozenset(last[0])

"""Ground the doctrine with a case and compute what holds: certainly, possibly, or not.

Undisputed facts are added as facts. A disputed fact becomes a free choice, so each
answer set is one way the dispute could come out. Rather than enumerate them all,
clingo is asked twice: for brave consequences (true in some answer set: *possible*)
and cautious consequences (true in all: *certain*).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import clingo

from pyknow_bridge.errors import SolveError, TimeLimitError
from pyknow_bridge.limits import Deadline
from pyknow_bridge.loader import CaseFile
from pyknow_bridge.rulebook import available_views, rule_files

__all__ = ["GROUNDING_CONTEXT", "Consequences", "SolveError", "consequences", "solve_case"]


class _NoFunctions:
    """The grounding context: it defines no functions, so an ``@f(...)`` term can never
    call Python (clingo would otherwise look it up in ``__main__``)."""


#: Pass as ``context`` to every ``Control.ground`` call.
GROUNDING_CONTEXT = _NoFunctions()


def as_deadline(time_limit: float | Deadline | None) -> Deadline:
    """A time limit in seconds (or none) as a running :class:`Deadline`; a Deadline as is."""
    return time_limit if isinstance(time_limit, Deadline) else Deadline(time_limit)


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
    disputed = set(case.disputed_texts)
    lines = [] if as_of is None else [f"as_of({int(as_of)})."]
    for fact in case.facts:
        if disputed and fact.text in disputed:
            lines.append(f"{{ {fact.text} }}.")
        else:
            lines.append(f"{fact.text}.")
    return "\n".join(lines) + "\n"


def solve_case(
    case: CaseFile,
    views: Sequence[str] = (),
    time_limit: float | Deadline | None = None,
    as_of: int | None = None,
) -> Consequences:
    """Solve one loaded case under the majority rules plus the selected views.

    ``time_limit`` is in seconds, or a :class:`Deadline` already running (one that also
    covered loading, say); solving past it raises :class:`TimeLimitError`.
    """
    check_views(views)
    messages: list[str] = []

    def log(code: clingo.MessageCode, message: str) -> None:
        messages.append(message.strip())

    control = clingo.Control(["--models=0"], logger=log, message_limit=50)
    try:
        for path in rule_files(views):
            control.load(str(path))
        control.add("base", [], program_text(case, as_of))
        control.ground([("base", [])], context=GROUNDING_CONTEXT)
    except RuntimeError as error:
        raise SolveError("; ".join(messages) or str(error)) from None
    return consequences(control, as_deadline(time_limit), choices=bool(case.disputed_texts))


def consequences(control: clingo.Control, deadline: Deadline, choices: bool = True) -> Consequences:
    """Brave (possible) and cautious (certain) consequences of a grounded program.

    Without ``choices`` (no disputed facts) the program has exactly one answer set, which
    is both; one solve suffices. Solving that runs past ``deadline`` is cancelled and
    :class:`TimeLimitError` says so.
    """
    if not choices:
        only = _consequences(control, "auto", deadline)
        return Consequences(certain=only, possible=only)
    possible = _consequences(control, "brave", deadline)
    certain = _consequences(control, "cautious", deadline)
    return Consequences(certain=certain, possible=possible)


def _consequences(
    control: clingo.Control, mode: str, deadline: Deadline
) -> frozenset[clingo.Symbol]:
    control.configuration.solve.enum_mode = mode  # type: ignore[union-attr]
    last: list[Sequence[clingo.Symbol]] = []

    def on_model(model: clingo.Model) -> None:
        last[:] = [model.symbols(shown=True)]

    with control.solve(on_model=on_model, async_=True) as handle:
        remaining = deadline.remaining()
        if remaining is None:
            handle.wait()
        elif not handle.wait(remaining):
            handle.cancel()
            raise TimeLimitError(
                f"time limit reached: solving took longer than {deadline.seconds:g} s"
            )
    if not last:
        raise SolveError("the rules and facts have no answer set")
    return frozenset(last[0])

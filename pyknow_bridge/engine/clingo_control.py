"""The one owner of the clingo solver: every ``clingo.Control`` is built and solved here.

One place decides the solver's arguments, how its messages are collected and bounded,
the grounding context (no ``@`` function can ever call Python), and how a time limit
cancels a solve. Clingo's failures come out as :class:`SolveError`, a solve cut short
by its deadline as :class:`TimeLimitError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import clingo
from clingo import ast

from pyknow_bridge.core.errors import SolveError, TimeLimitError
from pyknow_bridge.core.limits import Deadline

__all__ = [
    "GROUNDING_CONTEXT",
    "Assumptions",
    "ConsequenceTexts",
    "Consequences",
    "answer_sets",
    "as_deadline",
    "consequences",
    "ground",
    "last_model",
]

#: Every answer set is wanted (brave and cautious reasoning, or all scenarios).
ARGUMENTS = ("--models=0",)
#: How many of clingo's messages are kept for an error report.
MESSAGE_LIMIT = 50


class _NoFunctions:
    """The grounding context: it defines no functions, so an ``@f(...)`` term can never
    call Python (clingo would otherwise look it up in ``__main__``)."""


#: Passed as ``context`` to every ``Control.ground`` call.
GROUNDING_CONTEXT = _NoFunctions()


def as_deadline(time_limit: float | Deadline | None) -> Deadline:
    """A time limit in seconds (or none) as a running :class:`Deadline`; a Deadline as is."""
    return time_limit if isinstance(time_limit, Deadline) else Deadline(time_limit)


@dataclass(frozen=True)
class Consequences:
    """The shown atoms true in every scenario (certain) and in some scenario (possible)."""

    certain: frozenset[clingo.Symbol]
    possible: frozenset[clingo.Symbol]


@dataclass(frozen=True)
class ConsequenceTexts:
    """Consequences as the texts clingo prints for their atoms (what an explanation reads:
    comparing texts never calls into clingo, hashing a symbol does)."""

    certain: frozenset[str]
    possible: frozenset[str]


def ground(statements: Iterable[ast.AST], facts: str) -> clingo.Control:
    """A solver holding the parsed rule ``statements`` and the ``facts`` text, grounded.

    Whatever clingo reports while building or grounding fails as :class:`SolveError`,
    with clingo's own messages.
    """
    messages: list[str] = []

    def log(_code: clingo.MessageCode, message: str) -> None:
        messages.append(message.strip())

    control = clingo.Control(list(ARGUMENTS), logger=log, message_limit=MESSAGE_LIMIT)
    try:
        with ast.ProgramBuilder(control) as builder:
            add: Callable[[ast.AST], None] = builder.add
            for statement in statements:
                add(statement)
        control.add("base", [], facts)
        control.ground([("base", [])], context=GROUNDING_CONTEXT)
    except RuntimeError as error:
        raise SolveError("; ".join(messages) or str(error)) from None
    return control


#: Solver assumptions: atoms fixed true or false for one solve (a finding on a disputed fact).
Assumptions = Sequence[tuple[clingo.Symbol, bool]]


def consequences(
    control: clingo.Control,
    deadline: Deadline,
    choices: bool = True,
    assumptions: Assumptions = (),
) -> Consequences:
    """Brave (possible) and cautious (certain) consequences of a grounded program.

    Without ``choices`` (no disputed facts) the program has exactly one answer set, which
    is both; one solve suffices. Solving that runs past ``deadline`` is cancelled and
    :class:`TimeLimitError` says so.
    """
    if not choices:
        only = _consequences(control, "auto", deadline, assumptions)
        return Consequences(certain=only, possible=only)
    possible = _consequences(control, "brave", deadline, assumptions)
    certain = _consequences(control, "cautious", deadline, assumptions)
    return Consequences(certain=certain, possible=possible)


def answer_sets(
    control: clingo.Control,
    deadline: Deadline,
    doing: str = "solving",
    assumptions: Assumptions = (),
) -> list[frozenset[clingo.Symbol]]:
    """The shown atoms of every answer set of a grounded program (under ``assumptions``),
    in clingo's order."""
    control.configuration.solve.enum_mode = "auto"  # type: ignore[union-attr]
    found: list[frozenset[clingo.Symbol]] = []
    _solve(
        control,
        lambda model: found.append(frozenset(model.symbols(shown=True))),
        deadline,
        doing,
        assumptions,
    )
    if not found:
        raise SolveError("the rules and facts have no answer set")
    return found


def _consequences(
    control: clingo.Control, mode: str, deadline: Deadline, assumptions: Assumptions = ()
) -> frozenset[clingo.Symbol]:
    return frozenset(
        last_model(
            control, mode, deadline, lambda m: m.symbols(shown=True), assumptions=assumptions
        )
    )


_Copy = TypeVar("_Copy")


def last_model(
    control: clingo.Control,
    mode: str,
    deadline: Deadline,
    copy: Callable[[clingo.Model], _Copy],
    *,
    assumptions: Assumptions = (),
    doing: str = "solving",
    count_first: bool = False,
) -> _Copy:
    """The last model clingo reports in enumeration ``mode`` (``"brave"``, ``"cautious"``, or
    ``"auto"``: the last answer set), as ``copy`` took it while the model was valid.

    Brave and cautious reasoning report a model per step towards the consequences; where
    reading a large model costs more than a step (``count_first``, a docket's models), the
    steps are first counted, then solved again, reading only from that step on. The last
    model of either is the same set whatever the path, so a second run that takes more
    steps still ends with it; one that takes fewer (the solver learnt on the way) is run a
    third time, reading every step.
    """
    control.configuration.solve.enum_mode = mode  # type: ignore[union-attr]
    first: list[_Copy] = []
    count = 0

    def on_first(model: clingo.Model) -> None:
        nonlocal count
        count += 1
        if count == 1 or mode == "auto" or not count_first:
            first[:] = [copy(model)]

    _solve(control, on_first, deadline, doing, assumptions)
    if not first:
        raise SolveError("the rules and facts have no answer set")
    if count == 1 or mode == "auto" or not count_first:
        return first[0]
    for from_step in (count, 1):
        last: list[_Copy] = []
        _solve(control, _copier(copy, from_step, last), deadline, doing, assumptions)
        if last:
            return last[0]
    raise SolveError("the rules and facts have no answer set")  # pragma: no cover


def _copier(
    copy: Callable[[clingo.Model], _Copy], from_step: int, last: list[_Copy]
) -> Callable[[clingo.Model], None]:
    """A model callback keeping, in ``last``, the copy of the latest model from ``from_step`` on."""

    def on_model(model: clingo.Model) -> None:
        if model.number >= from_step:
            last[:] = [copy(model)]

    return on_model


def _solve(
    control: clingo.Control,
    on_model: Callable[[clingo.Model], None],
    deadline: Deadline,
    doing: str,
    assumptions: Assumptions = (),
) -> None:
    if deadline.remaining() is None:
        # Nothing to cancel: solved in this thread (starting a solver thread costs several
        # times what solving one case does).
        control.solve(assumptions=list(assumptions), on_model=on_model)
        return
    solving = control.solve(assumptions=list(assumptions), on_model=on_model, async_=True)
    with solving as handle:
        remaining = deadline.remaining()
        assert remaining is not None  # (a deadline with a limit keeps one)
        if not handle.wait(remaining):
            handle.cancel()
            raise TimeLimitError(
                f"time limit reached: {doing} took longer than {deadline.seconds:g} s"
            )

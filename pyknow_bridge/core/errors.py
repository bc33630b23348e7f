"""The errors a job can end with besides a rejected fact file (``loader.FactFileError``)."""

from __future__ import annotations


class SolveError(RuntimeError):
    """The solver failed: unknown view, a message from clingo, or no answer set."""


class TimeLimitError(SolveError):
    """The job (loading, solving or explaining) took longer than its time limit allowed."""


class GraphvizMissingError(RuntimeError):
    """SVG was asked for but Graphviz's ``dot`` is not installed."""


def failure_kind(error: Exception) -> tuple[str, str]:
    """How a case that failed is reported in a docket: its kind (``time_limit``, ``solver``,
    or ``internal`` for a fault of ours) and its message."""
    if isinstance(error, TimeLimitError):
        return "time_limit", str(error)
    if isinstance(error, SolveError):
        return "solver", str(error)
    return "internal", f"{type(error).__name__}: {error}"

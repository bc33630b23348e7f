"""The errors a job can end with besides a rejected fact file (``loader.FactFileError``)."""

from __future__ import annotations


class SolveError(RuntimeError):
    """The solver failed: unknown view, a message from clingo, or no answer set."""


class TimeLimitError(SolveError):
    """The job (loading, solving or explaining) took longer than its time limit allowed."""

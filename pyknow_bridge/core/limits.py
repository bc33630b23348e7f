"""Time limits that cover a whole job: loading, solving and explaining one case."""

from __future__ import annotations

import math
import time

from pyknow_bridge.core.errors import TimeLimitError

#: The longest time limit accepted (a week): beyond it the clock arithmetic stops making sense.
MAX_TIME_LIMIT = 7 * 24 * 3600.0


class Deadline:
    """A point in time a job must finish by; ``Deadline(None)`` never expires."""

    def __init__(self, seconds: float | None) -> None:
        if seconds is not None and not (math.isfinite(seconds) and 0 < seconds <= MAX_TIME_LIMIT):
            raise ValueError(f"a time limit is a number of seconds in (0, {MAX_TIME_LIMIT:g}]")
        self.seconds = seconds
        self._end = None if seconds is None else time.monotonic() + seconds

    def remaining(self) -> float | None:
        """Seconds left (never negative), or None without a limit."""
        return None if self._end is None else max(0.0, self._end - time.monotonic())

    def check(self, doing: str) -> None:
        """Raise :class:`TimeLimitError` if the time is up."""
        if self._end is not None and time.monotonic() >= self._end:
            raise TimeLimitError(f"time limit reached: {doing} took longer than {self.seconds:g} s")


NO_DEADLINE = Deadline(None)

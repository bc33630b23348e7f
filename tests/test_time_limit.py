"""A solver time limit stops long solving with a clear message."""

from __future__ import annotations

import pytest

from pyknow_bridge.core.errors import SolveError
from pyknow_bridge.core.limits import NO_DEADLINE, Deadline
from pyknow_bridge.engine.clingo_control import consequences, ground

# Pigeons into fewer holes: small to write, exponentially hard for a SAT solver.
PIGEONHOLE = """
pigeon(1..14). hole(1..13).
1 { in(P, H) : hole(H) } 1 :- pigeon(P).
:- in(P, H), in(Q, H), P < Q.
"""


def test_time_limit_cancels_long_solving() -> None:
    control = ground([], PIGEONHOLE)
    with pytest.raises(SolveError, match="time limit reached"):
        consequences(control, Deadline(0.3))


def test_without_a_limit_a_quick_program_solves() -> None:
    control = ground([], "a. b :- a.")
    assert {str(s) for s in consequences(control, NO_DEADLINE).certain} == {"a", "b"}

"""pyknow_bridge: the public duty doctrine as clingo rules, with a strict loader and typed results.

>>> from pyknow_bridge import solve_file
>>> claim = solve_file("facts/cases/valdez.lp").claim("valdez")
>>> claim.decided_outcome, claim.element("justifiable_reliance")
('no_recovery', 'not_met')
"""

from pyknow_bridge.core.native import install_guard

install_guard()  # first: an out-of-date compiled module must never load (see core/native.py)

from pyknow_bridge.api import analyse, solve_file  # noqa: E402
from pyknow_bridge.casefile.loader import CaseFile, FactFileError, Problem, load_case  # noqa: E402
from pyknow_bridge.core.errors import SolveError  # noqa: E402
from pyknow_bridge.model.results import CaseResult, ClaimResult, Modality  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "CaseFile",
    "CaseResult",
    "ClaimResult",
    "FactFileError",
    "Modality",
    "Problem",
    "SolveError",
    "analyse",
    "load_case",
    "solve_file",
]

"""The jurisdictions the doctrine covers: each one's name, the claim predicate that selects
its rules, and its routes to a special duty with the elements of each.

Doctrine data, read by the explanation engine and the renderers alike.
"""

from __future__ import annotations

from pyknow_bridge.rulebook import load_rulebook

JURISDICTION_NAMES = {"dc": "District of Columbia", "ny": "New York"}
#: The predicate every rule of a jurisdiction requires (``dc_claim(P, D)``, ...).
CLAIM_GUARDS = {"dc": "dc_claim", "ny": "ny_claim"}


def routes(jurisdiction: str) -> dict[str, tuple[str, ...]]:
    """Each special-duty route of ``jurisdiction`` and the elements it requires, in the
    order the rules state them."""
    return load_rulebook().routes(CLAIM_GUARDS[jurisdiction])

"""The readable report of a case result: one block per claim, route by route.

The routes a jurisdiction offers, and the elements of each, are declared in the rules
(``rules/routes.lp``, read by :mod:`pyknow_bridge.doctrine.jurisdictions`), so the report
follows the doctrine as written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pyknow_bridge.core.printable import printable
from pyknow_bridge.doctrine.jurisdictions import (
    FLAG,
    VALUED,
    claim_conclusions,
    jurisdiction_name,
    routes,
)
from pyknow_bridge.model.results import CaseResult, ClaimResult, Modality


def words(value: str) -> str:
    return value.replace("_", " ")


#: Words a party's name keeps in lower case, unless it begins with one.
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


def party_name(constant: str, names: Mapping[str, str]) -> str:
    """A party as reports name it: its display name from the fact file, else its constant
    in words, capitalised as a name (``city_of_new_york``: City of New York)."""
    given = names.get(constant)
    if given is not None:
        return given
    parts = [part for part in constant.split("_") if part]
    return (
        " ".join(
            part if index and part in _SMALL_WORDS else part[:1].upper() + part[1:]
            for index, part in enumerate(parts)
        )
        or constant
    )


def _qualified(values: Mapping[str, Modality]) -> str:
    """``a; b (possible)`` for the values that hold somewhere."""
    parts = [
        words(value) + ("" if modality is Modality.CERTAIN else f" ({modality.value})")
        for value, modality in values.items()
    ]
    return "; ".join(parts)


def _flag(modality: Modality, yes: str, no: str) -> str:
    if modality is Modality.CERTAIN:
        return yes
    if modality is Modality.POSSIBLE:
        return f"{yes} (possible: depends on a disputed fact)"
    return no


def render_claim(claim: ClaimResult, jurisdiction: str) -> list[str]:
    outcome = _qualified(claim.outcome).upper()
    lines = [f"Claim: {claim.plaintiff} v. {claim.defendant}", f"  Outcome:    {outcome}"]
    if claim.ordinary_duty is not Modality.ABSENT:
        lines.append("  Duty:       " + _flag(claim.ordinary_duty, "ordinary duty of care", ""))
    if claim.special_duty is not Modality.ABSENT:
        lines.append(f"  Duty:       special duty: {_qualified(claim.bases)}")
    if claim.public_duty_bar is not Modality.ABSENT:
        lines.append(
            "  Duty:       "
            + _flag(
                claim.public_duty_bar,
                "none beyond the duty to the public: the public duty rule bars the claim",
                "",
            )
        )
    lines.append("  Routes to a special duty:")
    for route, elements in routes(jurisdiction).items():
        made_out = claim.bases.get(route, Modality.ABSENT)
        status = {Modality.CERTAIN: "made out", Modality.POSSIBLE: "possibly made out"}.get(
            made_out, "not made out"
        )
        lines.append(f"    {words(route)}: {status}")
        for element in elements:
            value = _qualified(claim.elements.get(element, {})) or "not analysed"
            lines.append(f"      - {words(element)}: {value}")
    reliance = _flag(claim.justifiable_reliance, "justified", "not justified")
    if claim.reliance_defeated:
        reliance += f" ({_qualified(claim.reliance_defeated)})"
    lines.append(f"  Reliance:   {reliance}")
    if claim.immunity:
        lines.append(f"  Immunity:   {_qualified(claim.immunity)}")
    lines.append(
        "  Causation:  "
        + _flag(claim.no_proximate_cause, "no proximate cause as a matter of law", "not defeated")
    )
    lines.extend(_further_conclusions(claim))
    return lines


#: The conclusions :func:`render_claim` lays out itself; any other the rules declare gets a
#: line of its own from :func:`_further_conclusions`.
LAID_OUT = frozenset(
    {
        "outcome",
        "special_duty",
        "special_duty_basis",
        "ordinary_duty",
        "public_duty_bar",
        "elements",
        "justifiable_reliance",
        "reliance_defeated",
        "immunity",
        "no_proximate_cause",
    }
)


def _further_conclusions(claim: ClaimResult) -> list[str]:
    """A line per declared conclusion that holds somewhere and has no line above."""
    lines = []
    for conclusion in claim_conclusions():
        if conclusion.key in LAID_OUT:
            continue
        label = f"  {words(conclusion.key).capitalize()}:"
        if conclusion.shape == FLAG:
            modality = claim.flags[conclusion.key]
            if modality is not Modality.ABSENT:
                lines.append(f"{label} {_flag(modality, 'yes', 'no')}")
        elif conclusion.shape == VALUED:
            if claim.valued[conclusion.key]:
                lines.append(f"{label} {_qualified(claim.valued[conclusion.key])}")
        elif claim.keyed[conclusion.key]:
            keyed = claim.keyed[conclusion.key]
            pairs = [f"{words(key)}: {_qualified(keyed[key])}" for key in sorted(keyed)]
            lines.append(f"{label} {'; '.join(pairs)}")
    return lines


def render_case(result: CaseResult) -> str:
    title = result.case_name or result.path
    if result.citation:
        title += f", {result.citation}"
    view = ", ".join(result.views) if result.views else "majority (the court's opinion)"
    law = jurisdiction_name(result.jurisdiction)
    lines = [
        printable(title),
        f"  File: {printable(result.path)}",
        f"  Law:  {law};  view: {view}",
        f"  As of: {result.law.describe()}",
    ]
    if result.disputed:
        lines.append(f"  Disputed facts: {printable(', '.join(result.disputed))}")
    for claim in result.claims:
        lines.append("")
        lines.extend(render_claim(claim, result.jurisdiction))
    return "\n".join(lines)


def render_text(results: Sequence[CaseResult]) -> str:
    return "\n\n".join(render_case(result) for result in results) + "\n"

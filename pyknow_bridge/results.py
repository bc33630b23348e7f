"""Typed results per claim, read off the solver's certain and possible conclusions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import clingo

from pyknow_bridge.loader import CaseFile
from pyknow_bridge.solver import Consequences


class Modality(StrEnum):
    """How firmly a conclusion holds across the ways the disputed facts could come out."""

    CERTAIN = "certain"  # under every combination of disputed facts
    POSSIBLE = "possible"  # under some, not all
    ABSENT = "absent"  # under none


@dataclass(frozen=True)
class ClaimResult:
    """What the knowledge base concludes on one claim, each conclusion with its modality.

    Mapping fields hold only the values that hold somewhere; a value missing from a
    mapping is absent.
    """

    plaintiff: str
    defendant: str
    outcome: Mapping[str, Modality]
    special_duty: Modality
    bases: Mapping[str, Modality]
    ordinary_duty: Modality
    public_duty_bar: Modality
    elements: Mapping[str, Mapping[str, Modality]]
    justifiable_reliance: Modality
    reliance_defeated: Mapping[str, Modality]
    immunity: Mapping[str, Modality]
    no_proximate_cause: Modality

    @property
    def decided_outcome(self) -> str | None:
        """``may_recover`` or ``no_recovery`` when certain; None when it turns on a dispute."""
        return _certain_value(self.outcome)

    def element(self, name: str) -> str | None:
        """``met`` or ``not_met`` when certain; None when it turns on a dispute."""
        return _certain_value(self.elements.get(name, {}))

    @property
    def immunity_status(self) -> str | None:
        """The certain immunity status; None for D.C. claims or when it turns on a dispute."""
        return _certain_value(self.immunity)


@dataclass(frozen=True)
class CaseResult:
    """The analysis of one fact file."""

    path: str
    case_name: str | None
    citation: str | None
    jurisdiction: str
    views: tuple[str, ...]
    disputed: tuple[str, ...]
    claims: tuple[ClaimResult, ...]

    def claim(self, plaintiff: str, defendant: str | None = None) -> ClaimResult:
        for result in self.claims:
            if result.plaintiff == plaintiff and defendant in (None, result.defendant):
                return result
        raise KeyError(f"no claim by {plaintiff}" + (f" against {defendant}" if defendant else ""))


def _certain_value(values: Mapping[str, Modality]) -> str | None:
    return next((v for v, m in values.items() if m is Modality.CERTAIN), None)


def build_result(case: CaseFile, consequences: Consequences, views: Sequence[str]) -> CaseResult:
    """Group the conclusions by claim, in the order the file states the claims."""
    claims = [
        _claim_result(str(f.symbol.arguments[0]), str(f.symbol.arguments[1]), consequences)
        for f in case.facts
        if f.symbol.match("claim", 2)
    ]
    unique = tuple(dict.fromkeys((c.plaintiff, c.defendant) for c in claims))
    by_key = {(c.plaintiff, c.defendant): c for c in claims}
    return CaseResult(
        path=str(case.path),
        case_name=case.text_value("case_name"),
        citation=case.text_value("citation"),
        jurisdiction=case.jurisdiction,
        views=tuple(views),
        disputed=tuple(str(s) for s in case.disputed),
        claims=tuple(by_key[key] for key in unique),
    )


def _claim_result(plaintiff: str, defendant: str, found: Consequences) -> ClaimResult:
    def modality(symbol: clingo.Symbol) -> Modality:
        if symbol in found.certain:
            return Modality.CERTAIN
        if symbol in found.possible:
            return Modality.POSSIBLE
        return Modality.ABSENT

    def about(name: str, arity: int) -> list[clingo.Symbol]:
        return sorted(
            s
            for s in found.possible
            if s.match(name, arity)
            and str(s.arguments[0]) == plaintiff
            and str(s.arguments[1]) == defendant
        )

    def flag(name: str) -> Modality:
        return modality(
            clingo.Function(name, [clingo.Function(plaintiff), clingo.Function(defendant)])
        )

    def valued(name: str) -> dict[str, Modality]:
        return {str(s.arguments[2]): modality(s) for s in about(name, 3)}

    elements: dict[str, dict[str, Modality]] = {}
    for symbol in about("element", 4):
        elements.setdefault(str(symbol.arguments[2]), {})[str(symbol.arguments[3])] = modality(
            symbol
        )
    return ClaimResult(
        plaintiff=plaintiff,
        defendant=defendant,
        outcome=valued("outcome"),
        special_duty=flag("special_duty"),
        bases=valued("special_duty_basis"),
        ordinary_duty=flag("ordinary_duty"),
        public_duty_bar=flag("public_duty_bar"),
        elements=elements,
        justifiable_reliance=flag("justifiable_reliance"),
        reliance_defeated=valued("reliance_defeated"),
        immunity=valued("immunity"),
        no_proximate_cause=flag("no_proximate_cause"),
    )

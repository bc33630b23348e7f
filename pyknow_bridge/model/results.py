"""Typed results per claim, read off the solver's certain and possible conclusions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.engine.shown import Atom, Shown


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
class LawApplied:
    """Which law in time a case was decided under (rules/law_in_time.lp).

    ``year`` is the year whose law applied (the ``as_of`` year, else the year of decision);
    None means the law as it stands. ``in_force`` names the dated rules in force then.
    """

    year: int | None = None
    in_force: tuple[str, ...] = ()

    def describe(self) -> str:
        """``2005: special relationship exception`` or ``present law: no dated rule``."""
        when = "the present law" if self.year is None else f"the law of {self.year}"
        dated = ", ".join(name.replace("_", " ") for name in self.in_force) or "none"
        return f"{when}; dated rules in force: {dated}"


def law_applied(atoms: Iterable[Atom]) -> LawApplied:
    """The year and the dated rules in force, from a case's shown atoms (certain ones)."""
    year: int | None = None
    in_force: list[str] = []
    for atom in atoms:
        if atom[0] == "law_year" and len(atom) == 2:
            year = int(atom[1])
        elif atom[0] == "in_force" and len(atom) == 2:
            in_force.append(atom[1])
    return LawApplied(year=year, in_force=tuple(sorted(in_force)))


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
    law: LawApplied = LawApplied()

    def claim(self, plaintiff: str, defendant: str | None = None) -> ClaimResult:
        for result in self.claims:
            if result.plaintiff == plaintiff and defendant in (None, result.defendant):
                return result
        raise KeyError(f"no claim by {plaintiff}" + (f" against {defendant}" if defendant else ""))


def _certain_value(values: Mapping[str, Modality]) -> str | None:
    return next((v for v, m in values.items() if m is Modality.CERTAIN), None)


def build_result(case: CaseFile, shown: Iterable[Shown], views: Sequence[str]) -> CaseResult:
    """Group the case's shown atoms by claim, in the order the file states the claims."""
    by_claim: dict[tuple[str, str], list[Shown]] = defaultdict(list)
    certain: list[Atom] = []
    for atom, is_certain in shown:
        if len(atom) >= 3:
            by_claim[(atom[1], atom[2])].append((atom, is_certain))
        if is_certain:
            certain.append(atom)
    return CaseResult(
        path=str(case.path),
        case_name=case.text_value("case_name"),
        citation=case.text_value("citation"),
        jurisdiction=case.jurisdiction,
        views=tuple(views),
        disputed=case.disputed_texts,
        claims=tuple(_claim_result(p, d, by_claim[(p, d)]) for p, d in case.claims()),
        law=law_applied(certain),
    )


def _claim_result(plaintiff: str, defendant: str, shown: list[Shown]) -> ClaimResult:
    flags: dict[str, Modality] = {}
    valued: dict[str, dict[str, Modality]] = defaultdict(dict)
    elements: dict[str, dict[str, Modality]] = defaultdict(dict)
    for atom, is_certain in sorted(shown):
        modality = Modality.CERTAIN if is_certain else Modality.POSSIBLE
        if len(atom) == 3:
            flags[atom[0]] = modality
        elif atom[0] == "element":
            elements[atom[3]][atom[4]] = modality
        else:
            valued[atom[0]][atom[3]] = modality

    def flag(name: str) -> Modality:
        return flags.get(name, Modality.ABSENT)

    return ClaimResult(
        plaintiff=plaintiff,
        defendant=defendant,
        outcome=valued["outcome"],
        special_duty=flag("special_duty"),
        bases=valued["special_duty_basis"],
        ordinary_duty=flag("ordinary_duty"),
        public_duty_bar=flag("public_duty_bar"),
        elements=dict(elements),
        justifiable_reliance=flag("justifiable_reliance"),
        reliance_defeated=valued["reliance_defeated"],
        immunity=valued["immunity"],
        no_proximate_cause=flag("no_proximate_cause"),
    )

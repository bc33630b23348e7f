"""Typed results per claim, read off the solver's certain and possible conclusions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.doctrine.jurisdictions import FLAG, KEYED, VALUED, conclusion_layout
from pyknow_bridge.engine.shown import Atom, Shown


class Modality(StrEnum):
    """How firmly a conclusion holds across the ways the disputed facts could come out."""

    CERTAIN = "certain"  # under every combination of disputed facts
    POSSIBLE = "possible"  # under some, not all
    ABSENT = "absent"  # under none


@dataclass(frozen=True)
class ClaimResult:
    """What the knowledge base concludes on one claim, each conclusion with its modality.

    The conclusions are those rules/show.lp declares on a claim (see
    :func:`~pyknow_bridge.doctrine.jurisdictions.claim_conclusions`), by key and shape:
    ``flags`` for ``name(P, D)`` (every one present, ABSENT when it holds nowhere),
    ``valued`` for ``name(P, D, X)`` and ``keyed`` for ``name(P, D, X, Y)`` (every one
    present; inner mappings hold only the values that hold somewhere, so a value missing
    from one is absent). The properties below name the doctrine's own conclusions for
    readers of Python; a conclusion added to the rules is read by its key.
    """

    plaintiff: str
    defendant: str
    flags: Mapping[str, Modality]
    valued: Mapping[str, Mapping[str, Modality]]
    keyed: Mapping[str, Mapping[str, Mapping[str, Modality]]]

    @property
    def outcome(self) -> Mapping[str, Modality]:
        return self.valued["outcome"]

    @property
    def special_duty(self) -> Modality:
        return self.flags["special_duty"]

    @property
    def bases(self) -> Mapping[str, Modality]:
        """The routes of the special duty (``special_duty_basis``)."""
        return self.valued["special_duty_basis"]

    @property
    def ordinary_duty(self) -> Modality:
        return self.flags["ordinary_duty"]

    @property
    def public_duty_bar(self) -> Modality:
        return self.flags["public_duty_bar"]

    @property
    def elements(self) -> Mapping[str, Mapping[str, Modality]]:
        return self.keyed["elements"]

    @property
    def justifiable_reliance(self) -> Modality:
        return self.flags["justifiable_reliance"]

    @property
    def reliance_defeated(self) -> Mapping[str, Modality]:
        return self.valued["reliance_defeated"]

    @property
    def immunity(self) -> Mapping[str, Modality]:
        return self.valued["immunity"]

    @property
    def no_proximate_cause(self) -> Modality:
        return self.flags["no_proximate_cause"]

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


#: The predicates :func:`law_applied` reads.
LAW_PREDICATES = ("law_year", "in_force")


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
    layout = conclusion_layout()
    by_name = layout.by_name
    flags = dict.fromkeys(layout.keys[FLAG], Modality.ABSENT)
    valued: dict[str, dict[str, Modality]] = {key: {} for key in layout.keys[VALUED]}
    keyed: dict[str, dict[str, dict[str, Modality]]] = {key: {} for key in layout.keys[KEYED]}
    for atom, is_certain in sorted(shown):
        declared = by_name.get(atom[0])
        if declared is None or declared[2] != len(atom):
            continue  # a shown atom that is not a conclusion on the claim
        key, shape, _ = declared
        modality = Modality.CERTAIN if is_certain else Modality.POSSIBLE
        if shape == FLAG:
            flags[key] = modality
        elif shape == VALUED:
            valued[key][atom[3]] = modality
        else:
            keyed[key].setdefault(atom[3], {})[atom[4]] = modality
    return ClaimResult(plaintiff, defendant, flags, valued, keyed)

"""The authorities rules cite, and the resolution of a rule's ``% Source:`` line to them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, cached_property

from pyknow_bridge.core.paths import AUTHORITIES_FILE


@dataclass(frozen=True)
class Authority:
    """A case (or the vocabulary itself) that a rule rests on.

    ``seed`` names the file in shared/seeds/ the authority comes from or is reported in;
    an authority from outside the seeds has no ``seed`` and names in ``read_at`` where
    its text was read.
    """

    key: str
    short: str
    cite: str
    seed: str
    read_at: str = ""

    @property
    def outside_seeds(self) -> bool:
        """True for an authority read in its own text, not in (or as reported in) a seed."""
        return not self.seed


@dataclass(frozen=True)
class Citation:
    """One item of a ``Source:`` line: an authority and the pinpoint or note after its name."""

    authority: Authority
    pinpoint: str

    def __str__(self) -> str:
        return self.text

    @cached_property
    def text(self) -> str:
        """As a memo cites it (made once: every step of a rule cites it again)."""
        return f"{self.authority.short} {self.pinpoint}".strip()


class UnknownAuthorityError(ValueError):
    """A ``Source:`` item that names no authority in rules/authorities.toml."""


@cache
def authorities() -> dict[str, Authority]:
    """Every authority, by its key in rules/authorities.toml."""
    with AUTHORITIES_FILE.open("rb") as handle:
        table = tomllib.load(handle)
    return {
        key: Authority(
            key=key,
            short=entry["short"],
            cite=entry["cite"],
            seed=entry.get("seed", ""),
            read_at=entry.get("read_at", ""),
        )
        for key, entry in table.items()
    }


def parse_source(source: str) -> list[Citation]:
    """Resolve a ``Source:`` line ("Morgan at 1313-1314; Warren at 6 (appendix).").

    Each ``;``-separated item must begin with an authority's short name; what follows the
    name (pinpoint, parenthetical) is kept as written.
    """
    by_length = sorted(authorities().values(), key=lambda a: len(a.short), reverse=True)
    citations = []
    for item in (part.strip().rstrip(".") for part in source.split(";")):
        if not item:
            continue
        match = next((a for a in by_length if item.startswith(a.short)), None)
        if match is None:
            raise UnknownAuthorityError(f"no authority named at the start of {item!r}")
        citations.append(Citation(authority=match, pinpoint=item[len(match.short) :].strip()))
    return citations

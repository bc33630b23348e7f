"""Cases lifted over a case argument, in and out: facts written lifted, models read back
per case with the case argument dropped.

One grounding holds many cases when every atom takes its case's identifier as first
argument (:mod:`pyknow_bridge.doctrine.lift`). :func:`lifted_facts` writes a case's facts
so; :class:`CaseReader` reads a model of the combined program back as each case's own
atoms, as the texts clingo prints for the symbols the case alone would give (``p(3,a,b)``
becomes ``p(a,b)``): the explanation compares and parses atoms by their text.

A docket's models hold tens of thousands of atoms, and making a symbol through clingo's
Python API costs several C calls and objects; so the reader copies a model's symbols into
one C array (cheap, while the model is valid), reads each lifted symbol's text once per
reader through clingo's C functions, and drops the case argument from the text. If
clingo's cffi module is not as expected (another build), the Python API does the same,
slower.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

import clingo

from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.doctrine.lift import CASE
from pyknow_bridge.engine.shown import Copied, model_copier

__all__ = ["CaseReader", "lifted_facts", "lifted_symbol", "unlifted_text"]


def lifted_facts(case_id: int, case: CaseFile, as_of: int | None = None) -> str:
    """The facts of one case, each with the case identifier as first argument; with
    ``as_of``, the Control fact ``as_of(Y)`` lifted the same way."""
    disputed = set(case.disputed_texts)
    lines = [f"{CASE}({case_id})."]
    if as_of is not None:
        lines.append(f"as_of({case_id},{int(as_of)}).")
    for fact in case.facts:
        name, _, rest = fact.text.partition("(")
        lifted = f"{name}({case_id},{rest}" if rest else f"{name}({case_id})"
        lines.append(f"{{ {lifted} }}." if fact.text in disputed else f"{lifted}.")
    return "\n".join(lines)


def lifted_symbol(case_id: int, symbol: clingo.Symbol) -> clingo.Symbol:
    """``symbol`` of case ``case_id`` as the combined program knows it."""
    arguments = [clingo.Number(case_id), *symbol.arguments]
    return clingo.Function(symbol.name, arguments, symbol.positive)


class CaseReader:
    """Reads models of one combined program back per case, as the texts of the atoms; each
    lifted symbol is read once, however many models hold it."""

    def __init__(self, use_c: bool = True) -> None:
        #: lifted symbol (its C handle, or the symbol) -> (case id, the case's atom text)
        self._seen: dict[Any, tuple[int, str]] = {}
        self.copy, self._text = model_copier(use_c)

    def by_case(
        self, copied: Copied, wanted: Container[int] | None = None
    ) -> dict[int, frozenset[str]]:
        """The atoms of a copied model, by case (only the ``wanted`` cases, if given), each
        as the text the case alone prints for it."""
        seen, text = self._seen, self._text
        found: dict[int, list[str]] = {}
        for lifted in copied:
            known = seen.get(lifted)
            if known is None:
                known = seen[lifted] = unlifted_text(text(lifted))
            case_id, atom = known
            atoms = found.get(case_id)
            if atoms is None:
                if case_id < 0 or (wanted is not None and case_id not in wanted):
                    continue
                atoms = found[case_id] = []
            atoms.append(atom)
        return {case_id: frozenset(atoms) for case_id, atoms in found.items()}


def unlifted_text(lifted: str) -> tuple[int, str]:
    """The case and the case's own text of a lifted atom's text: ``p(3,a,b)`` is case 3's
    ``p(a,b)``, ``-q(3)`` its ``-q``; the ``case(C)`` atom itself is case -1's. Exact for
    what clingo prints: the case identifier is a number, the first argument."""
    opening = lifted.index("(")
    comma = lifted.find(",", opening)
    if comma < 0:  # the case is the only argument
        name = lifted[:opening]
        if name == CASE:
            return -1, name
        return int(lifted[opening + 1 : -1]), name
    return int(lifted[opening + 1 : comma]), f"{lifted[: opening + 1]}{lifted[comma + 1 :]}"

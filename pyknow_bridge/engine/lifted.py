"""Cases lifted over a case argument, in and out: facts written lifted, models read back
per case with the case argument dropped.

One grounding holds many cases when every atom takes its case's identifier as first
argument (:mod:`pyknow_bridge.doctrine.lift`). :func:`lifted_facts` writes a case's facts
so; :class:`CaseReader` reads a model of the combined program back as each case's own
atoms, exactly the symbols the case alone would give (``p(3,a,b)`` becomes ``p(a,b)``).

Making a symbol through clingo's Python API costs several C calls and objects per
argument, and a docket's models hold tens of thousands of atoms; so the reader copies a
model's symbols into one C array (cheap, while the model is valid) and drops the case
argument through clingo's C functions, each lifted symbol once per reader. If clingo's
cffi module is not as expected (another build), the Python API does the same, slower.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from typing import Any

import clingo

from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.doctrine.lift import CASE

__all__ = ["CaseReader", "lifted_facts", "lifted_symbol"]


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


def _c_api() -> tuple[Any, Any, type[clingo.Symbol]] | None:
    try:
        from clingo._internal import _ffi, _lib  # type: ignore[attr-defined]  # noqa: PLC0415

        _lib.clingo_model_symbols_size  # noqa: B018 (present in this build?)
        _lib.clingo_symbol_create_function  # noqa: B018
        return _ffi, _lib, clingo.Symbol
    except (ImportError, AttributeError):
        return None


_C = _c_api()


#: A model's shown symbols as copied while it was valid (a C array, or a list of symbols).
Copied = Any


class CaseReader:
    """Reads models of one combined program back per case; each lifted symbol is turned
    into its case's symbol once, however many models hold it."""

    def __init__(self, use_c: bool = _C is not None) -> None:
        #: lifted symbol (its C value, or the symbol) -> (case id, the case's symbol)
        self._seen: dict[Any, tuple[int, clingo.Symbol]] = {}
        self.copy: Callable[[clingo.Model], Copied] = _copy_c if use_c else _copy_py
        self._unlift = _c_unlifter() if use_c else _unlift_py

    def by_case(
        self, copied: Copied, wanted: Container[int] | None = None
    ) -> dict[int, frozenset[clingo.Symbol]]:
        """The atoms of a copied model, by case (only the ``wanted`` cases, if given), with
        the case argument dropped."""
        seen, unlift = self._seen, self._unlift
        found: dict[int, list[clingo.Symbol]] = {}
        for lifted in copied:
            known = seen.get(lifted)
            if known is None:
                known = seen[lifted] = unlift(lifted)
            case_id, symbol = known
            atoms = found.get(case_id)
            if atoms is None:
                if case_id < 0 or (wanted is not None and case_id not in wanted):
                    continue
                atoms = found[case_id] = []
            atoms.append(symbol)
        return {case_id: frozenset(atoms) for case_id, atoms in found.items()}


def _copy_c(model: clingo.Model) -> Sequence[int]:
    assert _C is not None
    ffi, lib, _ = _C
    shown = lib.clingo_show_type_shown
    size = ffi.new("size_t*")
    if not lib.clingo_model_symbols_size(model._rep, shown, size):
        return [s._rep for s in model.symbols(shown=True)]  # (clingo raises its error)
    symbols = ffi.new("clingo_symbol_t[]", size[0])
    lib.clingo_model_symbols(model._rep, shown, symbols, size[0])
    return symbols  # type: ignore[no-any-return]


def _copy_py(model: clingo.Model) -> Sequence[clingo.Symbol]:
    return model.symbols(shown=True)


#: What the ``case(C)`` atom reads as: no case alone has it, so it is left out.
_CASE_ATOM = (-1, clingo.Function(CASE))


def _c_unlifter() -> Callable[[int], tuple[int, clingo.Symbol]]:
    """The case argument dropped through clingo's C functions, the out-parameters and the
    case identifiers (by their symbol) kept between calls."""
    assert _C is not None
    ffi, lib, symbol_class = _C
    arguments_of, name_of = lib.clingo_symbol_arguments, lib.clingo_symbol_name
    number_of, is_positive = lib.clingo_symbol_number, lib.clingo_symbol_is_positive
    make = lib.clingo_symbol_create_function
    arguments, size, name = ffi.new("clingo_symbol_t**"), ffi.new("size_t*"), ffi.new("char**")
    number, positive, made = ffi.new("int*"), ffi.new("bool*"), ffi.new("clingo_symbol_t*")
    case_name = CASE.encode()
    case_ids: dict[int, int] = {}

    def unlift(lifted: int) -> tuple[int, clingo.Symbol]:
        arguments_of(lifted, arguments, size)
        name_of(lifted, name)
        array = arguments[0]
        count = size[0] - 1
        if count == 0 and ffi.string(name[0]) == case_name:
            return _CASE_ATOM
        case_symbol = array[0]
        case_id = case_ids.get(case_symbol)
        if case_id is None:
            number_of(case_symbol, number)
            case_id = case_ids[case_symbol] = number[0]
        is_positive(lifted, positive)
        if not make(name[0], array + 1, count, positive[0], made):  # pragma: no cover
            raise MemoryError("clingo could not make a symbol")
        return case_id, symbol_class(made[0])

    return unlift


def _unlift_py(lifted: clingo.Symbol) -> tuple[int, clingo.Symbol]:
    case_id, *arguments = lifted.arguments
    if not arguments and lifted.name == CASE:
        return _CASE_ATOM
    return case_id.number, clingo.Function(lifted.name, arguments, lifted.positive)

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
        #: lifted symbol (its C value, or the symbol) -> (case id, the case's symbol);
        #: None for the ``case(C)`` atom, which no case alone has.
        self._seen: dict[Any, tuple[int, clingo.Symbol] | None] = {}
        self.copy: Callable[[clingo.Model], Copied] = _copy_c if use_c else _copy_py
        self._unlift = _unlift_c if use_c else _unlift_py

    def by_case(
        self, copied: Copied, wanted: Container[int] | None = None
    ) -> dict[int, frozenset[clingo.Symbol]]:
        """The atoms of a copied model, by case (only the ``wanted`` cases, if given), with
        the case argument dropped."""
        seen = self._seen
        found: dict[int, list[clingo.Symbol]] = {}
        for lifted in copied:
            try:
                known = seen[lifted]
            except KeyError:
                known = seen[lifted] = self._unlift(lifted)
            if known is None:
                continue
            case_id, symbol = known
            atoms = found.get(case_id)
            if atoms is None:
                if wanted is not None and case_id not in wanted:
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


class _Scratch:
    """The C out-parameters, allocated once."""

    def __init__(self) -> None:
        assert _C is not None
        ffi = _C[0]
        self.arguments = ffi.new("clingo_symbol_t**")
        self.size = ffi.new("size_t*")
        self.name = ffi.new("char**")
        self.number = ffi.new("int*")
        self.positive = ffi.new("bool*")
        self.made = ffi.new("clingo_symbol_t*")


_SCRATCH = _Scratch() if _C is not None else None


def _unlift_c(lifted: int) -> tuple[int, clingo.Symbol] | None:
    assert _C is not None and _SCRATCH is not None
    ffi, lib, symbol_class = _C
    scratch = _SCRATCH
    lib.clingo_symbol_arguments(lifted, scratch.arguments, scratch.size)
    lib.clingo_symbol_name(lifted, scratch.name)
    arguments = scratch.arguments[0]
    count = scratch.size[0] - 1
    if count == 0 and ffi.string(scratch.name[0]) == CASE.encode():
        return None
    lib.clingo_symbol_number(arguments[0], scratch.number)
    lib.clingo_symbol_is_positive(lifted, scratch.positive)
    made = lib.clingo_symbol_create_function(
        scratch.name[0], arguments + 1, count, scratch.positive[0], scratch.made
    )
    if not made:  # pragma: no cover (clingo failed to allocate)
        raise MemoryError("clingo could not make a symbol")
    symbol = symbol_class(scratch.made[0])
    return scratch.number[0], symbol


def _unlift_py(lifted: clingo.Symbol) -> tuple[int, clingo.Symbol] | None:
    case_id, *arguments = lifted.arguments
    if not arguments and lifted.name == CASE:
        return None
    return case_id.number, clingo.Function(lifted.name, arguments, lifted.positive)

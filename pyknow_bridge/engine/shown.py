"""The shown atoms of a solve as plain strings, each symbol read from clingo once.

Reading a symbol through clingo's C API costs a call for each part asked for (its name,
its arguments, each argument's text), so a symbol is read once, as its text, and split
into predicate and arguments here, in Python (:func:`split_atom`, exact for the text
clingo prints; a test checks it against clingo's own reading of generated symbols).
Whether a possible atom is also certain is told by set membership of the symbol, without
reading it a second time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import clingo

from pyknow_bridge.engine.clingo_control import Consequences

__all__ = [
    "Atom",
    "Copied",
    "ModelTexts",
    "Shown",
    "model_copier",
    "read_atom",
    "shown_atoms",
    "split_atom",
]

#: A shown atom as plain strings: (predicate, argument, ...), each argument as clingo
#: prints it.
Atom = tuple[str, ...]

#: A shown atom that holds in some scenario, and whether it holds in every one (certain).
Shown = tuple[Atom, bool]


def shown_atoms(found: Consequences) -> list[Shown]:
    """Every possible atom of ``found``, read once, with whether it is also certain."""
    possible = list(found.possible)
    texts = symbol_texts(possible)
    if found.certain is found.possible:  # one answer set: all that holds is certain
        return [(split_atom(text), True) for text in texts]
    certain = found.certain
    return [
        (split_atom(text), symbol in certain) for symbol, text in zip(possible, texts, strict=True)
    ]


def symbol_texts(symbols: Iterable[clingo.Symbol]) -> list[str]:
    """Each symbol's text, exactly as ``str(symbol)`` gives it, read through one buffer.

    ``str(symbol)`` allocates two C objects per call; reading many thousands of symbols a
    batch, the cost shows. clingo's own C functions (``clingo_symbol_to_string_size``,
    ``clingo_symbol_to_string``) are called here through its cffi module with one buffer
    reused; if that module is not as expected (another clingo build), ``str`` is used.
    """
    return _fast_texts(symbols) if _FAST is not None else [str(s) for s in symbols]


def _c_reader() -> tuple[Any, Any, Callable[..., Any], Callable[..., Any]] | None:
    try:
        from clingo._internal import _ffi, _lib  # type: ignore[attr-defined]  # noqa: PLC0415

        return _ffi, _lib, _lib.clingo_symbol_to_string_size, _lib.clingo_symbol_to_string
    except (ImportError, AttributeError):
        return None


_FAST = _c_reader()


def _fast_texts(symbols: Iterable[clingo.Symbol]) -> list[str]:
    read = handle_reader()
    assert read is not None
    return [read(symbol._rep) for symbol in symbols]  # the C symbol, as __str__ reads it


def handle_reader() -> Callable[[int], str] | None:
    """A reader of symbols by their C handle (``symbol._rep``, or an element of a copied C
    array of symbols), each as the text ``str`` gives; None if clingo's cffi module is not
    as expected. It reads through one buffer, grown when a text needs more (the state is
    kept in locals: a reader is called for every atom of a docket)."""
    if _FAST is None:
        return None
    ffi, _, size_of, write = _FAST
    size = ffi.new("size_t*")
    unpack = ffi.unpack
    buffer = [ffi.new("char[]", 256)]

    def read(handle: int) -> str:
        if not size_of(handle, size):
            return str(clingo.Symbol(handle))  # type: ignore[no-untyped-call]  # clingo raises
        needed = size[0]
        if needed > len(buffer[0]):
            buffer[0] = ffi.new("char[]", needed * 2)
        if not write(handle, buffer[0], needed):
            return str(clingo.Symbol(handle))  # type: ignore[no-untyped-call]
        return str(unpack(buffer[0], needed - 1).decode())

    return read


#: A model's shown symbols as copied while it was valid (a C array of symbol handles, or
#: a list of symbols).
Copied = Any


def model_copier(
    use_c: bool = True,
) -> tuple[Callable[[clingo.Model], Copied], Callable[[Any], str]]:
    """How to copy a model's shown symbols while it is valid, and how to read one copied
    symbol's text: through clingo's C functions (one C array per model, each symbol read
    by its handle), or, without them or with ``use_c`` false, through the Python API."""
    read = handle_reader() if use_c else None
    if read is not None and _MODELS is not None:
        return _copy_c, read
    return _copy_py, str


class ModelTexts:
    """The models of one grounding read as the texts of their shown atoms; each symbol's
    text is read once, however many models hold it (the explanation of a case asks for
    its scenario and its brave and cautious consequences, mostly the same atoms)."""

    def __init__(self) -> None:
        self.copy, self._text = model_copier()
        self._seen: dict[Any, str] = {}

    def texts(self, copied: Copied) -> frozenset[str]:
        seen, text = self._seen, self._text
        found = []
        for symbol in copied:
            known = seen.get(symbol)
            if known is None:
                known = seen[symbol] = text(symbol)
            found.append(known)
        return frozenset(found)


def _c_models() -> tuple[Any, Any] | None:
    try:
        from clingo._internal import _ffi, _lib  # type: ignore[attr-defined]  # noqa: PLC0415

        _lib.clingo_model_symbols_size  # noqa: B018 (present in this build?)
        return _ffi, _lib
    except (ImportError, AttributeError):
        return None


_MODELS = _c_models()


def _copy_c(model: clingo.Model) -> Sequence[int]:
    assert _MODELS is not None
    ffi, lib = _MODELS
    shown = lib.clingo_show_type_shown
    size = ffi.new("size_t*")
    if not lib.clingo_model_symbols_size(model._rep, shown, size):
        return [s._rep for s in model.symbols(shown=True)]  # (clingo raises its error)
    symbols = ffi.new("clingo_symbol_t[]", size[0])
    lib.clingo_model_symbols(model._rep, shown, symbols, size[0])
    return symbols  # type: ignore[no-any-return]


def _copy_py(model: clingo.Model) -> Sequence[clingo.Symbol]:
    return model.symbols(shown=True)


def read_atom(symbol: clingo.Symbol) -> Atom:
    """One shown symbol as plain strings."""
    return split_atom(str(symbol))


def split_atom(text: str) -> Atom:
    """An atom's text as clingo prints it, split into predicate and argument texts."""
    name, parenthesis, rest = text.partition("(")
    if not parenthesis:
        return (text,)
    body = rest[:-1]
    if '"' not in body and "(" not in body:  # flat arguments, the common case
        return (name, *body.split(","))
    return (name, *_split_arguments(body))


def _split_arguments(body: str) -> list[str]:
    """Split at the commas outside parentheses and string literals (``\\"`` escapes ``"``)."""
    parts: list[str] = []
    depth = 0
    start = 0
    quoted = False
    index = 0
    while index < len(body):
        char = body[index]
        if quoted:
            if char == "\\":
                index += 1  # the escaped character cannot end the string
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(body[start:index])
            start = index + 1
        index += 1
    parts.append(body[start:])
    return parts

"""Text from a fact file made safe to print: it can never forge a line of a report.

A string in a fact file (a case name) or a file name may hold a line break, a carriage
return, or a Unicode control that reorders what a terminal shows. Reports a person reads
show such characters as escapes; the JSON output carries the exact text.
"""

from __future__ import annotations

import unicodedata

#: Categories shown as escapes: controls, format characters (bidirectional overrides,
#: zero-width joiners) and the Unicode line and paragraph separators.
_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with every character that could break or reorder a line escaped."""
    if text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _UNSAFE else c for c in text)


def _escape(character: str) -> str:
    named = _NAMED.get(character)
    if named:
        return named
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

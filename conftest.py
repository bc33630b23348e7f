"""Collection of the doctests in ``pyknow_bridge``'s modules (``--doctest-modules``)."""

from __future__ import annotations

from pathlib import Path

from pyknow_bridge.core.native import COMPILED_MODULES, source_of

_COMPILED_SOURCES = {source_of(name) for name in COMPILED_MODULES}


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Skip the compiled modules' sources: such a module imports as its extension module,
    which pytest will not take for the ``.py`` it collects, and they hold no doctests
    (tests/test_native.py checks that)."""
    return True if collection_path in _COMPILED_SOURCES else None

"""The modules compiled to C with mypyc, and the guard that loads them only when fresh.

Explaining a case is pure Python: matching rules against an answer set, building the
tree, writing the memo. ``make setup`` compiles the modules listed here with mypyc (the
compiler that ships with the pinned mypy; ``tools/build_native.py``), which makes that
work about a third cheaper (docs/benchmarks.md). The ``.py`` files stay the only source:
the compiled modules are a build product beside them, never committed.

An extension module beside its source shadows it on import, so an edited source would be
ignored while an old build sits there. The build writes a manifest of the hash of every
source of the package; when any differs (or ``PYKNOW_BRIDGE_PURE`` is set), every module
listed here is loaded from its ``.py`` instead, all of them together, since compiled modules
call each other directly. The package then runs as plain Python, only slower, until the
next ``make setup``. A module not listed here always loads from its ``.py``, whatever an
older build left beside it.

This module uses the standard library only: the build script loads it by path, without
importing the package (whose compiled modules it is about to replace).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

#: The compiled modules: the explanation's hot path, from the answer set's atoms to the memo.
COMPILED_MODULES = (
    "pyknow_bridge.engine.shown",
    "pyknow_bridge.engine.lifted",
    "pyknow_bridge.model.explanation",
    "pyknow_bridge.explain.matching",
    "pyknow_bridge.explain.decisive",
    "pyknow_bridge.explain.branches",
    "pyknow_bridge.explain.builder",
    "pyknow_bridge.render.plain",
    "pyknow_bridge.render.text",
    "pyknow_bridge.render.explanation_report",
)

#: The shared library mypyc builds for them (``group_name`` in tools/build_native.py).
GROUP_NAME = "pyknow_bridge._native"

#: Set (to anything but empty) to load every module from its source.
PURE_VARIABLE = "PYKNOW_BRIDGE_PURE"

#: The build's manifest, beside the package's sources.
MANIFEST_NAME = "_native.json"

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def source_of(name: str) -> Path:
    """The ``.py`` file of a module of the package, by its dotted name."""
    return PACKAGE_DIR.parent.joinpath(*name.split(".")).with_suffix(".py")


def source_hashes(package_dir: Path) -> dict[str, str]:
    """The SHA-256 of every ``.py`` file of the package, by its path inside it."""
    return {
        path.relative_to(package_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(package_dir.rglob("*.py"))
    }


def write_manifest(package_dir: Path) -> None:
    """Record the sources a build was made from (the build script calls it last)."""
    manifest = {"modules": list(COMPILED_MODULES), "sources": source_hashes(package_dir)}
    (package_dir / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def is_fresh(package_dir: Path) -> bool:
    """Whether a build sits in ``package_dir`` made from exactly its present sources."""
    try:
        manifest = json.loads((package_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(manifest, dict)
        and manifest.get("modules") == list(COMPILED_MODULES)
        and manifest.get("sources") == source_hashes(package_dir)
    )


class _SourceUnlessCompiled(importlib.abc.MetaPathFinder):
    """Finds the ``.py`` file of every module of the package but those ``compiled``, ahead
    of any extension module beside it (one left by an older build that compiled more)."""

    def __init__(self, compiled: frozenset[str]) -> None:
        self.compiled = compiled

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if not path or fullname in self.compiled or not fullname.startswith("pyknow_bridge."):
            return None
        source = Path(path[0]) / f"{fullname.rpartition('.')[2]}.py"
        return (
            importlib.util.spec_from_file_location(fullname, source) if source.is_file() else None
        )


def install_guard() -> None:
    """Load the compiled modules only from a fresh build, and every other module of the
    package from its source (called once, when the package is imported)."""
    if any(isinstance(finder, _SourceUnlessCompiled) for finder in sys.meta_path):
        return
    fresh = not os.environ.get(PURE_VARIABLE) and is_fresh(PACKAGE_DIR)
    sys.meta_path.insert(0, _SourceUnlessCompiled(frozenset(COMPILED_MODULES if fresh else ())))


def compiled_in_use() -> bool:
    """Whether this process runs the compiled modules (each is imported to tell)."""
    return all(
        isinstance(
            importlib.import_module(name).__loader__, importlib.machinery.ExtensionFileLoader
        )
        for name in COMPILED_MODULES
    )

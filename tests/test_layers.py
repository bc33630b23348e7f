"""The package's layers: no module imports one from a higher layer.

Each subpackage of ``pyknow_bridge`` is one layer, lowest first, and the entry points at
the top (``api``, ``batch``, ``cli``) sit above them all. A module may import from its own
layer and from those below it, never from one above. A new subpackage or top-level module
must be given its layer here (the test fails until it is).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pyknow_bridge"

#: Lowest first. Within a layer, modules may import each other.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("core", frozenset({"core"})),
    ("doctrine", frozenset({"doctrine"})),
    ("fact files", frozenset({"casefile"})),
    ("engine", frozenset({"engine"})),
    ("model", frozenset({"model"})),
    ("explain", frozenset({"explain"})),
    ("render", frozenset({"render"})),
    ("services", frozenset({"api", "batch", "__init__"})),
    ("cli", frozenset({"cli", "__main__"})),
)

LEVEL = {unit: level for level, (_, units) in enumerate(LAYERS) for unit in units}


def _unit(dotted: str) -> str:
    """The layer unit of a module: its subpackage, or the top-level module's own name."""
    return dotted.split(".", maxsplit=1)[0] if dotted else "__init__"


#: Every module file, by its dotted path below ``pyknow_bridge`` ("" for the package).
MODULES = {
    ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    .removesuffix("__init__")
    .rstrip("."): path
    for path in sorted(PACKAGE.rglob("*.py"))
}
UNITS = {_unit(dotted) for dotted in MODULES}


def _imported(path: Path) -> set[str]:
    """The layer units a file imports from ``pyknow_bridge``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
            if node.module == "pyknow_bridge":  # `from pyknow_bridge import x`: x or __init__
                names = [f"pyknow_bridge.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            if name == "pyknow_bridge" or name.startswith("pyknow_bridge."):
                unit = _unit(name.removeprefix("pyknow_bridge").lstrip("."))
                found.add(unit if unit in UNITS else "__init__")
    return found


def test_every_module_has_a_layer() -> None:
    assert sorted(UNITS - set(LEVEL)) == [], "give each new subpackage or module its layer"
    assert sorted(set(LEVEL) - UNITS) == [], "LAYERS names a unit that is gone"


def test_no_module_lives_outside_the_layout() -> None:
    nested = [dotted for dotted in MODULES if dotted.count(".") > 1]
    assert nested == [], "the layout is one level of subpackages"


@pytest.mark.parametrize("dotted", sorted(MODULES))
def test_no_module_imports_a_higher_layer(dotted: str) -> None:
    unit = _unit(dotted)
    upward = {
        name: LAYERS[LEVEL[name]][0]
        for name in _imported(MODULES[dotted])
        if LEVEL.get(name, -1) > LEVEL[unit]
    }
    assert upward == {}, f"{dotted} ({LAYERS[LEVEL[unit]][0]}) imports from above: {upward}"


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    engine = tmp_path / "solver.py"
    engine.write_text("from pyknow_bridge.render.text import words\n", encoding="utf-8")
    assert _imported(engine) == {"render"}
    assert LEVEL["render"] > LEVEL["engine"]
    relative = tmp_path / "matching.py"
    relative.write_text("from pyknow_bridge import batch\n", encoding="utf-8")
    assert _imported(relative) == {"batch"}
    assert LEVEL["batch"] > LEVEL["explain"]

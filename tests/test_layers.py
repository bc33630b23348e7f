"""The package's layers: no module imports one from a higher layer.

Each module of ``pyknow_bridge`` belongs to exactly one layer, lowest first; a module may
import from its own layer and from those below it, never from one above. A new module
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
    ("base", frozenset({"errors", "limits", "paths", "printable", "terms"})),
    ("rule files", frozenset({"rulebook", "authorities", "derivation", "lift"})),
    ("doctrine", frozenset({"jurisdictions", "vocabulary", "rules_in_force"})),
    ("fact files", frozenset({"fact_syntax", "references", "loader"})),
    ("engine", frozenset({"clingo_control", "solver", "shown"})),
    ("model", frozenset({"results", "explanation"})),
    ("reasoning", frozenset({"matching", "explain", "batch"})),
    ("render", frozenset({"render_text", "render_json", "explain_render", "docs"})),
    ("api", frozenset({"api", "__init__"})),
    ("cli", frozenset({"cli", "__main__"})),
)

LEVEL = {module: level for level, (_, modules) in enumerate(LAYERS) for module in modules}
MODULES = sorted(path.stem for path in PACKAGE.glob("*.py"))


def _imported(path: Path) -> set[str]:
    """The ``pyknow_bridge`` modules a file imports (``pyknow_bridge`` itself is ``__init__``)."""
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
                module = name.removeprefix("pyknow_bridge").lstrip(".").split(".")[0]
                found.add(module if module in MODULES else "__init__")
    return found


def test_every_module_has_a_layer() -> None:
    assert sorted(set(MODULES) - set(LEVEL)) == [], "give each new module its layer in LAYERS"
    assert sorted(set(LEVEL) - set(MODULES)) == [], "LAYERS names a module that is gone"


@pytest.mark.parametrize("module", MODULES)
def test_no_module_imports_a_higher_layer(module: str) -> None:
    upward = {
        name: LAYERS[LEVEL[name]][0]
        for name in _imported(PACKAGE / f"{module}.py")
        if LEVEL.get(name, -1) > LEVEL[module]
    }
    assert upward == {}, f"{module} ({LAYERS[LEVEL[module]][0]}) imports from above: {upward}"


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    engine = tmp_path / "solver.py"
    engine.write_text("from pyknow_bridge.render_text import words\n", encoding="utf-8")
    assert _imported(engine) == {"render_text"}
    assert LEVEL["render_text"] > LEVEL["solver"]

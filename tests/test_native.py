"""The compiled modules (pyknow_bridge/core/native.py): loaded only when built from the
sources as they are, and never the only code a test sees."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pyknow_bridge.core import native
from tests.conftest import ROOT

_PROBE = (
    "import pyknow_bridge.explain.builder as b, pyknow_bridge.core.native as n;"
    "print(b.__file__.endswith('.py'), n.compiled_in_use())"
)


def _probe(**env: str) -> str:
    """What a fresh interpreter loads: whether builder came from its source, and whether
    the compiled modules are in use."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, **env},
    )
    return result.stdout.strip()


def test_every_compiled_module_has_its_source_and_no_doctest() -> None:
    """pytest skips the compiled modules' sources when it collects doctests (conftest.py):
    a doctest written there would never run."""
    for name in native.COMPILED_MODULES:
        source = native.source_of(name)
        assert source.is_file(), name
        assert ">>>" not in source.read_text(encoding="utf-8"), f"{name} holds a doctest"


def test_a_fresh_build_means_its_manifest_matches_the_sources(tmp_path: Path) -> None:
    package = tmp_path / "pyknow_bridge"
    shutil.copytree(native.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("*.so"))
    native.write_manifest(package)
    assert native.is_fresh(package)


@pytest.mark.parametrize(
    "change",
    ["edit a source", "add a source", "list other modules", "no manifest", "bad manifest"],
)
def test_any_change_makes_the_build_stale(tmp_path: Path, change: str) -> None:
    package = tmp_path / "pyknow_bridge"
    shutil.copytree(native.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("*.so"))
    native.write_manifest(package)
    manifest = package / native.MANIFEST_NAME
    if change == "edit a source":
        builder = package / "explain" / "builder.py"
        builder.write_text(builder.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    elif change == "add a source":
        (package / "explain" / "new_module.py").write_text("X = 1\n", encoding="utf-8")
    elif change == "list other modules":
        written = json.loads(manifest.read_text(encoding="utf-8"))
        written["modules"] = written["modules"][:-1]
        manifest.write_text(json.dumps(written), encoding="utf-8")
    elif change == "no manifest":
        manifest.unlink()
    else:
        manifest.write_text("{not json", encoding="utf-8")
    assert not native.is_fresh(package)


def test_the_pure_variable_loads_every_module_from_its_source() -> None:
    assert _probe(**{native.PURE_VARIABLE: "1"}) == "True False"


@pytest.mark.skipif(
    not os.environ.get("CI") and not native.is_fresh(native.PACKAGE_DIR),
    reason="no fresh build here (make setup builds one; under CI=1 this must not skip)",
)
def test_a_fresh_build_is_what_the_package_runs() -> None:
    """Under CI the build must exist and be used: the suite tests the code users run."""
    assert native.is_fresh(native.PACKAGE_DIR)
    assert _probe() == "False True"


def test_a_module_not_compiled_loads_from_its_source_whatever_lies_beside_it(
    tmp_path: Path,
) -> None:
    """An older build that compiled more modules leaves extension modules behind: they must
    never load (one would ask the new build's shared library for code it does not hold)."""
    (tmp_path / "loader.py").write_text("X = 1\n", encoding="utf-8")
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        (tmp_path / f"loader{suffix}").write_bytes(b"not a library")
    finder = native._SourceUnlessCompiled(frozenset({"pyknow_bridge.explain.builder"}))
    spec = finder.find_spec("pyknow_bridge.casefile.loader", [str(tmp_path)])
    assert spec is not None and spec.origin == str(tmp_path / "loader.py")
    assert finder.find_spec("pyknow_bridge.explain.builder", [str(tmp_path)]) is None
    assert finder.find_spec("elsewhere.loader", [str(tmp_path)]) is None

"""Compile the explanation's hot modules with mypyc, in place (``make setup`` runs it).

Run: .venv/bin/python tools/build_native.py

Which modules, and why the build is never trusted blindly, is in
``pyknow_bridge/core/native.py``: this script compiles the modules listed there into one
group, puts the extension modules beside their sources, and writes the manifest last, so
that a build that fails half-way leaves the package running as plain Python. It loads
that module by path: importing the package would load the compiled modules it replaces.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from mypyc.build import mypycify  # (mypy, and so mypyc, is a pinned dev dependency)
from setuptools import setup

ROOT = Path(__file__).resolve().parent.parent


def _native_module() -> ModuleType:
    path = ROOT / "pyknow_bridge" / "core" / "native.py"
    spec = importlib.util.spec_from_file_location("_pyknow_bridge_native", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    native = _native_module()
    os.chdir(ROOT)  # (mypyc and setuptools take paths relative to the project)
    package = native.PACKAGE_DIR
    (package / native.MANIFEST_NAME).unlink(missing_ok=True)  # stale until the build ends
    for built in package.rglob("*.so"):  # (an older build may have compiled other modules)
        built.unlink()
    sources = [str(native.source_of(name).relative_to(ROOT)) for name in native.COMPILED_MODULES]
    with tempfile.TemporaryDirectory() as build:
        extensions = mypycify(
            sources, opt_level="3", group_name=native.GROUP_NAME, target_dir=f"{build}/c"
        )
        setup(
            name="pyknow-bridge-native",
            packages=[],
            py_modules=[],
            ext_modules=extensions,
            script_args=[
                "--quiet",
                "build_ext",
                "--inplace",
                f"--build-temp={build}/temp",
                f"--build-lib={build}/lib",
            ],
        )
    native.write_manifest(package)
    print(f"compiled {len(sources)} modules with mypyc (pyknow_bridge/core/native.py)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

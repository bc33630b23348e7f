"""The README's console examples really run and print what the README shows.

In a ```console block, ``$ cmd`` runs in the repo root with .venv's bin first on PATH;
the lines after it are expected output (``...`` skips any lines; each shown line must
appear in order); ``# exit N`` expects exit code N instead of 0.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def _examples() -> list[tuple[str, list[str], int]]:
    examples = []
    for block in BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8")):
        lines = block.splitlines()
        command = lines[0].removeprefix("$ ")
        expected = [line for line in lines[1:] if not line.startswith("# exit")]
        codes = [int(line.split()[-1]) for line in lines[1:] if line.startswith("# exit")]
        examples.append((command, expected, codes[0] if codes else 0))
    return examples


def _in_order(expected: list[str], actual: list[str]) -> bool:
    position = 0
    for line in expected:
        if line == "...":
            continue
        try:
            position = actual.index(line, position) + 1
        except ValueError:
            return False
    return True


def test_readme_has_examples() -> None:
    assert len(_examples()) >= 5


@pytest.mark.parametrize(("command", "expected", "code"), _examples(), ids=lambda v: str(v)[:60])
def test_readme_example(command: str, expected: list[str], code: int) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(
        command, shell=True, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == code, run.stderr
    assert _in_order(expected, run.stdout.splitlines()), run.stdout

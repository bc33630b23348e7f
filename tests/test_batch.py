"""The batch command: identical results, input order, rejected files in place, a progress bar
only on a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from pyknow_bridge import solve_file
from pyknow_bridge.render.result_json import case_to_dict
from tests.conftest import CASES_DIR, ROOT

COMMAND = [str(Path(sys.executable).parent / "pyknow-bridge"), "batch"]


def test_batch_lines_equal_solving_each_file_alone() -> None:
    run = subprocess.run(
        [*COMMAND, "--chunk-size", "5", str(CASES_DIR)], capture_output=True, text=True, check=True
    )
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    files = sorted(CASES_DIR.glob("*.lp"))
    assert [line["file"] for line in lines] == [str(f) for f in files]
    for line, path in zip(lines, files, strict=True):
        assert line.pop("schema") == "pyknow-bridge/solve/1"
        expected = case_to_dict(solve_file(path))
        assert line == {**expected, "file": str(path)}
    assert run.stderr == "", "no progress bar when stderr is not a terminal"


def test_rejected_file_gets_its_line_in_place_and_exit_3() -> None:
    rejected = ROOT / "tests" / "examples" / "rejected.lp"
    valdez = CASES_DIR / "valdez.lp"
    run = subprocess.run(
        [*COMMAND, str(valdez), str(rejected), str(valdez)],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.returncode == 3
    assert [("rejected" in line) for line in lines] == [False, True, False]
    assert lines[1]["rejected"][0]["line"] == 6
    assert "1 of 3 files rejected" in run.stderr


def test_progress_bar_is_drawn_on_a_terminal() -> None:
    controller, terminal = pty.openpty()
    run = subprocess.run(
        [*COMMAND, str(CASES_DIR)], stdout=subprocess.DEVNULL, stderr=terminal, check=True
    )
    os.close(terminal)
    drawn = os.read(controller, 65536).decode(errors="replace")
    os.close(controller)
    assert run.returncode == 0
    assert "solving" in drawn
    assert "18/18" in drawn or "100%" in drawn

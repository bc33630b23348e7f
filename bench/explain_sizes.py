"""The size of each precedent's explanation in every format (the issue's target: Valdez's
JSON no larger than its memo).

Run: .venv/bin/python bench/explain_sizes.py
Prints, per precedent file, the bytes (UTF-8) of its memo, its compact JSON, its
indented JSON (--pretty) and its HTML page, and the JSON-to-memo ratio; then the totals.
"""

from __future__ import annotations

from pathlib import Path

from pyknow_bridge import load_case
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.render.explanation_html import render_html
from pyknow_bridge.render.explanation_json import render_explain_json
from pyknow_bridge.render.explanation_report import render_memo

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "facts" / "cases").glob("*.lp"))


def sizes(path: Path) -> tuple[int, int, int, int]:
    explanation = explain_case(load_case(path.relative_to(ROOT)))
    texts = [
        render_memo([explanation]),
        render_explain_json([explanation]),
        render_explain_json([explanation], pretty=True),
        render_html(explanation),
    ]
    memo, compact, pretty, page = (len(text.encode("utf-8")) for text in texts)
    return memo, compact, pretty, page


def main() -> None:
    print(f"{'case':<24}{'memo':>9}{'json':>9}{'pretty':>9}{'html':>9}{'json/memo':>11}")
    totals = [0, 0, 0, 0]
    for path in CASES:
        row = sizes(path)
        totals = [total + size for total, size in zip(totals, row, strict=True)]
        print(
            f"{path.stem:<24}" + "".join(f"{size:>9}" for size in row) + f"{row[1] / row[0]:>11.2f}"
        )
    print(
        f"{'all':<24}"
        + "".join(f"{size:>9}" for size in totals)
        + f"{totals[1] / totals[0]:>11.2f}"
    )


if __name__ == "__main__":
    main()

"""Reading a wrapped memo back: each step of a trace as one line."""

from __future__ import annotations


def logical_lines(memo: str) -> list[str]:
    """The memo's lines with each wrapped step joined again (a continuation is indented two
    columns under the line it continues and starts with no mark)."""
    joined: list[str] = []
    indent = -1
    for line in memo.splitlines():
        body = line.lstrip(" ")
        depth = len(line) - len(body)
        if joined and depth == indent + 2 and body and body[0] not in "✓✗":
            joined[-1] += f" {body}"
            continue
        joined.append(line)
        indent = depth
    return joined

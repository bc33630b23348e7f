"""Where the doctrine's rule files live: beside the package in a checkout, inside it in a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # pyknow_bridge/, above core/


def _rules_dir() -> Path:
    bundled = _PACKAGE / "rules"  # a wheel carries rules/ inside the package
    return bundled if bundled.is_dir() else _PACKAGE.parent / "rules"


RULES_DIR = _rules_dir()
VIEWS_DIR = RULES_DIR / "views"
MAIN_RULES = RULES_DIR / "main.lp"
AUTHORITIES_FILE = RULES_DIR / "authorities.toml"

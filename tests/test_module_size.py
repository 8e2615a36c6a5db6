"""No product module over 400 lines (issue 19, ../shared/STYLE.md: a file over ~400 lines is
usually two): a newcomer reads a module whole."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "storage", "scoring", "locales")
MAX_LINES = 400
# Migrations are frozen history: they are never edited, so never split.
FROZEN = ROOT / "storage" / "migrations" / "versions"


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_product_module_is_over_400_lines() -> None:
    sizes = {
        path.relative_to(ROOT).as_posix(): _lines(path)
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if not path.is_relative_to(FROZEN)
    }
    over = {name: n for name, n in sizes.items() if n > MAX_LINES}
    assert not over, "over 400 lines, split along a real seam: " + ", ".join(
        f"{name} ({n})" for name, n in sorted(over.items(), key=lambda item: -item[1])
    )

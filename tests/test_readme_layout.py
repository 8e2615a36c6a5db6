"""The README's "Layout" names every module of the rooms it lists one by one."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parents[1]
# The rooms whose modules the Layout names one by one; handlers/, render/ and jobs/ are
# described by what they hold.
NAMED_ROOMS = ("bot/cli", "bot/transports", "bot/kit", "bot/reading")


def _layout() -> str:
    readme = (ROOT / "README.md").read_text()
    start = readme.index("### Layout")
    return readme[start : readme.index("\n## ", start)]


def test_the_layout_names_every_module_of_the_named_rooms() -> None:
    layout = _layout()
    modules = [
        path.relative_to(ROOT).as_posix()
        for room in NAMED_ROOMS
        for path in sorted((ROOT / room).glob("*.py"))
        if path.name != "__init__.py"
    ]
    assert [m for m in modules if f"`{Path(m).name}`" not in layout] == []

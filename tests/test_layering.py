"""Dependencies point one way: bot → storage → scoring | locales; scoring stays pure; inside
bot/, cli → transports → app → handlers → jobs | reading → render → kit → vocabularies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")
ROOMS = "bot's rooms import downward only"


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_real_tree_keeps_the_layers() -> None:
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout


def _tree_with(tmp_path: Path, scoring_source: str) -> Path:
    for package in ("bot", "storage", "scoring", "locales"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "scoring" / "leak.py").write_text(scoring_source)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_scoring_importing_storage_is_caught(tmp_path: Path) -> None:
    result = lint(_tree_with(tmp_path, "import storage\n"))
    assert result.returncode != 0
    assert "scoring is pure" in result.stdout


def test_scoring_importing_telegram_is_caught(tmp_path: Path) -> None:
    result = lint(_tree_with(tmp_path, "import telegram\n"))
    assert result.returncode != 0
    assert "scoring is pure" in result.stdout


def _rooms_contract() -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return next(c for c in config["contracts"] if c["name"] == ROOMS)


def _rooms() -> list[str]:
    layers = _rooms_contract()["layers"]
    assert isinstance(layers, list)
    return [room.strip(" ()") for layer in layers for room in layer.split("|")]


def test_every_room_of_bot_exists() -> None:
    """The rooms are optional to the linter (the small trees above): here they must exist."""
    rooms = _rooms()
    assert len(rooms) == 12
    for room in rooms:
        path = ROOT / room.replace(".", "/")
        assert path.is_dir() or path.with_suffix(".py").is_file(), room


def test_every_exception_to_the_rooms_is_still_needed() -> None:
    assert "No matches for ignored import" not in lint(ROOT).stdout


def _copy_of_the_tree(tmp_path: Path, leak: str, source: str) -> Path:
    """The real packages with one module added at `leak` (a path under bot/)."""
    for package in ("bot", "storage", "scoring", "locales"):
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    (tmp_path / leak).write_text(source)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_kit_importing_a_handler_is_caught(tmp_path: Path) -> None:
    result = lint(
        _copy_of_the_tree(tmp_path, "bot/kit/leak.py", "from bot.handlers import sales\n")
    )
    assert result.returncode != 0
    assert "bot.kit is not allowed to import bot.handlers" in result.stdout


def test_a_renderer_importing_a_transport_is_caught(tmp_path: Path) -> None:
    source = "from bot.transports import polling\n"
    result = lint(_copy_of_the_tree(tmp_path, "bot/render/leak.py", source))
    assert result.returncode != 0
    assert "bot.render is not allowed to import bot.transports" in result.stdout


def test_a_handler_importing_the_wiring_is_caught(tmp_path: Path) -> None:
    result = lint(_copy_of_the_tree(tmp_path, "bot/handlers/leak.py", "import bot.app\n"))
    assert result.returncode != 0
    assert "bot.handlers is not allowed to import bot.app" in result.stdout


def test_no_exception_lets_the_kit_import_render() -> None:
    ignored = _rooms_contract().get("ignore_imports", [])
    assert isinstance(ignored, list)
    assert [line for line in ignored if line.startswith("bot.kit") and "bot.render" in line] == []


def test_the_kit_importing_a_renderer_is_caught(tmp_path: Path) -> None:
    """The kit sits below render: its own texts are handed in (bot/kit/texts.py)."""
    source = "from bot.render import members\n"
    result = lint(_copy_of_the_tree(tmp_path, "bot/kit/leak.py", source))
    assert result.returncode != 0
    assert "bot.kit is not allowed to import bot.render" in result.stdout

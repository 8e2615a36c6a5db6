"""Dependencies point one way: bot → storage → scoring | locales; scoring stays pure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


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

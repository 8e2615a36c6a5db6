"""Kompas scoring: pure pandas/numpy functions from a team's frames to its client grades and risks.

No I/O, no clock, no Telegram, no database: `storage.frames` loads a team into `TeamFrames`,
`analyse` turns them into a `TeamAnalysis`, the bot renders it. The names offered here are
listed once, in `scoring/api.py`.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scoring.api import *  # noqa: F403 — what editors and type checkers see


def __getattr__(name: str) -> Any:
    # The names load on first use, not with the package: `storage` reads the settings and the
    # profile without pandas, and a `kompas import` starts ~0.5 s sooner without it.
    value = None if name.startswith("_") else getattr(import_module("scoring.api"), name, None)
    if value is None:
        raise AttributeError(f"module 'scoring' has no attribute {name!r}")
    globals()[name] = value
    return value

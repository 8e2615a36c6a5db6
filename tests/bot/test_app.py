"""The wiring shows what runs: bot/app.py installs every dialog and the hook before each
command; nothing registers itself on import (issue 19)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from types import ModuleType

import pytest

import bot
from bot import app
from bot.kit import dialogs
from bot.kit.dialogs import Dialog
from tests.chat import Chat


def _bot_modules() -> list[ModuleType]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(bot.__path__, "bot.")
        if info.name != "bot.__main__"
    ]


def dialogs_left_out(installed: Iterable[Dialog], modules: Iterable[ModuleType]) -> list[str]:
    """Dialogs written in `modules` (a subclass naming itself) that the wiring doesn't install."""
    kinds = {type(dialog) for dialog in installed}
    return sorted(
        f"{module.__name__}.{name}"
        for module in modules
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, Dialog)
        and value.__module__ == module.__name__
        and "name" in vars(value)
        and value not in kinds
    )


def test_every_dialog_is_installed_by_the_wiring() -> None:
    assert dialogs_left_out(app.DIALOGS, _bot_modules()) == []


def test_a_dialog_the_wiring_leaves_out_is_found() -> None:
    stray = ModuleType("bot.handlers.stray")

    class Survey(Dialog):
        """A dialog someone wrote and forgot to install."""

        name = "survey"

        async def ask(self, turn: object, convo: object) -> None: ...  # type: ignore[override]

        async def answer(self, *args: object, **kwargs: object) -> None: ...  # type: ignore[override]

    Survey.__module__ = stray.__name__
    stray.Survey = Survey  # type: ignore[attr-defined]
    assert dialogs_left_out(app.DIALOGS, [*_bot_modules(), stray]) == ["bot.handlers.stray.Survey"]


def test_two_dialogs_of_one_name_are_refused() -> None:
    with pytest.raises(ValueError, match="share a name"):
        dialogs.by_name([*app.DIALOGS, app.DIALOGS[0]])


def test_the_application_runs_what_the_wiring_lists(chat: Chat) -> None:
    kompas = app.kompas_of_app(chat.app)
    assert list(kompas.dialogs.values()) == list(app.DIALOGS)
    assert tuple(kompas.before_commands) == (dialogs.end_pending,)

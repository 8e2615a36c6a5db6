"""Handlers decide, renderers say: every text and keyboard is made in bot/render/ (issue 19).

The kit below render says things too (a stale button, "Stopped.", the Undo button); render
makes those as well and the wiring hands them in (bot/kit/texts.py), so the kit holds no
message id: not marked, not translated, not as a bare string.

A handler that translates (`_(`, `n_(`), writes a message key (`N_(`: its refusals live in
render/refusals.py), formats for a reader (`t.money(`, `t.date(` …), composes markup or packs
a button's data has made a message itself, and the next person
looking for where a message is made looks in the wrong room. Renderers in turn never send:
they return text and buttons, so they import neither the turn nor a handler.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
HANDLERS = ROOT / "bot" / "handlers"
RENDER = ROOT / "bot" / "render"
KIT = ROOT / "bot" / "kit"
CATALOG = ROOT / "locales" / "messages.pot"

# Names whose call makes a text or a keyboard.
MAKERS = {"_", "n_", "N_", "pack", "Markup", "InlineKeyboardButton", "InlineKeyboardMarkup"}


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def _on_translator(call: ast.Call) -> bool:
    """`t.money(…)`, `turn.t._(…)`: the translator asked for words (reading input is fine)."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr.startswith("parse"):
        return False
    owner = func.value
    return (isinstance(owner, ast.Name) and owner.id == "t") or (
        isinstance(owner, ast.Attribute) and owner.attr == "t"
    )


def text_made_in(source: str) -> list[str]:
    """Where `source` makes a text or a keyboard itself, as 'line: name'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _called_name(node)
            if name in MAKERS or _on_translator(node):
                found.append(f"{node.lineno}: {name}")
    return found


def test_handlers_leave_texts_and_keyboards_to_render() -> None:
    made = {
        path.stem: text_made_in(path.read_text(encoding="utf-8"))
        for path in sorted(HANDLERS.glob("*.py"))
    }
    assert {module: lines for module, lines in made.items() if lines} == {}


def test_renderers_never_send() -> None:
    leaks = []
    for path in sorted(RENDER.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                ("bot.kit.turn", "bot.handlers", "bot.kit.dialogs")
            ):
                leaks.append(f"{path.stem}: {node.module}")
    assert leaks == []


def test_the_scan_sees_a_handler_that_speaks_for_itself() -> None:
    source = (
        "async def h(turn):\n"
        "    t = turn.t\n"
        "    turn.reply(t._('Hi'), buttons=[[(turn.t.n_('a', 'b', 2), pack('x', 1))]])\n"
        "    turn.reply(Markup('<b>') + t.money(5, 'EUR'))\n"
        "    t.parse_money('5', 'EUR')\n"
    )
    names = sorted(line.split(": ")[1] for line in text_made_in(source))
    assert names == ["Markup", "_", "money", "n_", "pack"]
    assert text_made_in("raise InputError(N_('No.'))\n") == ["1: N_"]


@cache
def _message_ids() -> frozenset[str]:
    with CATALOG.open("rb") as pot:
        return frozenset(
            str(m.id[0] if isinstance(m.id, tuple) else m.id) for m in read_po(pot) if m.id
        )


def message_ids_in(source: str) -> list[str]:
    """Where `source` marks, translates or spells out a message id, as 'line: what'. A single
    word that is also a code key (the dialog step "client", the role "admin") is no text."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _called_name(node) in {"_", "n_", "N_"}:
            found.append(f"{node.lineno}: {_called_name(node)}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and not node.value.isidentifier()
            and node.value in _message_ids()
        ):
            found.append(f"{node.lineno}: {node.value!r}")
    return found


def test_the_kit_leaves_its_texts_to_render() -> None:
    made = {
        path.stem: message_ids_in(path.read_text(encoding="utf-8"))
        for path in sorted(KIT.glob("*.py"))
    }
    assert {module: lines for module, lines in made.items() if lines} == {}


def test_the_scan_sees_the_kit_speak_for_itself() -> None:
    source = (
        "STALE = N_('This button is no longer valid.')\n"
        "UNDO = '↩ Undo'\n"
        "STEP = 'client'\n"
        "def f(turn):\n"
        "    turn.reply(turn.t._(STALE), buttons=[[(turn.t.n_('a', 'b', 2), 'x')]])\n"
    )
    assert sorted(message_ids_in(source)) == [
        "1: 'This button is no longer valid.'",
        "1: N_",
        "2: '↩ Undo'",
        "5: _",
        "5: n_",
    ]

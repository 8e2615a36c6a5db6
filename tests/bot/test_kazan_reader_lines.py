"""A nail studio owner in Kazan read a week of the offline chat (branch rucopy): what she would
not have written herself, pinned where the words come from code rather than one catalog line —
a name with «» of its own nested as „“, what a new command stopped, and a file's size in the
reader's words."""

from __future__ import annotations

import io

import pytest

from bot.render.kit_texts import dialog_ended
from bot.transports.local_bot_api import Sent
from bot.transports.offline_chat import TerminalPrinter
from locales import translator


def test_a_name_with_its_own_quotes_nests_them_in_russian() -> None:
    t = translator("ru")
    said = t._("I don't have “{name}” yet. Shall I add them?", name="Салон «Лотос»")
    assert said.startswith("«Салон „Лотос“» — такого клиента"), said
    # Not put in «» by the text: the name stays as typed.
    paid = t._("How much did {client} pay? For example 1250,50.", client="Салон «Лотос»")
    assert paid.startswith("Какая сумма продажи? Клиент: Салон «Лотос»."), paid


@pytest.mark.parametrize(
    ("locale", "dialog", "client", "said"),
    [
        ("ru", "sale", "Иванова Мария", "(Отменил незаконченное: запись продажи — Иванова Мария.)"),
        (
            "ru",
            "add",
            "Петрова Анна",
            "(Отменил незаконченное: добавление клиента — Петрова Анна.)",
        ),
        ("ru", "complaint", None, "(Отменил незаконченное: запись проблемы.)"),
        ("ru", "export", None, "(Отменил то, что вы начали раньше.)"),
        ("nl", "sale", "Bakkerij Jansen", "(Gestopt: verkoop vastleggen — Bakkerij Jansen.)"),
        ("nl", "refer", None, "(Gestopt: aanbeveling.)"),
    ],
)
def test_a_new_command_says_what_it_stopped(
    locale: str, dialog: str, client: str | None, said: str
) -> None:
    assert dialog_ended(translator(locale), dialog, client) == said


@pytest.mark.parametrize(
    ("locale", "size", "said"),
    [("ru", 1, "1 байт"), ("ru", 482, "482 байта"), ("ru", 1252, "1\xa0252 байта"),
     ("ru", 150, "150 байт"), ("nl", 1252, "1.252 bytes")],
)  # fmt: skip
def test_the_offline_chat_says_a_files_size_in_the_readers_language(
    locale: str, size: int, said: str
) -> None:
    out = io.StringIO()
    printer = TerminalPrinter(out, 1, {}, translator(locale))
    printer(Sent(1, 1, "", document=("clients.csv", b"x" * size)), False)
    assert out.getvalue().startswith(f"Kompas: 📎 clients.csv ({said})"), out.getvalue()

"""Limits: one person cannot keep an instance busy, and oversized files get a clear answer."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from bot.kit.limits import RateLimits
from bot.menu import RULES
from bot.render.stored_refusals import worded
from locales import InputError
from locales.translation import translator
from storage.importing import read_import
from storage.models import Sale
from storage.tabular import MAX_BYTES, MAX_ROWS
from tests.chat import Chat
from tests.factories import make_team, rows
from tests.hardening.world import seed

ANNA, PIET, OLGA, GROUP = 11, 12, 21, -600


def test_a_bucket_allows_a_burst_then_one_call_per_interval() -> None:
    limits = RateLimits(RULES)
    rule = RULES["risk"]
    assert [limits.take(1, "risk", now=100.0) for _ in range(rule.burst)] == [0.0] * rule.burst
    assert limits.take(1, "risk", now=100.0) == rule.every
    assert limits.take(2, "risk", now=100.0) == 0.0  # someone else is not slowed down
    assert limits.take(1, "portrait", now=100.0) == 0.0  # nor another command
    assert limits.take(1, "risk", now=100.0 + rule.every / 2) == rule.every / 2
    assert limits.take(1, "risk", now=100.0 + rule.every) == 0.0


async def test_asking_for_the_risks_too_often_gets_a_polite_wait(
    chat: Chat, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    anna, piet = chat.person(ANNA, "Anna", "nl"), chat.person(PIET, "Piet", "nl")
    chat.group(GROUP, "Studio", creator=anna, members=(piet,))
    seed(sqlite_engine, make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA))
    burst = RULES["risk"].burst
    for _ in range(burst):
        seen = await chat.send(anna, "/risk", chat=GROUP)
        assert "omzet" in seen.text
    seen = await chat.send(anna, "/risk", chat=GROUP)
    assert seen.text == (
        "Even geduld: je vroeg daar net heel vaak om. Probeer het over 5 seconden opnieuw."
    )
    seen = await chat.send(piet, "/risk", chat=GROUP)
    assert "omzet" in seen.text  # the rest of the team is not slowed down
    clock.advance(seconds=RULES["risk"].every)
    seen = await chat.send(anna, "/risk", chat=GROUP)
    assert "omzet" in seen.text


async def test_exports_in_russian_wait_a_minute(chat: Chat, sqlite_engine: Engine) -> None:
    make_team(
        sqlite_engine, chat_id=OLGA, owner_id=OLGA, personal=True, locale="ru", currency="RUB"
    )
    olga = chat.person(OLGA, "Ольга", "ru")
    for _ in range(RULES["export"].burst):
        seen = await chat.send(olga, "/export")
        assert [m.document[0] for m in seen.messages if m.document] == [
            "клиенты.csv",
            "продажи.csv",
            "история.csv",
        ]
    seen = await chat.send(olga, "/export")
    assert seen.text == (
        "Минутку: вы только что запрашивали это много раз. Попробуйте снова через 1 минуту."
    )


async def test_a_file_over_the_size_limit_is_refused_before_it_is_downloaded(
    chat: Chat, sqlite_engine: Engine
) -> None:
    make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = chat.person(ANNA, "Anna", "nl")
    huge = b"Klant;Datum;Bedrag\n" + b"x" * MAX_BYTES
    seen = await chat.upload(anna, "verkopen.csv", huge)
    assert seen.text == "Dit bestand is te groot: stuur maximaal 20 MB per keer."
    assert not [c for c, _ in chat.api.calls if c == "getFile"]
    assert rows(sqlite_engine, Sale) == []


def test_a_file_with_too_many_rows_says_to_split_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # The limit is as many rows as a spreadsheet holds (1 048 576): lowered here, since the
    # bot reads files in a child process that a monkeypatch does not reach.
    monkeypatch.setattr("storage.tabular.MAX_ROWS", 10)
    body = "Клиент;Дата;Сумма\n" + "Кофейня;2026-10-01;100\n" * 11
    with pytest.raises(InputError) as refused:
        read_import(
            filename="продажи.csv",
            content=body.encode(),
            locale="ru",
            currency="RUB",
            today=dt.date(2026, 11, 23),
        )
    assert translator("ru").error(worded(refused.value)) == (
        "В файле больше 10 строк. Разделите его на файлы поменьше."
    )
    assert MAX_ROWS == 1_048_576


async def test_files_shared_in_a_group_do_not_use_up_imports(
    chat: Chat, sqlite_engine: Engine
) -> None:
    anna = chat.person(ANNA, "Anna", "nl")
    chat.group(GROUP, "Studio", creator=anna)
    make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA)
    clients = b"Naam;Plaats\nBakkerij de Vries;Utrecht\n"
    for _ in range(RULES["import"].burst + 2):  # photos of invoices, shared among colleagues
        seen = await chat.upload(anna, "factuur.csv", clients, chat=GROUP)
        assert not seen.messages
    seen = await chat.upload(anna, "klanten.csv", clients, chat=GROUP, caption="/import")
    assert "Geïmporteerd" in seen.text
    for _ in range(RULES["import"].burst - 1):
        await chat.upload(anna, "klanten.csv", clients, chat=GROUP, caption="/import")
    seen = await chat.upload(anna, "klanten.csv", clients, chat=GROUP, caption="/import")
    assert seen.text.startswith("Even geduld")

"""Issue 18, "Ranges everywhere": numbers and ids far outside what is real are refused with a
clear answer and change nothing, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from collections.abc import AsyncIterator

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine

from bot.transports.webhook import _parse
from storage import ledger
from storage.engine import new_session
from storage.models import Client, Event, ProcessedUpdate, Sale
from tests.chat import Chat
from tests.conftest import FakeClock
from tests.deploy.harness import message, new_app, running_webhook
from tests.factories import make_client, make_sale, make_team, rows
from tests.stub_bot_api import StubBotApi

ANNA = 31
LIMIT_NL = "€ 100.000.000.000"  # 10^11 euros, as a Dutch reader writes it
LIMIT_RU = "100 000 000 000 ₽"


@pytest.fixture
async def both(engine: Engine, clock: FakeClock) -> AsyncIterator[Chat]:
    """The real Application on each backend."""
    harness = await Chat.start(engine, clock)
    yield harness
    await harness.stop()


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _open_sales(engine: Engine) -> list[int]:
    return sorted(s.amount for s in rows(engine, Sale) if s.paid_on is None)


@pytest.mark.parametrize("typed", ["1000000000000000", "1e400", "1E+15", "∞", "€ 100 000 000 000"])
async def test_paid_with_an_absurd_amount_pays_nothing_and_names_the_limit(
    both: Chat, engine: Engine, typed: str
) -> None:
    """Before: `/paid Bakkerij 1000000000000000` read the number as part of the name, found
    Bakkerij anyway, and marked every open sale of the client paid."""
    team = make_team(engine, chat_id=ANNA, owner_id=ANNA, personal=True, payment_days=30)
    bakkerij = make_client(engine, team, "Bakkerij")
    make_sale(engine, team, bakkerij, 10_000)
    make_sale(engine, team, bakkerij, 20_000)
    anna = both.person(ANNA, "Anna", "nl")
    seen = await both.send(anna, f"/paid Bakkerij {typed}")
    assert LIMIT_NL in _plain(seen.text), seen.text
    assert _open_sales(engine) == [10_000, 20_000]


@pytest.mark.parametrize(
    ("line", "locale", "limit"),
    [
        ("/sale Bakkerij 1000000000000000", "nl", LIMIT_NL),
        ("/sale Bakkerij 1e400", "nl", LIMIT_NL),
        ("/sale Bakkerij 100 kosten 1000000000000000", "nl", LIMIT_NL),
        ("/sale Bakkerij 1 000 000 000 000 000", "ru", LIMIT_RU),
        ("/sale Bakkerij 1e400", "ru", LIMIT_RU),
    ],
)
async def test_a_sale_with_an_absurd_amount_is_refused_and_no_client_is_made(
    both: Chat, engine: Engine, line: str, locale: str, limit: str
) -> None:
    """Before: the number went into the name, and the bot offered to add a client
    „Bakkerij 1e400”."""
    currency = "RUB" if locale == "ru" else "EUR"
    team = make_team(
        engine, chat_id=ANNA, owner_id=ANNA, personal=True, locale=locale, currency=currency
    )
    make_client(engine, team, "Bakkerij")
    anna = both.person(ANNA, "Anna", locale)
    seen = await both.send(anna, line)
    assert limit in _plain(seen.text), seen.text
    assert [c.name for c in rows(engine, Client)] == ["Bakkerij"]
    assert rows(engine, Sale) == []


async def test_the_amount_question_refuses_an_absurd_amount(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True, payment_days=30)
    make_sale(sqlite_engine, team, make_client(sqlite_engine, team, "Bakkerij"), 10_000)
    anna = chat.person(ANNA, "Anna", "nl")
    await chat.send(anna, "/sale Bakkerij")
    seen = await chat.send(anna, "99999999999999")
    assert LIMIT_NL in _plain(seen.text), seen.text
    assert len(rows(sqlite_engine, Sale)) == 1


def _xlsx(cells: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in cells:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_import_cells_over_the_bound_get_a_row_error_naming_it(
    both: Chat, engine: Engine
) -> None:
    make_team(engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = both.person(ANNA, "Anna", "nl")
    csv = (
        b"Klant;Datum;Bedrag\n"
        b"Bakkerij;2026-10-01;1e400\n"
        b"Slagerij;2026-10-01;1000000000000000\n"
        b"Kapper;2026-10-01;120\n"
    )
    seen = await both.upload(anna, "verkopen.csv", csv)
    text = _plain(" ".join(m.text for m in seen.messages))
    assert text.count(LIMIT_NL) >= 1 and "1e400" in text, text
    assert not {s.amount for s in rows(engine, Sale)} - {12_000}


async def test_xlsx_numbers_over_the_bound_get_a_row_error_naming_it(
    chat: Chat, sqlite_engine: Engine
) -> None:
    make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = chat.person(ANNA, "Anna", "nl")
    book = _xlsx(
        [
            ["Klant", "Datum", "Bedrag"],
            ["Bakkerij", "2026-10-01", 1e300],
            ["Kapper", "2026-10-01", 120],
        ]
    )
    seen = await chat.upload(anna, "verkopen.xlsx", book)
    text = _plain(" ".join(m.text for m in seen.messages))
    assert LIMIT_NL in text, text
    assert not {s.amount for s in rows(sqlite_engine, Sale)} - {12_000}


async def test_a_file_cannot_book_what_the_chat_refuses(both: Chat, engine: Engine) -> None:
    """A sale in the future (a date cell or typed) and an amount of zero are bad rows, as
    `/sale` refuses them; nothing of the file is stored."""
    make_team(engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = both.person(ANNA, "Anna", "nl")
    book = _xlsx(
        [
            ["Klant", "Datum", "Bedrag", "Betaald op"],
            ["Bakkerij", dt.datetime(2030, 12, 1), 120, None],
            ["Slagerij", "31-12-2199", 80, None],
            ["Kapper", "01-10-2026", 0, None],
            ["Visser", "01-10-2026", 60, None],
        ]
    )
    seen = await both.upload(anna, "verkopen.xlsx", book)
    text = _plain(" ".join(m.text for m in seen.messages))
    assert "2030-12-01" in text and "31-12-2199" in text, text
    assert "nul" in text, text
    assert rows(engine, Sale) == []


# Update ids ------------------------------------------------------------------------------


@pytest.mark.parametrize("update_id", [-1, 2**63, 10**30, -(2**63) - 1])
async def test_a_webhook_body_with_an_update_id_out_of_range_gets_400(
    stub: StubBotApi, engine: Engine, clock: FakeClock, update_id: int, caplog
) -> None:  # type: ignore[no-untyped-def]
    """Before: a huge update_id went on to the ledger's insert (DataError on PostgreSQL, an
    OverflowError on SQLite) and Telegram got an error instead of a plain 400."""
    app = new_app(stub, engine, clock)
    async with running_webhook(app) as hook:
        assert await hook.post(message(update_id, "/start")) == 400
        assert await hook.post(message(2**63 - 1, "/start")) == 200  # the largest there is
    assert [u.update_id for u in rows(engine, ProcessedUpdate)] == [2**63 - 1]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_webhook_body_whose_update_id_is_true_gets_400() -> None:
    assert _parse(json.dumps(message(1, "/start") | {"update_id": True}).encode(), None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("update_id", [-1, 2**63, 10**30])
def test_the_ledger_never_sends_an_out_of_range_update_id_to_the_database(
    engine: Engine, update_id: int
) -> None:
    now = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
    with new_session(engine) as session:
        assert ledger.claim(session=session, bot_id=1, update_id=update_id, now=now) is False
        session.commit()
    assert rows(engine, ProcessedUpdate) == []


async def test_an_update_out_of_range_from_any_transport_is_dropped_quietly(
    both: Chat, engine: Engine, caplog
) -> None:  # type: ignore[no-untyped-def]
    make_team(engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = both.person(ANNA, "Anna", "nl")
    seen = await both.send(anna, "/add Bakkerij, organisatie", update_id=2**63)
    assert seen.messages == []
    assert rows(engine, Client) == [] and rows(engine, ProcessedUpdate) == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# Control characters ----------------------------------------------------------------------

_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
_C1 = "".join(chr(c) for c in range(0x80, 0xA0))
FAMILY = "👨\u200d👩\u200d👧"  # one emoji: the joiners bind it


def _has_controls(text: str) -> bool:
    return any(c in _CONTROLS + _C1 for c in text)


async def test_control_characters_typed_are_not_stored_nor_echoed(
    both: Chat, engine: Engine
) -> None:
    """Before: `/add` kept a bell, an escape sequence and C1 controls in the stored name and
    notes only kept them, and the answers echoed them back into the chat."""
    make_team(engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = both.person(ANNA, "Anna", "nl")
    seen = await both.send(anna, f"/add Bak\x07kerij\x1b[31m{FAMILY}\x85Noord, organisatie")
    [client] = rows(engine, Client)
    assert not _has_controls(client.name) and FAMILY in client.name, repr(client.name)
    assert not any(_has_controls(m.text) for m in seen.messages)
    seen = await both.send(anna, f"/klacht {client.name}: factuur\x00 betwist\x9b\x1b te laat")
    assert not any(_has_controls(m.text) for m in seen.messages)
    notes = [e.note for e in rows(engine, Event)]
    assert notes and not any(_has_controls(n or "") for n in notes), notes
    unknown = await both.send(anna, "/client Onbe\x1bkend\x07")
    assert not any(_has_controls(m.text) for m in unknown.messages)

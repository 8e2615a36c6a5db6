"""/import and /export: files in and out, all or nothing, money figures where they belong."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from storage.models import Client, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, make_team, rows

GROUP = -900

BAD_SALES = (
    b"Klant;Datum;Bedrag;Kleur\n"
    b"Bakkerij de Vries;2026-10-01;1.250,50;rood\n"
    b"Hotel Het Anker;gisteren-ish;800;blauw\n"
    b"Pizzeria Bella;2026-10-03;veel;groen\n"
)
GOOD_SALES = (
    b"Klant;Datum;Bedrag;Kleur\n"
    b"Bakkerij de Vries;2026-10-01;1.250,50;rood\n"
    b"Hotel Het Anker;2026-10-02;800;blauw\n"
    b"Hotel Het Anker;2026-10-09;800;blauw\n"
)


async def test_import_with_bad_rows_imports_nothing_then_a_good_file(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.upload(anna, "verkopen.csv", BAD_SALES)
    lines = seen.text.splitlines()
    assert lines[0] == (
        "Niets geïmporteerd: 2 problemen in het bestand. Verbeter ze en stuur het bestand opnieuw."
    )
    assert lines[1].startswith("• Regel 3, „Datum”: „gisteren-ish”")
    assert lines[2].startswith("• Regel 4, „Bedrag”: „veel” kan ik niet als bedrag lezen.")
    assert rows(sqlite_engine, Sale) == [] and rows(sqlite_engine, Client) == []

    seen = await chat.upload(anna, "verkopen.csv", GOOD_SALES, caption="/import")
    assert seen.text.splitlines() == [
        "Geïmporteerd: 3 regels gelezen.",
        "• 3 verkopen toegevoegd",
        "• 2 nieuwe klanten",
        "Kolommen die ik niet ken, heb ik overgeslagen: „Kleur”",
    ]
    assert sorted(s.amount for s in rows(sqlite_engine, Sale)) == [80000, 80000, 125050]
    seen = await chat.upload(anna, "verkopen.csv", GOOD_SALES)
    assert "• 3 regels stonden er al, overgeslagen" in seen.text.splitlines()
    assert len(rows(sqlite_engine, Sale)) == 3


async def test_a_long_list_of_bad_rows_fits_a_phone_in_russian(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    body = "".join(f"Клиент {i};2026-10-01;много\n" for i in range(40))
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.upload(olga, "продажи.csv", ("Клиент;Дата;Сумма\n" + body).encode())
    lines = seen.text.splitlines()
    assert lines[0].startswith("Ничего не импортировано: в файле 40 ошибок.")
    assert lines[1].startswith("• Строка 2, «Сумма»: ")
    assert len(lines) == 1 + 15 + 1 and lines[-1] == "… и ещё 25"
    assert len(seen.html) <= 4096
    assert rows(sqlite_engine, Sale) == []


async def test_members_are_refused_and_group_files_need_a_caption_or_reply(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, ivan = chat.person(21, "Ольга", "ru"), chat.person(22, "Иван", "ru")
    chat.group(GROUP, "Студия", creator=olga, members=(ivan,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21, locale="ru", currency="RUB")
    clients = "Клиент;Город\nКофейня «Зерно»;Москва\n".encode()
    seen = await chat.upload(ivan, "клиенты.csv", clients, chat=GROUP, caption="/import")
    assert seen.text == "Это могут только администраторы команды."
    seen = await chat.upload(olga, "клиенты.csv", clients, chat=GROUP)
    assert not seen.messages  # a file shared in the group is not an import
    seen = await chat.send(olga, "/import", chat=GROUP)
    assert "Отправьте файл ответом на это сообщение." in seen and seen.last.force_reply
    update = chat.factory.message(
        olga, GROUP, "", document=("клиенты.csv", clients), reply_to=seen.last
    )
    await chat.app.process_update(update)
    [client] = rows(sqlite_engine, Client)
    assert (client.name, client.city) == ("Кофейня «Зерно»", "Москва")
    assert "<b>Импортировано</b>: прочитана 1 строка." in chat.api.in_chat(GROUP)[-1].text


async def test_a_file_that_is_no_spreadsheet_is_named(chat: Chat, nl_team: Team) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.upload(anna, "offerte.pdf", b"%PDF-1.7")
    assert seen.text == (
        "Ik kan CSV- en Excel-bestanden (.xlsx) importeren. "
        "Sla „offerte.pdf” op als een van die twee en stuur het opnieuw."
    )


async def test_two_imports_racing_get_a_polite_try_again(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def racing(**_: object) -> None:
        raise IntegrityError("INSERT INTO sale", {}, Exception("UNIQUE constraint failed"))

    monkeypatch.setattr("bot.handlers.files.import_file", racing)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.upload(anna, "verkopen.csv", GOOD_SALES)
    assert seen.text.startswith("Iemand importeerde op precies hetzelfde moment")
    assert rows(sqlite_engine, Sale) == []


async def test_export_sends_clients_and_sales_as_two_csv_documents(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, ru_team, "Кофейня «Зерно»", city="Москва")
    make_sale(sqlite_engine, ru_team, client, 125050)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/export")
    documents = [m.document for m in seen.messages if m.document]
    assert [name for name, _ in documents] == ["clients.csv", "sales.csv"]
    clients_csv, sales_csv = (content.decode("utf-8-sig") for _, content in documents)
    assert clients_csv.startswith("Клиент;") and "Кофейня «Зерно»" in clients_csv
    assert "1250,50" in sales_csv
    assert seen.messages[1].text == "Ваши продажи, суммы без НДС."
    # What was exported imports again unchanged.
    seen = await chat.upload(olga, "sales.csv", documents[1][1])
    assert "• 1 строка уже была, пропущена" in seen.text.splitlines()


async def test_export_goes_privately_when_the_team_keeps_money_for_admins(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, ivan = chat.person(21, "Olga", "nl"), chat.person(22, "Ivan", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(ivan,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21, sensitive_to_admins=True)
    seen = await chat.send(ivan, "/export", chat=GROUP)
    assert seen.text == "Dat kunnen alleen de beheerders van het team."
    seen = await chat.send(olga, "/export", chat=GROUP)
    in_group = [m for m in seen.messages if m.chat_id == GROUP]
    privately = [m.document[0] for m in seen.messages if m.chat_id == 21 and m.document]
    assert privately == ["clients.csv", "sales.csv"]
    [note] = in_group
    assert note.document is None and "privé naar je gestuurd" in note.text


async def test_one_clients_data_for_their_access_request(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, nl_team, "Anouk de Boer", kind="person", city="Utrecht")
    make_sale(sqlite_engine, nl_team, client, 9900)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/export anouk")
    [message] = seen.messages
    name, content = message.document or ("", b"")
    assert name == f"client-{client}.json"
    assert "Alles wat Kompas over Anouk de Boer bewaart" in message.text
    data = json.loads(content)
    assert data["client"]["name"] == "Anouk de Boer" and data["client"]["city"] == "Utrecht"
    assert data["sales"][0]["amount"] == "99.00"
    seen = await chat.send(anna, "/export Niemand")
    assert "Niemand" in seen.text and not seen.last.document

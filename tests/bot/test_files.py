"""/import and /export: files in and out, all or nothing, money figures where they belong."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from storage.models import Client, Sale, Team
from tests.chat import Chat
from tests.factories import (
    NL_OWNER,
    RU_OWNER,
    make_client,
    make_event,
    make_sale,
    make_team,
    rows,
)

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
    assert seen.text == "Это может сделать только owner21 (администратор)."
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

    monkeypatch.setattr("bot.handlers.files.write_read_import", racing)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.upload(anna, "verkopen.csv", GOOD_SALES)
    assert seen.text.startswith("Iemand importeerde op precies hetzelfde moment")
    assert rows(sqlite_engine, Sale) == []


async def test_export_sends_clients_sales_and_history_as_three_csv_documents(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, ru_team, "Кофейня «Зерно»", city="Москва")
    make_sale(sqlite_engine, ru_team, client, 125050)
    make_event(sqlite_engine, ru_team, client, "complaint", note="Холодный кофе")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/export")
    documents = [m.document for m in seen.messages if m.document]
    assert [name for name, _ in documents] == ["клиенты.csv", "продажи.csv", "история.csv"]
    clients_csv, sales_csv, history_csv = (c.decode("utf-8-sig") for _, c in documents)
    assert clients_csv.startswith("Клиент;") and "Кофейня «Зерно»" in clients_csv
    assert "1250,50" in sales_csv
    assert seen.messages[1].text == "Ваши продажи."  # never asked about VAT: nothing said
    assert history_csv.startswith("Клиент;Дата;Событие;")
    assert "Кофейня «Зерно»;01.10.2026;проблема;;;;;Холодный кофе" in history_csv
    assert seen.messages[2].text.startswith("Проблемы, благодарности, рекомендации и отзывы")
    # What was exported imports again unchanged.
    seen = await chat.upload(olga, *documents[1])
    assert "• 1 строка уже была, пропущена" in seen.text.splitlines()
    seen = await chat.upload(olga, *documents[2])
    assert seen.text.splitlines()[-1] == "Ничего нового: всё это у меня уже было."


async def test_export_goes_privately_when_the_team_keeps_money_for_admins(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, ivan = chat.person(21, "Olga", "nl"), chat.person(22, "Ivan", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(ivan,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21, sensitive_to_admins=True)
    seen = await chat.send(ivan, "/export", chat=GROUP)
    assert seen.text == "Dat kan alleen owner21 (beheerder)."
    seen = await chat.send(olga, "/export", chat=GROUP)
    in_group = [m for m in seen.messages if m.chat_id == GROUP]
    privately = [m.document[0] for m in seen.messages if m.chat_id == 21 and m.document]
    assert privately == ["klanten.csv", "verkopen.csv", "geschiedenis.csv"]
    [note] = in_group
    assert note.document is None and "privé gestuurd" in note.text


async def test_one_clients_data_for_their_access_request(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, nl_team, "Anouk de Boer", kind="person", city="Utrecht")
    make_sale(sqlite_engine, nl_team, client, 9900)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/export anouk")
    [message] = seen.messages
    name, content = message.document or ("", b"")
    assert name == f"klant-{client}.json"
    assert "Alles wat ik over Anouk de Boer bewaar" in message.text
    data = json.loads(content)
    assert data["client"]["name"] == "Anouk de Boer" and data["client"]["city"] == "Utrecht"
    assert data["sales"][0]["amount"] == "99.00"
    seen = await chat.send(anna, "/export Niemand")
    assert "Niemand" in seen.text and not seen.last.document


# Finding 15: a clients file completes clients chat met today; /edit changes "client since".
async def add_in_chat(chat: Chat, person, name: str) -> None:  # type: ignore[no-untyped-def]
    seen = await chat.send(person, f"/add {name}")
    # organisation: the first button while the team has no clients (its usual kind first)
    await chat.press(person, seen.buttons[0])


async def test_a_clients_file_completes_a_client_added_in_chat_today(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await add_in_chat(chat, anna, "Hotel Zon")
    seen = await chat.send(anna, "/client Hotel Zon")
    assert "Een nieuwe klant: te vroeg voor een stellig oordeel." in seen

    completing = b"Klant;Klant sinds;Plaats\nHotel Zon;12-03-2024;Utrecht\n"
    seen = await chat.upload(anna, "klanten.csv", completing)
    assert seen.text.splitlines() == [
        "Geïmporteerd: 1 regel gelezen.",
        "• gegevens van 1 klant aangevuld",
    ]
    [client] = rows(sqlite_engine, Client)
    assert (client.acquired_on, client.city) == (dt.date(2024, 3, 12), "Utrecht")
    seen = await chat.send(anna, "/client Hotel Zon")
    assert "Een nieuwe klant" not in seen.text  # a client since 2024 is not new
    details = await chat.press(anna, "Details")
    assert "Klant sinds 12 mrt 2024" in details.text.splitlines()
    assert "Organisatie · Utrecht" in details.text.splitlines()

    seen = await chat.upload(anna, "klanten.csv", completing)
    assert seen.text.splitlines() == [
        "Geïmporteerd: 1 regel gelezen.",
        "• 1 regel stond er al, overgeslagen",
        "Niets nieuws: dit had ik allemaal al.",
    ]
    # A later date and another city: what the team has stays, and the report says so.
    other = b"Klant;Klant sinds;Plaats\nHotel Zon;01-06-2025;Amersfoort\n"
    seen = await chat.upload(anna, "klanten.csv", other)
    assert "• 1 waarde week af van wat ik had; ik heb de mijne gehouden" in seen.text.splitlines()
    assert "Niets nieuws: dit had ik allemaal al." in seen.text.splitlines()
    [client] = rows(sqlite_engine, Client)
    assert (client.acquired_on, client.city) == (dt.date(2024, 3, 12), "Utrecht")


async def test_edit_changes_client_since_as_the_team_types_dates_with_undo(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await add_in_chat(chat, anna, "Hotel Zon")
    seen = await chat.send(anna, "/edit Hotel Zon")
    assert "Klant sinds" in seen.buttons
    seen = await chat.press(anna, "Klant sinds")
    assert "Sinds wanneer is Hotel Zon klant? Typ een datum, zoals 23-11-2026." in seen.text
    seen = await chat.send(anna, "1-12-2026")
    assert "Die datum moet nog komen: sinds wanneer is dit een klant?" in seen
    seen = await chat.send(anna, "12-03-2024")
    assert "Klant sinds gewijzigd in 12 mrt 2024." in seen
    [client] = rows(sqlite_engine, Client)
    assert client.acquired_on == dt.date(2024, 3, 12)
    await chat.press(anna, "↩ Ongedaan maken")
    [client] = rows(sqlite_engine, Client)
    assert client.acquired_on == dt.date(2026, 11, 23)


async def test_a_russian_clients_file_completes_a_client_and_edit_takes_russian_dates(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await add_in_chat(chat, olga, "Кофейня Зерно")
    completing = "Клиент;Клиент с;Город\nКофейня Зерно;12.03.2024;Казань\n".encode()
    seen = await chat.upload(olga, "клиенты.csv", completing)
    assert "• дополнены данные 1 клиента" in seen.text.splitlines()
    await chat.send(olga, "/client Кофейня Зерно")
    details = await chat.press(olga, "Подробнее")
    assert "Клиент с 12 мар. 2024 г." in details.text.splitlines()
    seen = await chat.upload(olga, "клиенты.csv", completing)
    assert "Ничего нового: всё это у меня уже было." in seen.text.splitlines()

    await chat.send(olga, "/edit Кофейня Зерно")
    seen = await chat.press(olga, "Начало работы")
    assert "С какого числа Кофейня Зерно — ваш клиент? Напишите дату, например 23.11.2026." in seen
    seen = await chat.send(olga, "01.02.2023")
    assert "Начало работы: теперь 1 февр. 2023 г." in seen.text.splitlines()
    [client] = rows(sqlite_engine, Client)
    assert client.acquired_on == dt.date(2023, 2, 1)


# Finding 8: referrals from a clients file count on the referrer's card, Details and portrait.
async def test_referrals_from_a_clients_file_count_on_the_referrers_card(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await add_in_chat(chat, anna, "Bakkerij Jansen")
    clients = b"Klant;Aangebracht door\nKapper Kim;Bakkerij Jansen\nSlager Piet;Bakkerij Jansen\n"
    seen = await chat.upload(anna, "klanten.csv", clients)
    assert "• 2 aanbevelingen toegevoegd" in seen.text.splitlines()
    seen = await chat.send(anna, "/client Bakkerij Jansen")
    assert "2 aanbevelingen · 0 klachten (12 mnd)" in seen.text.splitlines()
    details = await chat.press(anna, "Details")
    assert "0 klachten · 0 complimenten · 2 aanbevelingen" in details.text.splitlines()


async def test_many_unknown_columns_are_named_ten_and_the_rest_counted(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """Found by the attacker reader: 20 unknown columns were listed as ten, with no "and more"."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    extra = [f"Extra{i}" for i in range(20)]
    csv = ";".join(["Naam", *extra]) + "\n" + ";".join(["Bakkerij Noord", *"x" * 20]) + "\n"
    seen = await chat.upload(anna, "klanten.csv", csv.encode())
    assert "„Extra9” en nog 10" in seen.text, seen.text
    assert "Extra10" not in seen.text


def test_a_problem_after_its_row_and_column_starts_in_lower_case() -> None:
    """A Dutch reader: "Regel 4, „Klant”: De naam …" had a capital after the colon."""
    from bot.render.files import import_refused
    from locales import InputError, translator
    from storage.import_results import ImportReport, RowError

    missing = InputError("The client's name is missing.")
    report = ImportReport(kind="sales", rows=5, errors=(RowError(4, "Klant", missing),))
    for locale, said in (
        ("nl", "• Regel 4, „Klant”: de naam van de klant ontbreekt."),
        ("ru", "• Строка 4, «Klant»: не указано имя клиента."),
    ):
        assert said in import_refused(translator(locale), report).splitlines()

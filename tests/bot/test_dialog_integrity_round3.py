"""Dialog integrity, round three (issue 17, DESIGN.md "Dialogs"), as native testers found it:
a command typed while a question waits ends that question even when the command itself is
refused; a complaint never adds a client unasked and a form of address is no part of a name;
a whole surname beats the names it only begins in /refer, and a referral never goes round in
a circle; a `;` in a name survives the `;`-separated files; a 9 on a team that sees grades on
1–10 is answered naming both scales; a time over 1000 hours is refused wherever it is typed."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, DialogState, Event, Rating, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_team, rows


async def test_a_refused_command_still_ends_the_waiting_complaint(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """`/complaint Иванова`, then a `/rate` that fails, then «привет»: no complaint «привет»."""
    make_client(sqlite_engine, ru_team, "Иванова Анна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/complaint Иванова")
    assert seen.text.startswith("Коротко: что было?")
    seen = await chat.send(olga, "/rate Иванова 11")
    assert seen.messages[0].text == "(Отменил незаконченное: запись проблемы — Иванова Анна.)"
    assert seen.last.text.startswith("Нужно 3 числа от 1 до 5")
    seen = await chat.send(olga, "привет")
    assert "Проблема записана" not in seen
    assert seen.text.startswith("Начните, например, с /add или /sale.")
    assert rows(sqlite_engine, Event) == []
    assert rows(sqlite_engine, DialogState) == []


async def test_a_command_refused_for_its_role_ends_the_waiting_question_too(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Joris (a member) starts a complaint in the group, then sends the admins' /overzicht."""
    anna, joris = chat.person(31, "Anna", "nl"), chat.person(32, "Joris", "nl")
    chat.group(-700, "Studio", creator=anna, members=(joris,))
    team = make_team(sqlite_engine, chat_id=-700, owner_id=31)
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    await chat.send(joris, "/klacht bakkerij de vries", chat=-700)
    asked = chat.api.in_chat(-700)[-1]
    seen = await chat.send(joris, "/overzicht", chat=-700)
    assert seen.messages[0].text == "(Gestopt: klacht — Bakkerij de Vries.)"
    assert len(seen.messages) == 2  # and the refusal itself
    seen = await chat.send(joris, "hallo", chat=-700, reply_to=asked)
    assert "Klacht" not in seen.text
    assert rows(sqlite_engine, Event) == []
    assert rows(sqlite_engine, DialogState) == []


async def test_an_unknown_command_ends_the_waiting_complaint_in_dutch(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/klacht bakkerij de vries")
    seen = await chat.send(anna, "/beoordeel bakkerij de vries 11")
    assert seen.messages[0].text == "(Gestopt: klacht — Bakkerij de Vries.)"
    seen = await chat.send(anna, "hallo")
    assert "Klacht" not in seen.text
    assert rows(sqlite_engine, Event) == []


async def test_a_complaint_about_a_name_not_in_the_list_asks_before_adding(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """`/klacht dhr van der linden kwam te laat` silently made a new client; it asks now."""
    make_client(sqlite_engine, nl_team, "Hotel De Linde")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/klacht dhr van der linden kwam te laat")
    assert seen.text.startswith("„dhr van der linden” staat niet in je klantenlijst.")
    # "dhr" says a person: that one kind is offered (native reader, round 3)
    assert seen.buttons == ["„dhr van der linden” toevoegen als particulier", "Annuleren"]
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Hotel De Linde"]
    assert rows(sqlite_engine, Event) == []
    seen = await chat.press(anna, "„dhr van der linden” toevoegen als particulier")
    assert "Klacht genoteerd bij dhr. van der Linden." in seen.text
    assert [e.note for e in rows(sqlite_engine, Event)] == ["kwam te laat"]


async def test_a_form_of_address_is_no_part_of_the_name_looked_up(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    # Their genders entered: a gendered title names no one of unknown gender unasked
    # (tests/bot/test_titles_and_gender.py)
    make_client(sqlite_engine, nl_team, "Kees van der Linden", kind="person", gender="m")
    make_client(sqlite_engine, nl_team, "Ria Bakker", kind="person", gender="f")
    make_client(sqlite_engine, ru_team, "Волкова Екатерина", kind="person", gender="f")
    make_client(sqlite_engine, ru_team, "Сидоров Пётр", kind="person", gender="m")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/klacht dhr van der linden kwam te laat")
    assert seen.text.startswith("Klacht genoteerd bij Kees van der Linden.")
    seen = await chat.send(anna, "/compliment mevrouw Bakker was erg vriendelijk")
    assert seen.text.startswith("Leuk! Compliment van Ria Bakker genoteerd.")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/complaint госпожа Волкова нахамила")
    assert seen.text.startswith("Проблема записана: Волкова Екатерина.")
    seen = await chat.send(olga, "/compliment г-н Сидоров принёс торт")
    assert seen.text.startswith("Приятно! Благодарность записана: Сидоров Пётр.")
    assert len(rows(sqlite_engine, Client)) == 4
    assert sorted(e.note or "" for e in rows(sqlite_engine, Event)) == [
        "kwam te laat",
        "was erg vriendelijk",
        "нахамила",
        "принёс торт",
    ]


async def test_a_russian_complaint_about_someone_new_asks_too(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Волкова Екатерина", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/complaint г-н Сидоров опоздал")
    assert seen.text.startswith("«г-н Сидоров» — такого клиента в списке пока нет.")
    assert "Добавить «г-н Сидоров» как частное лицо" in seen.buttons
    assert len(rows(sqlite_engine, Client)) == 1


async def test_a_whole_surname_is_the_client_it_names_in_a_referral(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """`/refer Иванова, Петрова` asked «Кого именно?» though each names one client exactly."""
    make_client(sqlite_engine, ru_team, "Иванова Анна", kind="person")
    make_client(sqlite_engine, ru_team, "Петрова Мария", kind="person")
    make_client(sqlite_engine, ru_team, "Петровская Ольга", kind="person")
    make_client(sqlite_engine, ru_team, "Ивановская Нина", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/refer Иванова, Петрова")
    assert seen.text == "Рекомендация записана: Иванова Анна → Петрова Мария."
    referrals = [(e.client_id, e.referred_client_id) for e in rows(sqlite_engine, Event)]
    assert referrals == [(1, 2)]
    seen = await chat.send(olga, "/refer Петрова, Сидорова Дарья")  # the referrer too
    assert seen.text.startswith("Рекомендация записана: Петрова Мария → Сидорова Дарья")  # new
    seen = await chat.send(olga, "/refer Иванова, Иванова")
    assert seen.text == "Клиент не может порекомендовать сам себя."


async def test_a_referral_back_the_other_way_is_refused(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Иванова Анна", kind="person")
    make_client(sqlite_engine, ru_team, "Петрова Мария", kind="person")
    make_client(sqlite_engine, ru_team, "Сидоров Пётр", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/refer Иванова Анна, Петрова Мария")
    seen = await chat.send(olga, "/refer Петрова Мария, Иванова Анна")
    assert seen.text == (
        "Не записано: Иванова Анна → Петрова Мария — такая рекомендация уже есть (напрямую или "
        "по цепочке), так что наоборот быть не может."
    )
    await chat.send(olga, "/refer Петрова Мария, Сидоров Пётр")  # a chain is fine
    seen = await chat.send(olga, "/refer Сидоров Пётр, Иванова Анна")  # its end back: refused
    assert seen.text.startswith("Не записано: ") and "→ Сидоров Пётр — такая" in seen.text
    assert len(rows(sqlite_engine, Event)) == 2
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/aanbeveling Bakkerij de Vries, Jan Smit")
    seen = await chat.send(anna, "/aanbeveling Jan Smit, Bakkerij de Vries")
    assert seen.text == (
        "Niet vastgelegd: Jan Smit kwam zelf via Bakkerij de Vries bij je, dus andersom kan niet."
    )
    assert len(rows(sqlite_engine, Event)) == 3
    assert rows(sqlite_engine, DialogState) == []


async def test_a_semicolon_in_a_name_survives_export_and_import(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    """The files use `;` between cells: a name typed with one is quoted, and reads back whole."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/toevoegen")
    seen = await chat.send(anna, "Bakkerij; Noord")
    assert seen.text == "In welke plaats?"  # "Bakkerij" says an organisation: not asked
    for _ in range(3):  # place, source, trade
        seen = await chat.press(anna, "Overslaan")
    assert seen.text.startswith("Toegevoegd: Bakkerij; Noord (organisatie).")
    await chat.send(anna, "/verkoop Bakkerij; Noord, 120")
    assert [(s.amount, s.client_id) for s in rows(sqlite_engine, Sale)] == [(12_000, 1)]
    seen = await chat.send(anna, "/exporteer")
    clients_csv, sales_csv = [m.document[1] for m in seen.messages if m.document][:2]
    assert '\r\n"Bakkerij; Noord";organisatie;actief;' in clients_csv.decode("utf-8-sig")
    assert '\r\n"Bakkerij; Noord";' in sales_csv.decode("utf-8-sig")
    olga = chat.person(RU_OWNER, "Ольга", "ru")  # another team reads the file back whole
    seen = await chat.upload(olga, "clients.csv", clients_csv)
    assert "• 1 новый клиент" in seen.text.splitlines()
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Bakkerij; Noord"] * 2


async def test_a_grade_out_of_range_names_the_scales_on_a_team_that_sees_one_to_ten(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """On a 1–10 team a 9 is natural to type; each point is still 1–5 (DESIGN.md: ratings),
    and the refusal says so, naming the team's scale."""
    ten = make_team(
        sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, grade_scale="1-10"
    )
    make_client(sqlite_engine, ten, "Jan Smit", kind="person")
    make_client(sqlite_engine, ru_team, "Иванова Анна", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for line in ("/beoordeel jan smit 9", "/beoordeel jan smit 11", "/beoordeel jan smit 9 9 9"):
        seen = await chat.send(anna, line)
        assert seen.text == (
            "Geef 3 cijfers van 1 tot 5, bijvoorbeeld: /beoordeel Bakkerij de Vries 4 5 3. "
            "Daaruit volgt het cijfer van de klant, van 1 tot 10."
        )
    await chat.send(anna, "/beoordeel jan smit 4")
    seen = await chat.send(anna, "9")
    assert seen.text.startswith("Tik op een cijfer van 1 tot 5. Daaruit volgt het cijfer")
    assert "van de klant, van 1 tot 10" in seen.text
    seen = await chat.send(anna, "5 5")
    assert "Dank je! Jouw oordeel over Jan Smit" in seen.text
    assert sorted(r.value for r in rows(sqlite_engine, Rating)) == [4, 5, 5]
    # a team on 1–5 is told 1 to 5, as before
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/rate Иванова 11")
    assert seen.text == "Нужно 3 числа от 1 до 5, например: /rate Иванова 4 5 3"


async def test_a_russian_team_on_one_to_ten_is_told_both_scales(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(
        sqlite_engine,
        chat_id=RU_OWNER,
        owner_id=RU_OWNER,
        personal=True,
        locale="ru",
        currency="RUB",
        grade_scale="1-10",
    )
    make_client(sqlite_engine, team, "Иванова Анна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/rate Иванова 9")
    assert seen.text == (
        "Нужно 3 числа от 1 до 5, например: /rate Иванова 4 5 3. "
        "Оценку клиента я всё равно покажу по вашей шкале от 1 до 10."
    )
    assert rows(sqlite_engine, Rating) == []


async def test_a_time_over_a_thousand_hours_is_refused_wherever_it_is_typed(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    """/profile refused over 1000 hours; a sale's time took up to some 16 700 hours."""
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    make_client(sqlite_engine, ru_team, "Иванова Анна", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    too_long = "„{}” is hier te veel: het maximum is 1.000 uur."
    seen = await chat.send(anna, "/verkoop jan smit 100, 0, 1200 uur")  # the one-line form
    assert seen.text == too_long.format("1200 uur")
    await chat.send(anna, "/verkoop jan smit")
    await chat.send(anna, "100")
    await chat.send(anna, "0")
    seen = await chat.send(anna, "1001 uur")  # the time question
    assert seen.text == too_long.format("1001 uur")
    seen = await chat.send(anna, "5000")  # a bare number: as hours too long, so minutes only
    assert seen.buttons[:1] == ["83 uur 20 min"]
    assert rows(sqlite_engine, Sale) == []
    seen = await chat.send(anna, "/verkoop jan smit 100, 0, 1000 uur")  # the most is fine
    assert "tijd 1.000 uur" in seen.text
    sales_csv = b"Klant;Datum;Bedrag;Uren\r\nJan Smit;2026-11-01;100;1500\r\n"
    seen = await chat.upload(anna, "verkopen.csv", sales_csv)  # an import
    assert "• Regel 2, „Uren”: „1500” is hier te veel: het maximum is 1.000 uur." in seen.text
    assert [s.minutes for s in rows(sqlite_engine, Sale)] == [60_000]
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Иванова 100, 0, 70000 мин")
    assert seen.text.replace("\u00a0", " ") == (
        "«70000 мин» — слишком много. Здесь максимум 1 000 ч."
    )
    assert len(rows(sqlite_engine, Sale)) == 1

"""Recording from a phone: clients, sales, ratings, referrals and complaints, with Undo."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy import Engine

from bot.app import kompas_of_app
from storage.models import AuditLog, Client, Event, Rating, Sale
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, make_team, rows


async def test_add_by_dialog_asks_step_by_step_with_skip(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    assert "Hoe heet de nieuwe klant?" in await chat.send(anna, "/add")
    seen = await chat.send(anna, "Bloemenhuis Anouk")  # the name doesn't say its kind: asked
    assert seen.buttons[:2] == ["Particulier", "Organisatie"]  # as the question says them
    await chat.send(anna, "/cancel")
    await chat.send(anna, "/add")
    seen = await chat.send(anna, "Anouk de Boer")  # a first name and a surname: a person
    assert "In welke plaats?" in seen and "Overslaan" in seen.buttons
    await chat.press(anna, "Overslaan")
    seen = await chat.press(anna, "Aanbeveling")
    assert "Geboortejaar?" in seen
    seen = await chat.send(anna, "1986")
    assert (
        "Toegevoegd: Anouk de Boer (particulier, geboren in 1986, gevonden via: aanbeveling)."
        in seen
    )
    assert seen.buttons == ["Verkoop vastleggen", "↩ Ongedaan maken"]
    [client] = rows(sqlite_engine, Client)
    assert (client.kind, client.city, client.birth_year) == ("person", None, 1986)
    assert rows(sqlite_engine, AuditLog, action="client_created")


async def test_add_in_one_line_in_russian(chat: Chat, ru_team, sqlite_engine: Engine) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Анна Смирнова, физлицо, Москва")
    assert "Добавлено: Анна Смирнова (частное лицо, Москва)." in seen
    seen = await chat.send(olga, "/add Кофейня «Зерно», Москва")  # «Кофейня»: a business
    assert "Добавлено: Кофейня «Зерно» (организация, Москва)." in seen
    seen = await chat.send(olga, "/add Лотос, Москва")
    assert "частное лицо или организация?" in seen  # kind not said: one tap
    seen = await chat.press(olga, "Организация")
    assert "Добавлено: Лотос (организация, Москва)." in seen
    assert len(rows(sqlite_engine, Client)) == 3


async def test_near_duplicate_name_is_caught_before_adding(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/add Bakkerij de Vris, organisatie")
    assert seen.text == "Is dit Bakkerij de Vries?"
    assert seen.buttons == ["Ja", "Nee, „Bakkerij de Vris” toevoegen"]
    seen = await chat.press(anna, "Ja")
    assert "Bakkerij de Vries" in seen  # their card
    assert len(rows(sqlite_engine, Client)) == 1
    exact = await chat.send(anna, "/add BAKKERIJ DE VRIES")
    assert "staat al in de klantenlijst" in exact


async def test_add_in_one_line_without_a_name_asks_for_one(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for typed in ("/add     , organisatie", "/add ,,,"):
        seen = await chat.send(anna, typed)
        assert seen.text == "Een klant heeft een naam nodig."
    assert rows(sqlite_engine, Client) == []


async def test_sale_in_one_line_with_dutch_amount_and_undo(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale bakkerij 1.250,50")
    assert "Verkoop vastgelegd: € 1.250,50 — Bakkerij de Vries, vandaag." in seen
    [sale] = rows(sqlite_engine, Sale)
    # An organisation gets an invoice due in 14 days until the team says how clients pay,
    # in a personal team too (a solo bookkeeper's invoices were booked as paid).
    assert (sale.amount, sale.sold_on, sale.due_on, sale.paid_on) == (
        125050,
        dt.date(2026, 11, 23),
        dt.date(2026, 12, 7),
        None,
    )
    confirmation = seen.last
    undo_data = confirmation.button_data("↩ Ongedaan maken")
    seen = await chat.press(anna, "↩ Ongedaan maken")
    assert "de verkoop is verwijderd" in seen
    assert rows(sqlite_engine, Sale) == []
    again = await chat.press_data(anna, confirmation, undo_data)
    assert not again.messages
    assert chat.api.callback_answers[-1]["text"] == "Dit is al ongedaan gemaakt."


async def test_sale_with_cost_and_time_in_russian_format(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Кофейня «Зерно»")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale зерно, 12 500, 3 000, 1,5 ч")
    assert "Продажа записана: <b>12 500 ₽" in seen.html.replace("\u00a0", " ")
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost, sale.minutes) == (1250000, 300000, 90)
    seen = await chat.send(olga, "/sale Зерно 1 250")
    assert len(rows(sqlite_engine, Sale)) == 2
    assert rows(sqlite_engine, Sale)[-1].amount == 125000
    seen = await chat.send(olga, "/sale Кофейня «Зерно» 1 250,50 ₽")
    assert rows(sqlite_engine, Sale)[-1].amount == 125050
    seen = await chat.send(olga, "/sale зерно 2000 руб.")
    assert rows(sqlite_engine, Sale)[-1].amount == 200000
    seen = await chat.send(olga, "/sale зерно 300 EUR")
    assert seen.text.startswith("Суммы у вас в ₽, а «300 EUR» — в другой валюте.")
    # A sign before the digits too: an amount in another currency, never part of the name
    # (a Dutch reader's "/verkoop Jansen $40" was "„Jansen $40” lijkt me geen naam").
    seen = await chat.send(olga, "/sale зерно $40")
    assert seen.text.startswith("Суммы у вас в ₽, а «$40» — в другой валюте.")
    assert len(rows(sqlite_engine, Sale)) == 4
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Кофейня «Зерно»"]


async def test_sale_dialog_with_ambiguous_client_buttons(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Hotel De Linde")
    make_client(sqlite_engine, nl_team, "Hotel Het Anker")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/sale")
    seen = await chat.send(anna, "hotel")
    assert "Welke bedoel je?" in seen
    assert seen.buttons[:2] == ["Hotel De Linde", "Hotel Het Anker"]
    seen = await chat.press(anna, "Hotel Het Anker")
    assert "Hoeveel heb je Hotel Het Anker gefactureerd?" in seen
    seen = await chat.send(anna, "abc")
    assert "kan ik niet als bedrag lezen" in seen.text or "bedrag" in seen.text
    await chat.send(anna, "800")
    await chat.press(anna, "Overslaan")
    seen = await chat.send(anna, "2u")
    assert "Verkoop vastgelegd: € 800 — Hotel Het Anker" in seen
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost, sale.minutes) == (80000, None, 120)


@pytest.mark.parametrize(
    ("locale", "owner", "client", "no"),
    [("nl", NL_OWNER, "Hotel De Linde", "geen"), ("ru", RU_OWNER, "Волкова Екатерина", "нет")],
)
async def test_no_cost_typed_at_the_cost_question_is_a_cost_of_nothing(
    chat: Chat, sqlite_engine: Engine, locale: str, owner: int, client: str, no: str
) -> None:
    """«нет» / "geen" at the cost step was refused as no amount, though `/sale X 1500 нет`
    takes it (found by the Russian second reader)."""
    team = make_team(sqlite_engine, chat_id=owner, owner_id=owner, personal=True, locale=locale)
    make_client(sqlite_engine, team, client)
    anna = chat.person(owner, "Anna", locale)
    await chat.send(anna, "/sale")
    await chat.send(anna, client.split()[0])
    await chat.send(anna, "1500")
    seen = await chat.send(anna, no)
    assert "1250,50" not in seen.text, seen.text  # not «… не похоже на сумму. Попробуйте 1250,50»
    await chat.press(anna, seen.buttons[0])  # the time question: skip
    [sale] = rows(sqlite_engine, Sale)
    assert sale.cost == 0


async def test_a_name_that_only_looks_like_a_client_is_asked_about_not_assumed(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Tandarts Jansen")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Tandarts Bakker 100")
    assert "Bedoel je Tandarts Jansen?" in seen
    assert seen.buttons == ["Ja", "Nee, „Tandarts Bakker” toevoegen"]
    assert rows(sqlite_engine, Sale) == []
    seen = await chat.press(anna, "Nee, „Tandarts Bakker” toevoegen")
    assert "Is Tandarts Bakker een particulier of een organisatie?" in seen
    seen = await chat.press(anna, "Organisatie")
    assert "Verkoop vastgelegd: € 100 — Tandarts Bakker" in seen
    assert {c.name for c in rows(sqlite_engine, Client)} == {"Tandarts Jansen", "Tandarts Bakker"}


async def test_unknown_client_in_sale_offers_to_add_them(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Zonnebloem 450")
    assert "„Zonnebloem” staat niet in je klantenlijst" in seen
    seen = await chat.press(anna, "„Zonnebloem” toevoegen als organisatie")
    assert "Zonnebloem is toegevoegd aan de klantenlijst." in seen
    assert rows(sqlite_engine, Sale)[0].amount == 45000


async def test_bad_amount_changes_nothing(chat: Chat, nl_team, sqlite_engine: Engine) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for text in ("/sale Bakkerij de Vries -50", "/sale Bakkerij, 12,505", "/sale Bakkerij, 0"):
        seen = await chat.send(anna, text)
        assert len(seen.messages) == 1 and seen.text
        assert "Traceback" not in seen.text
    assert rows(sqlite_engine, Sale) == []


async def test_sale_corrected_from_the_list(chat: Chat, nl_team, sqlite_engine: Engine) -> None:
    client = make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    make_sale(sqlite_engine, nl_team, client, 50000, sold_on=dt.date(2026, 11, 2))
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sales bakkerij")
    assert "Verkopen aan Bakkerij de Vries" in seen
    assert "€ 500" in seen.text
    seen = await chat.press(anna, "✎ Verkoop 1")
    assert "Wat wil je corrigeren" in seen
    await chat.press(anna, "Bedrag")
    seen = await chat.send(anna, "550")
    # The value as it now stands, so a typo shows at once.
    assert "Verkoop gecorrigeerd: het bedrag is nu € 550." in seen.text.replace("\xa0", " ")
    assert rows(sqlite_engine, Sale)[0].amount == 55000
    await chat.press(anna, "↩ Ongedaan maken")
    assert rows(sqlite_engine, Sale)[0].amount == 50000
    seen = await chat.send(anna, "/sales bakkerij")
    await chat.press(anna, "✕ Verkoop 1")
    seen = await chat.press(anna, "Ja, verwijderen")
    assert "verwijderd" in seen
    assert rows(sqlite_engine, Sale) == []
    await chat.press(anna, "↩ Ongedaan maken")
    assert rows(sqlite_engine, Sale)[0].amount == 50000


async def test_what_was_done_is_corrected_from_the_list_and_undone(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    """The Dutch reader could correct a sale's figures but not "knippen" typed for a colour."""
    client = make_client(sqlite_engine, nl_team, "Lisa Jansen", kind="person")
    make_sale(sqlite_engine, nl_team, client, 8500, sold_on=dt.date(2026, 11, 2), note="knippen")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkopen lisa")
    await chat.press(anna, "✎ Verkoop 1")
    await chat.press(anna, "Wat er gedaan is")
    seen = await chat.send(anna, "knippen en <b>kleuren</b>")
    # As typed, never as markup: the message text holds the escaped tags
    said = "Verkoop gecorrigeerd: wat er gedaan is, is nu „knippen en &lt;b&gt;kleuren&lt;/b&gt;”."
    assert said in seen.html, seen.html
    assert rows(sqlite_engine, Sale)[0].note == "knippen en <b>kleuren</b>"
    listed = (await chat.send(anna, "/verkopen lisa")).html
    assert "knippen en &lt;b&gt;kleuren&lt;/b&gt;" in listed, listed
    await chat.send(anna, "/ongedaan")
    assert rows(sqlite_engine, Sale)[0].note == "knippen"
    await chat.send(anna, "/verkopen lisa")
    await chat.press(anna, "✎ Verkoop 1")
    await chat.press(anna, "Wat er gedaan is")
    seen = await chat.send(anna, "x" * 101)
    assert "te lang" in seen.text and "100" in seen.text, seen.text
    assert rows(sqlite_engine, Sale)[0].note == "knippen"


async def test_paid_marks_open_sales(chat: Chat, ru_team, sqlite_engine: Engine) -> None:
    client = make_client(sqlite_engine, ru_team, "Кофейня «Зерно»")
    for amount in (100000, 250000):
        make_sale(sqlite_engine, ru_team, client, amount)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/paid зерно")
    seen = await chat.press(olga, "Всё: 3\u00a0500\u00a0₽")
    assert "Кофейня «Зерно»: оплачено" in seen.text and "погашены 2 долга" in seen.text
    assert all(s.paid_on == dt.date(2026, 11, 23) for s in rows(sqlite_engine, Sale))
    seen = await chat.send(olga, "/paid зерно")
    assert "долгов нет, записывать нечего" in seen


async def test_rating_by_buttons_and_in_one_line(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/rate bakkerij")
    assert "1 van 3" in seen and "Prettig om mee te werken" in seen
    assert seen.buttons[:5] == ["1", "2", "3", "4", "5"]
    await chat.press(anna, "4")
    seen = await chat.press(anna, "5")
    assert "3 van 3" in seen
    seen = await chat.press(anna, "2")
    assert "Jouw oordeel over Bakkerij de Vries" in seen
    assert {(r.criterion, r.value) for r in rows(sqlite_engine, Rating)} == {
        ("pleasant", 4),
        ("reasonable", 5),
        ("pays_on_time", 2),
    }
    seen = await chat.send(anna, "/rate Bakkerij de Vries 3 3 3")
    assert "betaalt op tijd 3" in seen
    assert len(rows(sqlite_engine, Rating)) == 6
    seen = await chat.send(anna, "/rate Bakkerij de Vries 3 9 3")
    assert "Geef 3 cijfers van 1 tot 5" in seen


async def test_referral_and_complaint(chat: Chat, ru_team, sqlite_engine: Engine) -> None:
    make_client(sqlite_engine, ru_team, "Кофейня «Зерно»")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/refer зерно, Отель «Якорь»")  # «Отель»: a business
    assert "Рекомендация записана: Кофейня «Зерно» → Отель «Якорь»." in seen
    assert "потенциальный клиент" in seen
    referred = next(c for c in rows(sqlite_engine, Client) if c.name == "Отель «Якорь»")
    assert (referred.status, referred.source, referred.kind) == (
        "prospect",
        "referral",
        "organisation",
    )
    seen = await chat.send(olga, "/complaint Зерно: долго платят")
    assert "Проблема записана: Кофейня «Зерно»." in seen
    kinds = sorted(e.kind for e in rows(sqlite_engine, Event))
    assert kinds == ["complaint", "referral"]
    await chat.press(olga, "↩ Отменить")
    assert [e.kind for e in rows(sqlite_engine, Event)] == ["referral"]


async def test_user_text_is_never_rendered_as_html(chat: Chat, nl_team) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/add <b>Evil</b> & <a href='x'>co</a>, organisatie")
    assert "&lt;b&gt;Evil&lt;/b&gt; &amp; &lt;a href='x'&gt;co&lt;/a&gt;" in seen.html
    assert "<b>Evil</b>" in seen.text


async def test_a_prospect_checked_and_saved_in_dutch(chat: Chat, sqlite_engine: Engine) -> None:
    from storage import demo
    from storage.engine import new_session
    from tests.factories import NOW

    team = make_team(sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True)
    with new_session(sqlite_engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        session.commit()
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/check")
    await chat.send(anna, "Huisarts Bos")
    await chat.press(anna, "Organisatie")
    await chat.send(anna, "Utrecht")
    await chat.send(anna, "zorg")
    seen = await chat.send(anna, "12")
    assert "✅ Huisarts Bos lijkt een ideale klant." in seen.text
    assert (
        "Wie het is: ✓ aantal medewerkers: 12 (profiel 5–50) · ✓ plaats: Utrecht · ✓ branche: zorg"
    ) in seen.text
    assert "vergelijkbare klanten brengen" in seen.text
    seen = await chat.press(anna, "Opslaan als mogelijke klant")
    assert "Opgeslagen als mogelijke klant: Huisarts Bos" in seen.text
    saved = next(c for c in rows(sqlite_engine, Client) if c.name == "Huisarts Bos")
    assert (saved.status, saved.industry, saved.employees) == ("prospect", "zorg", 12)


async def test_a_prospect_checked_in_one_line_in_russian(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    from storage import demo
    from storage.engine import new_session
    from tests.factories import NOW

    with new_session(sqlite_engine) as session:
        demo.seed_demo(session=session, team=ru_team, today=NOW.date(), now=NOW)
        session.commit()
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/check Автомойка «Блеск», организация, Тверь")
    assert "Автомойка «Блеск»" in seen.text and "Кто это:" in seen.text
    assert "✗ город: Тверь (в профиле Москва, Химки)" in seen.text
    seen = await chat.press(olga, "Сделать клиентом")
    assert "Добавлено: Автомойка «Блеск» (организация, Тверь)." in seen.text


async def test_a_recorded_sale_is_copied_into_the_database_file_off_the_event_loop(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    assert "Verkoop vastgelegd" in await chat.send(anna, "/sale Bakkerij de Vries 100")
    checkpoints = kompas_of_app(chat.app).checkpoints
    assert checkpoints is not None
    for _ in range(500):
        if checkpoints.checkpoints:
            break
        await asyncio.sleep(0.01)
    assert checkpoints.last is not None and checkpoints.last[1] == checkpoints.last[2] > 0


async def test_a_long_note_is_kept_as_the_reply_says_it(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    """The attacker: a sale's 150-character note was stored cut at 100 while the reply echoed
    it whole; a 1 406-character complaint was stored as its first 1 000, unsaid."""
    make_client(sqlite_engine, nl_team, "Lisa Jansen", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/verkoop Lisa Jansen 102 " + "knippen en wassen " * 9 + "EINDE")
    [sale] = rows(sqlite_engine, Sale)
    assert sale.note is not None and len(sale.note) <= 100 and sale.note.endswith("…")
    assert sale.note[1:] in seen.text, seen.text  # the line capitalises its first letter
    assert "EINDE" not in seen.text
    seen = await chat.send(anna, "/klacht Lisa Jansen " + "x" * 1_001)
    assert "te lang" in seen.text and "1000" in seen.text.replace(".", ""), seen.text
    assert rows(sqlite_engine, Event) == []

"""VAT taken off every figure, and the team's payment habit: what a client really owes.

Issue 15, findings 13 (VAT was only a label) and 14 (every sale was an open invoice), and the
team's hour cost in /settings. Figures are worked out by hand from the amounts typed here.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from bot.transports.updates import Person
from storage.models import AuditLog, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_team, rows

GROUP = -800
TODAY = dt.date(2026, 11, 23)  # the chat's today (tests/bot)


def team_row(engine: Engine) -> Team:
    [team] = rows(engine, Team)
    return team


async def test_dutch_amounts_with_21_percent_vat_count_net(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/settings")
    await chat.press(anna, "Geld")
    seen = await chat.press(anna, "Bedragen")
    assert seen.buttons[:4] == [
        "✓ zonder btw",
        "inclusief 21% btw",
        "inclusief 9% btw",
        "vrijgesteld van btw",
    ]
    seen = await chat.press(anna, "inclusief 21% btw")
    assert seen.text == "Bedragen: nu inclusief 21% btw."
    team = team_row(sqlite_engine)
    assert (team.amounts_include_vat, team.vat_rate) == (True, 0.21)
    assert rows(sqlite_engine, AuditLog, action="team_settings")

    await chat.send(anna, "/sale bakkerij 1.210,00")
    await chat.send(anna, "/client bakkerij")
    seen = await chat.press(anna, "Details")
    # € 1.210 with 21 % VAT in it: € 1.210 / 1,21 = € 1.000 without.
    assert "Omzet € 1.000" in seen.text.splitlines()
    assert "Bedragen zonder btw (21% eraf gehaald)." in seen

    # Undo brings back "without VAT": the same sale counts in full again.
    await chat.send(anna, "/settings")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Bedragen")
    await chat.press(anna, "inclusief 9% btw")
    seen = await chat.press(anna, "↩ Ongedaan maken")
    team = team_row(sqlite_engine)
    assert (team.amounts_include_vat, team.vat_rate) == (True, 0.21)
    await chat.send(anna, "/settings")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Bedragen")
    await chat.press(anna, "zonder btw")
    await chat.send(anna, "/client bakkerij")
    seen = await chat.press(anna, "Details")
    assert "Omzet € 1.210" in seen.text.splitlines()
    # A card is no report: "without VAT" is said there only when VAT was in the amounts.
    assert "btw" not in seen.text


async def test_russian_team_takes_off_22_percent_nds(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Кофейня «Зерно»")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/settings")
    await chat.press(olga, "Деньги")
    seen = await chat.press(olga, "Суммы")
    rates = [f"с НДС {rate}\xa0%" for rate in (22, 10, 5, 0)]  # 22 % from 1 January 2026
    assert seen.buttons[:5] == ["✓ без НДС", *rates]
    seen = await chat.press(olga, rates[0])
    assert seen.text == "Суммы: теперь с НДС 22 %."
    await chat.send(olga, "/sale зерно 12 200")
    await chat.send(olga, "/client зерно")
    seen = await chat.press(olga, "Подробнее")
    # 12 200 ₽ with 22 % НДС in it: 12 200 / 1,22 = 10 000 ₽ without.
    assert "Выручка: 10 000 ₽" in seen.text.splitlines()
    assert "Суммы без НДС (вычтено 22 %)." in seen


async def test_a_typed_vat_rate_with_a_fraction(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/settings")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Bedragen")
    seen = await chat.press(anna, "Andere waarde typen")
    assert "btw-tarief in procenten" in seen
    seen = await chat.send(anna, "100")
    assert "van 0 tot 50" in seen
    seen = await chat.send(anna, "5,5%")
    assert "Bedragen: nu inclusief 5,5% btw." in seen
    assert team_row(sqlite_engine).vat_rate == 0.055


async def test_a_vat_rate_typed_as_a_fraction_is_asked_again_and_hundredths_are_shown(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """The attacker's "0,25" was kept as 0,25 % and shown as "0,3%": neither was true to
    what was meant or what was kept."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/settings")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Bedragen")
    await chat.press(anna, "Andere waarde typen")
    seen = await chat.send(anna, "0,25")
    assert seen.text == (
        "„0,25” zou een btw-tarief van 0,25% zijn. Typ het tarief in procenten, bijvoorbeeld 21."
    )
    assert team_row(sqlite_engine).amounts_include_vat is False
    seen = await chat.send(anna, "8,25")
    assert "Bedragen: nu inclusief 8,25% btw." in seen
    assert team_row(sqlite_engine).vat_rate == 0.0825


async def test_russian_salon_is_paid_on_the_spot_and_nobody_owes(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Анна Смирнова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale смирнова")
    assert "Какая сумма продажи? Клиент: Анна Смирнова." in seen
    await chat.send(olga, "1 251")
    await chat.send(olga, "/skip")
    seen = await chat.send(olga, "/skip")
    assert "Продажа записана: 1 251 ₽" in seen
    assert "Уже оплачено" not in seen.buttons  # paid already: nothing to mark
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.due_on, sale.paid_on) == (None, TODAY)
    seen = await chat.send(olga, "/client смирнова")
    assert "долж" not in seen.text
    seen = await chat.send(olga, "/risk")
    assert "долж" not in seen.text


async def test_dutch_agency_invoice_is_owed_to_the_cent_until_paid(
    chat: Chat, sqlite_engine: Engine
) -> None:
    anna = chat.person(31, "Anna", "nl")
    chat.group(GROUP, "Bureau Noord", creator=anna)
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=31)
    make_client(sqlite_engine, team, "Bakkerij de Vries")  # an organisation
    seen = await chat.send(anna, "/sale bakkerij", chat=GROUP)
    assert "Anna, hoeveel heb je Bakkerij de Vries gefactureerd?" in seen
    await chat.reply(anna, "1.250,50", chat=GROUP)
    await chat.send(anna, "/skip", chat=GROUP)
    seen = await chat.send(anna, "/skip", chat=GROUP)
    # No team habit set: an organisation gets an invoice with 14 days.
    assert "Op factuur, uiterlijk 7 december te betalen." in seen
    assert "✓ Al betaald" in seen.buttons
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.due_on, sale.paid_on) == (TODAY + dt.timedelta(days=14), None)
    seen = await chat.send(anna, "/client bakkerij", chat=GROUP)
    assert "€ 1.250,50" in seen.text
    seen = await chat.send(anna, "/paid bakkerij", chat=GROUP)
    assert "€ 1.250,50" in seen
    seen = await chat.send(anna, "/client bakkerij", chat=GROUP)
    assert "€ 1.250,50" not in seen.text and "schuldig" not in seen.text


async def test_the_team_habit_wins_and_changes_with_undo(chat: Chat, sqlite_engine: Engine) -> None:
    anna = chat.person(31, "Anna", "nl")
    chat.group(GROUP, "Bureau Noord", creator=anna)
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=31)
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    make_client(sqlite_engine, team, "Jan Jansen", kind="person")
    await chat.send(anna, "/settings", chat=GROUP)
    seen = await chat.press(anna, "Geld", chat=GROUP)
    said = "• Klanten betalen: particulieren direct, organisaties op factuur binnen 14 dagen"
    assert said in seen
    seen = await chat.press(anna, "Klanten betalen", chat=GROUP)
    assert seen.buttons[:5] == [
        "Klanten betalen direct",
        "Op factuur: 7 dagen",
        "Op factuur: 14 dagen",
        "Op factuur: 30 dagen",
        "✓ Particulieren direct, organisaties 14 dagen",
    ]
    seen = await chat.press(anna, "Op factuur: 30 dagen", chat=GROUP)
    assert seen.text == "Klanten betalen: nu op factuur, binnen 30 dagen."
    await chat.send(anna, "/sale jan jansen 80", chat=GROUP)
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.due_on, sale.paid_on) == (TODAY + dt.timedelta(days=30), None)
    await chat.send(anna, "/settings", chat=GROUP)
    await chat.press(anna, "Geld", chat=GROUP)
    await chat.press(anna, "Klanten betalen", chat=GROUP)
    seen = await chat.press(anna, "Klanten betalen direct", chat=GROUP)
    assert seen.text == "Klanten betalen: nu direct."
    await chat.send(anna, "/sale bakkerij 500", chat=GROUP)
    second = max(rows(sqlite_engine, Sale), key=lambda s: s.id or 0)
    assert (second.due_on, second.paid_on) == (None, TODAY)
    await chat.press(anna, "↩ Ongedaan maken", message=chat.api.in_chat(GROUP)[-2])
    assert team_row(sqlite_engine).payment_days == 30


async def test_hour_cost_is_offered_once_and_set_with_undo(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    tip = "Tip: vul in /instellingen je uurkosten in, dan telt je tijd mee in de winst."
    seen = await chat.send(anna, "/sale bakkerij 100")
    assert tip not in seen  # no time recorded: nothing to say about an hour's cost
    seen = await chat.send(anna, "/sale bakkerij, 110, 0, 2u")  # 100 again would ask "again?"
    assert tip in seen
    seen = await chat.send(anna, "/sale bakkerij, 120, 0, 1u")
    assert tip not in seen  # once per team

    await chat.send(anna, "/settings")
    await chat.press(anna, "Geld")
    seen = await chat.press(anna, "Uurkosten")
    assert "Wat kost een uur van je werk" in seen
    seen = await chat.press(anna, "Typ het bedrag")
    seen = await chat.send(anna, "45,50")
    assert "Uurkosten: nu € 45,50." in seen
    assert team_row(sqlite_engine).hour_cost == 4550
    await chat.send(anna, "/settings")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Uurkosten")
    seen = await chat.press(anna, "Niet meerekenen")  # "✓ Niet meerekenen" when unset
    assert "Uurkosten: nu niet meegerekend." in seen
    assert team_row(sqlite_engine).hour_cost is None
    await chat.press(anna, "↩ Ongedaan maken")
    assert team_row(sqlite_engine).hour_cost == 4550


async def test_excl_and_incl_btw_typed_with_a_sale_follow_the_teams_vat_setting(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Issue 17: `500 excl. btw` was refused. Typed as the team enters amounts, it is kept as
    typed; the other way round it is turned into the team's way, worked out by hand: € 500
    without 21 % is € 605 with it, and € 605 with 21 % is € 500 without."""
    team = make_team(
        sqlite_engine,
        chat_id=NL_OWNER,
        owner_id=NL_OWNER,
        personal=True,
        amounts_include_vat=True,
        vat_rate=0.21,
    )
    make_client(sqlite_engine, team, "Bakkerij Noord")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for line, said in (
        ("/verkoop Bakkerij Noord 500 excl. btw", "Je typte € 500 excl. btw"),
        ("/verkoop Bakkerij Noord 605 incl. btw gisteren", None),
        ("/verkoop Bakkerij Noord 500 exclusief btw, 100 eergisteren", "Je typte € 500 excl."),
    ):
        seen = await chat.send(anna, line)
        assert "Verkoop vastgelegd" in seen.text, line
        assert (said in seen.text) if said else ("Je typte" not in seen.text), seen.text
    assert [(s.amount, s.cost) for s in rows(sqlite_engine, Sale)] == [
        (60_500, None),
        (60_500, None),
        (60_500, 12_100),
    ]


async def test_russian_vat_words_for_a_team_without_vat_in_its_amounts(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """A team that enters amounts without НДС: «без НДС» is as typed; «с НДС» has the
    standard 22 % taken off (12 200 ₽ → 10 000 ₽), as the reply shows."""
    make_client(sqlite_engine, ru_team, "Кафе Ромашка")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Кафе Ромашка 2500 без НДС")
    assert "Продажа записана: 2 500 ₽" in seen.text
    assert "Вы написали" not in seen.text  # as the team enters amounts: nothing to say
    seen = await chat.send(olga, "/sale Кафе Ромашка 12 200 с НДС")
    assert "Продажа записана: 10 000 ₽" in seen.text
    # A reader's 45 000 ₽ с НДС came back as 36 885,25 ₽ without a word of why
    assert "Вы написали 12 200 ₽ с НДС: записано без НДС, как и все ваши суммы." in seen.text
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [250_000, 1_000_000]


async def test_a_vat_figure_typed_with_a_sale_is_refused_never_kept_as_its_cost(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    """The Russian reader's «45200 НДС 7500» stored 7 500 ₽ of VAT as the sale's cost, and
    «в т.ч. НДС» (в том числе) was refused as "more than amount, cost and time"."""
    make_client(sqlite_engine, ru_team, "Кафе Ромашка")
    make_client(sqlite_engine, nl_team, "Jan Smit")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for line in ("/sale Кафе Ромашка 45200 НДС 7500", "/sale Кафе Ромашка 45200 в т.ч. НДС 7500"):
        seen = await chat.send(olga, line)
        assert seen.text.startswith("НДС отдельно я не веду: напишите только сумму продажи."), line
    seen = await chat.send(anna, "/verkoop Jan Smit 605 btw 105")
    assert seen.text.startswith("De btw houd ik niet apart bij: typ alleen het bedrag"), seen.text
    assert rows(sqlite_engine, Sale) == []
    seen = await chat.send(olga, "/sale Кафе Ромашка 12 200 в т.ч. НДС")
    assert "Продажа записана: 10 000 ₽" in seen.text, seen.text
    assert [(s.amount, s.cost) for s in rows(sqlite_engine, Sale)] == [(1_000_000, None)]


async def test_a_vat_rate_typed_with_the_sale_is_read_as_the_teams_or_refused(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    """«в т.ч. НДС 22%» and "incl. 21% btw op rekening" were refused as "a percentage is no
    amount" (both readers); a rate other than the team's is refused, never used unsaid. By hand:
    12 200 ₽ with 22 % is 10 000 ₽; € 605 with 21 % is € 500."""
    make_client(sqlite_engine, ru_team, "Кафе Ромашка")
    make_client(sqlite_engine, nl_team, "Jan Smit")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(olga, "/sale Кафе Ромашка 12 200 в т.ч. НДС 22%")
    assert "Продажа записана: 10 000 ₽" in seen.text, seen.text
    seen = await chat.send(olga, "/sale Кафе Ромашка 24 400 в том числе НДС")
    assert "Продажа записана: 20 000 ₽" in seen.text, seen.text
    seen = await chat.send(anna, "/verkoop Jan Smit 605 incl. 21% btw op rekening")
    assert "Verkoop vastgelegd: € 500" in seen.text, seen.text
    seen = await chat.send(anna, "/verkoop Jan Smit 109 incl. 9% btw")
    assert seen.text.startswith("„9%” is niet het btw-tarief"), seen.text
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [1_000_000, 2_000_000, 50_000]


async def _set_hour_cost(chat: Chat, person: Person, typed: str) -> None:
    await chat.send(person, "/settings")
    await chat.press(person, "Geld")
    await chat.press(person, "Uurkosten")
    await chat.press(person, "Typ het bedrag")
    await chat.send(person, typed)


async def test_details_say_what_part_of_the_cost_is_the_hour_cost(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    # Costs typed: € 30 + € 50 = € 80; 3 hours at € 40 = € 120; the cost shown is € 200.
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await _set_hour_cost(chat, anna, "40")
    await chat.send(anna, "/sale bakkerij, 300, 30, 2u")
    await chat.send(anna, "/sale bakkerij, 200, 50, 1u")
    await chat.send(anna, "/klant bakkerij")
    seen = await chat.press(anna, "Details")

    assert "kosten € 200 (waarvan 3 uur × € 40 = € 120)" in seen, seen.text
    assert "winst € 300 (60% van de omzet)" in seen, seen.text


async def test_an_hour_cost_with_cents_is_shown_with_its_cents(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    # Found by the Dutch reader: at € 32,50 an hour the Details said "64 uur × € 33", which
    # does not add up. Here 4 hours × € 32,50 = € 130, plus € 20 typed: € 150.
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await _set_hour_cost(chat, anna, "32,50")
    await chat.send(anna, "/sale bakkerij, 300, 20, 4u")
    await chat.send(anna, "/klant bakkerij")
    seen = await chat.press(anna, "Details")

    assert "kosten € 150 (waarvan 4 uur × € 32,50 = € 130)" in seen, seen.text


async def test_a_setting_set_to_what_it_was_says_nothing_changed(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """The checker typed the hour cost it already had and got "Uurkosten: nu € 40" with an
    Undo that put back € 40."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for _ in range(2):
        await chat.send(anna, "/settings")
        await chat.press(anna, "Geld")
        await chat.press(anna, "Uurkosten")
        await chat.press(anna, "Typ het bedrag")
        seen = await chat.send(anna, "40")
    assert seen.text == "Niets veranderd: dit stond al zo (Uurkosten: € 40).", seen.text
    assert "↩ Ongedaan maken" not in seen.buttons
    assert team_row(sqlite_engine).hour_cost == 4_000

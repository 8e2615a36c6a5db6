"""Issue 20, the Dutch copy's fourth round: a small-business owner's second reading, pinned where
a user sees it.

A solo user is never spoken to as a team, a number like "1,250" is asked about both ways, an
unknown command after /hulp keeps what was typed, /risico says "grootste 3 klanten" and "grootste 2
klanten", the export's files have Dutch names, the chart's running total is "samen", and the
group's settings say who sees amounts and how clients pay.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from bot.render.chart_figures import chart_labels, chart_rows
from bot.render.data_warnings import warning
from bot.render.decline_letter import decline_letter
from locales import translator
from scoring import ScoringWarning
from storage import callers
from storage.analysis import team_analysis
from storage.engine import new_session
from storage.models import Client
from tests.bot.test_chart import TODAY as CHART_DAY
from tests.bot.test_chart import _demo_team
from tests.bot.test_truth import OWNER, TODAY, solo_team
from tests.chat import Chat
from tests.factories import make_client, make_sale, make_team


def _plain(text: str) -> str:
    """Thin and no-break spaces as a reader sees them: spaces."""
    return text.replace("\u2009", " ").replace("\u00a0", " ").replace("\u202f", " ")


async def test_team_in_a_solo_chat_says_it_works_on_her_own_clients(
    chat: Chat, sqlite_engine: Engine
) -> None:
    solo_team(sqlite_engine, "nl")
    seen = await chat.send(chat.person(OWNER, "Anouk", "nl"), "/team")
    assert seen.text == (
        "Hier werk je met je eigen klanten. Zit je ook in een groep met Kompas, dan kies je hier "
        "tussen je eigen klanten en die van de groep."
    )
    assert seen.messages[-1].buttons == []
    seen = await chat.send(chat.person(OWNER, "Ольга", "ru"), "/team")
    assert seen.text.startswith("Здесь — ваши личные клиенты.")


async def test_someone_in_no_team_is_told_to_begin_for_herself(chat: Chat) -> None:
    seen = await chat.send(chat.person(31, "Anna", "nl"), "/team")
    assert seen.text == (
        "Je zit nog in geen enkel team. Stuur /start in de groep van je team, "
        "of hier om voor jezelf te beginnen."
    )


async def test_help_for_a_command_that_does_not_exist_quotes_it(
    chat: Chat, sqlite_engine: Engine
) -> None:
    solo_team(sqlite_engine, "nl")
    seen = await chat.send(chat.person(OWNER, "Anouk", "nl"), "/hulp bestaatniet")
    assert seen.text == "„/bestaatniet” ken ik niet. Stuur /hulp voor alle commando’s."


async def test_an_amount_with_three_digits_after_the_comma_is_asked_both_ways(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = solo_team(sqlite_engine, "nl")
    make_client(sqlite_engine, team, "Jan Smit", kind="person")
    seen = await chat.send(chat.person(OWNER, "Anouk", "nl"), "/verkoop Jan Smit 1,250")
    assert _plain(seen.text) == "„1,250”: bedoel je 1.250 of 1,25?"
    seen = await chat.send(chat.person(OWNER, "Anouk", "nl"), "/verkoop Jan Smit 1,2505")
    assert "Bedoel je 1,25?" in seen.text and "1.250" not in seen.text


async def test_risk_names_the_biggest_clients_by_count(chat: Chat, sqlite_engine: Engine) -> None:
    team = solo_team(sqlite_engine, "nl")
    # Ten clients, € 1.000 together: the biggest 30%, the 3 biggest 60%. The top 20% of ten
    # clients is the 2 biggest, within the top 3: not said after it, out of order (a reader).
    for number, euros in enumerate((300, 200, 100, 100, 100, 50, 50, 50, 25, 25)):
        client = make_client(sqlite_engine, team, f"Klant {number}", kind="person")
        make_sale(sqlite_engine, team, client, euros * 100, sold_on=TODAY - dt.timedelta(days=20))
    seen = await chat.send(chat.person(OWNER, "Anouk", "nl"), "/risico")
    assert "Grootste klant 30% · grootste 3 klanten 60%\n" in _plain(seen.text)
    assert "grootste 2 klanten" not in seen.text
    assert "top" not in seen.text


async def test_the_export_files_have_dutch_names(chat: Chat, sqlite_engine: Engine) -> None:
    team = solo_team(sqlite_engine, "nl")
    client = make_client(sqlite_engine, team, "Jan Smit", kind="person")
    make_sale(sqlite_engine, team, client, 10_000, sold_on=TODAY)
    seen = await chat.send(chat.person(OWNER, "Anouk", "nl"), "/exporteer")
    names = [m.document[0] for m in seen.messages if m.document]
    assert names == ["klanten.csv", "verkopen.csv", "geschiedenis.csv"]
    assert "Importeer dit pas na het klantenbestand." in seen.messages[-1].text


async def test_group_settings_say_who_sees_amounts_and_how_clients_pay(
    chat: Chat, sqlite_engine: Engine
) -> None:
    sanne = chat.person(21, "Sanne", "nl")
    group = chat.group(-1041, "Studio", creator=sanne)
    make_team(sqlite_engine, chat_id=group, owner_id=21, currency="EUR")
    await chat.send(sanne, "/instellingen", chat=group)
    seen = await chat.press(sanne, "Geld", chat=group)
    assert "• Klanten betalen: particulieren direct" in seen.text, seen.text
    await chat.send(sanne, "/instellingen", chat=group)
    seen = await chat.press(sanne, "Team en taal", chat=group)
    assert "• Bedragen zichtbaar: voor de hele groep" in seen.text, seen.text


def test_the_charts_running_total_is_samen(sqlite_engine: Engine) -> None:
    team_id = _demo_team(sqlite_engine, "nl")
    with new_session(sqlite_engine) as session:
        team = callers.team_view(session=session, team_id=team_id)
        assert team is not None
        analysis = team_analysis(session=session, team=team, today=CHART_DAY).analysis
    t = translator("nl")
    labels = chart_labels(t, analysis, team.concentration_threshold, chart_rows(t, analysis))
    assert labels.cumulative == "samen"
    assert labels.top20.startswith("grootste ")


def test_revenue_without_any_cost_is_said_plainly() -> None:
    nl = translator("nl")
    none = ScoringWarning("missing_costs", {"revenue_share": 1.0})
    assert warning(nl, "EUR", none) == (
        "Je hebt nergens kosten ingevuld, dus ik reken met omzet in plaats van winst. "
        "Met een standaardmarge in /instellingen krijg je winstcijfers."
    )
    half = ScoringWarning("missing_costs", {"revenue_share": 0.5})
    assert str(warning(nl, "EUR", half)).startswith("Bij 50% van de omzet ontbreken kosten")
    nearly = ScoringWarning("missing_costs", {"revenue_share": 0.996})
    assert "100%" not in str(warning(nl, "EUR", nearly))


async def test_an_empty_list_and_an_unknown_payer_speak_of_clients(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = solo_team(sqlite_engine, "nl")
    anouk = chat.person(OWNER, "Anouk", "nl")
    seen = await chat.send(anouk, "/klanten")
    assert seen.text == "Je hebt nog geen klanten. Voeg er een toe met /toevoegen."
    make_client(sqlite_engine, team, "Bakkerij Noord")
    make_client(sqlite_engine, team, "Bakkerij Zuid")
    seen = await chat.send(anouk, "/betaald bakkerij")
    assert seen.text == "Geen klant met de naam „bakkerij” heeft nog iets openstaan."
    seen = await chat.send(anouk, "/verkoop")
    seen = await chat.send(anouk, "/klanten")
    assert seen.messages[0].text == "(Gestopt: verkoop vastleggen.)"


def test_the_decline_letter_takes_no_new_work_or_appointments() -> None:
    client = Client(
        team_id=1, name="Bakkerij Noord", name_key="bakkerij noord", kind="organisation"
    )
    for solo, who in ((False, "nemen we"), (True, "neem ik")):
        letter = decline_letter(translator("nl", solo=solo), client, "1 jan 2027", "Anouk")
        assert f"Daarom {who} vanaf 1 jan 2027 geen nieuwe opdrachten of afspraken meer aan." in (
            letter
        )
        assert "van u aan" not in letter

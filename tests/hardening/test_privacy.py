"""Privacy (AVG/GDPR, 152-ФЗ): forgetting a client, retention, and logs without client data."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from sqlalchemy import Engine, func, select

from bot.app import kompas_of_app
from bot.jobs.privacy import sweep_now
from bot.kit.routing import Commands
from storage import clients, events, privacy, sales
from storage.engine import new_session
from storage.models import AuditLog, Client, Event, EventKind, PendingUndo, Rating, Sale
from storage.names import name_key
from tests.chat import Chat
from tests.factories import NOW, make_client, make_event, make_sale, make_team, rows

ANNA, OLGA, IVAN, GROUP = 11, 21, 22, -700
TRAITS = {
    "kind": "person",
    "gender": "female",
    "birth_year": 1986,
    "city": "Utrecht",
    "income": 4_500_000,
    "education": "higher",
    "interests": ["yoga", "zeilen"],
    "notes": "allergisch voor noten",
}


def anouk(engine: Engine, team) -> int:  # type: ignore[no-untyped-def]
    """A private person with every trait, sales, a complaint, a rating and a referral."""
    client = make_client(engine, team, "Anouk de Boer", **TRAITS)
    make_sale(engine, team, client, 12_500)
    make_sale(engine, team, client, 7_500, sold_on=dt.date(2026, 11, 2))
    make_event(engine, team, client, "complaint", note="klaagde over Anouk haar factuur")
    friend = make_client(engine, team, "Bakkerij de Vries")
    make_event(
        engine, team, friend, "referral", note="via Anouk de Boer", referred_client_id=client
    )
    with new_session(engine) as session:
        session.add(
            Rating(
                team_id=team.id,
                client_id=client,
                user_id=ANNA,
                rated_on=dt.date(2026, 11, 1),
                criterion="pleasant",
                value=4,
            )
        )
        session.commit()
    return client


async def test_forget_erases_a_clients_personal_data_and_keeps_the_figures(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    client_id = anouk(sqlite_engine, team)
    with new_session(sqlite_engine) as session:  # an edit from earlier today, still undoable
        change = clients.update_client(
            session=session,
            team_id=team.id or 0,
            client_id=client_id,
            user_id=ANNA,
            changes={"city": "Amersfoort"},
            now=NOW,
        )
        session.commit()
    anna = chat.person(ANNA, "Anna", "nl")
    seen = await chat.send(anna, "/forget anouk")
    assert "De persoonsgegevens van Anouk de Boer voorgoed wissen?" in seen
    assert "Dit kun je niet ongedaan maken." in seen
    assert seen.buttons == ["Ja, wissen", "Nee"]
    assert rows(sqlite_engine, Client, id=client_id)[0].name == "Anouk de Boer"  # asked first

    seen = await chat.press(anna, "Ja, wissen")
    label = f"Klant #{client_id}"
    assert seen.text == (
        f"Gewist. Deze klant heet vanaf nu „{label}”; de verkopen en oordelen tellen nog "
        "mee, zonder iets dat zegt wie het is."
    )
    assert seen.buttons == []  # no Undo: forgetting is for good
    [forgotten] = rows(sqlite_engine, Client, id=client_id)
    assert (forgotten.name, forgotten.name_key) == (label, name_key(label))
    assert all(getattr(forgotten, trait) is None for trait in privacy.ERASED_TRAITS)
    assert (forgotten.kind, forgotten.status) == ("person", "active")
    assert forgotten.anonymised_at is not None
    assert all(e.note is None for e in rows(sqlite_engine, Event))
    assert sorted(s.amount for s in rows(sqlite_engine, Sale, client_id=client_id)) == [
        7_500,
        12_500,
    ]
    assert [r.value for r in rows(sqlite_engine, Rating, client_id=client_id)] == [4]
    [audit] = rows(sqlite_engine, AuditLog, action="client_forgotten")
    assert (audit.entity, audit.entity_id, audit.user_id) == ("client", client_id, ANNA)
    # The earlier edit's Undo cannot bring the old city back.
    assert rows(sqlite_engine, PendingUndo, id=change.undo_id) == []
    await chat.press_data(anna, seen.last, f"undo:{team.id}:{change.undo_id}")
    assert "niet meer ongedaan maken" in chat.api.callback_answers[-1]["text"]
    assert rows(sqlite_engine, Client, id=client_id)[0].city is None

    # Nobody finds her by name any more; her data request now shows only the label.
    seen = await chat.send(anna, "/client anouk")
    assert seen.text == "„anouk” staat niet in je klantenlijst."
    seen = await chat.send(anna, f"/export {label}")
    data = json.loads(seen.last.document[1])  # type: ignore[index]
    assert data["client"]["name"] == label and data["client"]["city"] is None
    assert [s["amount"] for s in data["sales"]] == ["125.00", "75.00"]
    assert "Anouk" not in seen.last.document[1].decode()  # type: ignore[index]


async def test_only_admins_forget_and_the_confirmation_is_theirs(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, ivan = chat.person(OLGA, "Ольга", "ru"), chat.person(IVAN, "Иван", "ru")
    chat.group(GROUP, "Студия", creator=olga, members=(ivan,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA, locale="ru", currency="RUB")
    client_id = make_client(sqlite_engine, team, "Анна Смирнова", kind="person", city="Москва")
    seen = await chat.send(ivan, "/forget анна", chat=GROUP)
    assert seen.text == "Это может сделать только owner21 (администратор)."
    seen = await chat.send(olga, "/forget анна", chat=GROUP)
    assert "Навсегда удалить персональные данные клиента — Анна Смирнова?" in seen
    question, erase = seen.last, seen.last.button_data("Да, удалить")
    seen = await chat.press(ivan, "Да, удалить", chat=GROUP)
    assert not seen.messages and rows(sqlite_engine, Client)[0].name == "Анна Смирнова"
    seen = await chat.press(olga, "Да, удалить", chat=GROUP)
    assert f"Теперь этот клиент — «Клиент #{client_id}»" in seen
    again = await chat.press_data(olga, question, erase)  # pressed twice: the second is late
    assert not again.messages
    assert chat.api.callback_answers[-1]["text"] == "Персональные данные этого клиента уже удалены."
    seen = await chat.send(olga, "/forget клиент", chat=GROUP)
    assert seen.text == "Персональные данные этого клиента уже удалены."


async def test_a_former_client_can_be_exported_and_forgotten(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    client_id = make_client(
        sqlite_engine, team, "Kees Koster", kind="person", status="archived", city="Gouda"
    )
    anna = chat.person(ANNA, "Anna", "nl")
    seen = await chat.send(anna, "/export kees")
    assert seen.last.document is not None
    assert json.loads(seen.last.document[1])["client"]["city"] == "Gouda"
    await chat.send(anna, "/forget kees")
    seen = await chat.press(anna, "Ja, wissen")
    assert rows(sqlite_engine, Client, id=client_id)[0].name == f"Klant #{client_id}"


async def test_no_stops_without_changing_anything(chat: Chat, sqlite_engine: Engine) -> None:
    team = make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(sqlite_engine, team, "Anouk de Boer", city="Utrecht")
    anna = chat.person(ANNA, "Anna", "nl")
    await chat.send(anna, "/forget anouk")
    seen = await chat.press(anna, "Nee")
    assert seen.text == "Gestopt. Er is niets veranderd."
    assert rows(sqlite_engine, Client)[0].city == "Utrecht"


async def test_adding_a_private_person_needs_only_a_name(chat: Chat, sqlite_engine: Engine) -> None:
    make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = chat.person(ANNA, "Anna", "nl")
    seen = await chat.send(anna, "/add Jan Jansen, persoon")
    assert "Toegevoegd: Jan Jansen (particulier)." in seen
    [jan] = rows(sqlite_engine, Client)
    assert jan.kind == "person"
    assert all(getattr(jan, trait) is None for trait in privacy.ERASED_TRAITS)


def _declined(engine: Engine, team, name: str, days_ago: int) -> int:  # type: ignore[no-untyped-def]
    client = make_client(engine, team, name, kind="person", status="declined", city="Zeist")
    with new_session(engine) as session:
        row = session.get(Client, client)
        assert row is not None
        row.status_changed_at = NOW - dt.timedelta(days=days_ago)
        session.add(row)
        session.commit()
    return client


def test_declined_clients_are_anonymised_after_the_teams_retention(engine: Engine) -> None:
    kept = make_team(engine, chat_id=1, owner_id=1, personal=True)
    month = make_team(engine, chat_id=2, owner_id=2, personal=True, declined_retention_days=30)
    old = _declined(engine, month, "Oud Afgewezen", days_ago=31)
    recent = _declined(engine, month, "Net Afgewezen", days_ago=10)
    forever = _declined(engine, kept, "Bewaard Afgewezen", days_ago=400)
    active = make_client(engine, month, "Actieve Klant", city="Zeist")
    with new_session(engine) as session:
        assert privacy.anonymise_declined(session=session, now=NOW) == 1
        session.commit()
    names = {c.id: (c.name, c.city) for c in rows(engine, Client)}
    assert names[old] == (f"Klant #{old}", None)
    assert names[recent] == ("Net Afgewezen", "Zeist")
    assert names[forever] == ("Bewaard Afgewezen", "Zeist")
    assert names[active] == ("Actieve Klant", "Zeist")
    [audit] = rows(engine, AuditLog, action="client_anonymised")
    assert (audit.entity_id, audit.user_id) == (old, None)
    with new_session(engine) as session:  # once is enough
        assert privacy.anonymise_declined(session=session, now=NOW + dt.timedelta(days=1)) == 0


def test_a_source_in_the_teams_own_words_is_forgotten_a_listed_channel_kept(
    engine: Engine,
) -> None:
    team = make_team(engine, chat_id=1, owner_id=1, personal=True)
    named = make_client(engine, team, "Jan Jansen", kind="person", source="via Anouk de Boer")
    listed = make_client(engine, team, "Piet Peters", kind="person", source="referral")
    with new_session(engine) as session:
        for client_id in (named, listed):
            privacy.forget_client(
                session=session, team_id=team.id or 0, client_id=client_id, user_id=1, now=NOW
            )
        session.commit()
    kept = {c.id: (c.kind, c.source) for c in rows(engine, Client)}
    assert kept == {named: ("person", None), listed: ("person", "referral")}


def test_forgetting_keeps_undos_that_merely_share_a_number_with_the_client(
    engine: Engine,
) -> None:
    team = make_team(engine, chat_id=1, owner_id=1, personal=True)
    forgotten = make_client(engine, team, "Jan Jansen", kind="person")
    other = make_client(engine, team, "Piet Peters", kind="person")
    sale_id = make_sale(engine, team, other, 10_000)
    assert sale_id == forgotten  # the deleted sale's own id is the forgotten client's id
    with new_session(engine) as session:
        kept = sales.delete_sale(
            session=session, team_id=team.id or 0, sale_id=sale_id, user_id=1, now=NOW
        )
        referral = events.record_event(
            session=session,
            team_id=team.id or 0,
            client_id=other,
            user_id=1,
            kind=EventKind.REFERRAL,
            happened_on=NOW.date(),
            now=NOW,
            referred_client_id=forgotten,
        )
        privacy.forget_client(
            session=session, team_id=team.id or 0, client_id=forgotten, user_id=1, now=NOW
        )
        session.commit()
    undo_ids = {u.id for u in rows(engine, PendingUndo)}
    assert kept.undo_id in undo_ids
    assert referral.undo_id not in undo_ids


def test_audit_log_is_kept_two_years_and_expired_undos_go(engine: Engine) -> None:
    team = make_team(engine, chat_id=1, owner_id=1, personal=True)
    with new_session(engine) as session:
        for days in (800, 731, 729, 1):
            session.add(
                AuditLog(
                    team_id=team.id,
                    user_id=1,
                    action="x",
                    entity="client",
                    at=NOW - dt.timedelta(days=days),
                )
            )
        for hours in (48, 1):
            session.add(
                PendingUndo(
                    team_id=team.id or 0,
                    user_id=1,
                    action="client_updated",
                    payload={"client_id": 1, "before": {"city": "Zeist"}},
                    created_at=NOW - dt.timedelta(hours=hours + 24),
                    expires_at=NOW - dt.timedelta(hours=hours) + dt.timedelta(hours=24),
                )
            )
        session.commit()
    with new_session(engine) as session:
        done = privacy.sweep(session=session, now=NOW)
        session.commit()
    assert (done.audit_rows_pruned, done.undos_pruned) == (2, 1)
    assert sorted((NOW - a.at).days for a in rows(engine, AuditLog)) == [1, 729]


async def test_the_daily_sweep_runs_on_the_applications_clock(
    chat: Chat, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    team = make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = chat.person(ANNA, "Anna", "nl")
    await chat.send(anna, "/start")
    [job] = chat.app.job_queue.get_jobs_by_name("privacy-sweep")
    assert job.job.trigger.interval == dt.timedelta(days=1)
    with new_session(sqlite_engine) as session:
        row = session.get(type(team), team.id)
        row.declined_retention_days = 90  # type: ignore[union-attr]
        session.add(row)
        session.commit()
    client = _declined(sqlite_engine, team, "Anouk de Boer", days_ago=0)
    kompas = kompas_of_app(chat.app)
    assert (await sweep_now(kompas)).anonymised == 0
    clock.advance(days=91)
    assert (await sweep_now(kompas)).anonymised == 1
    assert rows(sqlite_engine, Client, id=client)[0].name == f"Klant #{client}"


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_logs_hold_no_message_texts_or_client_data_even_at_debug(
    chat: Chat, sqlite_engine: Engine, caplog: pytest.LogCaptureFixture, locale: str
) -> None:
    team = make_team(
        sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True, locale=locale,
        currency="EUR" if locale == "nl" else "RUB",
    )  # fmt: skip
    secret_person = make_client(
        sqlite_engine, team, "Quirijn Geheimzinnig", kind="person", notes="Quirijn-notitie"
    )
    make_sale(sqlite_engine, team, secret_person, 123_456)
    anna = chat.person(ANNA, "Anna", locale)
    caplog.set_level(logging.DEBUG)
    await chat.send(anna, "/client quirijn")
    await chat.send(anna, "/add Vertrouwelijk Atelier Xylofoon, organisatie")
    await chat.send(anna, "/complaint quirijn: Klacht-over-Xylofoon")
    await chat.send(anna, "/sale quirijn 9.876,54")
    await chat.send(anna, "Losse-tekst-Zebra")
    await chat.send(anna, "/export")
    await chat.send(anna, "/forget quirijn")
    await chat.press(anna, "Ja, wissen" if locale == "nl" else "Да, удалить")
    # And an unexpected failure whose message carries client data: the handler's bug.
    commands = next(h for h in chat.app.handlers[0] if isinstance(h, Commands))
    original = commands.routes["risk"]

    async def broken(update, context):  # type: ignore[no-untyped-def]
        names = [c.name for c in rows(sqlite_engine, Client)]
        raise RuntimeError(f"{update.effective_message.text} failed for {names}")

    commands.routes["risk"] = broken
    try:
        await chat.send(anna, "/risk")
    finally:
        commands.routes["risk"] = original
    assert any(r.levelno == logging.ERROR and r.name == "bot.app" for r in caplog.records)
    logged = caplog.text + "\n".join(str(r.args) for r in caplog.records)
    for private in (
        "Quirijn",
        "Geheimzinnig",
        "Xylofoon",
        "Klacht-over",
        "Losse-tekst",
        "9.876",
        "9 876",
        "Anna",
    ):
        assert private not in logged, f"{private!r} in the log"
    assert _count(sqlite_engine, Sale) == 2


def _count(engine: Engine, model: type) -> int:
    with new_session(engine) as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar() or 0)

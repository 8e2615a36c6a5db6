"""Exports open in Dutch and Russian Excel, never run a formula, and import again unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from sqlalchemy import Engine, select
from sqlmodel import Session, col

from locales import InputError
from storage.engine import new_session
from storage.exporting import (
    export_client_data,
    export_clients_csv,
    export_sales_csv,
    neutralise,
)
from storage.models import Client, Event, EventKind, Rating, Sale, Team
from tests.storage.test_importing import NOW, make_team, run_import, sales_of

SALES = (
    "Klant;Datum;Bedrag;Kosten;Minuten;Vervaldatum;Betaald op\n"
    "Bakkerij de Vries;23-11-2026;1.250,50;300;90;07-12-2026;\n"
    "Bakkerij de Vries;23-11-2026;1.250,50;300;90;07-12-2026;\n"
    "Café Noël;02-11-2026;99,95;;;;05-11-2026\n"
)
CLIENTS = (
    "Naam;Soort;Plaats;Geslacht;Geboortejaar;Inkomen;Opleiding;Interesses;Medewerkers;"
    "Wie beslist;Bron;Segment;Klant sinds;Aangebracht door;Status;Notities\n"
    "Anouk Jansen;particulier;Den Haag;vrouw;1988;52000;hbo;yoga, reizen;;;Instagram;"
    "kern;01-03-2024;;actief;Houdt van ‘thee’\n"
    "Bakkerij de Vries;organisatie;Ede;;;;;;12;eigenaar;beurs;;;Anouk Jansen;actief;\n"
    "Studio Noord;;Zwolle;;;;;;;zelf bepaald;mond-tot-mond;;;;prospect;\n"
)


@pytest.fixture
def session(engine: Engine):  # type: ignore[no-untyped-def]
    with new_session(engine) as session:
        yield session


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def exported(session: Session, team: Team) -> tuple[bytes, bytes]:
    assert team.id is not None
    clients = export_clients_csv(session=session, team_id=team.id, locale=team.locale)
    sales = export_sales_csv(session=session, team_id=team.id, locale=team.locale)
    return clients, sales


def test_sales_export_is_excel_csv_in_the_teams_language(session: Session) -> None:
    team = make_team(session)
    run_import(session, team, SALES)
    _, sales = exported(session, team)

    assert b"\r\n" in sales
    assert read_csv(sales) == [
        [
            "Klant",
            "Datum",
            "Bedrag",
            "Kosten",
            "Minuten",
            "Vervaldatum",
            "Betaald op",
            "Al betaald",
        ],
        ["Café Noël", "02-11-2026", "99,95", "", "", "", "05-11-2026", ""],
        ["Bakkerij de Vries", "23-11-2026", "1250,50", "300,00", "90", "07-12-2026", "", ""],
        ["Bakkerij de Vries", "23-11-2026", "1250,50", "300,00", "90", "07-12-2026", "", ""],
    ]


def test_russian_team_gets_russian_headers_and_words(session: Session) -> None:
    team = make_team(session, locale="ru")
    run_import(session, team, "Клиент;Тип;Пол\nЁлкин Пётр;физлицо;м\n")
    clients, sales = exported(session, team)

    header, row = read_csv(clients)
    assert header[:3] == ["Клиент", "Тип", "Статус"]
    assert row[:4] == ["Ёлкин Пётр", "частное лицо", "активный", "мужчина"]
    assert read_csv(sales)[0][:3] == ["Клиент", "Дата", "Сумма"]


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_export_then_import_adds_nothing(session: Session, locale: str) -> None:
    team = make_team(session, locale=locale)
    assert run_import(session, team, CLIENTS).ok
    assert run_import(session, team, SALES).ok
    # A sale typed in chat has no import fingerprint; its export must not come back doubled.
    zon = session.scalars(select(Client).where(Client.name == "Studio Noord")).one()
    session.add(Sale(team_id=team.id, client_id=zon.id, sold_on=dt.date(2026, 11, 20), amount=5000))
    session.commit()
    clients, sales = exported(session, team)

    again_clients = run_import(session, team, clients)
    again_sales = run_import(session, team, sales)

    assert again_clients.ok and again_sales.ok, (again_clients.errors, again_sales.errors)
    for report in (again_clients, again_sales):
        assert report.unknown_columns == ()
        assert (report.clients_created, report.clients_updated, report.values_kept) == (0, 0, 0)
        assert (report.sales_added, report.sales_updated, report.referrals_added) == (0, 0, 0)
    assert again_clients.duplicates_skipped == 4 and again_sales.duplicates_skipped == 4


def test_export_imported_into_an_empty_team_reproduces_the_data(session: Session) -> None:
    source, copy = make_team(session), make_team(session, chat_id=-2002)
    run_import(session, source, CLIENTS)
    run_import(session, source, SALES)
    clients, sales = exported(session, source)

    assert run_import(session, copy, clients).ok
    assert run_import(session, copy, sales).ok

    assert sales_of(session, copy) == sales_of(session, source)
    assert exported(session, copy) == (clients, sales)


def open_invoices(session: Session, team: Team) -> list[tuple[str, int, int | None]]:
    """Each unpaid sale: whose, its amount and the part already paid (in cents)."""
    rows = session.execute(
        select(Client.name, Sale.amount, Sale.paid_amount)
        .join(Client, col(Client.id) == col(Sale.client_id))
        .where(col(Sale.team_id) == team.id, col(Sale.paid_on).is_(None))
        .order_by(col(Client.name), col(Sale.amount))
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_a_part_payment_survives_export_and_import(session: Session, locale: str) -> None:
    # € 7 000 invoiced, € 3 000 of it paid: the copy must owe € 4 000, not € 7 000.
    source, copy = (
        make_team(session, locale=locale),
        make_team(session, chat_id=-2002, locale=locale),
    )
    run_import(session, source, CLIENTS)
    client = session.scalars(select(Client).where(Client.name == "Studio Noord")).one()
    session.add(
        Sale(team_id=source.id, client_id=client.id, sold_on=dt.date(2026, 11, 20),
             amount=700_000, due_on=dt.date(2026, 12, 20), paid_amount=300_000)
    )  # fmt: skip
    session.commit()
    clients, sales = exported(session, source)

    assert read_csv(sales)[1][-1] == "3000,00"
    assert run_import(session, copy, clients).ok
    report = run_import(session, copy, sales)

    assert report.ok, report.errors
    assert open_invoices(session, copy) == [("Studio Noord", 700_000, 300_000)]
    assert run_import(session, copy, sales).sales_added == 0


def test_a_part_payment_is_filled_into_the_sale_already_there(session: Session) -> None:
    team = make_team(session)
    run_import(
        session, team, "Klant;Datum;Bedrag;Vervaldatum\nStudio Noord;20-11-2026;7.000;20-12-2026\n"
    )
    report = run_import(
        session,
        team,
        "Klant;Datum;Bedrag;Vervaldatum;Al betaald\n"
        "Studio Noord;20-11-2026;7.000;20-12-2026;3.000\n",
    )

    assert (report.sales_added, report.sales_updated) == (0, 1)
    assert open_invoices(session, team) == [("Studio Noord", 700_000, 300_000)]


@pytest.mark.parametrize(
    ("row", "paid"),
    [
        ("Studio Noord;20-11-2026;7.000;;", None),  # nothing paid yet
        ("Studio Noord;20-11-2026;7.000;;0", None),
        ("Studio Noord;20-11-2026;7.000;25-11-2026;3.000", "paid in full"),  # the date wins
    ],
)
def test_what_a_paid_column_means(session: Session, row: str, paid: str | None) -> None:
    team = make_team(session)
    report = run_import(session, team, "Klant;Datum;Bedrag;Betaald op;Al betaald\n" + row + "\n")

    assert report.ok, report.errors
    expected = [] if paid else [("Studio Noord", 700_000, None)]
    assert open_invoices(session, team) == expected


@pytest.mark.parametrize("paid", ["7.000", "8.000"])
def test_a_part_paid_of_the_whole_amount_or_more_is_refused(session: Session, paid: str) -> None:
    team = make_team(session)
    report = run_import(
        session, team, f"Klant;Datum;Bedrag;Al betaald\nStudio Noord;20-11-2026;7.000;{paid}\n"
    )

    assert not report.ok
    assert [(e.line, e.column) for e in report.errors] == [(2, "Al betaald")]
    assert open_invoices(session, team) == []


def test_formula_cells_are_neutralised_and_numbers_are_not(session: Session) -> None:
    team = make_team(session)
    run_import(
        session,
        team,
        'Naam;Plaats;Notities;Interesses\n"=HYPERLINK(""http://x.example"")";@home;-2;+tag\n'
        "Studio Noord;;\tverborgen;\n",
    )
    run_import(session, team, "Klant;Datum;Bedrag\nStudio Noord;01-11-2026;5\n")
    clients, sales = exported(session, team)

    rows = {row[0]: row for row in read_csv(clients)[1:]}
    formula = rows['\'=HYPERLINK("http://x.example")']
    assert (formula[5], formula[8], formula[16]) == ("'@home", "'+tag", "'-2")
    # A file without payment columns: the sale was settled when made.
    settled = ["Studio Noord", "01-11-2026", "5,00", "", "", "", "01-11-2026", ""]
    assert read_csv(sales)[1] == settled
    for cell in (c for row in read_csv(clients) + read_csv(sales) for c in row):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert neutralise("'t Hoekje") == "'t Hoekje"


def test_export_holds_only_the_teams_own_rows(session: Session) -> None:
    ours, theirs = make_team(session), make_team(session, chat_id=-2002)
    run_import(session, ours, "Klant;Datum;Bedrag\nAtelier Zon;01-11-2026;10\n")
    run_import(session, theirs, "Klant;Datum;Bedrag\nGeheim BV;01-11-2026;99\n")
    clients, sales = exported(session, ours)

    assert b"Geheim" not in clients and b"Geheim" not in sales
    assert [row[0] for row in read_csv(sales)[1:]] == ["Atelier Zon"]


def test_one_clients_data_on_request(session: Session) -> None:
    team, other = make_team(session), make_team(session, chat_id=-2002)
    run_import(session, team, CLIENTS)
    run_import(session, team, SALES)
    anouk = session.scalars(select(Client).where(col(Client.name) == "Anouk Jansen")).one()
    bakery = session.scalars(select(Client).where(col(Client.name) == "Bakkerij de Vries")).one()
    session.add(Rating(team_id=team.id, client_id=bakery.id, user_id=7, rated_on=NOW.date(),
                       criterion="pays_on_time", value=4))  # fmt: skip
    session.add(Event(team_id=team.id, client_id=bakery.id, kind=EventKind.COMPLAINT,
                      happened_on=NOW.date(), note="Te laat geleverd"))  # fmt: skip
    session.commit()
    assert team.id is not None and other.id is not None and bakery.id is not None

    data = json.loads(
        export_client_data(session=session, team_id=team.id, client_id=bakery.id, locale="nl")
    )

    assert data["client"]["name"] == "Bakkerij de Vries"
    assert data["client"]["kind"] == "organisatie"
    assert data["client"]["referred_by_a_client"] is True
    assert "Anouk" not in json.dumps(data, ensure_ascii=False)  # other people stay out
    assert [s["amount"] for s in data["sales"]] == ["1250.50", "1250.50"]
    assert data["ratings"] == [{"date": "2026-11-23", "criterion": "pays_on_time", "value": 4}]
    assert [e["kind"] for e in data["events"]] == ["complaint"]
    assert anouk.id is not None
    with pytest.raises(InputError):
        export_client_data(session=session, team_id=other.id, client_id=anouk.id, locale="nl")

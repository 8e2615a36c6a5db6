"""Importing clients and sales files: what ends up stored, what is reported, and all-or-nothing."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, func, select
from sqlmodel import Session, col

from locales import InputError
from storage.engine import new_session
from storage.import_file import import_file
from storage.import_results import ImportReport
from storage.models import AuditLog, Client, Event, EventKind, Sale, Team
from storage.names import name_key
from storage.refusals import Refused
from storage.teams import create_team

FILES = Path(__file__).parent / "files"
NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
TODAY = NOW.date()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 4


def make_team(session: Session, *, locale: str = "nl", chat_id: int = -1001) -> Team:
    team = create_team(
        session=session,
        chat_id=chat_id,
        title=f"Team {chat_id}",
        locale=locale,
        owner_id=7,
        owner_name="Owner",
        is_personal=False,
        now=NOW,
    )
    session.commit()
    return team


def run_import(
    session: Session, team: Team, content: bytes | str, *, filename: str = "data.csv"
) -> ImportReport:
    """Import as the bot and the CLI do: commit when the report is ok, else roll back."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    assert team.id is not None
    report = import_file(
        session=session,
        team_id=team.id,
        filename=filename,
        content=data,
        locale=team.locale,
        currency=team.currency,
        today=TODAY,
        now=NOW,
        user_id=7,
    )
    if report.ok:
        session.commit()
    else:
        session.rollback()
    return report


def clients_of(session: Session, team: Team) -> dict[str, Client]:
    session.expire_all()  # imports write with Core statements, past the identity map
    rows = session.scalars(select(Client).where(col(Client.team_id) == team.id))
    return {c.name: c for c in rows}


def sales_of(
    session: Session, team: Team
) -> list[tuple[str, dt.date, int, int | None, int | None]]:
    rows = session.execute(
        select(Client.name, Sale.sold_on, Sale.amount, Sale.cost, Sale.minutes)
        .join(Client, col(Client.id) == col(Sale.client_id))
        .where(col(Sale.team_id) == team.id)
        .order_by(col(Sale.sold_on), col(Client.name))
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


def count(session: Session, model: type, team: Team) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.team_id == team.id))


@pytest.fixture
def session(engine: Engine):  # type: ignore[no-untyped-def]
    with new_session(engine) as session:
        yield session


# Files as Excel writes them ------------------------------------------------------------------
def test_dutch_semicolon_csv_with_bom_reads_dutch_amounts_and_hours(session: Session) -> None:
    team = make_team(session)
    report = run_import(session, team, (FILES / "nl_sales_semicolon_bom.csv").read_bytes())

    assert report.ok and report.kind == "sales"
    assert (report.rows, report.sales_added, report.clients_created) == (4, 4, 3)
    assert sales_of(session, team) == [
        ("Studio Noord", dt.date(2026, 9, 30), 1_250_000, None, 195),
        ("Bakkerij de Vries", dt.date(2026, 10, 15), 200_000, 45_000, 120),
        ("Café Noël", dt.date(2026, 11, 2), 9_995, None, 45),
        ("Bakkerij de Vries", dt.date(2026, 11, 23), 125_050, 30_000, 90),
    ]
    paid = session.scalars(select(Sale.paid_on).where(Sale.amount == 125_050)).one()
    assert paid == dt.date(2026, 12, 1)


def test_russian_cp1251_csv_with_spaced_thousands(session: Session) -> None:
    team = make_team(session, locale="ru")
    report = run_import(session, team, (FILES / "ru_sales_cp1251.csv").read_bytes())

    assert report.ok, report.errors
    assert report.clients_created == 2
    assert sales_of(session, team) == [
        ("ООО «Ромашка»", dt.date(2026, 10, 15), 1_200_000, 250_000, 120),
        ("Ёлкин Пётр", dt.date(2026, 11, 1), 400_000, None, 90),
        ("ООО «Ромашка»", dt.date(2026, 11, 23), 125_050, 30_000, 90),
    ]


def test_dutch_cp1252_clients_file_keeps_accents_and_traits(session: Session) -> None:
    team = make_team(session)
    report = run_import(session, team, (FILES / "nl_clients_cp1252.csv").read_bytes())

    assert report.ok and report.kind == "clients"
    clients = clients_of(session, team)
    assert set(clients) == {"Café Noël", "Anouk Jansen", "Daniël Smit"}
    anouk, daniel, cafe = clients["Anouk Jansen"], clients["Daniël Smit"], clients["Café Noël"]
    assert (anouk.kind, anouk.gender, anouk.birth_year) == ("person", "f", 1988)
    assert (anouk.education, anouk.interests, anouk.source) == (
        "higher",
        ["yoga", "reizen"],
        "instagram",
    )
    # No kind given, but a gender is: a person, not the default organisation.
    assert (daniel.kind, daniel.education, daniel.source) == ("person", "vocational", "referral")
    assert (cafe.kind, cafe.acquired_on, cafe.notes) == (
        "organisation",
        dt.date(2024, 3, 1),
        "Eigenaar heet Zoë",
    )
    # An imported client is not a new one: no "client since" unless the file says so.
    assert anouk.acquired_on is None and anouk.status == "active"


def test_xlsx_takes_dates_and_numbers_as_they_are(session: Session) -> None:
    team = make_team(session)
    content = xlsx_bytes(
        ["Klant", "Datum", "Omzet", "Kosten", "Uren", "Betaald"],
        ["Bakkerij de Vries", dt.datetime(2026, 11, 23), 1250.5, 300, 1.5, dt.date(2026, 12, 1)],
        ["Studio Noord", dt.date(2026, 10, 1), 0.1 + 0.2, None, 2, None],
        [None, None, None, None, None, None],
        ["Café Noël", "02-11-2026", "€ 99,95", None, "45 min", None],
    )

    report = run_import(session, team, content, filename="omzet.xlsx")

    assert report.ok, report.errors
    assert sales_of(session, team) == [
        ("Studio Noord", dt.date(2026, 10, 1), 30, None, 120),
        ("Café Noël", dt.date(2026, 11, 2), 9_995, None, 45),
        ("Bakkerij de Vries", dt.date(2026, 11, 23), 125_050, 30_000, 90),
    ]


SYNONYMS = [
    ("klantnaam,factuurdatum,omzet,kostprijs,minuten", "Atelier Zon,23-11-2026,100,20,30"),
    ("Имя клиента;Дата продажи;Выручка;Затраты;Часы", "Атлас;23.11.2026;100;20;0,5"),
    ("Customer,Sale date,Revenue,Cost to serve,Time spent", "Sunrise,2026-11-23,100,20,30"),
    ("KLANT;DATUM;BEDRAG EUR;KOSTEN;TIJD IN MINUTEN", "Atelier Zon;23-11-2026;100;20;30"),
]


def test_header_synonyms_in_three_languages(session: Session) -> None:
    for number, (header, row) in enumerate(SYNONYMS):
        team = make_team(session, chat_id=-3000 - number)
        report = run_import(session, team, f"{header}\n{row}\n")

        assert report.ok and report.unknown_columns == (), (header, report)
        [(_, sold_on, amount, cost, minutes)] = sales_of(session, team)
        assert (sold_on, amount, cost, minutes) == (dt.date(2026, 11, 23), 10_000, 2_000, 30)


def test_a_salons_own_log_of_visits_is_read_as_its_sales(session: Session) -> None:
    """A Russian salon's export says «Дата визита;Стоимость»: its sales, not a list of clients
    with every sale dropped (a Russian salon owner's file)."""
    team = make_team(session, locale="ru")
    content = (
        "Клиент;Дата визита;Стоимость;Услуга\n"
        "Иванова Ольга;01.11.2026;2 500;стрижка\n"
        "Петрова Анна;02.11.2026;3 000;окрашивание\n"
    )

    report = run_import(session, team, content)

    assert report.ok and report.kind == "sales", report
    assert report.unknown_columns == ("Услуга",)
    assert [(name, day, amount) for name, day, amount, _, _ in sales_of(session, team)] == [
        ("Иванова Ольга", dt.date(2026, 11, 1), 250_000),
        ("Петрова Анна", dt.date(2026, 11, 2), 300_000),
    ]


# What an import adds ---------------------------------------------------------------------------
def test_sales_file_creates_unknown_clients_as_organisations_and_counts_them(
    session: Session,
) -> None:
    team = make_team(session)
    run_import(session, team, "Naam;Soort\nBakkerij de Vries;bedrijf\n")
    report = run_import(
        session,
        team,
        "Klant;Datum;Bedrag;Factuurnummer\n"
        "bakkerij DE VRIES;01-11-2026;100;x\n"
        "Kapsalon Lisa;02-11-2026;50;y\n"
        "Kapsalon Lisa;03-11-2026;60;z\n",
    )

    assert (report.clients_created, report.sales_added) == (1, 3)
    assert report.unknown_columns == ("Factuurnummer",)
    lisa = clients_of(session, team)["Kapsalon Lisa"]
    assert (lisa.kind, lisa.status, lisa.acquired_on) == (
        "organisation",
        "active",
        dt.date(2026, 11, 2),
    )


def test_a_salons_file_without_a_kind_column_keeps_its_people_people(session: Session) -> None:
    """A Russian first name and surname, a patronymic or initials is a person without a kind
    column (issue 20: every client of a salon's import became «Организация»); a business's
    word, a legal form or an adjective-shaped name stays an organisation."""
    team = make_team(session, locale="ru")
    report = run_import(
        session,
        team,
        "Имя,Город\n"
        "Петров Олег,Москва\n"
        "Анна Смирнова,Москва\n"
        "Иванова Анна Сергеевна,Екатеринбург\n"
        "Козлова И. И.,Москва\n"
        "Кофейня Иванова,Москва\n"
        "ООО Петров,Москва\n"
        "Большой Театр,Москва\n"
        "Ромашка,Москва\n",
    )
    assert report.ok and report.clients_created == 8
    kinds = {name: c.kind for name, c in clients_of(session, team).items()}
    assert kinds == {
        "Петров Олег": "person",
        "Анна Смирнова": "person",
        "Иванова Анна Сергеевна": "person",
        "Козлова И. И.": "person",
        "Кофейня Иванова": "organisation",
        "ООО Петров": "organisation",
        "Большой Театр": "organisation",
        "Ромашка": "organisation",
    }


def test_same_file_twice_adds_nothing(session: Session) -> None:
    team = make_team(session)
    content = (FILES / "nl_sales_semicolon_bom.csv").read_bytes()
    first = run_import(session, team, content)
    session.expire_all()
    version = session.get(Team, team.id).data_version  # type: ignore[union-attr]
    second = run_import(session, team, content)

    assert first.sales_added == 4 and version == 1
    assert (second.sales_added, second.clients_created, second.duplicates_skipped) == (0, 0, 4)
    assert count(session, Sale, team) == 4
    session.expire_all()
    assert session.get(Team, team.id).data_version == version  # type: ignore[union-attr]


def test_identical_rows_are_separate_sales_and_only_new_ones_are_added(session: Session) -> None:
    team = make_team(session)
    header = "Klant;Datum;Bedrag\n"
    twice = header + "Atelier Zon;01-11-2026;100\n" * 2
    run_import(session, team, twice)
    report = run_import(session, team, header + "Atelier Zon;01-11-2026;100\n" * 3)

    assert (report.sales_added, report.duplicates_skipped) == (1, 2)
    assert count(session, Sale, team) == 3
    refs = session.scalars(select(Sale.source_ref).where(Sale.team_id == team.id)).all()
    assert len(set(refs)) == 3


def test_old_file_after_a_rename_makes_a_new_client_without_clashing(session: Session) -> None:
    team = make_team(session)
    content = "Klant;Datum;Bedrag\nAtelier Zon;01-11-2026;100\n"
    run_import(session, team, content)
    renamed = clients_of(session, team)["Atelier Zon"]
    renamed.name, renamed.name_key = "Atelier Zonlicht", name_key("Atelier Zonlicht")
    session.commit()

    report = run_import(session, team, content)

    assert (report.clients_created, report.sales_added) == (1, 1)
    assert count(session, Sale, team) == 2


def test_later_file_with_payments_fills_paid_dates_instead_of_doubling(session: Session) -> None:
    team = make_team(session)
    run_import(session, team, "Klant;Datum;Bedrag;Betaald op\nAtelier Zon;01-11-2026;100;\n")
    report = run_import(
        session, team, "Klant;Datum;Bedrag;Betaald op\nAtelier Zon;01-11-2026;100;15-11-2026\n"
    )

    assert (report.sales_added, report.sales_updated) == (0, 1)
    assert session.scalars(select(Sale.paid_on)).all() == [dt.date(2026, 11, 15)]


def test_existing_clients_get_empty_traits_filled_and_other_values_kept(session: Session) -> None:
    team = make_team(session)
    run_import(session, team, "Naam;Plaats;Branche\nAtelier Zon;Utrecht;\n")
    report = run_import(session, team, "Naam;Plaats;Branche\nAtelier Zon;Amsterdam;design\n")

    assert (report.clients_created, report.clients_updated, report.values_kept) == (0, 1, 1)
    zon = clients_of(session, team)["Atelier Zon"]
    assert (zon.city, zon.industry) == ("Utrecht", "design")


def test_client_since_moves_to_the_earlier_date_and_the_same_file_twice_is_nothing_new(
    session: Session,
) -> None:
    team = make_team(session)
    run_import(session, team, "Naam;Klant sinds\nAtelier Zon;23-11-2026\nStudio Noord;\n")
    text = "Naam;Klant sinds;Plaats\nAtelier Zon;12-03-2024;Utrecht\nStudio Noord;01-05-2025;\n"
    report = run_import(session, team, text)

    assert (report.clients_updated, report.values_kept, report.nothing_new) == (2, 0, False)
    found = clients_of(session, team)
    assert found["Atelier Zon"].acquired_on == dt.date(2024, 3, 12)
    assert found["Studio Noord"].acquired_on == dt.date(2025, 5, 1)
    assert run_import(session, team, text).nothing_new
    later = run_import(session, team, "Naam;Klant sinds\nAtelier Zon;01-01-2025\n")
    assert (later.clients_updated, later.values_kept, later.nothing_new) == (0, 0, True)
    assert clients_of(session, team)["Atelier Zon"].acquired_on == dt.date(2024, 3, 12)


def test_a_sale_before_client_since_moves_client_since_to_it(session: Session) -> None:
    # The card counts a client's time from their first sale; "client since" must say the same.
    team = make_team(session)
    run_import(session, team, "Naam;Klant sinds\nAtelier Zon;01-03-2024\n")
    run_import(
        session,
        team,
        "Klant;Datum;Bedrag\nAtelier Zon;01-05-2024;500\nAtelier Zon;01-02-2024;300\n",
    )
    both = "Klant;Klant sinds;Datum;Bedrag\nStudio Noord;01-03-2024;01-02-2024;300\n"
    run_import(session, team, both)
    later = "Klant;Datum;Bedrag\nAtelier Zon;01-06-2024;100\n"

    found = clients_of(session, team)
    assert found["Atelier Zon"].acquired_on == dt.date(2024, 2, 1)
    assert found["Studio Noord"].acquired_on == dt.date(2024, 2, 1)
    assert run_import(session, team, later).clients_updated == 0
    assert clients_of(session, team)["Atelier Zon"].acquired_on == dt.date(2024, 2, 1)


def test_one_bad_row_and_no_existing_client_is_completed(session: Session) -> None:
    team = make_team(session)
    run_import(session, team, "Naam;Klant sinds\nAtelier Zon;23-11-2026\n")
    text = "Naam;Klant sinds;Plaats\nAtelier Zon;12-03-2024;Utrecht\nStudio Noord;31-02-2025;\n"
    report = run_import(session, team, text)

    assert not report.ok and not report.nothing_new
    session.expire_all()
    zon = clients_of(session, team)["Atelier Zon"]
    assert (zon.acquired_on, zon.city) == (dt.date(2026, 11, 23), None)


def test_declined_status_is_not_undone_by_a_file(session: Session) -> None:
    team = make_team(session)
    run_import(session, team, "Naam;Status\nAtelier Zon;afgewezen\nStudio Noord;prospect\n")
    report = run_import(
        session,
        team,
        "Klant;Datum;Bedrag;Status\nAtelier Zon;01-11-2026;1;actief\nStudio Noord;01-11-2026;1;\n",
    )

    assert report.values_kept == 1
    clients = clients_of(session, team)
    # A prospect with a sale became a client, as in chat; the decline stands.
    assert clients["Atelier Zon"].status == "declined"
    assert (clients["Studio Noord"].status, clients["Studio Noord"].acquired_on) == (
        "active",
        dt.date(2026, 11, 1),
    )


def test_referred_by_links_clients_and_records_the_referral(session: Session) -> None:
    team = make_team(session)
    run_import(session, team, "Naam\nAnouk Jansen\n")
    report = run_import(
        session,
        team,
        "Naam;Aangebracht door;Klant sinds\n"
        "Daniël Smit;anouk jansen;01-05-2025\n"
        "Eva de Boer;Daniël Smit;\n",
    )

    assert report.ok and report.referrals_added == 2
    clients = clients_of(session, team)
    daniel, eva = clients["Daniël Smit"], clients["Eva de Boer"]
    assert daniel.referred_by_id == clients["Anouk Jansen"].id and daniel.source == "referral"
    assert eva.referred_by_id == daniel.id
    events = session.scalars(select(Event).where(Event.team_id == team.id).order_by(Event.id)).all()
    assert [(e.kind, e.client_id, e.referred_client_id) for e in events] == [
        (EventKind.REFERRAL, clients["Anouk Jansen"].id, daniel.id),
        (EventKind.REFERRAL, daniel.id, eva.id),
    ]
    assert events[0].happened_on == dt.date(2025, 5, 1)


def test_import_is_audited_without_personal_data(session: Session) -> None:
    team = make_team(session)
    run_import(session, team, "Klant;Datum;Bedrag\nAtelier Zon;01-11-2026;100\n")

    [audit] = session.scalars(select(AuditLog).where(AuditLog.team_id == team.id)).all()
    assert (audit.action, audit.entity, audit.entity_id, audit.user_id) == (
        "import",
        "sale",
        None,
        7,
    )


def test_another_teams_client_with_the_same_name_is_not_touched(session: Session) -> None:
    ours, theirs = make_team(session), make_team(session, chat_id=-2002)
    run_import(session, theirs, "Naam;Plaats\nAtelier Zon;Utrecht\n")
    report = run_import(
        session, ours, "Klant;Datum;Bedrag;Plaats\nAtelier Zon;01-11-2026;100;Ede\n"
    )

    assert report.clients_created == 1
    assert clients_of(session, theirs)["Atelier Zon"].city == "Utrecht"
    assert count(session, Sale, theirs) == 0


# All or nothing ---------------------------------------------------------------------------------
def test_three_bad_rows_import_nothing_and_each_is_reported(session: Session) -> None:
    team = make_team(session)
    report = run_import(
        session,
        team,
        "Klant;Datum;Bedrag;Tijd\n"
        "Atelier Zon;01-11-2026;100;30\n"
        "Studio Noord;31-02-2026;100;30\n"
        "Kapsalon Lisa;01-11-2026;honderd;30\n"
        "Café Noël;01-11-2026;100;1,5\n"
        "Bakkerij de Vries;01-11-2026;100;30\n",
    )

    assert not report.ok
    assert [(e.line, e.column) for e in report.errors] == [(3, "Datum"), (4, "Bedrag"), (5, "Tijd")]
    assert all(isinstance(e.error, InputError) and e.error.message for e in report.errors)
    assert report.errors[1].error.params == {"text": "honderd"}
    assert count(session, Sale, team) == 0 and count(session, Client, team) == 0
    assert count(session, AuditLog, team) == 0


def test_every_row_level_problem_is_a_row_error(session: Session) -> None:
    team = make_team(session)
    report = run_import(
        session,
        team,
        "Naam;Soort;Geboortejaar;Aangebracht door\n"
        "Atelier Zon;ruimteschip;;\n"
        ";bedrijf;;\n"
        "Anouk Jansen;;1850;\n"
        "atelier zon;;;\n"
        "Eva de Boer;;;Niemand Bekend\n"
        "Daniël Smit;;;Daniël Smit\n",
    )

    problems = [(e.line, e.column, e.error.message.split(" ")[0]) for e in report.errors]
    assert [(line, column) for line, column, _ in problems] == [
        (2, "Soort"),
        (3, "Naam"),
        (4, "Geboortejaar"),
        (5, "Naam"),
        (6, "Aangebracht door"),
        (7, "Aangebracht door"),
    ]
    assert report.errors[3].error.params == {"client": "atelier zon", "other": 2}


def xlsx_bytes(*rows: list[object]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zip_of_text() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", "<office:document/>")
    return out.getvalue()


UNUSABLE = [
    (b"", "leeg.csv", Refused.EMPTY),
    (b"   \r\n\r\n", "leeg.csv", Refused.EMPTY),
    (b"Klant;Datum;Bedrag\r\n", "alleen-kop.csv", Refused.NO_ROWS),
    (PNG, "foto.csv", Refused.NOT_A_TABLE),
    (bytes(range(256)) * 16, "random.bin", Refused.NOT_A_TABLE),
    (b"PK\x03\x04 this is not really a zip", "omzet.xlsx", Refused.BAD_SPREADSHEET),
    (
        xlsx_bytes(["Klant", "Datum", "Bedrag"], ["Zon", "01-11-2026", 1])[:900],
        "a.xlsx",
        Refused.BAD_SPREADSHEET,
    ),
    (zip_of_text(), "spreadsheet.ods", Refused.BAD_SPREADSHEET),
    (xlsx_bytes(), "leeg.xlsx", Refused.EMPTY),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "omzet.xls", Refused.BAD_SPREADSHEET),
    (b"Hallo, dit is een brief.\nGroeten, Jan\n", "brief.txt", Refused.NOTHING_RECOGNISED),
    (b"Klant;Datum;Kosten\nZon;01-11-2026;10\n", "a.csv", Refused.NO_AMOUNT_COLUMN),
    (b"Datum;Bedrag\n01-11-2026;10\n", "geen-klant.csv", Refused.NO_NAME_COLUMN),
    (b"Klant;Bedrag\nAtelier Zon;10\n", "geen-datum.csv", Refused.NO_DATE_COLUMN),
]


def test_a_file_that_is_not_a_usable_table_is_one_clear_error(session: Session) -> None:
    team = make_team(session)
    for content, filename, message in UNUSABLE:
        with pytest.raises(InputError) as raised:
            run_import(session, team, content, filename=filename)
        assert raised.value.message == message, filename
    assert count(session, Client, team) == 0


def test_too_big_and_too_many_rows_are_refused_with_the_limit(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = make_team(session)
    monkeypatch.setattr("storage.tabular.MAX_BYTES", 1024 * 1024)
    with pytest.raises(InputError) as too_big:
        run_import(session, team, b"Klant;Datum;Bedrag\n" + b"x" * (1024 * 1024))
    assert too_big.value.params == {"max": 1}

    monkeypatch.setattr("storage.tabular.MAX_ROWS", 10)
    with pytest.raises(InputError) as too_many:
        run_import(session, team, "Klant;Datum;Bedrag\n" + "Zon;01-11-2026;1\n" * 11)
    assert too_many.value.params == {"max": 10}
    assert count(session, Sale, team) == 0


def test_formula_looking_client_name_is_imported_as_plain_text(session: Session) -> None:
    team = make_team(session)
    report = run_import(
        session,
        team,
        'Naam;Notities\n"=HYPERLINK(""http://evil.example"";""klik"")";@SUM(A1)\n\'=1+2;\'-3\n',
    )

    assert report.ok
    names = {c.name: c.notes for c in clients_of(session, team).values()}
    assert names == {'=HYPERLINK("http://evil.example";"klik")': "@SUM(A1)", "=1+2": "-3"}


def test_thousand_sales_import_quickly(session: Session) -> None:
    team = make_team(session)
    lines = ["Klant;Datum;Bedrag;Kosten;Tijd"]
    lines += [
        f"Klant {i % 50};{1 + i % 28:02d}-{1 + i % 10:02d}-2026;{100 + i},50;{i % 40};{i % 90}"
        for i in range(1000)
    ]
    started = time.perf_counter()
    report = run_import(session, team, "\n".join(lines))
    elapsed = time.perf_counter() - started

    assert report.ok and report.sales_added == 1000 and report.clients_created == 50
    assert elapsed < 2.0


@pytest.mark.parametrize("column", ["Vervaldatum", "Betaald op"])
def test_a_payment_date_before_the_sale_is_a_row_error(session: Session, column: str) -> None:
    # Found by the attacker reader: a 2026 sale due on 02-01-1900 imported, and /risk said
    # "46.359 dagen over tijd".
    team = make_team(session)
    report = run_import(
        session, team, f"Klant;Datum;Bedrag;{column}\nAtelier Zon;20-11-2026;100;02-01-1900\n"
    )

    assert not report.ok
    assert [(e.line, e.column) for e in report.errors] == [(2, column)]
    assert sales_of(session, team) == []


def test_a_shops_customer_log_without_a_kind_column_lists_people(session: Session) -> None:
    """A shop's purchase log names its customers as people write names: a first name, perhaps
    an initial, a surname. They are people, not organisations (a 23 500-customer log made every
    customer an organisation, and its portrait was built from organisations' traits); a
    business's word, a legal form or a one-person business's trade keeps a name an
    organisation, and a name that says neither stays the default organisation."""
    team = make_team(session)
    report = run_import(
        session,
        team,
        "Klant;Datum;Bedrag\n"
        "Joris M. de Koning;24-05-2025;52,02\n"
        "Levi F. Dekker;24-05-2025;10\n"
        "Ayşe Öztürk;24-05-2025;10\n"
        "Sanne van der Linden;24-05-2025;10\n"
        "Anna C.J. Bakker;24-05-2025;10\n"
        "Bakkerij de Vries;24-05-2025;10\n"
        "Jansen B.V.;24-05-2025;10\n"
        "Tim Vos Fotografie;24-05-2025;10\n"
        "Max Mode;24-05-2025;10\n"
        "De Gouden Leeuw;24-05-2025;10\n",
    )
    assert report.ok and report.clients_created == 10
    kinds = {name: c.kind for name, c in clients_of(session, team).items()}
    assert kinds == {
        "Joris M. de Koning": "person",
        "Levi F. Dekker": "person",
        "Ayşe Öztürk": "person",
        "Sanne van der Linden": "person",
        "Anna C.J. Bakker": "person",
        "Bakkerij de Vries": "organisation",
        "Jansen B.V.": "organisation",
        "Tim Vos Fotografie": "organisation",
        "Max Mode": "organisation",
        "De Gouden Leeuw": "organisation",
    }


def test_an_unpaid_imported_sale_is_owed_where_the_team_looks(session: Session) -> None:
    """A file with a paid-date column whose cell is empty holds an open invoice. It was listed
    as open by /paid and /sales, but without a due date the figures took it as paid on the
    spot: missing from "owed" on /risk, the card and the digest. It is now due as a sale of
    that client typed in the chat: a person's at once, an organisation's in 14 days."""
    from storage.analysis import team_analysis
    from storage.callers import team_view

    team = make_team(session)
    report = run_import(
        session,
        team,
        "Klant;Datum;Bedrag;Betaald op\n"
        "Levi F. Dekker;03-11-2026;1.150,75;\n"
        "Van der Meer Advies;13-11-2026;2.500,00;\n"
        "Bakkerij Noord;01-11-2026;1.000;01-11-2026\n",
    )
    assert report.ok and report.sales_added == 3
    session.expire_all()
    due = dict(
        session.execute(
            select(Client.name, Sale.due_on).join(Client, col(Client.id) == col(Sale.client_id))
        ).all()
    )
    assert due == {
        "Levi F. Dekker": dt.date(2026, 11, 3),  # a person: on the spot
        "Van der Meer Advies": dt.date(2026, 11, 27),  # 13 Nov + 14 days
        "Bakkerij Noord": None,  # paid
    }
    view = team_view(session=session, team_id=team.id)
    assert view is not None
    analysis = team_analysis(session=session, team=view, today=TODAY).analysis
    ids = {c.name: c.id for c in clients_of(session, team).values()}
    owed = {o.client_id: (o.unpaid, o.overdue) for o in analysis.owed}
    assert owed == {
        ids["Levi F. Dekker"]: (115_075, 115_075),  # due 3 Nov, today is 23 Nov
        ids["Van der Meer Advies"]: (250_000, 0),  # due 27 Nov
    }


def test_a_name_with_its_words_in_another_order_is_the_client_already_there(
    session: Session,
) -> None:
    """The Russian reader's file named «Петрова Анна» and «Смирнова Катя», already on the list
    as «Анна Петрова» and «Катя Смирнова»: the import made two more clients of them, splitting
    their sales. Initials («Иванова И. И.» for «Иванова Ирина Ивановна») stay a name of their
    own: two Ивановы could share them."""
    team = make_team(session, locale="ru")
    first = run_import(
        session,
        team,
        "Клиент;Дата;Сумма\n"
        "Анна Петрова;01.11.2026;1000\n"
        "Катя Смирнова;01.11.2026;2000\n"
        "Иванова Ирина Ивановна;01.11.2026;3000\n",
    )
    assert first.clients_created == 3
    second = run_import(
        session,
        team,
        "Клиент;Дата;Сумма\n"
        "Петрова Анна;02.11.2026;1500\n"
        "Смирнова Катя;02.11.2026;2500\n"
        "Иванова И. И.;02.11.2026;3500\n",
    )
    assert (second.sales_added, second.clients_created) == (3, 1)
    assert sorted((name, amount) for name, _day, amount, _c, _m in sales_of(session, team)) == [
        ("Анна Петрова", 100_000),
        ("Анна Петрова", 150_000),
        ("Иванова И. И.", 350_000),
        ("Иванова Ирина Ивановна", 300_000),
        ("Катя Смирнова", 200_000),
        ("Катя Смирнова", 250_000),
    ]


def test_a_referrer_named_in_another_word_order_is_the_client_already_there(
    session: Session,
) -> None:
    team = make_team(session)
    run_import(session, team, "Klant;Datum;Bedrag\nAnna Jansen;01-11-2026;100\n")
    report = run_import(
        session,
        team,
        "Klant;Datum;Bedrag;Aangebracht door\nPiet Bos;02-11-2026;100;Jansen Anna\n",
    )
    assert report.ok, report.errors
    assert (report.clients_created, report.referrals_added) == (1, 1)
    assert sorted(clients_of(session, team)) == ["Anna Jansen", "Piet Bos"]

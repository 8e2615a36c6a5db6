"""The team's history file: complaints, compliments, referrals and ratings go out with the export
and come back unchanged, so a team moved by export and import keeps its grades."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pandas as pd
import pytest
from sqlalchemy import Engine, select
from sqlmodel import Session, col

from bot.render.stored_refusals import worded
from storage import events, ratings, teams
from storage.analysis import team_analysis
from storage.callers import team_view
from storage.engine import new_session
from storage.exporting import (
    export_client_data,
    export_clients_csv,
    export_history_csv,
    export_sales_csv,
)
from storage.import_results import ImportReport
from storage.models import Client, Event, EventKind, Rating, Role, Team
from tests.storage.test_importing import NOW, TODAY, make_team, run_import

OWNER, ANNA = 7, 8  # make_team's owner, and a second member who rates too
DAY = dt.timedelta(days=1)
NAMES = {
    "nl": ("Bakkerij de Vries", "Café Noël", "Studio Noord", "Anouk Jansen", "Garage Bos"),
    "ru": ("ООО «Ромашка»", "Сидоров", "Иванова", "Ёлкин Пётр", "ИП Орлов"),
}


@pytest.fixture
def session(engine: Engine):  # type: ignore[no-untyped-def]
    with new_session(engine) as session:
        yield session


def sales_file(locale: str) -> str:
    """Five clients with a year of sales, the second the least profitable."""
    a, b, c, d, e = NAMES[locale]
    head = (
        "Klant;Datum;Bedrag;Kosten;Minuten\n"
        if locale == "nl"
        else "Клиент;Дата;Сумма;Затраты;Минуты\n"
    )
    rows = []
    for month in range(1, 11):
        day = f"2026-{month:02d}-10"
        rows += [
            f"{a};{day};900;300;60",
            f"{b};{day};300;250;120",
            f"{c};{day};500;200;60",
            f"{d};{day};400;150;45",
            f"{e};{day};350;200;90",
        ]
    return head + "\n".join(rows) + "\n"


def client_ids(session: Session, team: Team) -> dict[str, int]:
    session.expire_all()
    rows = session.execute(
        select(Client.name, Client.id).where(col(Client.team_id) == team.id)
    ).all()
    return dict(rows)  # type: ignore[arg-type]


def build_team(session: Session, locale: str) -> Team:
    """A team with every kind of event, typed as in chat by two members."""
    team = make_team(session, locale=locale)
    assert team.id is not None
    teams.add_member(
        session=session,
        team_id=team.id,
        user_id=ANNA,
        role=Role.MEMBER,
        display_name="Anna (sales)",
        now=NOW,
    )
    assert run_import(session, team, sales_file(locale)).ok
    a, b, c, d, e = NAMES[locale]
    ids = client_ids(session, team)

    def event(
        client: str,
        kind: EventKind,
        day: dt.date,
        note: str | None = None,
        referred: str | None = None,
        user: int = OWNER,
    ) -> None:
        events.record_event(
            session=session,
            team_id=team.id or 0,
            client_id=ids[client],
            user_id=user,
            kind=kind,
            happened_on=day,
            now=NOW,
            note=note,
            referred_client_id=ids[referred] if referred else None,
        )

    def rate(client: str, user: int, day: dt.date, values: dict[str, int]) -> None:
        ratings.record_ratings(
            session=session,
            team_id=team.id or 0,
            client_id=ids[client],
            user_id=user,
            values=values,
            rated_on=day,
            now=NOW,
        )

    event(b, EventKind.COMPLAINT, TODAY - 40 * DAY, "Betaalt laat\nen belt elke dag")
    event(b, EventKind.COMPLAINT, TODAY - 3 * DAY, "=1+1 wil korting")
    event(b, EventKind.COMPLAINT, TODAY - 3 * DAY, "=1+1 wil korting")  # twice the same day
    event(c, EventKind.COMPLIMENT, TODAY - 10 * DAY, "Dank je!", user=ANNA)
    event(a, EventKind.REFERRAL, TODAY - 20 * DAY, "Via de markt", referred=d)
    event(a, EventKind.REFERRAL, TODAY - 5 * DAY, referred=e)
    event(c, EventKind.COMPLAINT, TODAY, None)
    rate(b, OWNER, TODAY - 60 * DAY, {"pleasant": 3, "reasonable": 3, "pays_on_time": 3})
    rate(b, OWNER, TODAY - 2 * DAY, {"pleasant": 1, "reasonable": 2, "pays_on_time": 1})
    rate(b, ANNA, TODAY - DAY, {"pleasant": 2, "reasonable": 2, "pays_on_time": 2})
    rate(c, ANNA, TODAY - DAY, {"pleasant": 5, "reasonable": 4})
    session.commit()
    return team


def exported(session: Session, team: Team) -> tuple[bytes, bytes, bytes]:
    kw = {"session": session, "team_id": team.id or 0, "locale": team.locale}
    return export_clients_csv(**kw), export_sales_csv(**kw), export_history_csv(**kw)


def stored_history(session: Session, team: Team) -> tuple[list[tuple], list[tuple]]:
    """Every event and rating, by client name (ids differ between teams), sorted."""
    session.expire_all()
    names = {i: n for n, i in client_ids(session, team).items()}
    stored_events = session.scalars(select(Event).where(col(Event.team_id) == team.id))
    stored_ratings = session.scalars(select(Rating).where(col(Rating.team_id) == team.id))
    return (
        sorted(
            (
                names[e.client_id],
                e.kind,
                e.happened_on,
                e.note or "",
                names.get(e.referred_client_id or 0, ""),
            )
            for e in stored_events
        ),
        sorted(
            (names[r.client_id], r.user_id, r.rated_on, r.criterion, r.value)
            for r in stored_ratings
        ),
    )


def grades(session: Session, team: Team) -> dict[str, tuple[str, int, float | None, float]]:
    """Each active client's grade, complaints, team judgement (None: nobody rated) and score."""
    view = team_view(session=session, team_id=team.id or 0)
    assert view is not None
    table = team_analysis(session=session, team=view, today=TODAY).analysis.clients
    return {
        row["name"]: (
            row["grade"],
            int(row["complaints"]),
            None if pd.isna(row["judgement"]) else round(float(row["judgement"]), 2),
            round(float(row["score"]), 6),
        )
        for _, row in table.iterrows()
    }


def import_all(session: Session, team: Team, files: tuple[bytes, ...]) -> list[ImportReport]:
    reports = [run_import(session, team, f) for f in files]
    assert all(r.ok for r in reports), [r.errors for r in reports]
    return reports


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_export_into_an_empty_team_keeps_events_ratings_and_grades(
    session: Session, locale: str
) -> None:
    source = build_team(session, locale)
    copy = make_team(session, locale=locale, chat_id=-2002)
    clients, sales, history = exported(session, source)

    import_all(session, copy, (clients, sales))
    assert grades(session, copy) != grades(session, source)  # without its history, it differs
    report = run_import(session, copy, history)

    assert report.ok and report.kind == "history", report.errors
    assert report.unknown_columns == ()
    assert (report.complaints_added, report.compliments_added, report.ratings_added) == (4, 1, 11)
    # The clients file linked both referrals, dated when the referred started; the history
    # file knows the days.
    assert (report.referrals_added, report.referrals_dated) == (0, 2)
    assert stored_history(session, copy) == stored_history(session, source)
    assert grades(session, copy) == grades(session, source)
    b = NAMES[locale][1]
    assert grades(session, copy)[b][1:3] == (3, 1.67)  # Anna's 2s and the owner's newest 1, 2, 1


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_the_same_export_imported_again_adds_nothing(session: Session, locale: str) -> None:
    team = build_team(session, locale)
    before = stored_history(session, team), grades(session, team)
    files = exported(session, team)

    reports = import_all(session, team, files)

    assert all(r.nothing_new for r in reports), reports
    assert reports[2].duplicates_skipped == 18  # 7 events and 11 ratings
    assert (stored_history(session, team), grades(session, team)) == before
    assert exported(session, team) == files


def test_history_file_is_in_the_teams_language(session: Session) -> None:
    team = build_team(session, "ru")
    *_, history = exported(session, team)

    assert history.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(history.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Клиент",
        "Дата",
        "Событие",
        "Критерий",
        "Оценка",
        "Рекомендованный клиент",
        "Кто оценил",
        "Заметки",
    ]
    kinds = {row[2] for row in rows[1:]}
    assert kinds == {"проблема", "благодарность", "рекомендация", "отзыв"}
    anna = [row for row in rows[1:] if row[6].startswith("Anna")]
    assert anna[0][3:7] == ["приятно работать", "2", "", f"Anna sales ({ANNA})"]
    day = (TODAY - 3 * DAY).strftime("%d.%m.%Y")  # as a Russian writes a date
    assert ["Сидоров", day, "проблема", "", "", "", "", "'=1+1 wil korting"] in rows


def english_history(*lines: str) -> str:
    return "Client,Date,Event,Criterion,Rating,Referred client,Rated by,Notes\n" + "\n".join(lines)


def test_an_english_history_file_reads_too(session: Session) -> None:
    team = make_team(session)
    run_import(session, team, "Naam\nBakkerij de Vries\nCafé Noël\n")

    report = run_import(
        session,
        team,
        english_history(
            "bakkerij de vries,2026-11-01,complaint,,,,,late again",
            "Cafe Noel,2026-11-02,rating,pays on time,4,,,",
            "Café Noël,2026-11-03,referral,,,Bakkerij de Vries,,",
        ),
    )

    assert report.ok, report.errors
    assert (report.complaints_added, report.ratings_added, report.referrals_added) == (1, 1, 1)
    names = {i: n for n, i in client_ids(session, team).items()}
    rating = session.scalars(select(Rating).where(col(Rating.team_id) == team.id)).one()
    assert (names[rating.client_id], rating.user_id, rating.criterion, rating.value) == (
        "Café Noël",
        OWNER,
        "pays_on_time",
        4,
    )  # no "rated by": the person importing
    bakkerij = session.scalars(select(Client).where(Client.name == "Bakkerij de Vries")).one()
    assert names[bakkerij.referred_by_id or 0] == "Café Noël"
    assert bakkerij.source == "referral"


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("Nobody Known,2026-11-01,complaint,,,,,", "Client", "Nobody Known is not on your list"),
        ("Café Noël,2026-11-01,referral,,,Nobody Known,,", "Referred client", "Nobody Known is"),
        ("Café Noël,2026-11-24,complaint,,,,,", "Date", "still to come"),
        ("Café Noël,2026-11-01,rating,pays on time,6,,,", "Rating", "from 1 to 5"),
        ("Café Noël,2026-11-01,rating,pays on time,0,,,", "Rating", "from 1 to 5"),
        ("Café Noël,2026-11-01,rating,,4,,,", "Criterion", "the point rated"),
        ("Café Noël,2026-11-01,rating,friendly,4,,,", "Criterion", "not a point I rate"),
        ("Café Noël,2026-11-01,rating,pleasant,,,,", "Rating", "needs its value"),
        ("Café Noël,2026-11-01,rating,pleasant,3,,Anna,", "Rated by", "Telegram id"),
        ("Café Noël,2026-11-01,party,,,,,", "Event", "not something I note"),
        ("Café Noël,2026-11-01,referral,,,Café Noël,,", "Referred client", "refer themselves"),
    ],
)
def test_a_bad_history_row_imports_nothing_and_says_why(
    session: Session, line: str, column: str, message: str
) -> None:
    team = make_team(session)
    run_import(session, team, "Naam\nCafé Noël\n")

    report = run_import(
        session, team, english_history("Café Noël,2026-11-01,compliment,,,,,fine", line)
    )

    assert not report.ok
    [error] = report.errors
    assert (error.line, error.column) == (3, column)
    said = worded(error.error)  # in render's words, as kompas import prints it
    text = said.message.format(**said.params)
    assert message in text, text
    assert session.scalars(select(Event).where(col(Event.team_id) == team.id)).all() == []


def test_each_clients_own_data_holds_all_their_events_and_ratings(session: Session) -> None:
    team = build_team(session, "nl")
    stored_events, stored_ratings = stored_history(session, team)

    for name, client_id in client_ids(session, team).items():
        data = json.loads(
            export_client_data(
                session=session, team_id=team.id or 0, client_id=client_id, locale="nl"
            )
        )
        assert sorted((e["kind"], e["date"], e["note"] or "") for e in data["events"]) == sorted(
            (kind, str(day), note) for who, kind, day, note, _ in stored_events if who == name
        )
        assert sorted((r["date"], r["criterion"], r["value"]) for r in data["ratings"]) == sorted(
            (str(day), criterion, value)
            for who, _, day, criterion, value in stored_ratings
            if who == name
        )

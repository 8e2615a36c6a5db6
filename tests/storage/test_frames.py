"""Loading a team into scoring frames, and saving week snapshots — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine
from sqlmodel import Session

import storage.packed as packed_module
from scoring import IdealProfile, analyse
from scoring.frames import CLIENT_COLUMNS, EVENT_COLUMNS, RATING_COLUMNS, SALE_COLUMNS
from scoring.snapshots import snapshot_rows as rows_of
from storage.clients import create_client
from storage.demo import seed_demo
from storage.engine import new_session
from storage.frames import load_profiles, load_team, scoring_settings
from storage.models import ClientStatus, IdealProfileRow, Sale, Team
from storage.snapshots import (
    latest_snapshot,
    previous_grades,
    references_for_week,
    save_snapshot,
    snapshot_rows,
)
from storage.teams import create_team

NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
TODAY = NOW.date()


def empty_team(session: Session, chat_id: int, locale: str = "nl") -> Team:
    return create_team(
        session=session,
        chat_id=chat_id,
        title="Demo",
        locale=locale,
        owner_id=abs(chat_id),
        owner_name="Eva",
        is_personal=False,
        now=NOW,
    )


def demo_team(session: Session, chat_id: int = -1001, locale: str = "nl") -> Team:
    team = empty_team(session, chat_id, locale)
    seed_demo(session=session, team=team, today=TODAY, now=NOW)
    session.commit()
    return team


@pytest.fixture
def session(engine: Engine):
    with new_session(engine) as session:
        yield session


def load(session: Session, team: Team):
    assert team.id is not None
    return load_team(session=session, team_id=team.id, today=TODAY, window_days=365)


def test_loaded_frames_have_the_contract_columns_and_types(session: Session) -> None:
    frames = load(session, demo_team(session))
    assert set(CLIENT_COLUMNS) <= set(frames.clients.columns)
    assert frames.clients.index.name == "client_id"
    assert frames.clients.index.dtype == np.int64
    for frame, columns in (
        (frames.sales, SALE_COLUMNS),
        (frames.events, EVENT_COLUMNS),
        (frames.ratings, RATING_COLUMNS),
    ):
        assert list(frame.columns) == list(columns)
    assert frames.sales["sold_on"].dtype.kind == "M" and frames.sales["amount"].dtype == np.int64
    assert str(frames.clients["birth_year"].dtype) == "Int64"
    assert frames.clients["status"].value_counts().to_dict() == {"active": 38, "prospect": 2}
    assert len(frames.ratings) > 0 and set(frames.events["kind"]) == {"complaint", "referral"}


def test_a_team_with_nothing_yet_loads_empty_frames_of_the_same_columns(
    session: Session,
) -> None:
    """A new team has no clients, sales, events or ratings: every select aggregates no rows
    (PostgreSQL's aggregates then say NULL, SQLite's count 0) and the frames come empty."""
    team = empty_team(session, -1009)
    session.commit()
    frames = load(session, team)
    assert len(frames.clients) == len(frames.sales) == 0
    assert len(frames.events) == len(frames.ratings) == 0
    assert set(CLIENT_COLUMNS) <= set(frames.clients.columns)
    assert list(frames.sales.columns) == list(SALE_COLUMNS)
    assert list(frames.ratings.columns) == list(RATING_COLUMNS)


def test_dates_come_back_as_the_same_days(session: Session) -> None:
    team = demo_team(session)
    assert team.id is not None
    client = create_client(
        session=session, team_id=team.id, name="Nieuw", now=NOW, acquired_on=dt.date(2021, 3, 4)
    )
    for day in (dt.date(2024, 2, 29), dt.date(2025, 1, 31), dt.date(2026, 2, 28)):
        session.add(Sale(team_id=team.id, client_id=client.id, sold_on=day, amount=1))
    session.commit()
    frames = load(session, team)
    row = frames.clients.loc[client.id]
    assert row["acquired_on"].date() == dt.date(2021, 3, 4)
    assert row["created_at"].date() == NOW.date()
    # History before the window comes aggregated; the window's sales come as they are.
    assert row["first_sold_on"].date() == dt.date(2024, 2, 29)
    assert row["last_sold_on"].date() == dt.date(2025, 1, 31)
    sold = frames.sales.loc[frames.sales["client_id"] == client.id, "sold_on"]
    assert [d.date() for d in sold] == [dt.date(2026, 2, 28)]


def test_one_team_never_sees_another_teams_rows(session: Session) -> None:
    mine, theirs = demo_team(session, -1001), demo_team(session, -1002, "ru")
    frames = load(session, mine)
    other = load(session, theirs)
    assert set(frames.clients.index).isdisjoint(other.clients.index)
    assert set(frames.sales["client_id"]) <= set(frames.clients.index)
    assert set(frames.events["client_id"]) <= set(frames.clients.index)
    assert set(frames.ratings["client_id"]) <= set(frames.clients.index)


def test_window_keeps_old_unpaid_invoices_but_not_old_paid_sales(session: Session) -> None:
    team = demo_team(session)
    assert team.id is not None
    client = create_client(session=session, team_id=team.id, name="Oud", now=NOW)
    old = TODAY - dt.timedelta(days=500)
    session.add_all(
        [
            Sale(team_id=team.id, client_id=client.id, sold_on=old, amount=111, due_on=old),
            Sale(team_id=team.id, client_id=client.id, sold_on=old, amount=222, paid_on=old),
        ]
    )
    session.commit()
    frames = load(session, team)
    theirs = frames.sales[frames.sales["client_id"] == client.id]
    assert theirs["amount"].tolist() == [111]
    assert frames.clients.loc[client.id, "first_sold_on"].date() == old
    assert analyse(frames, scoring_settings(team, today=TODAY)).owed[0].client_id >= 1


def test_demo_team_loads_into_a_full_analysis(session: Session) -> None:
    team = demo_team(session)
    frames = load(session, team)
    analysis = analyse(frames, scoring_settings(team, today=TODAY))
    names = frames.clients["name"]
    # The demo's two big spenders are the ones the team leans on.
    leaned_on = {names[f.client_id] for f in analysis.concentration.over_reliant}
    assert "Hotel De Linde" in leaned_on <= {"Hotel De Linde", "Bouwbedrijf Van Dijk"}
    assert {names[c.client_id] for c in analysis.decline_candidates} >= {"Vishandel Zee"}
    assert analysis.portraits[0].based_on_referrers


def test_profiles_load_from_their_json_in_name_order(session: Session) -> None:
    team = demo_team(session)
    assert team.id is not None
    before = load_profiles(session=session, team_id=team.id)  # the demo may bring its own
    stored = IdealProfile(name="AAA zorg", industries={"zorg"}, market_size=400, competitors=8)
    criteria = stored.to_dict()
    session.add(IdealProfileRow(team_id=team.id, name=stored.name, kind="both", criteria=criteria))
    session.commit()
    assert load_profiles(session=session, team_id=team.id) == (stored, *before)


def test_settings_follow_the_team(session: Session) -> None:
    team = demo_team(session)
    team.grade_scale, team.default_margin, team.score_weights = "1-10", 0.3, {"judgement": 0}
    settings = scoring_settings(team, today=TODAY)
    assert (settings.grade_scale, settings.default_margin, settings.weights) == (
        "1-10",
        0.3,
        {"judgement": 0},
    )


def test_week_snapshot_saves_replaces_and_reads_back(session: Session) -> None:
    team = demo_team(session)
    assert team.id is not None
    analysis = analyse(load(session, team), scoring_settings(team, today=TODAY))
    rows = rows_of(analysis, "2026-W48")
    assert (
        save_snapshot(
            session=session,
            team_id=team.id,
            week="2026-W48",
            rows=rows,
            references=analysis.references,
            now=NOW,
        )
        == 38
    )
    session.commit()
    changed = [{**row, "grade": "D"} for row in rows[:5]]
    save_snapshot(
        session=session,
        team_id=team.id,
        week="2026-W48",
        rows=changed,
        references=analysis.references,
        now=NOW,
    )
    session.commit()
    assert [
        r["grade"] for r in snapshot_rows(session=session, team_id=team.id, week="2026-W48")
    ] == ["D"] * 5

    previous, references = latest_snapshot(session=session, team_id=team.id, before_week="2026-W49")
    assert len(previous) == 5 and references == analysis.references
    assert latest_snapshot(session=session, team_id=team.id, before_week="2026-W48") == ([], None)
    grades = previous_grades(session=session, team_id=team.id, before_week="2026-W49")
    assert set(grades.values()) == {"D"}
    assert (
        previous_grades(session=session, team_id=team.id, before_week="2026-W49", grade_scale="1-5")
        == {}
    )
    assert (
        references_for_week(session=session, team_id=team.id, week="2026-W50")
        == analysis.references
    )
    assert references_for_week(session=session, team_id=team.id, week="2026-W47") is None


def test_frozen_references_keep_quiet_clients_still_across_weeks(session: Session) -> None:
    team = demo_team(session)
    assert team.id is not None
    settings = scoring_settings(team, today=TODAY)
    week = analyse(load(session, team), settings)
    save_snapshot(
        session=session,
        team_id=team.id,
        week="2026-W48",
        rows=rows_of(week, "2026-W48"),
        references=week.references,
        now=NOW,
    )
    first = int(week.clients.index[0])
    session.add(Sale(team_id=team.id, client_id=first, sold_on=TODAY, amount=5_000_000, cost=0))
    session.commit()
    frozen = references_for_week(session=session, team_id=team.id, week="2026-W48")
    later = analyse(load(session, team), settings, references=frozen)
    quiet = week.clients.index[1:]
    assert later.clients.loc[quiet, "score"].equals(week.clients.loc[quiet, "score"])


def test_each_client_keeps_its_own_interests_when_ids_have_gaps(session: Session) -> None:
    team = create_team(
        session=session,
        chat_id=-4242,
        title="Salon",
        locale="ru",
        owner_id=4242,
        owner_name="Ольга",
        is_personal=False,
        now=NOW,
    )
    assert team.id is not None
    loves = {
        "Анна": ["йога"],
        "Борис": ["рыбалка"],
        "Вера": ["театр", "йога"],
        "Галина": None,
        "Дмитрий": ["шахматы"],
        "Елена": ["бег"],
    }
    made = {
        name: create_client(
            session=session, team_id=team.id, name=name, now=NOW, interests=interests
        )
        for name, interests in loves.items()
    }
    session.flush()
    # Gaps in the ids: two clients leave the list for good.
    for gone in ("Борис", "Дмитрий"):
        session.delete(made.pop(gone))
    session.commit()
    frames = load(session, team)
    by_name = dict(zip(frames.clients["name"], frames.clients["interests"], strict=True))
    assert by_name == {
        "Анна": ["йога"],
        "Вера": ["театр", "йога"],
        "Галина": None,
        "Елена": ["бег"],
    }
    for name, client in made.items():
        assert frames.clients.loc[client.id, "name"] == name
        assert frames.clients.loc[client.id, "interests"] == loves[name]


def test_every_sale_figure_comes_back_as_stored_and_unknowns_stay_unknown(
    session: Session,
) -> None:
    """Sales come packed into one text per load: each value must land in its own row and
    column, a missing cost, time or payment stays missing, and big amounts stay exact."""
    team = create_team(
        session=session,
        chat_id=-1003,
        title="Packed",
        locale="nl",
        owner_id=3,
        owner_name="Eva",
        is_personal=False,
        now=NOW,
    )
    assert team.id is not None
    empty = load(session, team)
    assert empty.sales.empty and empty.clients.empty
    client = create_client(session=session, team_id=team.id, name="Groot", now=NOW)
    stored = [
        (dt.date(2026, 1, 5), 9_007_199_254_740_000, None, None, None, None, None),
        (dt.date(2026, 3, 1), 0, 0, 0, dt.date(2026, 3, 15), dt.date(2026, 3, 14), 0),
        (dt.date(2026, 6, 30), 123_456, 7_890, 45, dt.date(2026, 7, 14), None, 100),
    ]
    for sold_on, amount, cost, minutes, due_on, paid_on, paid_amount in stored:
        session.add(
            Sale(
                team_id=team.id,
                client_id=client.id,
                sold_on=sold_on,
                amount=amount,
                cost=cost,
                minutes=minutes,
                due_on=due_on,
                paid_on=paid_on,
                paid_amount=paid_amount,
            )
        )
    session.commit()
    sales = load(session, team).sales.sort_values("sold_on")

    def day(value: object) -> dt.date | None:
        return None if value is pd.NaT else value.date()  # type: ignore[attr-defined]

    def number(value: float) -> int | None:
        return None if np.isnan(value) else int(value)

    loaded = [
        (
            day(row.sold_on),
            row.amount,
            number(row.cost),
            number(row.minutes),
            day(row.due_on),
            day(row.paid_on),
            number(row.paid_amount),
        )
        for row in sales.itertuples()
    ]
    assert loaded == stored
    assert set(sales["client_id"]) == {client.id}


@pytest.mark.parametrize("handed", ["as selected", "reversed"])
def test_names_and_traits_come_back_as_typed_and_by_id(
    session: Session, handed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clients' texts come as one JSON array per column: a quote, comma, backslash or line
    break in a name must not shift anything, and the order the database hands them (here by status)
    must not hand one client another's traits."""
    team = create_team(
        session=session,
        chat_id=-1004,
        title="Quotes",
        locale="nl",
        owner_id=4,
        owner_name="Eva",
        is_personal=False,
        now=NOW,
    )
    assert team.id is not None
    typed = {
        'Bakkerij "De Zon", Utrecht': (ClientStatus.PROSPECT, "Utrecht", 1970, ["brood, koek"]),
        "Jan\\Piet": (ClientStatus.ACTIVE, None, None, None),
        "Ольга Ёлкина": (ClientStatus.DECLINED, "Москва", 1969, ["йога", '"x"']),
        # a city by its full name comes back as typed (a short form by its full name: A4)
        "Café ☕ 't Hoekje": (ClientStatus.ACTIVE, "'t Zandt", 2001, []),
        "Null": (ClientStatus.ARCHIVED, "null", None, ["null"]),
    }
    made = {
        name: create_client(
            session=session,
            team_id=team.id,
            name=name,
            now=NOW,
            status=status,
            city=city,
            birth_year=born,
            interests=interests,
        )
        for name, (status, city, born, interests) in typed.items()
    }
    session.commit()
    if handed == "reversed":  # a database that aggregates in another order than selected
        plain = packed_module.Packed.read
        monkeypatch.setattr(
            packed_module.Packed,
            "read",
            lambda *args, **kwargs: [values[::-1] for values in plain(*args, **kwargs)],
        )
    clients = load(session, team).clients
    assert list(clients.index) == sorted(client.id for client in made.values())
    for name, client in made.items():
        status, city, born, interests = typed[name]
        row = clients.loc[client.id]
        assert (row["name"], row["status"]) == (name, status.value)
        assert (None if pd.isna(row["city"]) else row["city"]) == city
        assert (None if pd.isna(row["birth_year"]) else row["birth_year"]) == born
        assert row["interests"] == interests
        assert row["created_at"] == pd.Timestamp(TODAY)


def test_every_date_loads_as_its_own_day(session: Session) -> None:
    """SQLite's dates are read from their text by numpy: leap days, the turn of a century
    and days before 1970 must land on the day the database holds."""
    team = create_team(
        session=session,
        chat_id=-1005,
        title="Days",
        locale="nl",
        owner_id=5,
        owner_name="Eva",
        is_personal=False,
        now=NOW,
    )
    assert team.id is not None
    client = create_client(
        session=session, team_id=team.id, name="Oud", now=NOW, acquired_on=dt.date(1969, 12, 31)
    )
    days = [
        dt.date(2024, 2, 29),
        dt.date(2000, 2, 29),
        dt.date(2025, 12, 31),
        dt.date(2026, 1, 1),
        dt.date(2026, 3, 1),
        TODAY,
    ]
    for sold_on in days:
        session.add(
            Sale(
                team_id=team.id,
                client_id=client.id,
                sold_on=sold_on,
                amount=100,
                due_on=sold_on,
                paid_on=sold_on,
            )
        )
    session.commit()
    frames = load(session, team)
    loaded = sorted(day.date() for day in frames.sales["sold_on"])
    assert loaded == [d for d in sorted(days) if d > TODAY - dt.timedelta(days=365)]
    assert sorted(day.date() for day in frames.sales["due_on"]) == loaded
    assert sorted(day.date() for day in frames.sales["paid_on"]) == loaded
    row = frames.clients.loc[client.id]
    assert row["acquired_on"] == pd.Timestamp(1969, 12, 31)
    assert row["first_sold_on"] == pd.Timestamp(2000, 2, 29)
    assert row["last_sold_on"] == pd.Timestamp(2024, 2, 29)


def test_a_date_stored_in_another_form_still_loads_its_day(sqlite_engine: Engine) -> None:
    """Numpy reads only "YYYY-MM-DD"; a date SQLite holds in another form (a time after it,
    written by hand) is read by SQLite's julianday, as before (PostgreSQL keeps dates as
    dates, so this is SQLite's alone)."""
    engine = sqlite_engine
    with new_session(engine) as session:
        team = create_team(
            session=session,
            chat_id=-1006,
            title="Hand",
            locale="nl",
            owner_id=6,
            owner_name="Eva",
            is_personal=False,
            now=NOW,
        )
        assert team.id is not None
        client = create_client(session=session, team_id=team.id, name="Hand", now=NOW)
        for sold_on in (dt.date(2026, 5, 4), dt.date(2024, 5, 4)):
            session.add(Sale(team_id=team.id, client_id=client.id, sold_on=sold_on, amount=1))
        session.commit()
        session.connection().exec_driver_sql(
            "UPDATE sale SET sold_on = sold_on || ' 00:00:00', paid_on = '2026-05-06T10:00'"
        )
        session.commit()
        frames = load(session, team)
        assert [d.date() for d in frames.sales["sold_on"]] == [dt.date(2026, 5, 4)]
        assert [d.date() for d in frames.sales["paid_on"]] == [dt.date(2026, 5, 6)]
        assert frames.clients.loc[client.id, "last_sold_on"] == pd.Timestamp(2024, 5, 4)

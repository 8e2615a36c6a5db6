"""Exporting a team's data: CSV files that Excel opens and Kompas imports again, and one client's
data on request (AVG/GDPR article 15, 152-ФЗ article 14).

CSV dialect
-----------
* UTF-8 with a byte-order mark: without it Excel assumes the Windows code page and garbles
  Cyrillic and accents. CRLF line ends, as Excel writes.
* ``;`` between cells for both languages: Excel in a locale whose decimal separator is the comma
  (Dutch and Russian both) uses ``;`` as its list separator, so the file opens in columns.
* Headers in the team's language: the first names the importer recognises (``storage.columns``).
* Amounts as plain numbers with a decimal comma and no grouping or currency sign (``1250,50``):
  Excel in nl and ru reads that as a number and the importer reads it back exactly. Time spent as
  whole minutes under "Minuten"/"Минуты". Dates as the team's language writes them
  (``23-11-2026``, ``23.11.2026``): Excel in nl and ru reads them as dates, a person reads them
  at a glance, and the importer reads them back (one client's JSON keeps ISO dates). Kinds,
  statuses and the other fixed values in the team's words.

Formula injection (OWASP "CSV injection")
-----------------------------------------
A text cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return (after any
leading spaces) gets a leading ``'``, so a spreadsheet shows it as text instead of running it.
Only text cells need it: numbers and dates are written by Kompas and never start with those
characters (amounts, costs and minutes are never negative). The importer drops exactly that
``'`` again, so a client called ``=HYPERLINK(…)`` survives a round trip as plain text.

One client's data
-----------------
``export_client_data`` is JSON (structured and machine-readable, as GDPR article 20 asks):
the client's traits, sales, events, the team's ratings and the grades Kompas gave them (a
profile is personal data too). Keys are English and stable; fixed values are in the team's
words. Other people are left out: no names of the clients they referred or were referred by,
and no ids of the team members who rated them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from locales.dates import format_date
from locales.numbers import currency_digits
from locales.vocabulary import CLIENT_VOCABULARIES, CRITERION_WORDS, EVENT_KINDS
from storage.columns import (
    EXPORTED_CLIENT_FIELDS,
    HISTORY_FIELDS,
    SALE_FIELDS,
    export_header,
    value_word,
)
from storage.models import Client, Event, Member, Rating, Sale, ScoreSnapshot, Team
from storage.resolver import client_in_team

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_clients_csv(*, session: Session, team_id: int, locale: str) -> bytes:
    """Every client of the team with their traits, as a clients file in the team's language."""
    currency = _currency(session, team_id)
    clients = session.exec(
        select(Client).where(Client.team_id == team_id).order_by(col(Client.name_key))
    ).all()
    names = {c.id: c.name for c in clients}
    rows = []
    for client in clients:
        row: list[str] = []
        for field in EXPORTED_CLIENT_FIELDS:
            if field == "referred_by":
                row.append(neutralise(names.get(client.referred_by_id, "")))
            elif field == "income":
                row.append(_money(client.income, currency))
            elif field in ("birth_year", "employees"):
                value = getattr(client, field)
                row.append("" if value is None else str(value))
            elif field == "acquired_on":
                row.append(_date(client.acquired_on, locale))
            elif field == "interests":
                row.append(neutralise(", ".join(client.interests or ())))
            elif field in CLIENT_VOCABULARIES:
                word = value_word(CLIENT_VOCABULARIES[field], getattr(client, field), locale)
                row.append(neutralise(word))
            else:
                row.append(neutralise(getattr(client, field) or ""))
        rows.append(row)
    return _csv([export_header(f, locale) for f in EXPORTED_CLIENT_FIELDS], rows)


def export_sales_csv(*, session: Session, team_id: int, locale: str) -> bytes:
    """Every sale of the team, oldest first, as a sales file in the team's language."""
    currency = _currency(session, team_id)
    sales = session.execute(
        select(
            col(Client.name),
            col(Sale.sold_on),
            col(Sale.amount),
            col(Sale.cost),
            col(Sale.minutes),
            col(Sale.due_on),
            col(Sale.paid_on),
            col(Sale.paid_amount),
        )
        .join(Client, col(Client.id) == col(Sale.client_id))
        .where(col(Sale.team_id) == team_id, col(Client.team_id) == team_id)
        .order_by(col(Sale.sold_on), col(Client.name_key), col(Sale.id))
    )
    rows = [
        [
            neutralise(name),
            _date(sold_on, locale),
            _money(amount, currency),
            _money(cost, currency),
            "" if minutes is None else str(minutes),
            _date(due_on, locale),
            _date(paid_on, locale),
            "" if paid_on is not None else _money(paid_amount or None, currency),
        ]
        for name, sold_on, amount, cost, minutes, due_on, paid_on, paid_amount in sales
    ]
    headers = [export_header(f, locale) for f in ("name", *SALE_FIELDS)]
    return _csv(headers, rows)


def export_history_csv(*, session: Session, team_id: int, locale: str) -> bytes:
    """Every complaint, compliment, referral and rating of the team, oldest first, as a history
    file in the team's language: what grades rest on besides clients and sales."""
    names = dict(
        session.execute(
            select(col(Client.id), col(Client.name)).where(col(Client.team_id) == team_id)
        ).all()
    )
    members = dict(
        session.execute(
            select(col(Member.user_id), col(Member.display_name)).where(
                col(Member.team_id) == team_id
            )
        ).all()
    )
    rows: list[tuple[tuple[Any, ...], list[str]]] = []
    events = session.exec(select(Event).where(col(Event.team_id) == team_id))
    for e in events:
        referred = names.get(e.referred_client_id, "") if e.referred_client_id else ""
        cells = [
            names[e.client_id],
            _date(e.happened_on, locale),
            e.kind,
            "",
            "",
            referred,
            "",
            e.note,
        ]
        rows.append(((e.happened_on, 0, e.id), cells))
    ratings = session.exec(select(Rating).where(col(Rating.team_id) == team_id))
    for r in ratings:
        rater = _rater(r.user_id, members.get(r.user_id, ""))
        day = _date(r.rated_on, locale)
        cells = [names[r.client_id], day, "rating", r.criterion, str(r.value), "", rater, ""]
        rows.append(((r.rated_on, 1, r.id), cells))
    rows.sort(key=lambda row: row[0])
    out = []
    for _, (client, day, kind, criterion, value, referred, rater, note) in rows:
        out.append(
            [
                neutralise(client),
                day,
                value_word(EVENT_KINDS, kind, locale),
                value_word(CRITERION_WORDS, criterion or None, locale),
                value,
                neutralise(referred),
                neutralise(rater),
                neutralise(note or ""),
            ]
        )
    return _csv([export_header(f, locale) for f in HISTORY_FIELDS], out)


def _rater(user_id: int, name: str) -> str:
    """Who rated, as the importer reads it back: "Anna (123456789)", or the id alone."""
    name = name.replace("(", "").replace(")", "").strip()
    return f"{name} ({user_id})" if name else str(user_id)


def export_client_data(*, session: Session, team_id: int, client_id: int, locale: str) -> bytes:
    """One client's data as JSON, for their request to see it (InputError if not in the team)."""
    client = client_in_team(session=session, team_id=team_id, client_id=client_id)
    currency = _currency(session, team_id)

    def amount(minor: int | None) -> str | None:
        return None if minor is None else str(_decimal(minor, currency))

    traits: dict[str, Any] = {}
    for field in EXPORTED_CLIENT_FIELDS:
        if field == "referred_by":
            traits["referred_by_a_client"] = client.referred_by_id is not None
            continue
        value = getattr(client, field)
        if field in CLIENT_VOCABULARIES:
            value = value_word(CLIENT_VOCABULARIES[field], value, locale) or None
        elif field == "income":
            value = amount(value)
        traits[field] = value
    mine = (col(Sale.team_id) == team_id, col(Sale.client_id) == client_id)
    sales = session.exec(select(Sale).where(*mine).order_by(col(Sale.sold_on), col(Sale.id)))
    events = session.exec(
        select(Event)
        .where(col(Event.team_id) == team_id, col(Event.client_id) == client_id)
        .order_by(col(Event.happened_on), col(Event.id))
    )
    ratings = session.exec(
        select(Rating)
        .where(col(Rating.team_id) == team_id, col(Rating.client_id) == client_id)
        .order_by(col(Rating.rated_on), col(Rating.id))
    )
    grades = session.exec(
        select(ScoreSnapshot)
        .where(col(ScoreSnapshot.team_id) == team_id, col(ScoreSnapshot.client_id) == client_id)
        .order_by(col(ScoreSnapshot.week))
    )
    data = {
        "format": "kompas-client-data/1",
        "currency": currency,
        "client": traits,
        "sales": [
            {
                "date": s.sold_on,
                "amount": amount(s.amount),
                "cost": amount(s.cost),
                "minutes": s.minutes,
                "due_on": s.due_on,
                "paid_on": s.paid_on,
                "paid_amount": None if s.paid_on is not None else amount(s.paid_amount),
                "note": s.note,
            }
            for s in sales
        ],
        "events": [{"kind": e.kind, "date": e.happened_on, "note": e.note} for e in events],
        "ratings": [
            {"date": r.rated_on, "criterion": r.criterion, "value": r.value} for r in ratings
        ],
        "grades": [
            {"week": g.week, "score": g.score, "grade": g.grade, "scale": g.grade_scale}
            for g in grades
        ],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_json_value)
    return text.encode("utf-8")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP CSV injection).

    Leading spaces don't make a formula safe: spreadsheets that trim cells on import (an
    option in LibreOffice, the default in some online sheets) would run `` =HYPERLINK(…)``.
    """
    return "'" + text if text.lstrip(" \u00a0").startswith(_FORMULA_START) else text


def _money(minor: int | None, currency: str) -> str:
    return "" if minor is None else format(_decimal(minor, currency), "f").replace(".", ",")


def _decimal(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-currency_digits(currency))


def _date(day: dt.date | None, locale: str) -> str:
    """'23-11-2026', '23.11.2026': the short date of the team's language."""
    return "" if day is None else format_date(day, locale, style="short")


def _currency(session: Session, team_id: int) -> str:
    team = session.get(Team, team_id)
    if team is None:
        raise LookupError(f"no team {team_id}")
    return team.currency


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _json_value(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")

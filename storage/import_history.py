"""Writing a history file: complaints, compliments, referrals and ratings of clients on the list.

Decisions (the reading and checking is ``storage.importing``'s)
-------------------------------------------------------------
* **The same file twice adds nothing.** A complaint or compliment is identified by client,
  kind, date and note; a rating by client, who rated, date, point and value. The file's rows
  and the stored ones are matched as multisets, like sales: two identical complaints in the
  file with one stored add one.
* **A referral is one per pair of clients**, as in chat (``storage.events.referral_noted``). A
  clients file knows only who referred whom, so its import dates the referral on the day the
  referred client started; the history file knows the day. A referral already noted for the
  pair therefore takes the file's date (``referrals_dated``), and its note when it had none;
  a note the team typed stays, and the report counts it (``values_kept``). A new referral
  links the referred client to the referrer when nobody is linked yet, and makes their source
  "referral" when it was empty, as chat does.
* **Who rated**: the Telegram id the export writes, so each member's newest rating per point
  still counts once (scoring.judgement); a rating without one is the importing person's (the
  command line's: id 0, nobody's).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from sqlmodel import Session, col, select

from storage.import_rows import FileEvent
from storage.models import AuditLog, Client, Event, EventKind, Rating
from storage.teams import touch_team

_ADDED = {
    EventKind.COMPLAINT: "complaints_added",
    EventKind.COMPLIMENT: "compliments_added",
    EventKind.REFERRAL: "referrals_added",
}
NOBODY = 0  # who rated, for a rating imported by the command line without a "rated by"


def write_history(
    *,
    session: Session,
    team_id: int,
    events: list[FileEvent],
    existing: dict[str, dict[str, Any]],
    now: dt.datetime,
    user_id: int | None,
) -> dict[str, int]:
    """Add what a checked history file holds and the team has not, in the caller's transaction;
    the counts for the report. Every client named is in `existing` (checked before)."""
    ids = {key: stored["id"] for key, stored in existing.items()}
    counts: Counter[str] = Counter()
    ratings = [e for e in events if e.kind == "rating"]
    new_ratings = _new_ratings(session, team_id, ratings, ids, user_id, counts)
    stored = list(session.exec(select(Event).where(col(Event.team_id) == team_id)))
    plain = [e for e in events if e.kind != "rating" and e.referred is None]
    new_events = _new_plain_events(stored, plain, ids, counts)
    pairs = [e for e in events if e.referred is not None]
    new_events += _referrals(session, team_id, stored, pairs, ids, existing, now, counts)
    for event in new_events:
        counts[_ADDED[EventKind(event.kind)]] += 1
    session.add_all(
        Event(
            team_id=team_id,
            client_id=ids[e.key],
            kind=e.kind,
            happened_on=e.happened_on,
            note=e.note,
            referred_client_id=ids[e.referred[1]] if e.referred else None,
            created_by=user_id,
            created_at=now,
        )
        for e in new_events
    )
    session.add_all(
        Rating(
            team_id=team_id,
            client_id=ids[r.key],
            user_id=_rater(r, user_id),
            rated_on=r.happened_on,
            criterion=r.criterion or "",
            value=r.value or 0,
            created_at=now,
        )
        for r in new_ratings
    )
    counts["ratings_added"] = len(new_ratings)
    if new_events or new_ratings or counts["referrals_dated"]:
        touch_team(session=session, team_id=team_id)
    session.add(
        AuditLog(
            team_id=team_id,
            user_id=user_id,
            action="import",
            entity="event",
            entity_id=None,
            at=now,
        )
    )
    session.flush()
    return dict(counts)


def _new_ratings(
    session: Session,
    team_id: int,
    ratings: list[FileEvent],
    ids: dict[str, int],
    user_id: int | None,
    counts: Counter[str],
) -> list[FileEvent]:
    if not ratings:
        return []
    rows = session.exec(
        select(
            Rating.client_id, Rating.user_id, Rating.rated_on, Rating.criterion, Rating.value
        ).where(col(Rating.team_id) == team_id)
    )
    return _not_stored(
        ratings,
        Counter(tuple(row) for row in rows),
        lambda r: (ids[r.key], _rater(r, user_id), r.happened_on, r.criterion, r.value),
        counts,
    )


def _rater(rating: FileEvent, importer: int | None) -> int:
    if rating.rated_by is not None:
        return rating.rated_by
    return NOBODY if importer is None else importer


def _new_plain_events(
    stored: list[Event], events: list[FileEvent], ids: dict[str, int], counts: Counter[str]
) -> list[FileEvent]:
    """Complaints, compliments (and referrals naming nobody) the team does not have yet."""
    return _not_stored(
        events,
        Counter(
            (e.client_id, e.kind, e.happened_on, e.note)
            for e in stored
            if e.referred_client_id is None
        ),
        lambda e: (ids[e.key], e.kind, e.happened_on, e.note),
        counts,
    )


def _not_stored(
    rows: list[FileEvent],
    stored: Counter[tuple[Any, ...]],
    identity: Callable[[FileEvent], tuple[Any, ...]],
    counts: Counter[str],
) -> list[FileEvent]:
    """The file's rows the team doesn't have yet, matched by `identity` as multisets: each
    stored one takes one row of the file, which is counted as skipped."""
    new = []
    for row in rows:
        key = identity(row)
        if stored[key]:
            stored[key] -= 1
            counts["duplicates_skipped"] += 1
        else:
            new.append(row)
    return new


def _referrals(
    session: Session,
    team_id: int,
    stored: list[Event],
    referrals: list[FileEvent],
    ids: dict[str, int],
    existing: dict[str, dict[str, Any]],
    now: dt.datetime,
    counts: Counter[str],
) -> list[FileEvent]:
    """Referrals between two clients: the same ones skipped, noted ones dated, the rest new."""
    by_pair: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for event in stored:
        if event.kind == EventKind.REFERRAL and event.referred_client_id is not None:
            by_pair[(event.client_id, event.referred_client_id)].append(event)
    rest: list[FileEvent] = []
    for referral in referrals:  # exactly the same first, wherever it stands in the file
        pool = by_pair[(ids[referral.key], ids[referral.referred[1]])]  # type: ignore[index]
        same = next(
            (e for e in pool if (e.happened_on, e.note) == (referral.happened_on, referral.note)),
            None,
        )
        if same is None:
            rest.append(referral)
        else:
            pool.remove(same)
            counts["duplicates_skipped"] += 1
    new: list[FileEvent] = []
    for referral in rest:
        pool = by_pair[(ids[referral.key], ids[referral.referred[1]])]  # type: ignore[index]
        if not pool:
            new.append(referral)
            continue
        event = pool.pop(0)
        event.happened_on = referral.happened_on
        if event.note is None:
            event.note = referral.note
        elif referral.note is not None and referral.note != event.note:
            counts["values_kept"] += 1
        session.add(event)
        counts["referrals_dated"] += 1
    _link_referred(session, team_id, new, ids, existing, now)
    return new


def _link_referred(
    session: Session,
    team_id: int,
    referrals: list[FileEvent],
    ids: dict[str, int],
    existing: dict[str, dict[str, Any]],
    now: dt.datetime,
) -> None:
    """A referred client nobody is linked to yet is linked to their newest new referrer."""
    newest: dict[str, FileEvent] = {}
    for referral in referrals:
        key = referral.referred[1]  # type: ignore[index]
        if key not in newest or referral.happened_on >= newest[key].happened_on:
            newest[key] = referral
    for key, referral in newest.items():
        stored = existing[key]
        if stored["referred_by_id"] is not None:  # who brought them stays as the team has it
            continue
        client = session.get(Client, stored["id"])
        if client is None or client.team_id != team_id:
            continue
        client.referred_by_id = ids[referral.key]
        client.source = client.source or "referral"
        client.updated_at = now
        session.add(client)

"""Writing an import that has been read and checked: bulk inserts and updates, one team only.

The decisions (what counts as the same sale, which traits a file may fill) are documented in
``storage.importing``; this module carries them out with Core bulk statements, so 100 000 sales
take seconds, not minutes: no ORM object and no query per row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from hashlib import sha1
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlmodel import Session

from storage.bulk_write import insert_columns, insert_rows, table_of, update_by_id
from storage.engine import larger_page_cache
from storage.import_rows import TRAITS, FileClient, ParsedFile
from storage.import_stored import all_sales_stored, stored_sales
from storage.models import AuditLog, Client, ClientKind, ClientStatus, Event, EventKind, Sale, Team
from storage.person_names import reads_as_person
from storage.sales import payment_days
from storage.teams import touch_team

_PERSON_HINTS = ("gender", "birth_year")
_CHANGES = ("clients_created", "clients_updated", "sales_added", "sales_updated", "referrals_added")


def write_import(
    *,
    session: Session,
    team_id: int,
    parsed: ParsedFile,
    existing: dict[str, dict[str, Any]],
    today: dt.date,
    now: dt.datetime,
    user_id: int | None,
    figures: list[Any] | None = None,
) -> dict[str, int]:
    """Write a checked import in the caller's transaction; the counts for the report.

    `figures`: the team's ``sale_figures``, when the caller read them already."""
    writer = _Writer(
        session=session, team_id=team_id, today=today, now=now, user_id=user_id, figures=figures
    )
    with larger_page_cache(session.connection()):
        return writer.write(parsed, existing)


class _Writer:
    def __init__(
        self,
        *,
        session: Session,
        team_id: int,
        today: dt.date,
        now: dt.datetime,
        user_id: int | None,
        figures: list[Any] | None,
    ) -> None:
        self.session, self.team_id, self.today = session, team_id, today
        self.now, self.user_id = now, user_id
        self.counts: dict[str, int] = defaultdict(int)
        self.updates: dict[int, dict[str, Any]] = defaultdict(dict)  # client id → changes
        self.blank_client = {  # a new client's row before its name and what the file says
            **dict.fromkeys(TRAITS),
            "kind": ClientKind.ORGANISATION,  # no hint of a person
            "status": ClientStatus.ACTIVE,
            "team_id": team_id,
            "name": None,
            "name_key": None,
            "referred_by_id": None,
            "status_changed_at": now,
            "created_at": now,
            "updated_at": now,
        }
        self.figures = figures  # the team's stored sales, when read ahead
        self.new_kinds: dict[str, str] = {}  # the new clients' kinds by name key

    def write(self, parsed: ParsedFile, existing: dict[str, dict[str, Any]]) -> dict[str, int]:
        ids = self._create_clients(parsed, existing)
        for client in parsed.clients.values():
            stored = existing.get(client.key)
            if stored is not None:
                self._fill(stored, client)
        events = self._referrals(parsed, existing, ids)
        sales, sale_updates = self._sales(parsed, existing, ids)
        self._clients_with_sales(parsed, existing, sales)
        changed_clients = {i for i, changes in self.updates.items() if changes}
        self.counts["clients_updated"] = len(changed_clients & {s["id"] for s in existing.values()})
        if parsed.kind == "clients":
            untouched = [k for k in parsed.clients if k in existing]
            self.counts["duplicates_skipped"] = sum(
                1 for k in untouched if existing[k]["id"] not in changed_clients
            )
        self._execute(sales, sale_updates, events)
        if any(self.counts[change] for change in _CHANGES):
            touch_team(session=self.session, team_id=self.team_id)
        self.session.add(
            AuditLog(
                team_id=self.team_id,
                user_id=self.user_id,
                action="import",
                entity="sale" if parsed.kind == "sales" else "client",
                entity_id=None,
                at=self.now,
            )
        )
        self.session.flush()
        return dict(self.counts)

    def _create_clients(
        self, parsed: ParsedFile, existing: dict[str, dict[str, Any]]
    ) -> dict[str, int]:
        ids = {key: stored["id"] for key, stored in existing.items()}
        rows = [self._new_client(c) for c in parsed.clients.values() if c.key not in existing]
        self.new_kinds = {row["name_key"]: row["kind"] for row in rows}
        if rows:
            clients = table_of(Client)
            connection = self.session.connection()
            if connection.dialect.name == "postgresql":
                created = connection.execute(
                    insert(clients).returning(clients.c.id, clients.c.name_key), rows
                )
                ids.update({row.name_key: row.id for row in created})
            else:  # SQLite returns nothing from an executemany
                insert_rows(self.session, Client, rows)
                ids.update(_new_sqlite_ids(connection, self.team_id, rows))
        self.counts["clients_created"] = len(rows)
        return ids

    def _new_client(self, client: FileClient) -> dict[str, Any]:
        traits = client.traits  # only TRAITS: what a file's columns may say of a client
        row = self.blank_client.copy()  # a sales log's client is mostly this, names apart
        if traits:  # a file's values are never None (storage.importing keeps none)
            row.update(traits)
            row["interests"] = list(row["interests"]) if row["interests"] else None
        if "kind" not in traits and (
            any(hint in traits for hint in _PERSON_HINTS) or reads_as_person(client.name)
        ):  # «Петров Олег» in a salon's list without a kind column (issue 20)
            row["kind"] = ClientKind.PERSON
        if client.first_sale is not None and row["status"] == ClientStatus.PROSPECT:
            row["status"] = ClientStatus.ACTIVE
        row["acquired_on"] = _earliest(row["acquired_on"], client.first_sale)
        if client.referrer is not None and row["source"] is None:
            row["source"] = "referral"
        row["name"], row["name_key"] = client.name, client.key
        return row

    def _fill(self, stored: dict[str, Any], client: FileClient) -> None:
        changes = self.updates[stored["id"]]
        for trait, value in client.traits.items():
            if trait == "interests":
                value = list(value)
            current = stored[trait]
            if current == value:
                continue
            if trait == "kind":
                changes[trait] = value
            elif trait == "status":
                if current == ClientStatus.PROSPECT and value == ClientStatus.ACTIVE:
                    changes.update(status=value, status_changed_at=self.now)
                else:
                    self.counts["values_kept"] += 1
            elif trait == "acquired_on" and current is not None:
                # "Client since" is the earlier date: chat sets today for a client it meets,
                # while the file knows when they really started. A later date changes nothing.
                if value < current:
                    changes[trait] = value
            elif current is None or current == []:
                changes[trait] = value
            else:
                self.counts["values_kept"] += 1

    def _referrals(
        self, parsed: ParsedFile, existing: dict[str, dict[str, Any]], ids: dict[str, int]
    ) -> list[dict[str, Any]]:
        events = []
        for client in parsed.clients.values():
            if client.referrer is None:
                continue
            client_id, referrer_id = ids[client.key], ids[client.referrer[1]]
            stored = existing.get(client.key)
            if stored is not None and stored["referred_by_id"] is not None:
                self.counts["values_kept"] += stored["referred_by_id"] != referrer_id
                continue
            changes = self.updates[client_id]
            changes["referred_by_id"] = referrer_id
            if stored is not None and stored["source"] is None:
                changes.setdefault("source", "referral")
            acquired = client.traits.get("acquired_on") or (stored or {}).get("acquired_on")
            events.append(
                {
                    "team_id": self.team_id,
                    "client_id": referrer_id,
                    "kind": EventKind.REFERRAL.value,
                    "happened_on": acquired or client.first_sale or self.today,
                    "note": None,
                    "referred_client_id": client_id,
                    "created_by": self.user_id,
                    "created_at": self.now,
                }
            )
        self.counts["referrals_added"] = len(events)
        return events

    def _sales(
        self, parsed: ParsedFile, existing: dict[str, dict[str, Any]], ids: dict[str, int]
    ) -> tuple[dict[str, list[Any]], list[dict[str, Any]]]:
        """The file's new sales as columns (empty when none), and the payments to fill in."""
        if len(ids) == len(existing) and all_sales_stored(
            self.session, self.team_id, parsed.sales, ids, self.figures
        ):  # the same file again: nothing to match one by one
            self.counts["duplicates_skipped"] += len(parsed.sales)
            self.counts["sales_added"] = self.counts["sales_updated"] = 0
            return {}, []
        known = [ids[k] for k in parsed.clients if k in existing] if parsed.sales else []
        stored, refs = stored_sales(self.session, self.team_id, known)
        keys, sold_on, amount, cost, minutes, due_on, paid_on, part = parsed.sales.columns()
        client_id = list(map(ids.__getitem__, keys))
        identities = list(zip(client_id, sold_on, amount, cost, minutes, strict=True))
        new: range | list[int] = range(len(identities))  # the rows not stored yet
        updates: list[dict[str, Any]] = []
        if stored:
            new = []
            for i, identity in enumerate(identities):
                pool = stored.get(identity)
                if not pool:
                    new.append(i)
                    continue
                sale_id, stored_due, stored_paid, stored_part = pool.popleft()
                fill = {}
                if stored_due is None and due_on[i] is not None:
                    fill["due_on"] = due_on[i]
                if stored_paid is None and paid_on[i] is not None:
                    fill["paid_on"] = paid_on[i]
                elif stored_paid is None and stored_part is None and part[i] is not None:
                    fill["paid_amount"] = part[i]
                if fill:
                    updates.append({"id": sale_id, **fill})
                else:
                    self.counts["duplicates_skipped"] += 1
        if parsed.has_payments:
            due_on = self._due_dates(keys, sold_on, due_on, paid_on, existing)
        added = {
            "client_id": client_id,
            "sold_on": sold_on,
            "amount": amount,
            "cost": cost,
            "minutes": minutes,
            "due_on": due_on,
            # A file that says nothing about payment holds no open invoice: the sale was
            # settled when made ("owed" shows only real open invoices).
            "paid_on": paid_on if parsed.has_payments else sold_on,
            "paid_amount": part,
        }
        if len(new) < len(identities):
            added = {name: [column[i] for i in new] for name, column in added.items()}
        added["source_ref"] = _free_refs([identities[i] for i in new], refs)
        self.counts["sales_added"] = len(new)
        self.counts["sales_updated"] = len(updates)
        return (added if new else {}), updates

    def _due_dates(
        self,
        keys: list[str],
        sold_on: list[dt.date],
        due_on: list[dt.date | None],
        paid_on: list[dt.date | None],
        existing: dict[str, dict[str, Any]],
    ) -> list[dt.date | None]:
        """Each sale's due date: an unpaid row without one is an open invoice, due as a sale of
        that client recorded in the chat would be (the team's payment terms, else a person on
        the spot and an organisation in 14 days). Without it the sale was owed on /paid and
        /sales but missing from "owed" on /risk, the card and the digest."""
        team_days = (
            self.session.connection()
            .execute(select(Team.payment_days).where(Team.id == self.team_id))
            .scalar_one()
        )
        terms = {
            kind: dt.timedelta(days=payment_days(team_days=team_days, client_kind=kind))
            for kind in ClientKind
        }
        return [
            sold + terms[self.new_kinds.get(key) or existing[key]["kind"]]
            if due is None and paid is None
            else due
            for key, sold, due, paid in zip(keys, sold_on, due_on, paid_on, strict=True)
        ]

    def _clients_with_sales(
        self, parsed: ParsedFile, existing: dict[str, dict[str, Any]], sales: dict[str, list[Any]]
    ) -> None:
        """A prospect with a sale is a client now, and a sale before "client since" moves it to
        the sale's day, as when the sale is recorded in chat."""
        if not sales:
            return
        with_sales = set(sales["client_id"])
        for key in parsed.clients:
            stored = existing.get(key)
            if stored is None or stored["id"] not in with_sales:
                continue
            changes = self.updates[stored["id"]]
            if stored["status"] == ClientStatus.PROSPECT:
                changes.update(status=ClientStatus.ACTIVE, status_changed_at=self.now)
            since = changes.get("acquired_on", stored["acquired_on"])
            earliest = _earliest(since, parsed.clients[key].first_sale)
            if earliest != since:
                changes["acquired_on"] = earliest

    def _execute(
        self,
        sales: dict[str, list[Any]],
        sale_updates: list[dict[str, Any]],
        events: list[dict[str, Any]],
    ) -> None:
        client_updates = [
            {"id": client_id, **changes, "updated_at": self.now}
            for client_id, changes in self.updates.items()
            if changes
        ]
        update_by_id(self.session, Client, self.team_id, client_updates)
        update_by_id(self.session, Sale, self.team_id, sale_updates)
        if sales:
            constants = {
                "team_id": self.team_id,
                "created_by": self.user_id,
                "created_at": self.now,
            }
            insert_columns(self.session, Sale, sales, constants)
        if events:
            insert_rows(self.session, Event, events)


def _new_sqlite_ids(
    connection: Connection, team_id: int, rows: list[dict[str, Any]]
) -> dict[str, int]:
    """The ids SQLite gave the clients just inserted, by name key.

    One writer at a time and ids that only grow (AUTOINCREMENT): rows inserted in one
    transaction get consecutive ids in their order, ending at the connection's last one. The
    first and the last are checked against their names; should they not match, the team's
    clients are read back (23 500 new clients: 2 rows read instead of 23 500, ~50 ms)."""
    clients = table_of(Client)
    last = connection.exec_driver_sql("SELECT last_insert_rowid()").scalar_one()
    first = last - len(rows) + 1
    ends = connection.execute(
        select(clients.c.id, clients.c.name_key).where(
            clients.c.team_id == team_id, clients.c.id.in_((first, last))
        )
    )
    keys = [row["name_key"] for row in rows]
    if dict(ends.all()) == {first: keys[0], last: keys[-1]}:
        return dict(zip(keys, range(first, last + 1), strict=True))
    new_keys = set(keys)
    found = connection.execute(
        select(clients.c.name_key, clients.c.id).where(clients.c.team_id == team_id)
    )
    return {key: id_ for key, id_ in found.all() if key in new_keys}


def _earliest(*days: dt.date | None) -> dt.date | None:
    known = [d for d in days if d is not None]
    return min(known) if known else None


def _free_refs(identities: list[tuple[Any, ...]], refs: set[str]) -> list[str]:
    """The fingerprint of each sale with the lowest occurrence number not taken yet.

    The client is in it by id, not name: a renamed client keeps its sales' fingerprints, and
    a new client of the old name starts afresh. All of a client's fingerprints are in `refs`.
    Every occurrence below the last one given out for an identity (`taken`) is in `refs`, so
    the search starts after it: a log's hundred sales of one identity cost a hundred hashes,
    not five thousand.
    """
    taken: dict[tuple[Any, ...], int] = {}  # identity → its last occurrence given out
    texts = [  # "" for a None cost or time, as str() of each
        f"{client_id}\x1f{sold_on}\x1f{amount}\x1f{'' if cost is None else cost}\x1f"
        f"{'' if minutes is None else minutes}\x1f"
        for client_id, sold_on, amount, cost, minutes in identities
    ]
    found = []
    for identity, text in zip(identities, texts, strict=True):
        occurrence = taken.get(identity, 0) + 1
        while True:
            digest = sha1(f"{text}{occurrence}".encode(), usedforsecurity=False).hexdigest()
            if digest not in refs:
                break
            occurrence += 1
        refs.add(digest)
        taken[identity] = occurrence
        found.append(digest)
    return found

"""The frames turned into numpy arrays once: dense client positions, days as numbers.

Every later step works on these arrays, so a team of 100 000 clients and a million sales is
scored with a handful of `np.bincount` passes instead of group-bys. Clients are ordered by id,
which makes every result independent of the order rows arrive in — and lets a stable sort over
client positions break ties by client id for free.

Time is counted in whole days since 1970-01-01 (float64, NaN unknown). Minutes are rounded to
whole seconds, so every per-client sum is a sum of integers and comes out the same whatever
the order of the sales.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from scoring.frames import TeamFrames
from scoring.settings import ScoringSettings

EPOCH = dt.date(1970, 1, 1)


def epoch_day(day: dt.date) -> int:
    return (day - EPOCH).days


_NAT = np.iinfo(np.int64).min


def epoch_days(values: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 as float64, NaN where the date is unknown."""
    array = values.to_numpy()
    if array.dtype.kind != "M":
        array = pd.to_datetime(values).to_numpy()
    unit, _ = np.datetime_data(array.dtype)
    ticks = array.view(np.int64)
    per_day = np.timedelta64(1, "D") // np.timedelta64(1, unit)
    out = np.floor_divide(ticks, per_day).astype(np.float64)
    unknown = ticks == _NAT
    if unknown.any():
        out[unknown] = np.nan
    return out


def numbers(values: pd.Series) -> np.ndarray:
    """A numeric (possibly nullable) column as float64 with NaN for unknown."""
    return values.to_numpy(dtype=np.float64, na_value=np.nan)


def lookup(ids: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Positions of `values` (float or int client ids) in the sorted `ids`; -1 where unknown."""
    if len(values) == 0 or len(ids) == 0:
        return np.full(len(values), -1, np.int64)
    known = ~np.isnan(values) if values.dtype.kind == "f" else None
    wanted = (np.where(known, values, -1) if known is not None else values).astype(np.int64)
    low = min(int(ids[0]), int(wanted.min()))
    high = max(int(ids[-1]), int(wanted.max()))
    if high - low < 4 * len(ids) + 1_000_000:
        # A dense table over every id that occurs: one gather, no hashing, no searching.
        table = np.full(high - low + 1, -1, np.int64)
        table[ids - low] = np.arange(len(ids))
        found = table[wanted - low]
    else:
        at = np.clip(np.searchsorted(ids, wanted), 0, len(ids) - 1)
        found = np.where(ids[at] == wanted, at, -1)
    if known is not None:
        found[~known] = -1
    return found


@dataclass(frozen=True, eq=False)
class Sales:
    """Sales up to today of known clients; `window` marks those inside the scoring window."""

    pos: np.ndarray
    day: np.ndarray
    amount: np.ndarray  # net of VAT when the team's amounts include it
    cost: np.ndarray  # net of VAT, like the amount
    gross: np.ndarray  # the amount as invoiced, VAT included: what a client owes
    paid_part: np.ndarray  # already paid on an open invoice (a part payment), else 0
    seconds: np.ndarray
    due: np.ndarray
    paid: np.ndarray
    window: np.ndarray


@dataclass(frozen=True, eq=False)
class TeamArrays:
    """One team as arrays over its clients (ordered by id) and their history."""

    today: int
    window_start: int  # exclusive: a day is in the window when window_start < day <= today
    window_days: int
    ids: np.ndarray
    clients: pd.DataFrame
    active: np.ndarray
    prospect: np.ndarray
    kind: np.ndarray  # 'person' / 'organisation' per client (object)
    birth_year: np.ndarray
    income: np.ndarray
    employees: np.ndarray
    acquired: np.ndarray
    created: np.ndarray
    referred_by: np.ndarray  # position of the referrer, -1 none
    first_sold: np.ndarray
    last_sold: np.ndarray
    kept: np.ndarray  # the team chose to keep the client for now: no decline proposal
    sales: Sales
    event_pos: np.ndarray
    event_kind: np.ndarray  # object
    event_day: np.ndarray
    event_referred: np.ndarray  # position of the referred client, -1 none
    ratings: pd.DataFrame
    dropped_sales: int
    _codes: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _interests: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.ids)

    def codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """A text column as integer codes (-1 unknown) and its values, case- and space-folded."""
        if column not in self._codes:
            self._codes[column] = _fold_codes(self.clients[column].to_numpy(dtype=object))
        return self._codes[column]

    def of_kind(self, kind: str) -> np.ndarray:
        """Which clients are of this kind ('person' / 'organisation')."""
        codes, values = self.codes("kind")
        match = np.flatnonzero(values == kind)
        return codes == (match[0] if len(match) else -2)

    def interests(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Interests exploded: (client positions, interest codes, interest values), by client."""
        if not self._interests:
            lists = self.clients["interests"].to_numpy(dtype=object)
            has = np.flatnonzero(pd.notna(lists))
            items = lists[has]
            lengths = np.fromiter(map(len, items), np.int64, len(items))
            flat = np.fromiter(itertools.chain.from_iterable(items), object, int(lengths.sum()))
            owner = np.repeat(has, lengths)
            known = pd.notna(flat)
            codes, values = _fold_codes(flat[known])
            owner = owner[known]
            # One row per (client, interest), even when a list names an interest twice.
            pairs = np.unique(owner * (len(values) + 1) + codes)
            owner, codes = pairs // (len(values) + 1), pairs % (len(values) + 1)
            self._interests.append((owner, codes, values))
        return self._interests[0]


def _fold_codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the folded values (sorted, so stable across row orders) and a spelling of each."""
    # Factorising the plain object array is about twice as fast as the string extension array.
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    # A loop over the distinct values only (a few hundred at most), never over rows.
    folded = np.array([" ".join(str(u).split()).casefold() for u in uniques], dtype=object)
    canon, first, inverse = np.unique(folded, return_index=True, return_inverse=True)
    shown = np.asarray(uniques, dtype=object)[first]
    if len(canon) and canon[0] == "":
        inverse, shown = inverse - 1, shown[1:]
    out = np.full(len(codes), -1, np.int64)
    known = codes >= 0
    out[known] = inverse.reshape(-1)[codes[known]]
    return out, shown


def net_of_vat(amounts: np.ndarray, rate: float | None) -> np.ndarray:
    """Amounts with the VAT taken off, per sale in whole minor units (half to even); NaN stays."""
    if rate is None:
        return amounts
    return np.rint(amounts / (1.0 + rate))


def prepare(frames: TeamFrames, settings: ScoringSettings) -> TeamArrays:
    """Validate the frames and turn them into arrays for one scoring run."""
    clients = frames.clients
    if clients.index.has_duplicates:
        raise ValueError("client ids must be unique")
    if not clients.index.is_monotonic_increasing:
        clients = clients.sort_index()
    ids = clients.index.to_numpy(dtype=np.int64)
    today = epoch_day(settings.today)
    window_start = today - settings.window_days
    status = clients["status"].to_numpy(dtype=object)

    sales = frames.sales
    sale_pos = lookup(ids, sales["client_id"].to_numpy())
    sale_day = epoch_days(sales["sold_on"])
    keep = (sale_pos >= 0) & (sale_day <= today)
    dropped = int((sale_pos < 0).sum())
    if not keep.all():
        sale_pos, sale_day = sale_pos[keep], sale_day[keep]
        sales = sales[keep]
    minutes = sales["minutes"].to_numpy(dtype=np.float64, na_value=np.nan)
    minutes = np.where(minutes > 0, minutes, np.nan)  # zero minutes means "not recorded"
    gross = sales["amount"].to_numpy(dtype=np.float64)
    cost = sales["cost"].to_numpy(dtype=np.float64, na_value=np.nan)
    sale_arrays = Sales(
        pos=sale_pos,
        day=sale_day,
        amount=net_of_vat(gross, settings.vat_rate),
        cost=net_of_vat(cost, settings.vat_rate),
        gross=gross,
        paid_part=(
            np.nan_to_num(sales["paid_amount"].to_numpy(dtype=np.float64, na_value=np.nan))
            if "paid_amount" in sales
            else np.zeros(len(gross))
        ),
        seconds=np.rint(minutes * 60.0),
        due=epoch_days(sales["due_on"]),
        paid=epoch_days(sales["paid_on"]),
        window=sale_day > window_start,
    )

    events = frames.events
    event_day = epoch_days(events["happened_on"])
    event_pos = lookup(ids, events["client_id"].to_numpy())
    in_window = (event_pos >= 0) & (event_day > window_start) & (event_day <= today)

    optional = {
        name: epoch_days(clients[name]) if name in clients else np.full(len(ids), np.nan)
        for name in ("first_sold_on", "last_sold_on", "kept_until")
    }
    # Loaded sales before the window (old unpaid invoices, or frames built with all history)
    # count for tenure and recency like the first/last sale columns do.
    before = np.flatnonzero(~sale_arrays.window)
    if len(before):
        first = np.full(len(ids), np.inf)
        last = np.full(len(ids), -np.inf)
        np.minimum.at(first, sale_pos[before], sale_day[before])
        np.maximum.at(last, sale_pos[before], sale_day[before])
        seen = np.isfinite(first)
        optional["first_sold_on"] = np.where(
            seen, np.fmin(optional["first_sold_on"], first), optional["first_sold_on"]
        )
        optional["last_sold_on"] = np.where(
            seen, np.fmax(optional["last_sold_on"], last), optional["last_sold_on"]
        )
    return TeamArrays(
        today=today,
        window_start=window_start,
        window_days=settings.window_days,
        ids=ids,
        clients=clients,
        active=status == "active",
        prospect=status == "prospect",
        kind=clients["kind"].to_numpy(dtype=object),
        birth_year=numbers(clients["birth_year"]),
        income=numbers(clients["income"]),
        employees=numbers(clients["employees"]),
        acquired=epoch_days(clients["acquired_on"]),
        created=epoch_days(clients["created_at"]),
        referred_by=lookup(ids, numbers(clients["referred_by_id"])),
        first_sold=optional["first_sold_on"],
        last_sold=optional["last_sold_on"],
        kept=optional["kept_until"] >= today,
        sales=sale_arrays,
        event_pos=event_pos[in_window],
        event_kind=events["kind"].to_numpy(dtype=object)[in_window],
        event_day=event_day[in_window],
        event_referred=lookup(ids, numbers(events["referred_client_id"]))[in_window],
        ratings=frames.ratings,
        dropped_sales=dropped,
    )

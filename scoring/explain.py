"""Why a client has their grade, and the smallest concrete change that lifts it one grade.

The bot localises by code, so these codes are a public contract. Every explanation speaks in
money, hours and counts against the team's reference (median), never in component names or
0–1 numbers.

Reasons — `Reason(code, effect, value, reference, unit)`; `effect` is the signed number of score
points the measure adds or costs compared with a client exactly at the references. A measure is a
reason only where the client really differs from the team: its figure more than `MIN_GAP` (10 %)
away from the team's, on the side the effect says (no "▼ 0 complaints (team 0)", no ▼ for a
profit 2 % under the median); days since the last purchase is also compared with the team's
median (given as `team`, whole days), so nobody stands out in a team that all bought alike: at
least `MIN_RECENCY_GAP_DAYS` (a week) apart, never equal as shown ("today, team 0 days"). A loss
is always a ▼ reason, given first. The top three by size are given, most important first (ties: the
order below).

| code                | unit           | value                          | reference              |
|---------------------|----------------|--------------------------------|------------------------|
| profit              | money          | annual profit                  | median annual profit   |
| revenue             | money          | annual revenue (profit unknown)| median annual revenue  |
| profit_per_hour     | money_per_hour | profit per hour worked         | team median            |
| revenue_per_hour    | money_per_hour | revenue per hour (profit unknown) | team median         |
| ideal_profile       | count          | profile criteria met in full   | criteria known         |
| purchases           | count          | purchases a year               | team median            |
| days_since_purchase | days           | days since the last purchase   | own interval or None   |
| referrals           | count          | referrals made in the window   | team median            |
| complaints          | count          | complaints in the window       | team median            |
| late_payments       | invoices       | invoices paid late (a count)   | invoices (a count)     |
| team_rating         | rating         | the team's own rating, 1–5     | team median or None    |

A days_since_purchase reason's `team`: the median days between purchase days of the clients who
bought on two days or more (None with too few of them: scoring.analysis).
Late payments are real counts; the shrunk rate stays inside the score. A late-payment reason
needs the client's late share to differ from the team's: ▼ with at least one late invoice,
▲ only with every invoice on time.

Lifts — `Lift(code, amount, unit, to_grade)`, the one change that lifts a grade: scoring/lifts.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, replace

import numpy as np

from scoring.grades import labels
from scoring.lifts import LIFT_CODES, LIFT_INDEX, lift_arrays
from scoring.metrics import invoices_shown
from scoring.references import References
from scoring.score import COMPONENTS, ClientInputs, Scales

REASON_CODES = (
    ("profit", "money"),
    ("profit_per_hour", "money_per_hour"),
    ("ideal_profile", "count"),
    ("purchases", "count"),
    ("days_since_purchase", "days"),
    ("referrals", "count"),
    ("complaints", "count"),
    ("late_payments", "invoices"),
    ("team_rating", "rating"),
)
assert len(REASON_CODES) == len(COMPONENTS)
# Where value stands on revenue, the first two reasons speak of revenue instead of profit.
REVENUE_CODES = {0: "revenue", 1: "revenue_per_hour"}
# +1: more is better; -1: less is better (days since purchase, complaints, late payments).
POLARITY = np.array([1, 1, 1, 1, -1, 1, -1, -1, 1], dtype=np.float64)
MIN_GAP = 0.10
MIN_RECENCY_GAP_DAYS = 7  # days since the last purchase: a week apart from the team, at least
TOP_REASONS = 3
MIN_EFFECT = 0.05  # score points; smaller effects are not worth a line
INTEGER_UNITS = frozenset({"money", "money_per_hour", "days", "invoices"})


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    effect: float
    value: float | int
    reference: float | int | None
    unit: str
    team: float | int | None = None  # days_since_purchase: the typical interval, when known


@dataclass(frozen=True, slots=True)
class Lift:
    code: str
    amount: float | int
    unit: str
    to_grade: str


@dataclass(frozen=True, slots=True)
class Explanation:
    reasons: tuple[Reason, ...]
    lift: Lift | None


@dataclass(frozen=True, eq=False)
class ExplainInputs:
    """What explanations are computed from, as rows over the scored clients."""

    ids: np.ndarray
    x: ClientInputs
    components: np.ndarray
    typical: np.ndarray
    weights: np.ndarray
    known_weight: np.ndarray
    score: np.ndarray
    grade: np.ndarray
    met: np.ndarray
    known: np.ndarray
    annual_hours: np.ndarray
    scale: str
    scales: Scales
    references: References
    value_margin: float = 1.0  # the margin revenue stands in at where profit is unknown
    young: np.ndarray | None = None  # too new to compare a year's figures with the team's
    no_profile: bool = False  # no ideal profile written: fit is no reason to give
    lapsed: np.ndarray | None = None  # lapsed clients' scores are capped ...
    uncapped_grade: np.ndarray | None = None  # ... one purchase brings this grade back
    team_recency_days: float | None = None  # median days since purchase of the scored clients
    hours: np.ndarray | None = None  # hours recorded in the window, before any annualising
    team_interval_days: float | None = None  # typical days between purchase days, when known
    previous: np.ndarray | None = None  # last week's grade index (-1: none): whether it is kept

    def rows(self, index: np.ndarray) -> ExplainInputs:
        """The same inputs for some clients only (positions in the scored clients)."""
        x = replace(self.x, **{f.name: getattr(self.x, f.name)[index] for f in fields(self.x)})
        per_client = ("ids", "components", "known_weight", "score", "grade", "met", "known")
        return replace(
            self,
            x=x,
            annual_hours=self.annual_hours[index],
            hours=None if self.hours is None else self.hours[index],
            young=None if self.young is None else self.young[index],
            lapsed=None if self.lapsed is None else self.lapsed[index],
            uncapped_grade=None if self.uncapped_grade is None else self.uncapped_grade[index],
            previous=None if self.previous is None else self.previous[index],
            **{name: getattr(self, name)[index] for name in per_client},
        )


def explain_rows(inputs: ExplainInputs) -> list[Explanation]:
    """Explanations for every row of `inputs`, computed together (vectorised)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        effects = (
            100.0 * inputs.weights * (inputs.components - inputs.typical)
        ) / inputs.known_weight[:, None]
    raw = effects
    values, references = reason_values(inputs.x, inputs.met, inputs.known, inputs.references)
    effects = np.where(
        real_differences(
            inputs.x,
            inputs.met,
            inputs.known,
            inputs.references,
            values,
            references,
            effects,
            inputs.team_recency_days,
        ),
        effects,
        np.nan,
    )
    if inputs.young is not None:
        # A client of a few weeks has no year to compare with the team's yearly medians.
        yearly = [COMPONENTS.index(c) for c in ("profit", "profit_per_hour", "purchases")]
        effects[np.ix_(inputs.young, yearly)] = np.nan
    if inputs.no_profile:
        effects[:, COMPONENTS.index("fit")] = np.nan
    # A loss is always a reason, first and ▼, however new the client or the team's median.
    profit = COMPONENTS.index("profit")
    with np.errstate(invalid="ignore"):
        loss = ~inputs.x.value_from_revenue & (inputs.x.annual_profit < 0)
    effects[loss, profit] = -np.inf
    chosen, effects, values, references = reason_arrays(effects, values, references)
    # The loss's own effect where it costs points, else the least that is worth a line.
    loss_effect = np.fmin(raw[:, profit], -MIN_EFFECT)
    effects = np.where(np.isinf(effects), loss_effect[:, None], effects)
    revenue_based = np.column_stack((inputs.x.value_from_revenue, _per_hour_from_revenue(inputs.x)))
    lift_code, lift_amount, lift_grade = lift_arrays(
        inputs.x,
        inputs.components,
        inputs.weights,
        inputs.known_weight,
        inputs.score,
        inputs.grade,
        inputs.scale,
        inputs.scales,
        inputs.annual_hours,
        inputs.value_margin,
        inputs.hours,
        inputs.previous,
        inputs.young,
    )
    if inputs.lapsed is not None and inputs.uncapped_grade is not None:
        # A lapsed client's lever is to buy again: one purchase makes them current, and
        # their score is no longer capped.
        back = inputs.lapsed & (inputs.uncapped_grade < inputs.grade)
        lift_code = np.where(
            inputs.lapsed, np.where(back, LIFT_INDEX["more_purchases"], -1), lift_code
        )
        lift_amount = np.where(back, 1.0, lift_amount)
        lift_grade = np.where(back, inputs.uncapped_grade, lift_grade)
    names = labels(inputs.scale)
    typical = inputs.team_interval_days
    team_days = None if typical is None else _number(typical, "days")
    out = []
    for i in range(len(inputs.ids)):
        reasons = []
        for slot in range(chosen.shape[1]):
            component = int(chosen[i, slot])
            if component < 0:
                break
            code, unit = REASON_CODES[component]
            if component in REVENUE_CODES and revenue_based[i, component]:
                code = REVENUE_CODES[component]
            reference = references[i, slot]
            reasons.append(
                Reason(
                    code=code,
                    effect=round(float(effects[i, slot]), 2),
                    value=_number(values[i, slot], unit),
                    reference=None if np.isnan(reference) else _number(reference, unit),
                    unit=unit,
                    team=team_days if code == "days_since_purchase" else None,
                )
            )
        lift = None
        if lift_code[i] >= 0:
            code, unit = LIFT_CODES[int(lift_code[i])]
            lift = Lift(code, _number(lift_amount[i], unit), unit, names[int(lift_grade[i])])
        out.append(Explanation(reasons=tuple(reasons), lift=lift))
    return out


class Explanations(Mapping[int, Explanation]):
    """client_id → Explanation, computed when asked for (one client, or many at once).

    The analysis keeps the per-client inputs; reading an explanation runs the same vectorised
    code on that client's row, so a card costs a few milliseconds and a team of
    100 000 clients does not pay for 100 000 explanations nobody reads.
    """

    def __init__(self, inputs: ExplainInputs) -> None:
        self._inputs = inputs
        self._cache: dict[int, Explanation] = {}

    def __len__(self) -> int:
        return len(self._inputs.ids)

    def __iter__(self) -> Iterator[int]:
        return iter(self._inputs.ids.tolist())

    def __contains__(self, key: object) -> bool:
        return self._position(key) is not None

    def __getitem__(self, key: int) -> Explanation:
        i = self._position(key)
        if i is None:
            raise KeyError(key)
        if i not in self._cache:
            self._cache[i] = explain_rows(self._inputs.rows(np.array([i])))[0]
        return self._cache[i]

    def many(self, client_ids: Iterable[int] | None = None) -> dict[int, Explanation]:
        """Explanations of several clients (all when None) in one vectorised pass."""
        if client_ids is None:
            positions = np.arange(len(self._inputs.ids))
        else:
            found = [self._position(c) for c in client_ids]
            if None in found:
                raise KeyError(client_ids)
            positions = np.array(found, dtype=np.int64)
        built = explain_rows(self._inputs.rows(positions))
        return dict(zip(self._inputs.ids[positions].tolist(), built, strict=True))

    def _position(self, key: object) -> int | None:
        if not isinstance(key, int | np.integer):
            return None
        ids = self._inputs.ids
        i = int(np.searchsorted(ids, key))
        return i if i < len(ids) and ids[i] == key else None


def _number(value: float, unit: str) -> float | int:
    if unit in INTEGER_UNITS or (unit == "count" and float(value).is_integer()):
        return int(np.rint(float(value)))
    return round(float(value), 3 if unit == "share" else 1)


def reason_arrays(
    effects: np.ndarray, values: np.ndarray, references: np.ndarray
) -> tuple[np.ndarray, ...]:
    """The top reasons per client: (component index or -1, effect, value, reference)."""
    size = np.where(np.isnan(effects), -1.0, np.abs(effects))
    rows = np.arange(len(size))
    order = np.empty((len(size), TOP_REASONS), np.int64)
    for slot in range(TOP_REASONS):  # argmax takes the first of equals: ties keep column order
        order[:, slot] = np.argmax(size, axis=1)
        size[rows, order[:, slot]] = -np.inf
    top_size = np.take_along_axis(np.where(np.isnan(effects), -1.0, np.abs(effects)), order, 1)
    chosen = np.where(top_size >= MIN_EFFECT, order, -1)

    def pick(matrix: np.ndarray) -> np.ndarray:
        return np.take_along_axis(matrix, order, axis=1)

    return chosen, pick(effects), pick(values), pick(references)


def reason_values(
    x: ClientInputs, met: np.ndarray, known: np.ndarray, refs: References
) -> tuple[np.ndarray, np.ndarray]:
    """Per client and component: the figure a reason shows and what it is compared with."""
    n = len(x.fit)

    def ref(value: float | None) -> np.ndarray:
        return np.full(n, np.nan if value is None else float(value))

    by_revenue = x.value_from_revenue
    per_hour_by_revenue = _per_hour_from_revenue(x)
    values = (
        np.where(by_revenue, x.annual_revenue, x.annual_profit),
        np.where(per_hour_by_revenue, x.revenue_per_hour, x.profit_per_hour),
        met,
        x.annual_purchases,
        x.recency_days,
        x.referrals,
        x.complaints,
        x.late,
        x.judgement,
    )
    references = (
        np.where(by_revenue, ref(refs.median_annual_revenue), ref(refs.median_annual_profit)),
        np.where(
            per_hour_by_revenue,
            ref(refs.median_revenue_per_hour),
            ref(refs.median_profit_per_hour),
        ),
        known,
        ref(refs.median_annual_purchases),
        x.own_interval_days,
        ref(refs.median_referrals),
        ref(refs.median_complaints),
        invoices_shown(x.late, x.invoices, x.invoices_not_due),  # what "late of n" counts among
        ref(refs.median_judgement),
    )
    if n == 0:
        empty = np.empty((0, len(COMPONENTS)))
        return empty, empty
    return np.column_stack(values), np.column_stack(references)


def _per_hour_from_revenue(x: ClientInputs) -> np.ndarray:
    return np.isnan(x.profit_per_hour) & ~np.isnan(x.revenue_per_hour)


def real_differences(
    x: ClientInputs,
    met: np.ndarray,
    known: np.ndarray,
    refs: References,
    values: np.ndarray,
    references: np.ndarray,
    effects: np.ndarray,
    team_recency_days: float | None = None,
) -> np.ndarray:
    """Where a measure may be a reason: its figure is more than `MIN_GAP` away from the team's,
    on the side its effect says; criteria met only with a miss (▼) or a hit (▲)."""
    shown, against = values.copy(), references.copy()
    against[:, COMPONENTS.index("recency")] = x.interval_days  # the team's where unknown
    late, rating = COMPONENTS.index("late_payments"), COMPONENTS.index("judgement")
    with np.errstate(invalid="ignore", divide="ignore"):
        shown[:, late] = np.where(x.invoices > 0, x.late / x.invoices, np.nan)
    against[:, late] = refs.late_payment_rate
    against[:, rating] = np.where(np.isnan(against[:, rating]), 3.0, against[:, rating])
    gap = shown - against
    with np.errstate(invalid="ignore"):
        big = np.abs(gap) > MIN_GAP * np.abs(against)
        side = np.sign(gap) * POLARITY * np.sign(effects) > 0
        ok = big & side
        fit = COMPONENTS.index("fit")
        ok[:, fit] = np.where(effects[:, fit] < 0, met < known, met > 0)
        ok[:, late] &= np.where(effects[:, late] < 0, x.late >= 1, x.late == 0)
        # Recency is scored against the client's own rhythm, but a reason also needs the client
        # to differ from the team: in a team that all bought last week nobody stands out.
        # The team's days are compared as shown (whole days): "today (team 0 days)" is equal
        # figures, and a few days either way is no strength or weakness.
        if team_recency_days is not None:
            recency = COMPONENTS.index("recency")
            team_days = float(np.rint(team_recency_days))
            team_gap = x.recency_days - team_days
            ok[:, recency] &= (
                (np.abs(team_gap) > MIN_GAP * max(team_days, 1.0))
                & (np.abs(team_gap) >= MIN_RECENCY_GAP_DAYS)
                & (np.sign(team_gap) * POLARITY[recency] * np.sign(effects[:, recency]) > 0)
            )
    return ok

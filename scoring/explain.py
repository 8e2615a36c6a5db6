"""Why a client has their grade, and the smallest concrete change that lifts it one grade.

The bot localises by code, so these codes are a public contract. Every explanation speaks in
money, hours and counts against the team's reference (median), never in component names or
0–1 numbers.

Reasons — `Reason(code, effect, value, reference, unit)`; `effect` is the signed number of score
points the measure adds or costs compared with a client exactly at the references. A measure is a
reason only where the client really differs from the team: its figure more than `MIN_GAP` (10 %)
away from the team's, on the side the effect says (no "▼ 0 complaints (team 0)", no ▼ for a
profit 2 % under the median); days since the last purchase is also compared with the team's
median (given as `team`), so nobody stands out in a team that all bought alike. A loss is always
a ▼ reason, given first. The top three by size are given, most important first (ties: the
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

Late payments are real counts; the shrunk rate stays inside the score. A late-payment reason
needs the client's late share to differ from the team's: ▼ with at least one late invoice,
▲ only with every invoice on time.

Lifts — `Lift(code, amount, unit, to_grade)`: one change that, other things equal, moves the
score past the next grade's lower bound plus the hysteresis margin. Only changes a client could
bring about within a year are suggested; the one with the least relative effort wins:

| code           | unit  | amount                             | feasible when                    |
|----------------|-------|------------------------------------|----------------------------------|
| more_profit    | money | extra profit over the coming year  | ≤ the client's annual revenue    |
| more_revenue   | money | extra revenue (profit unknown)     | ≤ the client's annual revenue    |
| fewer_hours    | hours | fewer hours a year, same work      | at most half their hours         |
| more_purchases | count | extra purchases in the coming year | at most as many as in a year     |
| pay_on_time    | count | invoices in a row paid on time     | at most a year's purchases (≤ 12)|
| referral       | count | referrals the client makes (1–3)   | always                           |

Effort compared: money / max(|value|, median), hours / hours a year, purchases / purchases a
year, 0.05 per invoice, 0.5 per referral. Amounts round up (money to two significant digits
and at least one whole unit, hours to a tenth), so the change always suffices. The best grade
has no lift; a client for whom nothing feasible suffices has None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np

from scoring.grades import HYSTERESIS, labels, lower_bound
from scoring.references import References
from scoring.score import (
    COMPONENTS,
    PRIOR_EVENTS,
    REFERRAL_GAIN,
    ClientInputs,
    Scales,
    rate_curve,
    ratio_curve,
    ratio_inverse,
    recency_curve,
    shrunk_rate,
)

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
MAX_HOURS_SHARE = 0.5
LIFT_CODES = (
    ("more_profit", "money"),
    ("more_revenue", "money"),
    ("fewer_hours", "hours"),
    ("more_purchases", "count"),
    ("pay_on_time", "count"),
    ("referral", "count"),
)
LIFT_INDEX = {code: i for i, (code, _) in enumerate(LIFT_CODES)}
TOP_REASONS = 3
MIN_EFFECT = 0.05  # score points; smaller effects are not worth a line
MAX_ON_TIME = 12
MAX_PURCHASES = 12
MAX_REFERRALS = 3
PROFIT_REFINE_STEPS = 4
INTEGER_UNITS = frozenset({"money", "money_per_hour", "days", "invoices"})


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    effect: float
    value: float | int
    reference: float | int | None
    unit: str
    team: float | int | None = None  # days_since_purchase: the team's median days since


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

    def rows(self, index: np.ndarray) -> ExplainInputs:
        """The same inputs for some clients only (positions in the scored clients)."""
        x = replace(self.x, **{f.name: getattr(self.x, f.name)[index] for f in fields(self.x)})
        per_client = ("ids", "components", "known_weight", "score", "grade", "met", "known")
        return replace(
            self,
            x=x,
            annual_hours=self.annual_hours[index],
            young=None if self.young is None else self.young[index],
            lapsed=None if self.lapsed is None else self.lapsed[index],
            uncapped_grade=None if self.uncapped_grade is None else self.uncapped_grade[index],
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
                    team=(
                        _number(inputs.team_recency_days, unit)
                        if code == "days_since_purchase" and inputs.team_recency_days is not None
                        else None
                    ),
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


def _round_up_money(amount: np.ndarray) -> np.ndarray:
    """Two significant digits, rounded up, and at least one whole unit (100 minor units): a
    client a cent below the next grade is told "€ 1 more", never "€ 0 more"."""
    with np.errstate(divide="ignore", invalid="ignore"):
        digits = np.floor(np.log10(np.maximum(amount, 1.0)))
        unit = 10.0 ** np.maximum(digits - 1, 0)
        return np.where(amount > 0, np.maximum(np.ceil(amount / unit) * unit, 100.0), amount)


def _joint_profit(
    profit: np.ndarray,
    per_hour: np.ndarray,
    hours: np.ndarray,
    c_profit: np.ndarray,
    c_hour: np.ndarray,
    need: np.ndarray,
    alone: np.ndarray,
    w_profit: float,
    w_hour: float,
    s: Scales,
) -> np.ndarray:
    """Extra annual profit that suffices when profit per hour rises with it (NaN if none).

    Bisection between a lower bound (one of the two gains must bring at least half of what is
    needed) and the profit-only amount `alone`, which always suffices.
    """

    def gain(extra: np.ndarray, rows: Any = slice(None)) -> np.ndarray:
        more = ratio_curve(profit[rows] + extra, s.profit) - c_profit[rows]
        faster = ratio_curve(per_hour[rows] + extra / hours[rows], s.profit_per_hour) - c_hour[rows]
        return w_profit * more + w_hour * faster

    def inverse(c: np.ndarray, ref: float) -> np.ndarray:
        return np.where(c < 1 - 1e-12, ratio_inverse(np.minimum(c, 1 - 1e-12), ref), np.inf)

    by_profit = inverse(c_profit + 0.5 * need / w_profit, s.profit) - profit
    by_hour = (inverse(c_hour + 0.5 * need / w_hour, s.profit_per_hour) - per_hour) * hours
    low = np.minimum(by_profit, by_hour)
    low = np.where(np.isfinite(low), np.maximum(low, 0.0), 0.0)
    found = ~np.isnan(alone)
    high = np.where(found, alone, 20.0 * np.maximum(np.abs(profit), s.profit))
    unsure = np.flatnonzero(~found)
    if len(unsure):
        found[unsure] = gain(high[unsure], unsure) >= need[unsure]
    high = np.maximum(high, low)
    for _ in range(PROFIT_REFINE_STEPS):
        middle = 0.5 * (low + high)
        enough = gain(middle) >= need
        high, low = np.where(enough, middle, high), np.where(enough, low, middle)
    return np.where(found, high, np.nan)


def _enough(
    k: np.ndarray, gain: Callable[[np.ndarray], np.ndarray], need: np.ndarray, most: int
) -> np.ndarray:
    """Whole steps from a closed form, checked forward: one more where rounding fell short."""
    with np.errstate(invalid="ignore"):
        k = np.where(gain(k) >= need, k, k + 1)
    return np.where(k <= most, k, np.inf)


def lift_arrays(
    x: ClientInputs,
    components: np.ndarray,
    weights: np.ndarray,
    known_weight: np.ndarray,
    score: np.ndarray,
    grade: np.ndarray,
    scale: str,
    s: Scales,
    annual_hours: np.ndarray,
    value_margin: float = 1.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lift code index or -1, amount, target grade index) per client."""
    n = len(score)
    count = len(labels(scale))
    target_grade = np.maximum(grade - 1, 0)
    bounds = np.array([lower_bound(scale, g) for g in range(count)])
    target = bounds[target_grade] + HYSTERESIS + 0.01
    need = np.where(grade > 0, (target - score) / 100.0 * known_weight, np.nan)
    need = np.maximum(need, 1e-9)
    effort = np.full((n, len(LIFT_CODES)), np.inf)
    amount = np.full((n, len(LIFT_CODES)), np.nan)
    c = dict(zip(COMPONENTS, components.T, strict=True))
    w = dict(zip(COMPONENTS, weights, strict=True))

    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        # more_profit: closed form through the profit curve; where profit per hour rises with
        # it, a few bisection steps find the smaller amount that suffices for both together.
        if w["profit"] > 0:
            wanted = c["profit"] + need / w["profit"]
            alone = ratio_inverse(np.where(wanted < 1 - 1e-12, wanted, np.nan), s.profit)
            money = alone - x.annual_value
            rows = np.flatnonzero(
                (annual_hours > 0)
                & ~np.isnan(c["profit_per_hour"])
                & ~np.isnan(need)
                & (w["profit_per_hour"] > 0)
            )
            money[rows] = _joint_profit(
                x.annual_value[rows],
                x.value_per_hour[rows],
                annual_hours[rows],
                c["profit"][rows],
                c["profit_per_hour"][rows],
                need[rows],
                money[rows],
                w["profit"],
                w["profit_per_hour"],
                s,
            )
            # Where value stands on revenue, the lever is revenue: the value it takes, at the
            # margin revenue stands in at. Either way no more than the client spends in a year.
            revenue = x.value_from_revenue
            money = _round_up_money(np.where(revenue, money / value_margin, money))
            size = money / np.maximum(np.abs(x.annual_value), s.profit)
            feasible = (money > 0) & (money <= np.maximum(x.annual_revenue, 0.0))
            column = np.where(revenue, 1, 0)
            amount[np.arange(n), column] = money
            effort[np.arange(n), column] = np.where(feasible, size, np.inf)

        # fewer_hours: the profit per hour that suffices, at the same profit.
        if w["profit_per_hour"] > 0:
            wanted = c["profit_per_hour"] + need / w["profit_per_hour"]
            rate = ratio_inverse(np.where(wanted < 1 - 1e-12, wanted, np.nan), s.profit_per_hour)
            annual_value_timed = x.value_per_hour * annual_hours
            fewer = annual_hours - annual_value_timed / rate
            fewer = np.ceil(fewer * 10.0) / 10.0
            share = fewer / annual_hours
            feasible = (annual_value_timed > 0) & (share > 0) & (share <= MAX_HOURS_SHARE)
            amount[:, 2] = fewer
            effort[:, 2] = np.where(feasible, share, np.inf)

        # more_purchases: the first purchase now, the rest over the year (closed form).
        fresh = recency_curve(np.zeros(n), x.interval_days)
        recency_gain = np.where(np.isnan(c["recency"]), 0.0, w["recency"] * (fresh - c["recency"]))
        if w["purchases"] > 0:

            def purchases_gain(k: np.ndarray) -> np.ndarray:
                more = ratio_curve(x.annual_purchases + k, s.purchases) - c["purchases"]
                return w["purchases"] * more + recency_gain

            wanted = c["purchases"] + (need - recency_gain) / w["purchases"]
            inverse = ratio_inverse(np.clip(wanted, 1e-12, 1 - 1e-12), s.purchases)
            k = np.maximum(np.ceil(inverse - x.annual_purchases), 1.0)
            k = np.where(wanted >= 1 - 1e-12, np.inf, k)
            k = _enough(k, purchases_gain, need, MAX_PURCHASES)
            size = k / np.maximum(x.annual_purchases, 1.0)
            hit = (x.annual_value > 0) & (size <= 1.0)
            amount[:, 3] = k
            effort[:, 3] = np.where(hit, size, np.inf)

        # pay_on_time: invoices in a row paid on time, shrinking the late share (closed form).
        if w["late_payments"] > 0:
            current = rate_curve(shrunk_rate(x.late, x.invoices, s.late_rate), s.late_scale)

            def on_time_gain(k: np.ndarray) -> np.ndarray:
                rate = shrunk_rate(x.late, x.invoices + k, s.late_rate)
                return w["late_payments"] * (rate_curve(rate, s.late_scale) - current)

            wanted = current + need / w["late_payments"]
            rate = -s.late_scale * np.log2(np.clip(wanted, 1e-12, 1.0))
            late_weight = x.late + PRIOR_EVENTS * s.late_rate
            k = np.maximum(np.ceil(late_weight / rate - x.invoices - PRIOR_EVENTS), 1.0)
            k = np.where((wanted >= 1) | (x.late <= 0), np.inf, k)
            k = _enough(k, on_time_gain, need, MAX_ON_TIME)
            k = np.where(k <= np.maximum(x.annual_purchases, 1.0), k, np.inf)
            amount[:, 4] = k
            effort[:, 4] = 0.05 * k

        # referral: one to three referrals (closed form).
        if w["referrals"] > 0:
            headroom = REFERRAL_GAIN * 0.5**x.referrals

            def referral_gain(k: np.ndarray) -> np.ndarray:
                return w["referrals"] * headroom * (1.0 - 0.5**k)

            share = need / (w["referrals"] * headroom)
            k = np.maximum(np.ceil(-np.log2(np.clip(1.0 - share, 1e-12, 1.0))), 1.0)
            k = np.where(share >= 1, np.inf, k)
            k = _enough(k, referral_gain, need, MAX_REFERRALS)
            amount[:, 5] = k
            effort[:, 5] = 0.5 * k

    effort[np.isnan(need)] = np.inf
    best = np.argmin(effort, axis=1)
    found = np.isfinite(effort[np.arange(n), best])
    code = np.where(found, best, -1)
    return code, amount[np.arange(n), best], target_grade


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
        x.invoices,
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
        if team_recency_days is not None:
            recency = COMPONENTS.index("recency")
            team_gap = x.recency_days - team_recency_days
            ok[:, recency] &= (np.abs(team_gap) > MIN_GAP * max(team_recency_days, 1.0)) & (
                np.sign(team_gap) * POLARITY[recency] * np.sign(effects[:, recency]) > 0
            )
    return ok

"""The ideal client profile in the three areas of the Dutch text, and its JSON form.

1. Demographics: age range, cities, income band, education, gender, interests; for
   organisations industry, number of employees and how they decide.
2. Fit with the team: minimum profit per hour (minor units per hour), minimum margin (0–1) and
   the service level the team delivers well (at most this many hours per order).
3. Market reality: how many such clients the market holds and how many competitors chase them.

Every criterion is optional; a profile with none matches nobody and nobody misses it. Sets
match case-insensitively. `to_dict()` is what the ideal_profile table stores in `criteria`:

    {"name": "...", "kind": "organisation" | "person" | null,
     "demographics": {"min_age", "max_age", "cities", "min_income", "max_income",
                      "educations", "genders", "interests", "industries",
                      "min_employees", "max_employees", "decisions"},
     "fit": {"min_profit_per_hour", "min_margin", "max_hours_per_order"},
     "market": {"market_size", "competitors"},
     "weights": {criterion: weight} | null}

Unknown keys are ignored and missing ones mean "no criterion", so old rows keep loading.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from scoring.references import References

# The profile's criteria about who a client is (not what they bring): fit scores them, and the
# data warnings say when too few clients have them filled in.
DEMOGRAPHIC_CODES = (
    "age",
    "income",
    "employees",
    "city",
    "education",
    "gender",
    "industry",
    "decision",
    "interests",
)

DEMOGRAPHIC_RANGES = ("min_age", "max_age", "min_income", "max_income")
ORGANISATION_RANGES = ("min_employees", "max_employees")
DEMOGRAPHIC_SETS = ("cities", "educations", "genders", "interests", "industries", "decisions")
FIT_FIELDS = ("min_profit_per_hour", "min_margin", "max_hours_per_order")
MARKET_FIELDS = ("market_size", "competitors")
SET_FIELDS = frozenset(DEMOGRAPHIC_SETS)
# How far above the team's median hours per order the default profile still calls a fit.
DEFAULT_SERVICE_SLACK = 1.5


@dataclass(frozen=True)
class IdealProfile:
    """One ideal client profile; `kind` None applies to persons and organisations alike."""

    name: str = "ideal"
    kind: str | None = None
    min_age: int | None = None
    max_age: int | None = None
    cities: frozenset[str] = frozenset()
    min_income: int | None = None
    max_income: int | None = None
    educations: frozenset[str] = frozenset()
    genders: frozenset[str] = frozenset()
    interests: frozenset[str] = frozenset()
    industries: frozenset[str] = frozenset()
    min_employees: int | None = None
    max_employees: int | None = None
    decisions: frozenset[str] = frozenset()
    min_profit_per_hour: int | None = None
    min_margin: float | None = None
    max_hours_per_order: float | None = None
    market_size: int | None = None
    competitors: int | None = None
    weights: Mapping[str, float] | None = None

    def __post_init__(self) -> None:
        for name in SET_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, frozenset):
                object.__setattr__(self, name, frozenset(_strings(value)))
        if self.kind not in (None, "person", "organisation"):
            raise ValueError("kind must be 'person', 'organisation' or None")

    def applies_to(self, kind: str) -> bool:
        return self.kind is None or self.kind == kind

    def to_dict(self) -> dict[str, Any]:
        """The JSON form stored in ideal_profile.criteria (sets as sorted lists)."""

        def pick(names: Iterable[str]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for name in names:
                value = getattr(self, name)
                out[name] = sorted(value) if name in SET_FIELDS else value
            return out

        return {
            "name": self.name,
            "kind": self.kind,
            "demographics": pick((*DEMOGRAPHIC_RANGES, *DEMOGRAPHIC_SETS, *ORGANISATION_RANGES)),
            "fit": pick(FIT_FIELDS),
            "market": pick(MARKET_FIELDS),
            "weights": dict(self.weights) if self.weights is not None else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IdealProfile:
        """Read a stored profile; tolerant of missing and unknown keys."""
        known = {f.name for f in fields(cls)}
        flat: dict[str, Any] = {}
        for area in ("demographics", "fit", "market"):
            flat.update(data.get(area) or {})
        flat.update({k: v for k, v in data.items() if k in known})
        values = {k: v for k, v in flat.items() if k in known and v is not None}
        for name in SET_FIELDS & values.keys():
            values[name] = frozenset(_strings(values[name]))
        return cls(**values)


def _strings(values: Any) -> list[str]:
    if isinstance(values, str):
        values = [values]
    return [str(v).strip() for v in values or () if str(v).strip()]


def default_profile(references: References) -> IdealProfile:
    """For a team that wrote no profile: fit with the team by its own medians, no demographics."""
    hours = references.median_hours_per_order
    return IdealProfile(
        name="team",
        min_profit_per_hour=(
            round(references.median_profit_per_hour)
            if references.median_profit_per_hour and references.median_profit_per_hour > 0
            else None
        ),
        min_margin=(
            references.median_margin
            if references.median_margin and references.median_margin > 0
            else None
        ),
        max_hours_per_order=hours * DEFAULT_SERVICE_SLACK if hours else None,
    )

"""Week snapshots: a week's scores as score_snapshot rows, and what changed since last week.

`snapshot_rows` gives one dict per scored client with exactly the score_snapshot columns
(client_id, week, score, grade, grade_scale, over_reliant, watch, decline_candidate,
time_eater); storage adds team_id. `compare_weeks` compares two weeks' rows: grades up and down
(only between rows on the same scale — switching scale is not a grade change; a client without
a sale in the window is saved with grade "" and has none to change) and clients newly
over-relied on, watched, proposed for declining or eating time. With no previous week there is
nothing to compare, and every field is empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from scoring.analysis import TeamAnalysis
from scoring.grades import grade_index

SNAPSHOT_COLUMNS = (
    "client_id",
    "week",
    "score",
    "grade",
    "grade_scale",
    "over_reliant",
    "watch",
    "decline_candidate",
    "time_eater",
)
FLAGS = ("over_reliant", "watch", "decline_candidate", "time_eater")


@dataclass(frozen=True, slots=True)
class WeekChanges:
    grade_up: tuple[tuple[int, str, str], ...]  # (client_id, old grade, new grade)
    grade_down: tuple[tuple[int, str, str], ...]
    new_over_reliant: tuple[int, ...]
    new_decline_candidates: tuple[int, ...]
    new_time_eaters: tuple[int, ...]
    new_watch: tuple[int, ...] = ()
    # What the team did in the last 7 days: a week with any of it is no quiet week.
    new_clients: int = 0
    sales: int = 0
    complaints: int = 0
    # What those sales came to, minor units, VAT off: a team wants the sum, not only the count.
    sales_amount: int = 0

    @property
    def happened(self) -> bool:
        """Anything recorded this week: new clients, sales or complaints."""
        return bool(self.new_clients or self.sales or self.complaints)

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.grade_up,
                self.grade_down,
                self.new_over_reliant,
                self.new_decline_candidates,
                self.new_time_eaters,
                self.new_watch,
            )
        )


def snapshot_rows(analysis: TeamAnalysis, week: str) -> list[dict[str, Any]]:
    """One score_snapshot row per scored client (without team_id)."""
    table = analysis.clients
    scale = analysis.grade_scale
    columns = zip(
        table.index.tolist(),
        table["score"].tolist(),
        table["grade"].tolist(),
        *(table[flag].tolist() for flag in FLAGS),
        strict=True,
    )
    return [
        {
            "client_id": int(client_id),
            "week": week,
            "score": float(score),
            "grade": grade if isinstance(grade, str) else "",  # no sale in the window: none
            "grade_scale": scale,
            "over_reliant": bool(over),
            "watch": bool(watch),
            "decline_candidate": bool(decline),
            "time_eater": bool(eater),
        }
        for client_id, score, grade, over, watch, decline, eater in columns
    ]


def compare_weeks(
    previous_rows: Iterable[Mapping[str, Any]], current_rows: Iterable[Mapping[str, Any]]
) -> WeekChanges:
    """What changed between two weeks' snapshot rows, each list sorted by client id."""
    before = {int(row["client_id"]): row for row in previous_rows}
    now = {int(row["client_id"]): row for row in current_rows}
    if not before:
        return WeekChanges((), (), (), (), ())
    up, down = [], []
    for client_id in sorted(before.keys() & now.keys()):
        old, new = before[client_id], now[client_id]
        if old["grade_scale"] != new["grade_scale"]:
            continue
        old_index = grade_index(old["grade"], old["grade_scale"])
        new_index = grade_index(new["grade"], new["grade_scale"])
        if old_index is None or new_index is None or old_index == new_index:
            continue
        change = (client_id, str(old["grade"]), str(new["grade"]))
        (up if new_index < old_index else down).append(change)

    def newly(flag: str) -> tuple[int, ...]:
        return tuple(
            client_id
            for client_id in sorted(now)
            if now[client_id].get(flag) and not before.get(client_id, {}).get(flag)
        )

    return WeekChanges(
        grade_up=tuple(up),
        grade_down=tuple(down),
        new_over_reliant=newly("over_reliant"),
        new_decline_candidates=newly("decline_candidate"),
        new_time_eaters=newly("time_eater"),
        new_watch=newly("watch"),
    )

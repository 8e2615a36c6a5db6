"""Week snapshots: rows for score_snapshot and what changed since last week."""

from __future__ import annotations

from scoring.snapshots import SNAPSHOT_COLUMNS, compare_weeks, snapshot_rows


def row(client_id: int, grade: str, scale: str = "A-D", **flags: bool) -> dict:
    base = dict.fromkeys(("over_reliant", "watch", "decline_candidate", "time_eater"), False)
    return {
        "client_id": client_id,
        "week": "w",
        "score": 50.0,
        "grade": grade,
        "grade_scale": scale,
        **base,
        **flags,
    }


def test_rows_have_exactly_the_snapshot_columns(agency_analysis) -> None:
    rows = snapshot_rows(agency_analysis, "2026-W48")
    assert len(rows) == len(agency_analysis.clients)
    assert set(rows[0]) == set(SNAPSHOT_COLUMNS)
    first = next(r for r in rows if r["client_id"] == 1)
    assert first["over_reliant"] is True and first["week"] == "2026-W48"
    assert isinstance(first["score"], float) and first["grade_scale"] == "A-D"


def test_compare_weeks_finds_grade_changes_and_new_flags() -> None:
    before = [row(1, "B"), row(2, "B"), row(3, "C", over_reliant=True), row(4, "A")]
    after = [
        row(1, "A"),
        row(2, "C", decline_candidate=True),
        row(3, "C", over_reliant=True),
        row(4, "A", time_eater=True),
        row(5, "D", over_reliant=True),
    ]
    changes = compare_weeks(before, after)
    assert changes.grade_up == ((1, "B", "A"),)
    assert changes.grade_down == ((2, "B", "C"),)
    assert changes.new_over_reliant == (5,)
    assert changes.new_decline_candidates == (2,)
    assert changes.new_time_eaters == (4,)


def test_a_change_of_scale_is_not_a_grade_change() -> None:
    changes = compare_weeks([row(1, "B")], [row(1, "4", scale="1-5")])
    assert changes.grade_up == () and changes.grade_down == ()


def test_first_week_has_nothing_to_compare() -> None:
    assert compare_weeks([], [row(1, "A", over_reliant=True)]).empty

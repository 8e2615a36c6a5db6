"""Kompas scoring: pure pandas/numpy functions from a team's frames to its client grades and risks.

No I/O, no clock, no Telegram, no database: `storage.frames` loads a team into `TeamFrames`,
`analyse` turns them into a `TeamAnalysis`, the bot renders it.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Each name is imported from its module when first asked for: `storage` reads the settings
# and the profile without pandas, and a `kompas import` starts ~0.5 s sooner without it.
_WHERE = {
    "TeamAnalysis": "scoring.analysis",
    "analyse": "scoring.analysis",
    "Concentration": "scoring.concentration",
    "RelianceFlag": "scoring.concentration",
    "ScoringWarning": "scoring.data_warnings",
    "DeclineCandidate": "scoring.decline",
    "NearCandidate": "scoring.decline",
    "Risk": "scoring.decline",
    "Explanation": "scoring.explain",
    "Lift": "scoring.explain",
    "Reason": "scoring.explain",
    "TeamFrames": "scoring.frames",
    "grade_for": "scoring.grades",
    "Disagreement": "scoring.judgement",
    "MarketReality": "scoring.market",
    "Owed": "scoring.owed",
    "NumericTrait": "scoring.portrait",
    "Portrait": "scoring.portrait",
    "Trait": "scoring.portrait",
    "IdealProfile": "scoring.profile",
    "default_profile": "scoring.profile",
    "Check": "scoring.prospects",
    "ProspectVerdict": "scoring.prospects",
    "assess_prospect": "scoring.prospects",
    "assess_prospects": "scoring.prospects",
    "Records": "scoring.records",
    "References": "scoring.references",
    "compute_references": "scoring.measured_references",
    "analysis_to_json": "scoring.report",
    "Overdue": "scoring.retention",
    "ScoringSettings": "scoring.settings",
    "WeekChanges": "scoring.snapshots",
    "compare_weeks": "scoring.snapshots",
    "snapshot_rows": "scoring.snapshots",
    "TimeEater": "scoring.time_eaters",
}

if TYPE_CHECKING:
    from scoring.analysis import TeamAnalysis, analyse
    from scoring.concentration import Concentration, RelianceFlag
    from scoring.data_warnings import ScoringWarning
    from scoring.decline import DeclineCandidate, NearCandidate, Risk
    from scoring.explain import Explanation, Lift, Reason
    from scoring.frames import TeamFrames
    from scoring.grades import grade_for
    from scoring.judgement import Disagreement
    from scoring.market import MarketReality
    from scoring.measured_references import compute_references
    from scoring.owed import Owed
    from scoring.portrait import NumericTrait, Portrait, Trait
    from scoring.profile import IdealProfile, default_profile
    from scoring.prospects import Check, ProspectVerdict, assess_prospect, assess_prospects
    from scoring.records import Records
    from scoring.references import References
    from scoring.report import analysis_to_json
    from scoring.retention import Overdue
    from scoring.settings import ScoringSettings
    from scoring.snapshots import WeekChanges, compare_weeks, snapshot_rows
    from scoring.time_eaters import TimeEater

    Warning = ScoringWarning


def __getattr__(name: str) -> Any:
    # The contract calls a data warning `Warning`; the class is named so it does not shadow
    # the builtin inside the modules that use it.
    real = "ScoringWarning" if name == "Warning" else name
    if real not in _WHERE:
        raise AttributeError(f"module 'scoring' has no attribute {name!r}")
    value = getattr(import_module(_WHERE[real]), real)
    globals()[name] = value
    return value


__all__ = [
    "Check",
    "Concentration",
    "DeclineCandidate",
    "Disagreement",
    "Explanation",
    "IdealProfile",
    "Lift",
    "MarketReality",
    "NearCandidate",
    "NumericTrait",
    "Overdue",
    "Owed",
    "Portrait",
    "ProspectVerdict",
    "Reason",
    "Records",
    "References",
    "RelianceFlag",
    "Risk",
    "ScoringSettings",
    "ScoringWarning",
    "TeamAnalysis",
    "TeamFrames",
    "TimeEater",
    "Trait",
    "Warning",
    "WeekChanges",
    "analyse",
    "analysis_to_json",
    "assess_prospect",
    "assess_prospects",
    "compare_weeks",
    "compute_references",
    "default_profile",
    "grade_for",
    "snapshot_rows",
]

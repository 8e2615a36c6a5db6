"""Kompas scoring: pure pandas/numpy functions from a team's frames to its client grades and risks.

No I/O, no clock, no Telegram, no database: `storage.frames` loads a team into `TeamFrames`,
`analyse` turns them into a `TeamAnalysis`, the bot renders it.
"""

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

# The contract calls a data warning `Warning`; the class is named so it does not shadow the
# builtin inside the modules that use it.
Warning = ScoringWarning

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

"""Every name the `scoring` package offers (`from scoring import analyse`), each named once here.

`scoring/__init__.py` loads this module on the first use of one of them, with pandas: importing
`scoring.settings` or `scoring.profile` alone stays light.
"""

# ruff: noqa: F401 — these imports are the package's names, used by its callers

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

"""Every Kompas table, one module per area; import from here."""

from storage.models.base import metadata
from storage.models.clients import Client, ClientKind, ClientStatus, Event, EventKind, Rating, Sale
from storage.models.delivery import DigestDelivery, PolledUpdate, ProcessedUpdate, SchedulerLease
from storage.models.dialogs import DialogState, PendingUndo
from storage.models.history import AuditLog, ScoreReference, ScoreSnapshot
from storage.models.offline import OfflineChatMember, OfflineCounter
from storage.models.profiles import IdealProfileRow
from storage.models.teams import GradeScale, Member, MemberStatus, Role, Team, UserPref

__all__ = [
    "AuditLog",
    "Client",
    "ClientKind",
    "ClientStatus",
    "DialogState",
    "DigestDelivery",
    "Event",
    "EventKind",
    "GradeScale",
    "IdealProfileRow",
    "Member",
    "MemberStatus",
    "OfflineChatMember",
    "OfflineCounter",
    "PendingUndo",
    "PolledUpdate",
    "ProcessedUpdate",
    "Rating",
    "Role",
    "Sale",
    "SchedulerLease",
    "ScoreReference",
    "ScoreSnapshot",
    "Team",
    "UserPref",
    "metadata",
]

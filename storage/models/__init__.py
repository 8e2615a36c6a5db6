"""Every Kompas table, one module per area; import from here."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from storage.models.base import metadata as _metadata
from storage.models.base import stored_id
from storage.models.clients import Client, ClientKind, ClientStatus, Event, EventKind, Rating, Sale
from storage.models.history import AuditLog, ImportedFile, ScoreReference, ScoreSnapshot
from storage.models.profiles import IdealProfileRow
from storage.models.teams import GradeScale, Member, MemberStatus, Role, Team, UserPref

if TYPE_CHECKING:  # what editors and type checkers see
    from sqlalchemy import MetaData

    from storage.models.delivery import (
        DigestDelivery,
        PolledUpdate,
        ProcessedUpdate,
        SchedulerLease,
    )
    from storage.models.dialogs import DialogState, PendingUndo
    from storage.models.offline import OfflineChatMember, OfflineCounter

    metadata: MetaData

# The bot's own bookkeeping tables load on first use: a report or an import never reads them,
# and building their models costs about as much as importing them all did (~0.1 s of
# `kompas report`). Their foreign keys point only at the tables loaded above.
_ON_FIRST_USE = {
    "DigestDelivery": "storage.models.delivery",
    "PolledUpdate": "storage.models.delivery",
    "ProcessedUpdate": "storage.models.delivery",
    "SchedulerLease": "storage.models.delivery",
    "DialogState": "storage.models.dialogs",
    "PendingUndo": "storage.models.dialogs",
    "OfflineChatMember": "storage.models.offline",
    "OfflineCounter": "storage.models.offline",
}


def __getattr__(name: str) -> Any:
    if name == "metadata":  # every table: migrations, schema checks and tests walk them all
        for module in set(_ON_FIRST_USE.values()):
            import_module(module)
        value: Any = _metadata
    elif name in _ON_FIRST_USE:
        value = getattr(import_module(_ON_FIRST_USE[name]), name)
    else:
        raise AttributeError(f"module 'storage.models' has no attribute {name!r}")
    globals()[name] = value
    return value


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
    "ImportedFile",
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
    "stored_id",
]

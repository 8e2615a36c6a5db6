"""Why storage changed nothing or read nothing, by name: `InputError(Refused.X, **params)`.

Storage decides and render says (issue 19): bot/render/stored_refusals.py words each key, in
the reader's language, so storage holds no message of its own. The params each key carries
are named beside it; render's words use exactly those.
"""

from __future__ import annotations

from enum import StrEnum, auto


class Refused(StrEnum):
    """A refusal raised in storage/, worded in bot/render/stored_refusals.py."""

    # Teams and members
    NO_TEAM = auto()
    HAS_A_TEAM = auto()  # a personal team asked for twice
    CURRENCY_LOCKED = auto()  # the team already has sales
    NOT_IN_THE_TEAM = auto()
    OWNER_STAYS = auto()  # the owner can't be removed
    ALREADY_IN_THE_TEAM = auto()  # `name`
    ALREADY_ANSWERED = auto()  # an approval request someone else answered

    # Clients and what is recorded about them
    ALREADY_LISTED = auto()  # `client`
    NAME_NEEDED = auto()
    NAME_TOO_LONG = auto()  # `max`
    RESERVED_NAME = auto()  # `name`: what erased clients are called
    WHICH_CLIENT = auto()
    CLIENT_GONE = auto()
    SALE_GONE = auto()
    PROFILE_GONE = auto()
    PROFILE_EXISTS = auto()  # `name`: the profile it would repeat
    NOTHING_TO_PAY = auto()  # `client`
    MORE_THAN_OWED = auto()  # `client`
    RATE_EACH_POINT = auto()
    RATING_OUT_OF_RANGE = auto()
    WHO_WAS_REFERRED = auto()
    SELF_REFERRAL = auto()
    REFERRAL_CIRCLE = auto()  # `referrer`, `referred`

    # Undo
    UNDO_EXPIRED = auto()
    ALREADY_UNDONE = auto()
    CHANGED_SINCE = auto()
    SALE_CLIENT_GONE = auto()  # the sale to bring back has no client any more
    CLIENT_KEPT = auto()  # the client to take back has sales or notes by now

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

    # Files: too big, unreadable, or not a table
    TOO_LARGE = auto()  # `max`
    TOO_MANY_ROWS = auto()  # `max`
    NO_ROWS = auto()
    TOO_MANY_CELLS = auto()  # `max`
    EMPTY = auto()
    NOT_A_TABLE = auto()
    BAD_SPREADSHEET = auto()
    UNCLOSED_QUOTE = auto()  # `line`
    MIXED_SEPARATORS = auto()  # `line`, `found`, `expected`
    ROW_TOO_WIDE = auto()  # `line`
    ODD_CHARACTERS = auto()  # `line`, `text`
    CELL_TOO_LONG = auto()  # `line`, `max`
    CONTROL_CHARACTERS = auto()  # `line`, `text`
    INFLATES = auto()  # `size`, `packed`
    TOO_MANY_PARTS = auto()  # `n`, `max`
    STRICT_XLSX = auto()
    FORMULA_WITHOUT_VALUE = auto()  # `cell`
    TOO_SLOW = auto()  # `seconds`
    TOO_BIG_INSIDE = auto()
    UNREADABLE = auto()
    NOTHING_RECOGNISED = auto()  # `name`, `date`, `amount`
    NO_NAME_COLUMN = auto()  # `example`
    NO_DATE_COLUMN = auto()  # `example`
    NO_AMOUNT_COLUMN = auto()  # `example`
    NO_EVENT_DATE_COLUMN = auto()  # `example`

    # A file's rows, each problem with its line and column
    RATING_NEEDS_CRITERION = auto()
    RATING_NEEDS_VALUE = auto()
    DUPLICATE_CLIENT = auto()  # `client`, `other`
    BEFORE_THE_SALE = auto()  # `sold`
    PAID_NOT_BELOW_AMOUNT = auto()
    NOT_A_CLIENT = auto()  # `client`
    UNKNOWN_REFERRER = auto()  # `client`
    BAD_BIRTH_YEAR = auto()  # `text`
    BAD_AGE = auto()  # `text`
    BAD_EMPLOYEES = auto()  # `text`
    TOO_LONG = auto()  # `max`
    BAD_RATING = auto()  # `text`
    BAD_RATER = auto()  # `text`
    NAME_MISSING = auto()
    DATE_MISSING = auto()
    AMOUNT_MISSING = auto()
    EVENT_MISSING = auto()

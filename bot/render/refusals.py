"""Why a request changed nothing: the refusals handlers raise (`InputError(key, **params)`),
one message key each, translated where the reply is made."""

from __future__ import annotations

from locales import N_

ADMIN_UNKNOWN = N_(
    "I couldn't check with Telegram whether {name} is an admin of the group. Try again in a minute."
)

ALREADY_ERASED = N_("This client's personal data is erased already.")

ALREADY_ACTIVE = N_("{client} is already a client; nothing changed.")

# A decision button pressed after the client's status changed (another admin, a double tap,
# an older message) says what holds now and changes nothing.
ALREADY_DECLINED = N_("{client} is already declined; nothing changed.")

ALREADY_LISTED = N_("{client} is already on your list.")

CLIENTS_USAGE = N_("Type /clients, /clients prospects or /clients declined.")

CLIENT_NOT_FOUND = N_("I can't find “{name}” among your clients.")

CLIENT_SINCE_IN_FUTURE = N_("That date is still to come: since when are they a client?")

DECLINED_MEANWHILE = N_(
    "{client} was declined meanwhile, so nothing is kept. To keep them after all, "
    "tap “Take back” on their card."
)

DEMO_NEEDS_AN_EMPTY_TEAM = N_("Your team already has clients, so I left the demo data out.")

DIGEST_USAGE = N_("Type /digest, /digest on or /digest off.")

GIVE_EVERY_GRADE = N_(
    "Give {count} numbers from 1 to 5, for example: /rate Bakkerij de Vries 4 5 3"
)

# A team that sees grades on 1–10 types a 9 for a point: each point is still rated 1 to 5
# (DESIGN.md: a rating's value is 1–5), and the answer names both scales (issue 17).
GIVE_EVERY_GRADE_TEN = N_(
    "Give {count} numbers from 1 to 5, for example: /rate Bakkerij de Vries 4 5 3. Each point is "
    "rated from 1 to 5; the grade is then shown on your scale from 1 to 10."
)

GROUP_ADMIN_STAYS = N_(
    "{name} is an admin of the Telegram group, so they stay in the team. Only the group's "
    "own settings can change that."
)

HOURS_ABOVE_ZERO = N_("Type a number of hours above 0, for example 3 or 2,5.")

HOUR_COST_LIMIT = N_("Type what an hour costs, up to {limit}.")

IMPORT_RACED = N_(
    "Someone imported the same data at the very same moment, so I imported nothing. "
    "Send the file again in a minute: what is already there will be skipped."
)

IN_NO_TEAM = N_(
    "You're not in any team yet. Send /start in your team's group, or here for a team of your own."
)

LANGUAGES_SPOKEN = N_("I speak Dutch and Russian: type /lang nl or /lang ru.")

LOOKS_LIKE_A_SALE = N_(
    "That looks like a sale: /sale {text}\nTo add a client whose name has a "
    "number or a date in it, send /add and type the name when I ask."
)

MARGIN_OUT_OF_RANGE = N_("Type a percentage from 1 to 99, for example 35.")

MARKET_OF_NONE = N_("A market of 0 clients? Type a rough number, for example 400.")
MARKET_FRACTION = N_("A market of {text} clients? Type a rough whole number, for example 400.")

MORE_THAN_OWED = N_("That's more than {client} still owes: {amount}.")

NAME_NEEDED = N_("A client needs a name.")

NOBODY_OWES = N_("Nobody called “{name}” has anything left to pay.")

NOTHING_TO_PAY = N_("{client} has nothing left to pay.")
NOTHING_TO_PAY_ON_THE_SPOT = N_(
    "{client} has nothing left to pay.\n"
    "Sold on credit? Add “on credit” after the amount: /sale {client} 1250 on credit"
)

NOT_A_BIRTH_YEAR = N_(
    "“{year}” can't be a year of birth: type one from 1900 to now, for example 1985."
)

NOT_A_DECLINE_CANDIDATE = N_("{client} isn't among the clients to consider letting go.")

NOT_IMPORTABLE = N_(
    "I can import CSV and Excel (.xlsx) files. Save “{name}” as one of those and send it again."
)

NOT_IN_THE_TEAM = N_("That person isn't in the team any more.")

NO_CLIENTS_OF_THAT_KIND = N_("You have no clients of that kind yet.")

NO_PHONE_NUMBERS = N_(
    "Kompas doesn't keep phone numbers; nothing was added. To add the client "
    "without it: /add {text}"
)

NO_EMAIL_ADDRESSES = N_(
    "Kompas doesn't keep e-mail addresses; nothing was added. To add the client "
    "without it: /add {text}"
)

NO_PHONE_NUMBERS_CHECKED = N_(
    "Kompas doesn't keep phone numbers. To check the client without it: /check {text}"
)

NO_EMAIL_ADDRESSES_CHECKED = N_(
    "Kompas doesn't keep e-mail addresses. To check the client without it: /check {text}"
)

YEAR_AFTER_A_NAME = N_("Is {year} the year of birth? Then send: /check {text}")

ONLY_GROUP_ADMINS_START = N_("Only an admin of this group can make it a Kompas team.")

ONLY_LOOKS_LIKE = N_("Do you mean {client}? Type their name in full.")

PAID_BEFORE_SOLD = N_(
    "The sale is from {sold}: it can't have been paid earlier ({paid}). Type the day it was paid."
)
PAID_BEFORE_SALE = N_(
    "The sale is from {sold}: it can't have been paid earlier ({paid}). Nothing changed; "
    "send /paid again with the day it was paid."
)

PERCENT_ABOVE_ZERO = N_("Type a percentage above 0, or skip to clear it.")

PICK_A_BUTTON = N_("Pick one of the buttons, please.")

PICK_WHAT_TO_CHANGE = N_("Pick what to change with a button.")

PICK_WHAT_TO_CORRECT = N_("Pick what to correct with a button.")

PORTRAIT_USAGE = N_("Type /portrait, /portrait persons or /portrait organisations.")

SELF_REFERRAL = N_("A client can't refer themselves.")

SEVERAL_MATCH = N_("Several clients match “{name}”: type more of the name.")

SMALLER_FIRST = N_("Put the smaller number first, like 25-45.")

TAP_A_GRADE = N_("Tap a number from 1 to 5.")
TAP_A_GRADE_TEN = N_(
    "Tap a number from 1 to 5: each point is rated from 1 to 5, and the grade is then shown on "
    "your scale from 1 to 10."
)

TAP_A_KIND = N_("Tap Person or Organisation.")

TAP_THEN_SAVE = N_("Tap what fits, then Save.")

TEAM_CHOSEN_IN_PRIVATE = N_("Choose a team in a private chat with me; here it's this group.")

THRESHOLD_OUT_OF_RANGE = N_("Type a percentage from 10 to 100, for example 25.")

TOO_MANY_WORDS = N_("That's more than {max}. Keep the ones that matter most.")

TYPE_A_RANGE = N_("Type a range like 25-45, or “from 30” or “up to 50”.")

TYPE_A_VALUE = N_("Type a value, or /cancel to stop.")

TYPE_OR_SKIP = N_("Type the value, or skip to clear it.")

TYPE_THE_AMOUNT = N_("Type the amount, for example 1250,50.")

TYPE_THE_NEW_VALUE = N_("Type the new value.")

TYPE_THE_REFERRED = N_("Type the name of the client they referred.")

UNKNOWN_COMMAND = N_("I don't know the command {command}. Send /help for the list.")

VAT_OUT_OF_RANGE = N_("Type a VAT rate from 0 to 50, for example 21.")
VAT_AS_A_FRACTION = N_(
    "“{text}” would be a VAT rate of {rate}. Type the rate in percent, for example 21."
)

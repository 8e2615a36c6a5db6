"""The words of storage's refusals (storage/refusals.py): storage raises them by name, render
says them, so each message is spelled once, here or in render/refusals.py."""

from __future__ import annotations

from bot.render import refusals
from locales import N_, InputError
from storage.refusals import Refused

NO_TEAM = N_("There's no team here yet. Send /start to set one up.")
WHICH_CLIENT = N_("Which client? Type (part of) their name.")
HAS_A_TEAM = N_("You already have a team. Send /help to see what I can do.")

STORED_REFUSALS = {
    Refused.NO_TEAM: NO_TEAM,
    Refused.HAS_A_TEAM: HAS_A_TEAM,
    Refused.CURRENCY_LOCKED: N_("The currency can't change once the team has sales."),
    Refused.NOT_IN_THE_TEAM: refusals.NOT_IN_THE_TEAM,
    Refused.OWNER_STAYS: N_("The owner can't be removed."),
    Refused.ALREADY_IN_THE_TEAM: N_("{name} is already in the team."),
    Refused.ALREADY_ANSWERED: N_("Someone already answered this request."),
    Refused.ALREADY_LISTED: refusals.ALREADY_LISTED,
    Refused.NAME_NEEDED: refusals.NAME_NEEDED,
    Refused.NAME_TOO_LONG: N_("That name is too long: at most {max} characters."),
    Refused.RESERVED_NAME: N_(
        "“{name}” is how Kompas labels an erased client: choose another name."
    ),
    Refused.WHICH_CLIENT: WHICH_CLIENT,
    Refused.CLIENT_GONE: N_("That client isn't here any more."),
    Refused.SALE_GONE: N_("That sale isn't here any more."),
    Refused.PROFILE_GONE: N_("That profile isn't here any more."),
    Refused.PROFILE_EXISTS: N_("There is already a profile like this: {name}."),
    Refused.NOTHING_TO_PAY: refusals.NOTHING_TO_PAY,
    Refused.MORE_THAN_OWED: N_("That's more than {client} still owes."),
    Refused.RATE_EACH_POINT: N_("Rate each point from 1 to 5."),
    Refused.RATING_OUT_OF_RANGE: N_("Ratings go from 1 to 5, with 5 the best."),
    Refused.WHO_WAS_REFERRED: N_("Who did they refer? Type the new client's name too."),
    Refused.SELF_REFERRAL: refusals.SELF_REFERRAL,
    Refused.REFERRAL_CIRCLE: N_(
        "Not recorded: {referrer} came to you through {referred}, so it can't be the other way "
        "round."
    ),
    Refused.UNDO_EXPIRED: N_("This can't be undone any more (undo works for 24 hours)."),
    Refused.ALREADY_UNDONE: N_("This was already undone."),
    Refused.CHANGED_SINCE: N_(
        "This can't be undone any more: what it changed has been changed or removed since."
    ),
    Refused.SALE_CLIENT_GONE: N_(
        "This can't be undone: the client of that sale doesn't exist any more."
    ),
    Refused.CLIENT_KEPT: N_("This client already has sales or notes, so I kept them."),
    # Files: too big, unreadable, or not a table
    Refused.TOO_LARGE: N_("This file is too large: send at most {max} MB at a time."),
    Refused.TOO_MANY_ROWS: N_("This file has more than {max} rows. Split it into smaller files."),
    Refused.NO_ROWS: N_("This file has column names but no rows under them."),
    Refused.TOO_MANY_CELLS: N_("This file has more than {max} cells. Split it into smaller files."),
    Refused.EMPTY: N_(
        "This file is empty. Send a CSV or Excel file with a header row and your data."
    ),
    Refused.NOT_A_TABLE: N_("This is not a CSV or Excel file I can read. Save it as CSV or .xlsx."),
    Refused.BAD_SPREADSHEET: N_(
        "I can't read this spreadsheet. Save it as .xlsx or CSV and send it again."
    ),
    Refused.UNCLOSED_QUOTE: N_(
        'Line {line} opens a quote (") that is never closed, so the rest of the file would be '
        "one cell. Close the quote or remove it, and send the file again."
    ),
    Refused.MIXED_SEPARATORS: N_(
        "Line {line} is separated by “{found}”, but the first line by “{expected}”. Use one "
        "separator in the whole file."
    ),
    Refused.ROW_TOO_WIDE: N_(
        "Line {line} has more values than the first line has columns, so I can't tell which "
        "value goes where. An amount like 1,250 in a file separated by commas falls in two: "
        "save the file with “;” between the columns, or put such amounts in quotes."
    ),
    Refused.ODD_CHARACTERS: N_(
        "I can't tell how this file's letters are stored: line {line} would read “{text}”. Save "
        "it as “CSV UTF-8” and send it again."
    ),
    Refused.CELL_TOO_LONG: N_(
        "Line {line} has a cell of more than {max} characters, which no name, date or amount "
        "needs. Shorten it and send the file again."
    ),
    Refused.CONTROL_CHARACTERS: N_(
        "Line {line} holds control characters, which are not text: “{text}”. Remove them and "
        "send the file again."
    ),
    Refused.INFLATES: N_(
        "This spreadsheet would unpack to {size} MB from a file of {packed} KB. I don't open "
        "files like that: save it as CSV and send it again."
    ),
    Refused.TOO_MANY_PARTS: N_(
        "This spreadsheet is made of {n} parts; I open at most {max}. Save it as CSV and send "
        "it again."
    ),
    Refused.STRICT_XLSX: N_(
        "This workbook is saved as “Strict Open XML”, which I can't read. In Excel choose Save "
        "As → “Excel Workbook (.xlsx)” or “CSV UTF-8”, and send it again."
    ),
    Refused.FORMULA_WITHOUT_VALUE: N_(
        "Cell {cell} holds a formula without a saved value. Open the file in Excel, save it, "
        "and send it again."
    ),
    Refused.TOO_SLOW: N_(
        "This file takes too long to read: I stopped after {seconds} seconds. Split it into "
        "smaller files, or save it as CSV."
    ),
    Refused.TOO_BIG_INSIDE: N_(
        "This file needs too much memory to read, though it looks small. Save it as CSV, or "
        "split it into smaller files."
    ),
    Refused.UNREADABLE: N_("I can't read this file. Save it as .xlsx or CSV and send it again."),
    Refused.NOTHING_RECOGNISED: N_(
        "I don't recognise any column in this file. The first row should name the columns, like "
        "“{name}”, “{date}” and “{amount}”."
    ),
    Refused.NO_NAME_COLUMN: N_(
        "This file has no column with client names. Call that column “{example}”."
    ),
    Refused.NO_DATE_COLUMN: N_(
        "This file has amounts but no column with dates. Call that column “{example}”."
    ),
    Refused.NO_AMOUNT_COLUMN: N_(
        "This file has sales columns but no column with amounts. Call that column “{example}”."
    ),
    Refused.NO_EVENT_DATE_COLUMN: N_(
        "This file has events but no column with dates. Call that column “{example}”."
    ),
    # A file's rows, each problem with its line and column
    Refused.RATING_NEEDS_CRITERION: N_(
        "A rating needs the point rated: pleasant to work with, asks reasonable things or pays "
        "on time."
    ),
    Refused.RATING_NEEDS_VALUE: N_(
        "A rating needs its value: a whole number from 1 to 5, 5 the best."
    ),
    Refused.DUPLICATE_CLIENT: N_(
        "{client} is also on line {other} of this file. Keep one of the two lines."
    ),
    Refused.BEFORE_THE_SALE: N_(
        "This day is before the sale itself ({sold}). Check the dates in this line."
    ),
    Refused.PAID_NOT_BELOW_AMOUNT: N_(
        "The part paid must be less than the amount. Paid in full? Then fill in the date it was "
        "paid."
    ),
    Refused.NOT_A_CLIENT: N_(
        "{client} is not on your list. Import your clients first, or add them in chat, and send "
        "this file again."
    ),
    Refused.UNKNOWN_REFERRER: N_(
        "{client} is not on your list or in this file. Add them, or leave this cell empty."
    ),
    Refused.BAD_BIRTH_YEAR: N_("“{text}” is not a year of birth. Write it like 1985."),
    Refused.BAD_AGE: N_("“{text}” is not an age. Write it in years, like 42."),
    Refused.BAD_EMPLOYEES: N_(
        "“{text}” is not a number of employees. Write a whole number, like 12."
    ),
    Refused.TOO_LONG: N_("This is too long here: at most {max} characters."),
    Refused.BAD_RATING: N_(
        "“{text}” is not a rating. Write a whole number from 1 to 5, 5 the best."
    ),
    Refused.BAD_RATER: N_(
        "“{text}” doesn't say who rated: write their Telegram id in brackets, as the export "
        "does (“Anna (123456789)”), or leave the cell empty to rate as yourself."
    ),
    Refused.NAME_MISSING: N_("The client's name is missing."),
    Refused.DATE_MISSING: N_("The date is missing."),
    Refused.AMOUNT_MISSING: N_("The amount is missing."),
    Refused.EVENT_MISSING: N_(
        "What happened is missing: write complaint, compliment, referral or rating."
    ),
}


def worded(error: InputError) -> InputError:
    """`error` with its message id in place of storage's key; any other error as it is."""
    message = STORED_REFUSALS.get(error.message)  # type: ignore[call-overload]
    return error if message is None else InputError(message, **error.params)

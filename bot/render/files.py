"""/import and /export in words: how to send a file, what an import did or why it did nothing
(in a message that fits a phone, ≤ 4096 chars), and the exported files' captions."""

from __future__ import annotations

from collections.abc import Callable

from bot.render.explain import vat_word
from bot.render.stored_refusals import worded
from locales import Markup, Translator
from storage.callers import TeamView
from storage.import_results import ImportReport

SHOWN_ERRORS = 15
LIMIT = 3800  # Telegram's 4096, with room for the closing lines


# The counts an import reports after its rows (and sales) read, in the order said; a zero is not.
_COUNTED: tuple[tuple[str, Callable[[Translator, int], Markup]], ...] = (
    (
        "sales_updated",  # only a sales file fills in a sale's dates
        lambda t, n: t.n_(
            "• {n} sale got its due or paid date", "• {n} sales got their due or paid dates", n
        ),
    ),
    ("clients_created", lambda t, n: t.n_("• {n} new client", "• {n} new clients", n)),
    (
        "clients_updated",
        lambda t, n: t.n_(
            "• {n} client's details filled in", "• {n} clients' details filled in", n
        ),
    ),
    ("complaints_added", lambda t, n: t.n_("• {n} complaint added", "• {n} complaints added", n)),
    (
        "compliments_added",
        lambda t, n: t.n_("• {n} compliment added", "• {n} compliments added", n),
    ),
    ("referrals_added", lambda t, n: t.n_("• {n} referral added", "• {n} referrals added", n)),
    (
        "referrals_dated",
        lambda t, n: t.n_(
            "• {n} referral I had got its date from the file",
            "• {n} referrals I had got their dates from the file",
            n,
        ),
    ),
    ("ratings_added", lambda t, n: t.n_("• {n} rating added", "• {n} ratings added", n)),
    (
        "duplicates_skipped",
        lambda t, n: t.n_(
            "• {n} row was already there, skipped", "• {n} rows were already there, skipped", n
        ),
    ),
    (
        "values_kept",
        lambda t, n: t.n_(
            "• {n} value differed from what I had; I kept mine",
            "• {n} values differed from what I had; I kept mine",
            n,
        ),
    ),
)


def import_summary(t: Translator, report: ImportReport) -> Markup:
    """A successful import: what was added, updated, skipped and ignored."""
    lines = [
        t.n_(
            "<b>Imported</b>: {n} row read.",
            "<b>Imported</b>: {n} rows read.",
            report.rows,
        )
    ]
    if report.kind == "sales":
        lines.append(t.n_("• {n} sale added", "• {n} sales added", report.sales_added))
    for field, said in _COUNTED:
        if count := getattr(report, field):
            lines.append(said(t, count))
    if report.nothing_new:
        lines.append(t._("Nothing new: I already had all of it."))
    if report.unknown_columns:
        unknown = report.unknown_columns
        columns = Markup(", ").join(t._("“{column}”", column=c[:40]) for c in unknown[:10])
        if len(unknown) > 10:  # the rest counted, never silently cut
            columns += t._(" and {n} more", n=t.number(len(unknown) - 10))
        lines.append(t._("Columns I don't know, ignored: {columns}", columns=columns))
    return Markup("\n").join(lines)


def import_refused(t: Translator, report: ImportReport) -> Markup:
    """Bad rows: nothing imported, and each bad cell with its line, column and why."""
    count = len(report.errors) + report.errors_beyond
    head = t.n_(
        "<b>Nothing imported</b>: {n} problem in the file. Fix it and send the file again.",
        "<b>Nothing imported</b>: {n} problems in the file. Fix them and send the file again.",
        count,
    )
    lines = [head]
    size = len(head)
    shown = 0
    for problem in report.errors[:SHOWN_ERRORS]:
        line = t._(
            "Line {line}, “{column}”: {problem}",
            line=t.number(problem.line),
            column=problem.column[:40],
            # "Regel 4, „Klant”: de naam van de klant ontbreekt.": no capital after the colon
            problem=t.after_address(t.error(worded(problem.error))),
        )
        if size + len(line) > LIMIT:
            break
        lines.append(Markup("• ") + line)
        size += len(line) + 3
        shown += 1
    if shown < count:
        lines.append(t.n_("… and {n} more", "… and {n} more", count - shown))
    return Markup("\n").join(lines)


def how_to_import(t: Translator, *, in_group: bool) -> Markup:
    """/import: send a file; in a group, as a reply (the bot sees only those)."""
    text = t._(
        "Send me your clients, your sales or your history (complaints, compliments, referrals "
        "and ratings) as a CSV or Excel (.xlsx) file. I recognise the columns myself. If any "
        "row is wrong, I import nothing and tell you which rows to fix."
    )
    if in_group:
        return text + "\n" + t._("Send the file as a reply to this message.")
    return text


def clients_caption(t: Translator) -> Markup:
    return t._("Your clients. Change what you like in Excel and send it back to import it.")


def sales_caption(t: Translator, team: TeamView) -> Markup:
    """The file holds amounts as typed: "with VAT" is worth saying; "without VAT" only puzzled
    a team never asked about VAT, as under the reports (explain.amounts_note)."""
    if not team.amounts_include_vat:
        return t._("Your sales.")
    return t._("Your sales, amounts {vat}.", vat=vat_word(t, team.amounts_include_vat))


def history_caption(t: Translator) -> Markup:
    return t._(
        "Complaints, compliments, referrals and ratings, one per line. Import it after the "
        "clients: it names them."
    )


def export_sent_privately(t: Translator) -> Markup:
    return t._(
        "I've sent the export to you privately: this team keeps money figures for its admins."
    )


def whose_data(t: Translator) -> Markup:
    return t._("Whose data shall I export? Type (part of) the name.")


def export_names(t: Translator) -> tuple[str, str, str]:
    """The export's file names in the reader's language (klanten.csv); an import goes by the
    columns, never the name, so a renamed or old file reads the same."""
    return str(t._("clients.csv")), str(t._("sales.csv")), str(t._("history.csv"))


def client_data_name(t: Translator, client_id: int) -> str:
    return str(t._("client-{id}.json", id=client_id))


def client_data_caption(t: Translator, client: str) -> Markup:
    return t._(
        "Everything Kompas holds about {client}, for their request to see their data "
        "(AVG/GDPR, 152-FZ).",
        client=client,
    )


def client_data_sent_privately(t: Translator, client: str) -> Markup:
    return t._(
        "I've sent {client}'s data to you privately.",
        client=client,
    )

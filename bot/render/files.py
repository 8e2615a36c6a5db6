"""What an import did, or why it did nothing, in a message that fits a phone (≤ 4096 chars)."""

from __future__ import annotations

from locales import Markup, Translator
from storage.importing import ImportReport

SHOWN_ERRORS = 15
LIMIT = 3800  # Telegram's 4096, with room for the closing lines


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
        if report.sales_updated:
            lines.append(
                t.n_(
                    "• {n} sale got its due or paid date",
                    "• {n} sales got their due or paid dates",
                    report.sales_updated,
                )
            )
    if report.clients_created:
        lines.append(t.n_("• {n} new client", "• {n} new clients", report.clients_created))
    if report.clients_updated:
        lines.append(
            t.n_(
                "• {n} client's details filled in",
                "• {n} clients' details filled in",
                report.clients_updated,
            )
        )
    if report.complaints_added:
        lines.append(
            t.n_("• {n} complaint added", "• {n} complaints added", report.complaints_added)
        )
    if report.compliments_added:
        lines.append(
            t.n_("• {n} compliment added", "• {n} compliments added", report.compliments_added)
        )
    if report.referrals_added:
        lines.append(t.n_("• {n} referral added", "• {n} referrals added", report.referrals_added))
    if report.referrals_dated:
        lines.append(
            t.n_(
                "• {n} referral I had got its date from the file",
                "• {n} referrals I had got their dates from the file",
                report.referrals_dated,
            )
        )
    if report.ratings_added:
        lines.append(t.n_("• {n} rating added", "• {n} ratings added", report.ratings_added))
    if report.duplicates_skipped:
        lines.append(
            t.n_(
                "• {n} row was already there, skipped",
                "• {n} rows were already there, skipped",
                report.duplicates_skipped,
            )
        )
    if report.values_kept:
        lines.append(
            t.n_(
                "• {n} value differed from what I had; I kept mine",
                "• {n} values differed from what I had; I kept mine",
                report.values_kept,
            )
        )
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
            problem=t.error(problem.error),
        )
        if size + len(line) > LIMIT:
            break
        lines.append(Markup("• ") + line)
        size += len(line) + 3
        shown += 1
    if shown < count:
        lines.append(t.n_("… and {n} more", "… and {n} more", count - shown))
    return Markup("\n").join(lines)

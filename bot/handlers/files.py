"""/import and /export: the team's clients, sales and history in and out as files.

An import is all or nothing (storage/importing.py): when any row is wrong, the update's
transaction is abandoned and the reply lists every bad row instead. Exports hold money
figures, so a team that keeps those for admins gets them privately (Product rules: who is a
team); one client's data, for their request to see it, goes privately to the admin who asks.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session
from telegram import Document, Update
from telegram.ext import ContextTypes

from bot.handlers.privacy import RightsDialog
from bot.kit import arguments, uploads
from bot.kit.commands import command
from bot.kit.dialogs import Conversation, finish
from bot.kit.limits import file_for_the_bot, take_for_team, team_waits
from bot.kit.turn import Turn, reply_handler
from bot.render import files as render
from bot.render.refusals import IMPORT_RACED, NOT_IMPORTABLE
from locales import InputError
from storage import tabular
from storage.exporting import (
    export_client_data,
    export_clients_csv,
    export_history_csv,
    export_sales_csv,
)
from storage.file_worker import read_apart
from storage.import_file import write_read_import
from storage.import_results import ReadImport
from storage.models import Role
from storage.refusals import Refused

IMPORTABLE = uploads.IMPORTABLE


# /import ---------------------------------------------------------------------------------------


@command
async def import_command(turn: Turn) -> None:
    """/import: how to send the file (the file itself arrives as a document)."""
    in_group = turn.caller.in_group
    turn.reply(render.how_to_import(turn.t, in_group=in_group), force_reply=in_group)


async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A file: read first, outside any transaction (bot/kit/uploads.py), then its turn."""
    try:
        await uploads.read_first(update, context)
        await _document(update, context)
    finally:
        uploads.forget(context, update)


@reply_handler(role=None)
async def _document(turn: Turn) -> None:
    """A CSV or XLSX file from an admin: imported all at once, or not at all."""
    message = turn.update.effective_message
    if message is None or message.document is None:
        return
    # In a group only a file captioned /import or sent in reply to me is an import.
    if not file_for_the_bot(turn.update, turn.context):
        return
    await turn.require(Role.ADMIN)
    upload = message.document
    name = upload.file_name or "file"
    if not name.lower().endswith(IMPORTABLE):
        raise InputError(NOT_IMPORTABLE, name=name[:60])
    if upload.file_size and upload.file_size > tabular.MAX_BYTES:
        raise InputError(Refused.TOO_LARGE, max=tabular.MAX_BYTES // (1024 * 1024))
    team, t = turn.team, turn.t
    settings = (team.id, team.locale, team.currency, turn.today)
    read = uploads.take(turn.context, turn.update, settings)
    if read is None:  # not read before the turn (the team changed meanwhile, say): read it now
        read = await _read_now(turn, upload)
    if isinstance(read, float):
        raise team_waits(read)
    if isinstance(read, InputError):
        raise read
    try:
        report = await turn.run(
            write_read_import,
            team_id=team.id,
            read=read,
            today=turn.today,
            now=turn.now,
            user_id=turn.caller.user_id,
        )
        if report.ok:
            await turn.run(_flush)
    except IntegrityError:
        # Two imports of the same sales racing: the unique source_ref lets one through.
        raise InputError(IMPORT_RACED) from None
    if not report.ok:
        turn.abandon()  # nothing of the file stays, but the user learns which rows to fix
        turn.reply(render.import_refused(t, report))
        return
    turn.reply(render.import_summary(t, report))


async def _read_now(turn: Turn, upload: Document) -> ReadImport | float:
    wait = take_for_team(turn.context, turn.team_id, "import")
    if wait > 0:
        return wait
    file = await turn.context.bot.get_file(upload.file_id)
    content = bytes(await file.download_as_bytearray())
    team = turn.team
    return await read_apart(
        filename=upload.file_name or "file",
        content=content,
        locale=team.locale,
        currency=team.currency,
        today=turn.today,
    )


def _flush(*, session: Session) -> None:
    """Conflicts with a concurrent import surface here, where the handler can answer them."""
    session.flush()


# /export ---------------------------------------------------------------------------------------


@command
async def export(turn: Turn) -> None:
    """/export: clients.csv, sales.csv and history.csv; /export <client>: that client's data.
    Admins only: the files hold every client's details and notes (README's command table)."""
    await turn.require(Role.ADMIN)
    query = arguments.argument_text(turn)
    if query:
        await ClientDataExport().begin(turn, query)
        return
    team, t = turn.team, turn.t
    clients = await turn.run(export_clients_csv, team_id=team.id, locale=team.locale)
    sales = await turn.run(export_sales_csv, team_id=team.id, locale=team.locale)
    history = await turn.run(export_history_csv, team_id=team.id, locale=team.locale)
    privately = team.sensitive_to_admins and turn.caller.in_group
    chat_id = turn.caller.user_id if privately else None
    clients_name, sales_name, history_name = render.export_names(t)
    turn.send_document(clients_name, clients, render.clients_caption(t), chat_id=chat_id)
    turn.send_document(sales_name, sales, render.sales_caption(t, team), chat_id=chat_id)
    turn.send_document(history_name, history, render.history_caption(t), chat_id=chat_id)
    if privately:
        turn.say_sent_privately(render.export_sent_privately(t))


class ClientDataExport(RightsDialog):
    """/export <client>: everything Kompas holds about one client, for their access request."""

    name = "export"

    def which_client(self, turn: Turn) -> str:
        return render.whose_data(turn.t)

    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        await finish(turn, convo)
        team, t = turn.team, turn.t
        client_id = convo.data["client_id"]
        content = await turn.run(
            export_client_data, team_id=team.id, client_id=client_id, locale=team.locale
        )
        privately = turn.caller.in_group  # one person's data is nobody else's business
        turn.send_document(
            render.client_data_name(t, client_id),
            content,
            render.client_data_caption(t, convo.data["client"]),
            chat_id=turn.caller.user_id if privately else None,
        )
        if privately:
            turn.say_sent_privately(render.client_data_sent_privately(t, convo.data["client"]))

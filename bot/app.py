"""Builds the one Application: every handler registered here, in order, in one readable list."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import Engine
from sqlalchemy.orm import configure_mappers
from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ChatMemberHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import menu
from bot.handlers import (
    check,
    client_edit,
    clients,
    decline,
    digest,
    edits,
    events,
    files,
    payments,
    privacy,
    profile,
    ratings,
    reports,
    sale_fixes,
    sales,
    start,
    team,
    undo,
)
from bot.handlers import help as help_handlers
from bot.handlers import settings as settings_handlers
from bot.jobs import privacy as privacy_jobs
from bot.jobs import scheduler
from bot.jobs.digest import close_worker_pool
from bot.kit import dialogs, failures, membership
from bot.kit.commands import TABLE_KEY
from bot.kit.lanes import WORKING, ChatLanes, MessageRateLimiter
from bot.kit.limits import file_for_the_bot, limited
from bot.kit.routing import Buttons, Callback, Commands
from bot.kit.runtime import KOMPAS, Kompas, kompas_of, system_clock
from bot.kit.turn import on_command
from bot.logs import failure_trace, keep_secrets_out_of_logs
from bot.render import kit_texts
from bot.settings import Settings
from locales import SUPPORTED_LOCALES, guess_locale, translator
from locales.translation import warm_up
from storage import ledger
from storage.engine import new_session

log = logging.getLogger(__name__)

# What Telegram is asked to send, by polling and webhook alike: the updates handlers below take.
HANDLED_UPDATES = (
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.MY_CHAT_MEMBER,
    Update.CHAT_MEMBER,  # a member left, was removed or demoted: their rights end at once
)
NO_PREVIEWS = LinkPreviewOptions(is_disabled=True)
OFFLINE_TOKEN = "7000000001:offline"  # noqa: S105 - not a secret: the local Bot API ignores it
# The guided dialogs, each resumed by the name its state is stored under (bot/kit/dialogs.py):
# one left out here is never resumed, and tests/bot/test_app.py fails.
DIALOGS = (
    clients.AddClientDialog(),
    check.CheckDialog(),
    client_edit.EditClientDialog(),
    reports.CardDialog(),
    sales.SaleDialog(),
    sale_fixes.SalesDialog(),
    sale_fixes.FixSaleDialog(),
    payments.PaidDialog(),
    ratings.RateDialog(),
    events.ComplaintDialog(),
    events.ComplimentDialog(),
    events.ReferralDialog(),
    profile.ProfileDialog(),
    settings_handlers.TypedSettingDialog(),
    files.ClientDataExport(),
    privacy.ForgetDialog(),
)
# Run before every command, in its transaction: a new command ends the pending dialog.
BEFORE_COMMANDS = (dialogs.end_pending,)


def build_application(
    settings: Settings,
    engine: Engine,
    *,
    request: BaseRequest | None = None,
    clock=system_clock,  # type: ignore[no-untyped-def]
    rate_limited: bool | None = None,
) -> Application:
    """The Application for polling, webhook or the offline chat (`request` = a local Bot API).

    Telegram's rate limits apply to real transports (`rate_limited` overrides, for a local
    API that enforces them like Telegram does).
    """
    keep_secrets_out_of_logs()
    token = settings.bot_token.get_secret_value() if settings.bot_token else OFFLINE_TOKEN
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.api_url)
        .base_file_url(settings.api_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEWS))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .concurrent_updates(ChatLanes(working=_working(settings, engine)))
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    if rate_limited if rate_limited is not None else request is None:
        builder = builder.rate_limiter(MessageRateLimiter(max_retries=3))
    application = builder.build()
    application.bot_data[KOMPAS] = Kompas(
        settings=settings,
        engine=engine,
        # What the kit says on its own, in render's words: the kit never imports render.
        texts=kit_texts,
        dialogs=dialogs.by_name(DIALOGS),
        before_commands=BEFORE_COMMANDS,
        clock=clock,
    )
    application.bot_data[TABLE_KEY] = menu.TABLE
    _register(application)
    return application


def _working(settings: Settings, engine: Engine) -> int:
    """Updates doing work at once: on PostgreSQL, no more than the pool's connections (an
    update holds one until its replies are out); SQLite takes turns (Kompas.transaction)."""
    if engine.dialect.name == "sqlite":
        return WORKING
    return min(WORKING, 2 * settings.db_pool_size)


def _register(app: Application) -> None:
    # Before anything else: an update whose failure the user was told about is done with.
    app.add_handler(TypeHandler(Update, failures.answered_already), group=-2)
    # Order matters: the first matching handler in group 0 takes the update. An edited message
    # goes no further than the first: it never runs a command or answers a dialog again.
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, edits.edited))
    # Each command answers to every name its entry in bot/menu.py gives it (/sale and /verkoop),
    # with the entry's role. The costly ones answer "one moment" to a person asking too often
    # (bot/kit/limits.py), counted per command whichever name was typed.
    routes: dict[str, Callback] = {}
    for command in menu.COMMANDS:
        callback = on_command(role=command.role, in_dialog=command.in_dialog)(command.handler)
        if command.limit is not None:
            callback = limited(command.name, callback)
        routes.update(dict.fromkeys(command.names, callback))
    app.add_handler(Commands(routes))
    button_handlers = {
        "personal": start.personal_team,
        "lang": help_handlers.lang_button,
        "help": help_handlers.help_more,
        "ob": team.onboarding,
        "first": team.first_steps,
        "mok": team.approve,
        "mno": team.decline,
        "mdel": team.remove,
        "mlist": team.members_again,
        "useteam": team.use_team,
        "d": dialogs.on_button,
        "card": reports.card_again,
        "det": reports.details,
        "act": reports.act_on_client,
        "cl": reports.list_page,
        "rk": reports.risk_page,
        "dl": decline.candidate_page,
        "view": digest.view,
        "dec": decline.decline_ask,
        "decok": decline.decline_confirmed,
        "kp": decline.keep,
        "keep": decline.take_back,
        "undo": undo.undo_change,
        "setm": settings_handlers.settings_menu,
        "set": settings_handlers.open_setting,
        "setv": settings_handlers.choose_value,
        "sett": settings_handlers.type_value,
        "settz": settings_handlers.time_zone,
        "salefor": clients.sale_for_client,
        "spaid": sale_fixes.mark_sale_paid,
        "spage": sale_fixes.sales_page,
        "sfix": sale_fixes.fix_sale,
        "sdel": sale_fixes.delete_sale_ask,
        "sdelok": sale_fixes.delete_sale,
        "fgt": privacy.forget_confirmed,
        "fgtno": privacy.forget_cancelled,
    }
    app.add_handler(Buttons(button_handlers, unknown=help_handlers.unknown_button))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, team.chat_migrated))
    app.add_handler(ChatMemberHandler(team.bot_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    # Before everything, in a group of its own: a change of someone's standing in a group (or
    # the bot's) drops what was cached about it, whatever else handles the update.
    app.add_handler(
        ChatMemberHandler(membership.status_changed, ChatMemberHandler.ANY_CHAT_MEMBER), group=-1
    )
    # Files to import: any in private; in groups captioned /import or sent in reply to the bot.
    app.add_handler(
        MessageHandler(
            filters.Document.ALL, limited("import", files.document, applies=file_for_the_bot)
        )
    )
    # Typed answers to dialogs: everything in private, replies to the bot in groups.
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, dialogs.on_text))
    # Last: anything else that looks like a command.
    app.add_handler(MessageHandler(filters.COMMAND, help_handlers.unknown_command))
    app.add_error_handler(_on_error)


def prepare_for_updates() -> None:
    """The one-off work of a first update, done at start so no user waits for it: the
    catalogs and number formats, and the ORM's set-up of its mapped classes (~0.1 s cold)."""
    warm_up()
    configure_mappers()


async def _post_init(app: Application) -> None:
    prepare_for_updates()
    await publish_command_menus(app)
    app.job_queue.run_repeating(
        _prune_ledger, interval=dt.timedelta(hours=1), first=1, name="prune-ledger"
    )
    scheduler.start(app)
    privacy_jobs.start(app)


async def _post_shutdown(app: Application) -> None:
    """Hand the digest schedule to another instance at once; stop the chart workers and the
    database checkpointer."""
    await scheduler.release(app)
    close_worker_pool(app)
    kompas_of_app(app).close()


async def publish_command_menus(app: Application) -> None:
    """The command menu in each language Telegram users can have, set once at start-up: Dutch
    names with Dutch descriptions, English names with Russian ones."""
    default = kompas_of_app(app).settings.default_locale
    for code in (None, *SUPPORTED_LOCALES):
        t = translator(code or default)
        commands = [
            BotCommand(c.name_in(t.locale), str(t._(c.description))) for c in menu.visible_to(None)
        ]
        await app.bot.set_my_commands(commands, language_code=code)


def kompas_of_app(app: Application) -> Kompas:
    return app.bot_data[KOMPAS]


async def _prune_ledger(context: ContextTypes.DEFAULT_TYPE) -> None:
    kompas = kompas_of(context)
    now = kompas.clock()

    def prune() -> None:
        with new_session(kompas.engine) as session:
            ledger.prune(session=session, now=now)
            session.commit()

    await kompas.db(prune)


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Logs the failure without message texts or personal data, and tells the user kindly,
    once per update (bot/kit/failures.py)."""
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed: %s", update_id, failure_trace(error))
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    kompas = kompas_of(context)
    if update.update_id in kompas.failures_told or update.update_id in kompas.kept:
        return  # told once already
    user = update.effective_user
    default = kompas.settings.default_locale
    t = translator(guess_locale(user.language_code if user else None, default))
    chat_id = update.effective_chat.id
    # Work that was committed before the failure is told as saved, never as "nothing changed".
    saved = kompas.unanswered.pop(update.update_id, None)
    if saved:
        answers, told = saved, kompas.failures_told
    elif kompas.redelivered and failures.retryable(error):
        # The update comes again and is carried out then: typing it again would do it twice.
        answers, told = [(chat_id, str(kit_texts.kept(t)), None)], kompas.kept
    else:
        answers = [(chat_id, str(kit_texts.something_went_wrong(t)), None)]
        told = kompas.failures_told
    if await failures.tell(context.bot, answers):
        told.add(update.update_id)

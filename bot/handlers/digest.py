"""/digest: this week's digest now (admins), and /digest on | off."""

from __future__ import annotations

import asyncio

from bot.handlers.decline import show_candidate
from bot.handlers.reports import show_list, show_risk
from bot.jobs.scheduler import schedule_changed
from bot.kit.commands import command
from bot.kit.texts import Refusal
from bot.kit.turn import Turn, button
from bot.render import refusals
from bot.render.chart_figures import digest_chart
from bot.render.digest import (
    chart_caption,
    digest_switched,
    render_digest,
    week_label,
)
from locales import InputError
from locales.vocabulary import SWITCHED_OFF, SWITCHED_ON
from storage import team_settings
from storage.analysis import changes_so_far


@command
async def digest(turn: Turn) -> None:
    """Shows this week's digest now; /digest on or off switches the weekly post."""
    word = turn.args[0].lower() if turn.args else ""
    if word in SWITCHED_ON | SWITCHED_OFF:
        enabled = word in SWITCHED_ON
        change = await turn.change(
            team_settings.change_settings,
            digest_enabled=enabled,
        )
        turn.after_commit(lambda: schedule_changed(turn.context.application, turn.team_id))
        turn.confirm(digest_switched(turn.t, turn.team, enabled=enabled), change.undo_id)
        return
    if word:
        raise InputError(refusals.DIGEST_USAGE)
    t, team = turn.t, turn.team
    analysis = (await turn.analysis()).analysis
    changes = await turn.run(changes_so_far, team=team, analysis=analysis, today=turn.today)
    preview = render_digest(
        t,
        team,
        analysis,
        changes,
        week_label=week_label(t, turn.today),
        late=False,
    )
    chart = await asyncio.to_thread(digest_chart, t, team, analysis)
    if chart is not None:
        turn.send_photo(chart, chart_caption(t))
    turn.reply(preview.group_text, buttons=preview.buttons)
    if preview.admin_text is not None:
        turn.reply(preview.admin_text, chat_id=turn.caller.user_id)
        turn.say_sent_privately()  # nothing to say when it arrived; the way there when not


@button()
async def view(turn: Turn) -> None:
    """The digest's buttons (Risks, Let go?, All clients): the view as a new message."""
    what = turn.pressed.args[:1]
    if what == ("risk",):
        await show_risk(turn)
    elif what == ("clients",):
        await show_list(turn, "a", "grade", 0, edit=False)
    elif what == ("decline",):
        await show_candidate(turn, 0, edit=False)
    else:
        raise InputError(Refusal.STALE)

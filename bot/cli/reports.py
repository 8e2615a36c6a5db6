"""`kompas report` and `kompas digest`: a team's analysis and digest from the shell.

The same services and renderers the chat uses; text comes out in the team's language as plain
text, JSON with the stable keys of scoring/report.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:  # loaded by the commands that use them: `kompas import` starts without
    from sqlalchemy import Engine

    from bot.settings import Settings
    from storage import callers

# The renderers and the scoring (pandas, matplotlib) are imported by the two commands that use
# them, as in bot/cli/main.py: every other `kompas` command starts without them, in a third the
# time.


def add_parsers(commands: argparse._SubParsersAction, db_option) -> None:  # type: ignore[type-arg, no-untyped-def]
    report = commands.add_parser("report", help="print a team's grades, risks and portrait")
    report.add_argument(
        "--team", type=int, required=True, metavar="CHAT_ID", help="the team's Telegram chat id"
    )
    report.add_argument("--json", action="store_true", help="machine-readable output")
    db_option(report)
    digest = commands.add_parser("digest", help="this week's digest of a team")
    digest.add_argument(
        "--team", type=int, required=True, metavar="CHAT_ID", help="the team's Telegram chat id"
    )
    mode = digest.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--dry-run",
        action="store_true",
        help="print it here and write the chart to a file; nothing is sent",
    )
    mode.add_argument(
        "--send",
        action="store_true",
        help="send it to the team now (needs KOMPAS_BOT_TOKEN), once a week",
    )
    digest.add_argument("--chart", metavar="FILE", help="where --dry-run writes the chart PNG")
    db_option(digest)


def _team(engine: Engine, chat_id: int) -> callers.TeamView | None:
    from storage import callers
    from storage.engine import new_session
    from storage.teams import team_by_chat

    with new_session(engine) as session:
        team = team_by_chat(session=session, chat_id=chat_id)
        return callers.team_view(session=session, team_id=team.id) if team and team.id else None


def _today(team: callers.TeamView) -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone(ZoneInfo(team.timezone)).date()


def report(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from storage.analysis import team_analysis
    from storage.engine import new_session

    team = _team(engine, args.team)
    if team is None:
        print(f"kompas: no team with chat id {args.team}", file=sys.stderr)
        return 1
    with new_session(engine) as session:
        analysis = team_analysis(session=session, team=team, today=_today(team)).analysis
    if args.json:
        from scoring.report import analysis_to_json

        # One C-encoded string: a streamed, indented dump made 350 000 small writes (~1 s).
        sys.stdout.write(json.dumps(analysis_to_json(analysis), ensure_ascii=False) + "\n")
        return 0
    # The renderers only for the text: JSON needs none of them.
    from bot.kit.telegram_html import html_to_text
    from bot.render.data_warnings import warning
    from bot.render.portrait import portrait_text, run_rate_text
    from bot.render.risk import risk_text
    from locales import Markup, translator

    t = translator(team.locale, solo=team.is_personal)
    names = analysis.names
    sections = [risk_text(t, team, analysis)]  # with the warnings about its figures
    table = analysis.clients.sort_values(["grade_index", "score"], ascending=[True, False])
    sections.append(
        Markup("\n").join(
            Markup(f"{grade if isinstance(grade, str) else '–':>3}  {score:5.1f}  ") + name
            for name, grade, score in zip(
                table["name"], table["grade"], table["score"], strict=True
            )
        )
    )
    sections += [
        portrait_text(t, team, analysis, p, names) for p in analysis.portraits if p.segment is None
    ]
    run_rate = run_rate_text(t, team, analysis)
    if run_rate is not None:
        sections.append(run_rate)
    others = [w for w in analysis.warnings if w.code not in ("missing_costs", "missing_time")]
    sections += [w for w in (warning(t, team.currency, w) for w in others) if w]
    print(html_to_text(str(Markup("\n\n").join(sections))))
    return 0


def digest(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.kit.telegram_html import html_to_text
    from bot.render.chart_figures import digest_chart
    from bot.render.digest import render_digest, week_label
    from locales import translator
    from storage.analysis import changes_so_far, team_analysis
    from storage.engine import new_session

    team = _team(engine, args.team)
    if team is None:
        print(f"kompas: no team with chat id {args.team}", file=sys.stderr)
        return 1
    if args.send:
        import asyncio  # here: only the digest's sending needs it

        return asyncio.run(_send(settings, engine, team))
    today = _today(team)
    with new_session(engine) as session:
        analysis = team_analysis(session=session, team=team, today=today).analysis
        changes = changes_so_far(session=session, team=team, analysis=analysis, today=today)
    t = translator(team.locale, solo=team.is_personal)
    rendered = render_digest(
        t,
        team,
        analysis,
        changes,
        week_label=week_label(t, today),
        late=False,
    )
    print(html_to_text(str(rendered.group_text)))
    if rendered.admin_text is not None:
        print("\n" + html_to_text(str(rendered.admin_text)))
    # A dry run writes nothing unless asked: the chart only with --chart FILE.
    chart = digest_chart(t, team, analysis) if args.chart else None
    if chart is not None:
        path = Path(args.chart)
        try:
            path.write_bytes(chart)
        except OSError as exc:
            print(f"kompas: cannot write {path}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"\nkompas: chart written to {path}")
    return 0


async def _send(settings: Settings, engine: Engine, team: callers.TeamView) -> int:
    from bot.app import build_application
    from bot.jobs.digest import close_worker_pool, deliver

    if settings.bot_token is None:
        print("kompas: set KOMPAS_BOT_TOKEN to send a digest", file=sys.stderr)
        return 1
    application = build_application(settings, engine)
    async with application:
        try:
            outcome = await deliver(application, team.id)
        finally:
            close_worker_pool(application)
    messages = {
        "sent": f"sent ({outcome.messages} messages)",
        "already": "already sent this week; nothing sent again",
        "inactive": "the bot can no longer write to this chat; team marked inactive",
        "failed": "Telegram could not be reached; try again later",
        "skipped": "the team is not active or not set up yet",
        # Not a failure: the team chose it. The week's grades are kept for next week's news.
        "snapshot": "the digest is off for this team; nothing sent (this week's grades saved)",
    }
    print(f"kompas: digest for team {team.chat_id}: {messages.get(outcome.status, outcome.status)}")
    return 0 if outcome.status in ("sent", "already", "snapshot") else 1

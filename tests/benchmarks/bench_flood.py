"""How long another team waits while one group floods the bot (issue 18, finding 2).

One group sends 60 /help at once: three times Telegram's 20 messages a minute for a group, so
python-telegram-bot's rate limiter holds most of its answers back for up to two minutes.
Meanwhile other teams each send one /help, one every 0.2 s; the figure is how long they wait
for the answer, through the real Application, its rate limiter and its update processor (as
the webhook delivers updates). Target: ≤ 1 s. Before each chat had a lane (bot/kit/lanes.py), it
was the whole flood: about 120 s. `run_polling` does the same through long polling with a
flood larger than one getUpdates batch.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import statistics
import tempfile
import time
from pathlib import Path

from bot.app import build_application
from bot.settings import Settings
from bot.transports.delivery import Delivery, serve
from bot.transports.local_bot_api import LocalBotApi, Sent
from bot.transports.polling import poll
from bot.transports.updates import Person, UpdateFactory
from storage import teams
from storage.engine import make_engine, new_session
from storage.migrate import upgrade
from tests.benchmarks.bench_import import machine
from tests.deploy.harness import message, new_app, until
from tests.stub_bot_api import StubBotApi

NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
FLOODING_GROUP = -1000
FLOODER = Person(1, "Anna", "nl")


def _teams(engine, chats: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
    with new_session(engine) as session:
        for chat_id, owner in chats:
            team = teams.create_team(
                session=session,
                chat_id=chat_id,
                title=f"Team {owner}",
                locale="nl",
                owner_id=owner,
                owner_name=f"owner{owner}",
                is_personal=False,
                now=NOW,
            )
            team.onboarded = True
        session.commit()


async def run(directory: Path, *, flood: int = 60, others: int = 25) -> dict[str, float]:
    """Seconds each of `others` teams waits for /help while the flooding group's `flood` wait."""
    engine = make_engine(f"sqlite:///{directory / 'flood.db'}")
    upgrade(engine)
    people = [Person(100 + i, f"Owner {i}", "nl") for i in range(others)]
    groups = [-2000 - i for i in range(others)]
    owners = [(group, person.user_id) for group, person in zip(groups, people, strict=True)]
    _teams(engine, [(FLOODING_GROUP, FLOODER.user_id), *owners])
    api = LocalBotApi()
    api.add_group(FLOODING_GROUP, "Flood")
    for group in groups:
        api.add_group(group, "Team")
    answered: dict[int, float] = {}
    flood_answers: list[float] = []

    def seen(message: Sent, edited: bool) -> None:
        if message.chat_id == FLOODING_GROUP:
            flood_answers.append(time.perf_counter())
        else:
            answered.setdefault(message.chat_id, time.perf_counter())

    api.on_send = seen
    app = build_application(Settings(), engine, request=api, clock=lambda: NOW, rate_limited=True)
    waits: list[float] = []
    async with app:
        delivery = Delivery(app)
        factory = UpdateFactory(api, app.bot)
        flooding = [
            asyncio.create_task(delivery.process(factory.message(FLOODER, FLOODING_GROUP, "/help")))
            for _ in range(flood)
        ]
        asked: dict[int, float] = {}
        for person, group in zip(people, groups, strict=True):
            await asyncio.sleep(0.2)
            asked[group] = time.perf_counter()
            await delivery.process(factory.message(person, group, "/help"))
        waits = [answered[g] - asked[g] for g in groups]
        flood_done = len(flood_answers)
        for task in flooding:
            task.cancel()
        await asyncio.gather(*flooding, return_exceptions=True)
    engine.dispose()
    ordered = sorted(waits)
    return {
        "other_team_median_s": statistics.median(waits),
        "other_team_p95_s": ordered[max(0, round(0.95 * len(ordered)) - 1)],
        "other_team_max_s": ordered[-1],
        "flood_answered_meanwhile": float(flood_done),
    }


async def run_polling(directory: Path, *, flood: int = 150, others: int = 10) -> dict[str, float]:
    """The same through long polling (`kompas run`) with more of the flood than one getUpdates
    serves (100): seconds from each other team's /help reaching Telegram to its answer. Before
    the inbox (storage/inbox.py) every batch was the flood's in-flight backlog: over 60 s."""
    engine = make_engine(f"sqlite:///{directory / 'polling.db'}")
    upgrade(engine)
    groups = [-2000 - i for i in range(others)]
    _teams(
        engine, [(FLOODING_GROUP, FLOODER.user_id), *[(g, 100 + i) for i, g in enumerate(groups)]]
    )
    waits: list[float] = []
    with StubBotApi() as stub:
        for update_id in range(1, flood + 1):
            stub.push_update(message(update_id, "/help", chat_id=FLOODING_GROUP))
        app = new_app(stub, engine, lambda: NOW)
        stop = asyncio.Event()
        body = functools.partial(poll, Delivery(app), long_poll=1, stop_grace=0.2)
        running = asyncio.create_task(serve(app, body, stop=stop, handle_signals=False))
        await until(lambda: stub.texts(FLOODING_GROUP))
        for i, group in enumerate(groups):
            await asyncio.sleep(0.2)
            asked = time.perf_counter()
            stub.push_update(message(flood + 1 + i, "/help", user_id=100 + i, chat_id=group))
            await until(lambda group=group: stub.texts(group), seconds=120)
            waits.append(time.perf_counter() - asked)
        stop.set()
        await running
    engine.dispose()
    return {
        "polling_other_team_median_s": statistics.median(waits),
        "polling_other_team_max_s": max(waits),
    }


if __name__ == "__main__":
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as folder:
        for name, value in asyncio.run(run(Path(folder))).items():
            print(f"{name}: {value:.3f}")
        for name, value in asyncio.run(run_polling(Path(folder))).items():
            print(f"{name}: {value:.3f}")

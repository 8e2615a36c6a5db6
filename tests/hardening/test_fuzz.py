"""Random and hostile updates through the real Application: nothing crashes, leaks or breaks.

Every example is a short burst of updates from the people of tests/hardening/world.py:
commands from the real command list (and unknown ones) with random arguments; unicode, RTL
and zero-width characters, 4 096-character texts, emoji and HTML-looking text; presses of real
buttons by anyone, and forged or stale callback data; files that are not tables, tables with
formulas, files over the size limit, zip bombs, sheets of millions of cells, numbers of 1e19
and dates in the year 1 or 9999, broken CSV; and updates Telegram delivers twice. After every
update: no unhandled exception, no stack trace shown, every text valid Telegram HTML within its
length, user text escaped, callback data within 64 bytes, and the secret client's name seen
only in its own team. At the end the database invariants hold and the ledger has one row per update.

`make test` runs a small deterministic sample; `make fuzz` runs KOMPAS_FUZZ_EXAMPLES (10 000)
random ones.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
import os
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from telegram import Update
from telegram.ext import CommandHandler

from bot.kit.routing import Buttons
from bot.transports.delivery import Delivery
from bot.transports.local_bot_api import Sent
from storage.engine import make_engine
from storage.migrate import upgrade
from storage.tabular import MAX_BYTES
from tests.chat import Chat, Seen
from tests.conftest import FakeClock
from tests.hardening import hostile_files as hostile
from tests.hardening import telegram_html
from tests.hardening.world import (
    SECRET_CLIENT,
    START,
    Failures,
    World,
    build,
    database_problems,
    ledger_ids,
    messages_with_buttons,
    secret_allowed,
)

EXAMPLES = int(os.environ.get("KOMPAS_FUZZ_EXAMPLES", "300"))
SMALL_RUN = EXAMPLES <= 1000

# What a hostile or clumsy user types. Tags carry "fzz" so a tag that came from a user and went
# out unescaped is recognisable in a reply (the bot's own tags never contain it, nor these
# snippets as they are).
ADVERSARIAL = [
    "<b>fzz</b>",
    "</code>fzz",
    "<code>fzz",
    "&amp;fzz",
    "&fzz;",
    "a & b",
    "1 < 2 > 0",
    '<a href="https://fzz.example">klik</a>',
    "<fzz>",
    "<script>fzz</script>",
    "*fzz* _fzz_ `fzz` [fzz](https://fzz.example)",
    "\u202efzz tnaik",
    "fz\u200bz\u200d\u2060",
    "\u200b",
    "\ufeff",
    "👩‍👩‍👧‍👦 💶",
    "𝕱𝖚𝖟𝖟",
    "Ёлка «Ёж» — ё/е",
    "Café Zoë",
    '=HYPERLINK("https://fzz.example","klik")',
    "+31 6 1234",
    "-5",
    "@fzz",
    "\t=1+1",
    "' OR 1=1 --",
    "%s %d {client} {0}",
    "\\x00",
    "line\nbreak\r\nfzz",
    "   ",
    ",,,;;;",
    ": :",
]
NUMBERS = [
    "1.250,50", "1 250", "12 500,00", "1\u00a0250", "0", "-100", "1e9", "99999999999999999999",
    "3,5", "1,5 ч", "2u", "90 min", "€ 12", "12₽", "1.2.3", "۱۲۳", "١٢٣", "½", "NaN", "inf",
]  # fmt: skip
UNKNOWN_COMMANDS = ["foo", "SALE", "sale@kompas_bot", "sale@other_bot", "s", "x" * 40, "ßtart"]
FILE_NAMES = [
    "clients.csv", "verkopen.csv", "продажи.csv", "data.xlsx", "notes.txt", "offerte.pdf",
    "photo.jpg", "no_extension", "", "<b>fzz</b>.csv", "a" * 300 + ".csv",
]  # fmt: skip
INDEXES = st.integers(0, 1_000)
# What a forged button carries in place of an id or a choice.
GARBAGE = st.one_of(
    st.sampled_from(
        ["", "-1", "0", "x", "use", "usex", "p", "p-1", "new", "skip", "٣", "1_0", " 1", "1e3"]
    ),
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["use", "p", ""]).flatmap(
        lambda head: st.integers(2**63 - 2, 2**66).map(lambda n: f"{head}{n}")
    ),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=8).map(
        lambda t: t.replace(":", "")
    ),
)
UNICODE_TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), max_size=60
)  # Telegram's JSON never carries lone surrogates


def words(names: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(names),
        st.sampled_from(names).map(lambda n: n[: max(1, len(n) // 2)]),
        st.sampled_from(names).map(str.upper),
        st.sampled_from(ADVERSARIAL),
        st.sampled_from(NUMBERS),
        UNICODE_TEXT,
    )


def argument_text(names: list[str]) -> st.SearchStrategy[str]:
    separators = st.sampled_from([" ", ", ", "; ", " : ", "\n"])
    parts = st.lists(st.tuples(words(names), separators), max_size=5)
    joined = parts.map(lambda ps: "".join(w + s for w, s in ps).strip())
    long = st.tuples(words(names), st.integers(4000, 4096)).map(
        lambda pair: ((pair[0] or "x") + " ") * (pair[1] // (len(pair[0]) + 1) + 1)
    )
    return st.one_of(joined, joined, joined, long)


def fit(text: str) -> str:
    """Telegram delivers at most 4 096 characters of text."""
    return text[:4096]


class Fuzzer:
    """Sends one drawn update at a time and checks everything that came back."""

    def __init__(self, world: World, loop: asyncio.AbstractEventLoop, clock: FakeClock) -> None:
        self.world, self.loop, self.clock = world, loop, clock
        self.chat = world.chat
        self.app = world.chat.app
        self.commands = sorted(
            {c for h in self.app.handlers[0] if isinstance(h, CommandHandler) for c in h.commands}
        )
        self.prefixes = sorted(
            next(h for h in self.app.handlers[0] if isinstance(h, Buttons)).routes
        )
        self.claimed: set[int] = set()
        self.history: list[Update] = []
        self.updates = 0
        self.replays = 0
        self.edits = 0
        self.together = 0
        self.delivery = Delivery(self.app)
        self.names = [n for n in world.client_names() if n != SECRET_CLIENT]
        self.ids = {
            "client": world.ids_of("client"),
            "sale": world.ids_of("sale"),
            "pending_undo": world.ids_of("pending_undo"),
            "ideal_profile": world.ids_of("ideal_profile"),
            "member": world.ids_of("member"),
        }
        self.arguments = argument_text(self.names)
        self.forged = self._forged_data()

    # One action ------------------------------------------------------------------------------
    def act(self, data: st.DataObject) -> None:
        # Every draw is made whatever the state of the world, and state only picks among the
        # drawn indexes: Hypothesis requires drawing to depend on earlier draws alone.
        kind = data.draw(
            st.sampled_from(
                ["command"] * 7
                + ["text"] * 4
                + ["press"] * 5
                + ["forge", "mutate", "file", "replay", "edit", "together"]
            ),
            label="kind",
        )
        user_id, chat_id = data.draw(st.sampled_from(self.world.seats), label="seat")
        person = self.world.person(user_id)
        update: Update | None = None
        factory = self.chat.factory
        if kind == "command":
            name = data.draw(
                st.one_of(st.sampled_from(self.commands), st.sampled_from(UNKNOWN_COMMANDS))
            )
            args = data.draw(st.one_of(st.just(""), self.arguments), label="args")
            update = factory.message(person, chat_id, fit(f"/{name} {args}".strip()))
        elif kind == "text":
            body = fit(data.draw(self.arguments, label="text")) or "…"
            as_reply = data.draw(st.booleans(), label="as reply")
            latest = self.chat.api.in_chat(chat_id)[-1:] if chat_id < 0 else []
            update = factory.message(
                person, chat_id, body, reply_to=latest[0] if latest and as_reply else None
            )
        elif kind == "press":
            pick, which = data.draw(INDEXES, label="message"), data.draw(INDEXES, label="button")
            candidates = messages_with_buttons(self.chat, chat_id)
            if candidates:
                message = candidates[pick % len(candidates)]
                labels = message.button_labels
                update = factory.press(
                    person, message, message.button_data(labels[which % len(labels)])
                )
        elif kind == "mutate":  # a real button with one part of its data replaced
            pick, which = data.draw(INDEXES, label="message"), data.draw(INDEXES, label="button")
            where, garbage = data.draw(INDEXES, label="part"), data.draw(GARBAGE, label="garbage")
            candidates = messages_with_buttons(self.chat, chat_id)
            if candidates:
                message = candidates[pick % len(candidates)]
                labels = message.button_labels
                parts = message.button_data(labels[which % len(labels)]).split(":")
                parts[1 + where % (len(parts) - 1)] = garbage
                update = factory.press(person, message, ":".join(parts)[:64])
        elif kind == "forge":
            forged = data.draw(self.forged, label="data")
            update = factory.press(person, self._any_message(chat_id), forged)
        elif kind == "file":
            update = self._file_update(data, person, chat_id)
        elif kind == "edit":  # an earlier message edited: nothing may change (issue 18)
            pick = data.draw(INDEXES, label="edited")
            body = data.draw(st.one_of(st.sampled_from(self.commands), self.arguments))
            sent = [u for u in self.history[-50:] if u.message is not None and u.message.text]
            if sent:
                original = sent[pick % len(sent)]
                self.edits += 1
                words = fit(f"/{body}" if body in self.commands else body) or "…"
                self._process(factory.edited(original, words), edit=True)
            return
        elif kind == "together":  # several chats at once, through the lanes (issue 18)
            drawn = data.draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(self.world.seats),
                        st.sampled_from(self.commands),
                        st.one_of(st.just(""), self.arguments),
                    ),
                    min_size=2,
                    max_size=4,
                ),
                label="together",
            )
            self._together(
                [
                    factory.message(self.world.person(u), c, fit(f"/{name} {args}".strip()))
                    for (u, c), name, args in drawn
                ]
            )
            return
        elif kind == "replay":
            pick = data.draw(INDEXES, label="replay")
            if self.history:
                self.replays += 1
                self._process(self.history[-50:][pick % len(self.history[-50:])], replay=True)
            return
        if update is not None:
            self._process(update)

    def _forged_data(self) -> st.SearchStrategy[str]:
        teams = [*self.world.team_ids.values(), 0, -1, 999_999, 2**63]
        ids = st.one_of(
            *(st.sampled_from(v) for v in self.ids.values() if v),
            st.integers(-(2**64), 2**64),
            st.sampled_from(["", "x", "-", "1e3", "0x10", "٣", "1 2", "None", "../1"]),
        )
        structured = st.builds(
            lambda prefix, team, args: ":".join([prefix, str(team), *map(str, args)]),
            st.sampled_from(self.prefixes),
            st.sampled_from(teams),
            st.lists(ids, max_size=4),
        )
        return st.one_of(
            structured,
            structured,
            st.text(max_size=80),
            st.binary(max_size=64).map(lambda b: b.decode("latin-1")),
        )

    def _any_message(self, chat_id: int) -> Sent:
        sent = self.chat.api.in_chat(chat_id)
        return sent[-1] if sent else Sent(chat_id, 1, "…")

    def _file_update(self, data: st.DataObject, person: Any, chat_id: int) -> Update:
        name = data.draw(st.sampled_from(FILE_NAMES), label="file name")
        content = data.draw(
            st.one_of(
                st.binary(max_size=300),
                st.just(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
                st.just(b"PK\x03\x04not really a spreadsheet"),
                st.just(b""),
                st.builds(formula_csv, words(self.names), st.sampled_from(NUMBERS)),
                st.builds(sales_csv, st.lists(words(self.names), min_size=1, max_size=5)),
                hostile_file(),
            ),
            label="content",
        )
        caption = data.draw(st.sampled_from(["", "/import", "/import@kompas_bot", "fzz <b>"]))
        huge = data.draw(st.integers(0, 9)) == 0
        as_reply = data.draw(st.booleans(), label="as reply")
        extra = None
        if huge:  # Telegram says how big a file is before anyone downloads it
            file_id = self.chat.api.store_file(content)
            extra = {
                "document": {
                    "file_id": file_id,
                    "file_unique_id": file_id,
                    "file_name": name,
                    "file_size": MAX_BYTES + 1,
                }
            }
        latest = self.chat.api.in_chat(chat_id)[-1:] if chat_id < 0 else []
        reply_to = latest[0] if latest and as_reply else None
        return self.chat.factory.message(
            person, chat_id, caption, document=(name, content), reply_to=reply_to, extra=extra
        )

    # Processing and checks ---------------------------------------------------------------------
    def _process(self, update: Update, *, replay: bool = False, edit: bool = False) -> None:
        handled = any(h.check_update(update) for h in self.app.handlers[0])
        answers = len(self.chat.api.callback_answers)
        before = recorded(self.world.engine) if edit else None
        seen = self.loop.run_until_complete(self.chat._process(update))
        if edit:
            assert recorded(self.world.engine) == before, (
                f"an edit changed data: {describe(update)}"
            )
            assert len(seen.messages) <= 1, seen.html[:300]
            # Answered (and claimed) only when meant for the bot, and once per message.
            handled = update.update_id in ledger_ids(self.world.engine)
        self.updates += 1
        self.clock.advance(minutes=1)
        try:
            self._check(update, seen, answers, handled=handled, replay=replay)
        except AssertionError as failure:
            raise AssertionError(f"{failure}\nafter {describe(update)}") from None

    def _together(self, updates: list[Update]) -> None:
        """Delivered at once, as the webhook and polling do: each chat's in order."""
        handled = [any(h.check_update(u) for h in self.app.handlers[0]) for u in updates]
        first = len(self.chat.api.messages)

        async def at_once() -> list[bool]:
            return await asyncio.gather(*(self.delivery.process(u) for u in updates))

        done = self.loop.run_until_complete(at_once())
        assert all(done), f"not acknowledged: {[describe(u) for u in updates]}"
        self.updates += len(updates)
        self.together += 1
        self.clock.advance(minutes=1)
        for update, claimed in zip(updates, handled, strict=True):
            self.history.append(update)
            if claimed:
                self.claimed.add(update.update_id)
        for message in self.chat.api.messages[first:]:
            check_message(message)

    def _check(
        self, update: Update, seen: Seen, answers: int, *, handled: bool, replay: bool
    ) -> None:
        if replay:
            assert not seen.messages, f"a redelivered update answered again: {seen.html[:300]}"
        else:
            self.history.append(update)
            if handled:
                self.claimed.add(update.update_id)
        for message in seen.messages:
            check_message(message)
        for answer in self.chat.api.callback_answers[answers:]:
            assert len(answer.get("text") or "") <= 200, answer

    def check_end(self) -> None:
        assert database_problems(self.world.engine) == []
        ledger = ledger_ids(self.world.engine)
        assert len(ledger) == len(set(ledger))
        assert set(ledger) == self.claimed


def recorded(engine) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    """What the teams have recorded, in a few counts and sums."""
    with engine.connect() as conn:
        return tuple(
            conn.execute(
                text(
                    "SELECT (SELECT count(*) FROM client), (SELECT count(*) FROM sale), "
                    "(SELECT coalesce(sum(amount), 0) FROM sale), (SELECT count(*) FROM event), "
                    "(SELECT count(*) FROM rating), (SELECT count(*) FROM member)"
                )
            ).one()
        )


def describe(update: Update) -> str:
    """The update in a few lines: who, where, and what they sent or pressed."""
    message = update.effective_message
    user = update.effective_user
    where = message.chat_id if message else None
    if update.callback_query is not None:
        what = f"press {update.callback_query.data!r}"
    elif message is not None and message.document is not None:
        what = f"file {message.document.file_name!r} caption {message.caption!r}"
    else:
        what = f"text {(message.text or '')[:300]!r}" if message else "?"
    reply = message.reply_to_message if message else None
    replied = f" in reply to {(reply.text or '')[:80]!r}" if reply else ""
    return f"update {update.update_id} from {user.id if user else None} in {where}: {what}{replied}"


_USER_TAG = re.compile(r"<[^<>]*fzz")
_USER_MARKUP = [snippet for snippet in ADVERSARIAL if "<" in snippet]


def check_message(message: Sent) -> None:
    text = message.text
    limit = (
        telegram_html.MAX_CAPTION
        if message.document is not None or message.photo is not None
        else telegram_html.MAX_TEXT
    )
    shown = telegram_html.check(text, limit=limit)
    assert "Traceback" not in shown and 'File "' not in shown, shown[:500]
    raw = _USER_TAG.search(text) or next((s for s in _USER_MARKUP if s in text), None)
    assert not raw, f"user text went out unescaped: {text[:500]!r}"
    if SECRET_CLIENT in shown:
        assert secret_allowed(message.chat_id), f"another team's client in chat {message.chat_id}"
    for row in message.buttons:
        for button in row:
            assert button["text"].strip(), f"an empty button label in {text[:200]!r}"
            data = button.get("callback_data", "")
            assert len(data.encode()) <= 64, data


@pytest.fixture
def world(tmp_path) -> Iterator[tuple[World, asyncio.AbstractEventLoop, FakeClock]]:  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'fuzz.db'}")
    upgrade(engine)
    loop = asyncio.new_event_loop()
    clock = FakeClock(START)
    chat = loop.run_until_complete(Chat.start(engine, clock))
    try:
        yield build(chat, engine), loop, clock
    finally:
        loop.run_until_complete(chat.stop())
        loop.close()
        engine.dispose()


@pytest.mark.fuzz
def test_random_and_hostile_updates_never_crash_leak_or_break_html(world) -> None:  # type: ignore[no-untyped-def]
    the_world, loop, clock = world
    fuzzer = Fuzzer(the_world, loop, clock)
    failures = Failures()
    logging.getLogger().addHandler(failures)
    started = time.monotonic()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=SMALL_RUN,  # the make-test sample is the same every run
        database=None,
        phases=(Phase.generate,),  # the world keeps changing: a shrunk replay is a new world
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def burst(data: st.DataObject) -> None:
        for _ in range(data.draw(st.integers(1, 4), label="updates")):
            fuzzer.act(data)
        assert not failures.records, failures.describe()

    try:
        burst()
    finally:
        logging.getLogger().removeHandler(failures)
    fuzzer.check_end()
    print(
        f"\nfuzz: {EXAMPLES} examples, {fuzzer.updates} updates ({fuzzer.replays} redelivered, "
        f"{fuzzer.edits} edited, {fuzzer.together} bursts across chats), "
        f"{len(fuzzer.claimed)} processed, {time.monotonic() - started:.1f} s, 0 failures"
    )


@functools.cache
def _bombs() -> tuple[bytes, ...]:
    """Made once: each takes a moment to pack."""
    return (
        hostile.shared_string_bomb(64 * hostile.MiB),
        hostile.inline_cells(),
        hostile.wide_row(),
        hostile.digit_cells(4_500_000),  # just over the cell cap, counted before parsing
    )


def hostile_file() -> st.SearchStrategy[bytes]:
    """Zip bombs, wide sheets, extreme numbers and dates, broken CSV (hostile_files.py)."""
    extreme = st.sampled_from(["1E+19", "-1E+19", "1E+308", "9" * 40, "1E-300", "0.1", "NaN"])
    days = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
    return st.one_of(
        st.integers(0, 3).map(lambda i: _bombs()[i]),
        st.builds(hostile.extreme_numbers, extreme),
        st.lists(days, min_size=1, max_size=4).map(lambda d: hostile.extreme_dates(*d)),
        st.sampled_from(
            [
                hostile.UNCLOSED_QUOTE_CSV,
                hostile.MIXED_SEPARATORS_CSV,
                hostile.QUOTE_OPENED_ON_THE_LAST_LINE_CSV,
                hostile.QUOTE_OPENED_MID_LAST_LINE_CSV,
                hostile.MIXED_SEPARATORS_TRAILING_CSV,
                hostile.CP1251_ODD_BYTES_CSV,
            ]
        ),
    )


def formula_csv(word: str, number: str) -> bytes:
    rows = [
        "Naam;Plaats;Notities",
        f'=HYPERLINK("https://fzz.example","{word}");Utrecht;=1+1',
        f"@SUM(A1);+31 6;{number}",
        f"{word};-2+3;\t=cmd",
    ]
    return "\n".join(rows).encode("utf-8", "surrogatepass")


def sales_csv(names: list[str]) -> bytes:
    rows = ["Klant;Datum;Bedrag"] + [
        f"{n};2026-10-0{i % 9 + 1};{i * 10},50" for i, n in enumerate(names)
    ]
    return "\n".join(rows).encode("utf-8", "surrogatepass")

"""Every corpus line (tests/corpus/nl_*.py, ru_*.py) through the whole Application, against a
fresh copy of the fixed world (tests/corpus/world.py): what was stored must be exactly what the
entry says, or the one question it names must be asked with nothing stored yet."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from bot.kit.runtime import KOMPAS, AnalysisCache
from bot.transports.local_bot_api import Sent
from storage.engine import make_engine
from tests.chat import Chat, Seen
from tests.corpus import nl_other, nl_sales, nl_titles, ru_other, ru_sales, world
from tests.corpus.expect import NOTHING, Ask, Expected, Stored, money
from tests.corpus.questions import HALLMARKS, LABELS

PEOPLE = {
    "nl": (world.NL_USER, "Anna", "nl"),
    "ru": (world.RU_USER, "Ольга", "ru"),
    "nl2": (world.NL2_USER, "Fleur", "nl"),  # the second Dutch team (tests/corpus/world.py)
}
OPEN = {**world.NL_OPEN, **world.RU_OPEN, **world.NL2_OPEN}
ENTRIES = [
    (lang, line, expected)
    for lang, lines in (
        ("nl", nl_sales.LINES + nl_other.LINES),
        ("ru", ru_sales.LINES + ru_other.LINES),
        ("nl2", nl_titles.LINES),
    )
    for line, expected in lines
]
CRITERIA = ("pleasant", "reasonable", "pays_on_time")
# What the error handler says when a handler raised: never the answer to a typed line.
CRASHED = {"nl": "Er ging bij mij iets mis", "ru": "У меня что-то пошло не так"}


def _state(engine: Engine) -> dict[str, dict[int, tuple[Any, ...]]]:
    """Every row a line may add or change, by id."""
    queries = {
        "sales": "SELECT s.id, c.name, s.amount, s.cost, s.minutes, s.sold_on, s.paid_on, "
        "s.paid_amount FROM sale s JOIN client c ON c.id = s.client_id",
        "clients": "SELECT id, name, kind FROM client",
        "events": "SELECT e.id, e.kind, c.name, e.note, r.name FROM event e "
        "JOIN client c ON c.id = e.client_id LEFT JOIN client r ON r.id = e.referred_client_id",
        "ratings": "SELECT r.id, c.name, r.criterion, r.value FROM rating r "
        "JOIN client c ON c.id = r.client_id",
    }
    with engine.connect() as conn:
        return {
            name: {row[0]: tuple(row[1:]) for row in conn.execute(text(sql))}
            for name, sql in queries.items()
        }


def _open_questions(engine: Engine) -> int:
    """Dialogs still waiting for an answer: a refusal or a finished line leaves none."""
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM dialog_state")).scalar_one())


def _cents(minor: int | None) -> str | None:
    return None if minor is None else money(Decimal(minor) / 100)


def _open_tag(client: str, amount: int, sold_on: str) -> str:
    for tag, (name, whole, day) in OPEN.items():
        if (name, whole * 100, day.isoformat()) == (client, amount, str(sold_on)):
            return tag
    return f"sale of {client} {_cents(amount)} on {sold_on}"


def _changes(before: dict[str, dict[int, tuple[Any, ...]]], engine: Engine) -> Stored:
    """What differs from the world, in the terms of tests/corpus/expect.py."""
    after = _state(engine)
    new = {
        name: [row for i, row in rows.items() if i not in before[name]]
        for name, rows in after.items()
    }
    sales = tuple(
        (client, _cents(amount), _cents(cost), minutes, str(sold_on))
        for client, amount, cost, minutes, sold_on, _paid_on, _part in new["sales"]
    )
    paid = []
    for sale_id, (client, amount, _c, _m, sold_on, paid_on, part) in before["sales"].items():
        now = after["sales"].get(sale_id)
        if now == (client, amount, _c, _m, sold_on, paid_on, part):
            continue
        tag = _open_tag(client, amount, sold_on)
        if now is None:
            paid.append((f"deleted: {tag}", None, None))
        elif now[5] is not None:
            paid.append((tag, str(now[5]), None))
        else:
            paid.append((tag, None, _cents(now[6])))
    ratings: dict[str, dict[str, int]] = {}
    for client, criterion, value in new["ratings"]:
        ratings.setdefault(client, {})[criterion] = value
    return Stored(
        sales=sales,
        clients=tuple((name, kind) for name, kind in new["clients"]),
        events=tuple(tuple(row) for row in new["events"]),  # type: ignore[misc]
        ratings=tuple(
            (client, *(values.get(c, 0) for c in CRITERIA))  # type: ignore[misc]
            for client, values in ratings.items()
        ),
        paid=tuple(paid),
    ).normalised()


def _labels(seen: Seen) -> list[str]:
    return [label.replace("\u00a0", " ").replace("\u202f", " ") for label in seen.buttons]


def _question_problems(seen: Seen, step: Ask, lang: str) -> list[str]:
    mark = HALLMARKS[lang][step.kind]
    labels = _labels(seen)
    folded = [label.casefold() for label in labels]
    problems = [f"the question lacks “{words}”" for words in mark.text if words not in seen.text]
    problems += [f"it says “{words}”" for words in mark.not_text if words in seen.text]
    position = -1
    for wanted in (*mark.buttons, *step.buttons):
        found = [i for i, label in enumerate(folded) if wanted.casefold() in label and i > position]
        if not found:
            problems.append(f"no button “{wanted}” (in this order)")
        else:
            position = found[0]
    if len(labels) < mark.min_buttons:
        problems.append(f"{len(labels)} buttons, expected at least {mark.min_buttons}")
    problems += [
        f"a button shows “{words}”"
        for words in step.hides
        if any(words.casefold() in label for label in folded)
    ]
    everything = (seen.text + "\n" + "\n".join(labels)).casefold()
    problems += [
        f"“{words}” not shown" for words in step.shows if words.casefold() not in everything
    ]
    return problems


def _button(seen: Seen, wanted: str) -> tuple[Sent, str] | None:
    """The newest message with a button labelled `wanted` (else containing it), and the label."""
    for exact in (True, False):
        for message in reversed(seen.messages):
            for label in message.button_labels:
                shown = label.replace("\u00a0", " ").replace("\u202f", " ").casefold()
                if shown == wanted.casefold() or (not exact and wanted.casefold() in shown):
                    return message, label
    return None


def _report(line: str, trail: list[str], seen: Seen, problem: str) -> str:
    said = seen.text.strip().replace("\n", " ⏎ ")
    return "\n".join(
        [
            f"{line}",
            *(f"  then {step}" for step in trail),
            f"  {problem}",
            f"  bot said: {said[:400]!r}",
            f"  buttons: {_labels(seen)}",
        ]
    )


class WorldAnalyses(AnalysisCache):
    """Shared by every line's Application: remembers only analyses of the untouched world (its
    data versions), which every fresh copy starts from, so "before" is scored once a session."""

    def __init__(self, versions: dict[int, int]) -> None:
        super().__init__()
        self.versions = versions

    def put(self, team: Any, today: Any, analysis: Any) -> None:
        if self.versions.get(team.id) == team.data_version:
            super().put(team, today, analysis)


@pytest.fixture(scope="session")
def world_analyses(corpus_world: Path) -> WorldAnalyses:
    engine = make_engine(f"sqlite:///{corpus_world}")
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT id, data_version FROM team")).all()
        return WorldAnalyses({int(team_id): int(version) for team_id, version in rows})
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def world_before(corpus_world: Path) -> dict[str, dict[int, tuple[Any, ...]]]:
    engine = make_engine(f"sqlite:///{corpus_world}")
    try:
        return _state(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("entry", ENTRIES)
async def test_line(
    entry: tuple[str, str, Expected],
    world_engine: Engine,
    world_before: dict[str, dict[int, tuple[Any, ...]]],
    world_analyses: WorldAnalyses,
) -> None:
    team, line, expected = entry
    user, name, lang = PEOPLE[team]
    chat = await Chat.start(world_engine, lambda: world.NOW)
    chat.app.bot_data[KOMPAS].analyses = world_analyses
    try:
        person = chat.person(user, name, lang)
        seen = await chat.send(person, line)
        if CRASHED[lang] in seen.text:
            pytest.fail(_report(line, [], seen, "the bot failed on it"), pytrace=False)
        trail: list[str] = []
        step: Expected | None = expected
        while isinstance(step, Ask):
            got = _changes(world_before, world_engine)
            if got != NOTHING:
                pytest.fail(
                    _report(line, trail, seen, f"stored before asking: {got.describe()}"),
                    pytrace=False,
                )
            problems = _question_problems(seen, step, lang)
            if problems:
                wanted = f"expected the {step.kind!r} question: " + "; ".join(problems)
                pytest.fail(_report(line, trail, seen, wanted), pytrace=False)
            if step.press is not None:
                label = LABELS[lang].get(step.press, step.press)
                found = _button(seen, label)
                if found is None:
                    pytest.fail(_report(line, trail, seen, f"no button “{label}”"), pytrace=False)
                message, shown = found
                trail.append(f"pressed “{shown}”")
                seen = await chat.press_data(person, message, message.button_data(shown))
            elif step.answer is not None:
                trail.append(f"typed “{step.answer}”")
                seen = await chat.send(person, step.answer)
            else:
                return
            step = step.then if step.then is not None else NOTHING
        assert isinstance(step, Stored)
        got = _changes(world_before, world_engine)
        if got != step.normalised():
            problem = f"expected: {step.describe()}\n  stored:   {got.describe()}"
            pytest.fail(_report(line, trail, seen, problem), pytrace=False)
        if step == NOTHING and not seen.text.strip():
            pytest.fail(
                _report(line, trail, seen, "nothing stored, but no answer either"), pytrace=False
            )
        if _open_questions(world_engine):
            pytest.fail(_report(line, trail, seen, "a question is still open"), pytrace=False)
    finally:
        await chat.stop()

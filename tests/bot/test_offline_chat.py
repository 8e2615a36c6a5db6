"""`kompas chat` as people use it: sessions one after another on one database, each person in
the group with their Telegram status, private chats of group members, files with a caption."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import select

from bot.settings import Settings
from bot.transports.local_bot_api import BOT_USER
from bot.transports.offline_chat import ChatOptions, run_chat
from storage import ledger
from storage.engine import new_session
from storage.models import Member, ProcessedUpdate, Role
from tests.conftest import FakeClock

GROUP = -1001000000001
JORIS, FATIMA, SANNE = 1001, 1002, 1003


async def chat(engine: Engine, clock: FakeClock, *lines: str, **options: object) -> str:
    """One `kompas chat` session: the lines piped in, what it printed."""
    out = io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    await run_chat(Settings(), engine, ChatOptions(**options), stdin=stdin, stdout=out, clock=clock)  # type: ignore[arg-type]
    return out.getvalue()


# Finding 9: a second session lost its first messages -----------------------------------------


async def test_the_second_session_answers_its_first_message(engine: Engine, clock: FakeClock):
    first = await chat(engine, clock, "/start", "/help", locale="nl")
    assert "Ik ben Kompas" in first
    second = await chat(engine, clock, "/start", locale="nl")
    assert "Ik ben Kompas" in second


async def test_a_second_demo_session_in_russian_answers_at_once(engine: Engine, clock: FakeClock):
    """`make run` twice: the demo team, then the same again."""
    await chat(engine, clock, "/start", demo=True, locale="ru")
    second = await chat(engine, clock, "/start", demo=True, locale="ru")
    assert "Всё готово. Что я умею — /help." in second


async def test_update_ids_never_go_back_even_after_the_ledger_is_pruned(
    engine: Engine, clock: FakeClock
):
    await chat(engine, clock, "/start", "/help", "/help", locale="nl")
    used = _update_ids(engine)
    assert len(used) == 3
    with new_session(engine) as session:  # a day later the ledger forgets them
        ledger.prune(session=session, now=clock() + dt.timedelta(days=2))
        session.commit()
    assert _update_ids(engine) == []
    later = await chat(engine, clock, "/help", locale="nl")
    assert "Kompas: Wat ik kan" in later
    assert min(_update_ids(engine)) > max(used)


def _update_ids(engine: Engine) -> list[int]:
    with new_session(engine) as session:
        rows = session.exec(
            select(ProcessedUpdate.update_id).where(ProcessedUpdate.bot_id == BOT_USER["id"])
        )
        return sorted(rows)


# Finding 10: roles, private chats of members, captioned files --------------------------------


async def test_each_person_in_the_group_has_their_own_telegram_status(
    engine: Engine, clock: FakeClock
):
    owner = await chat(engine, clock, "/members", group=True, demo=True, user_id=JORIS,
                       name="Joris", locale="nl")  # fmt: skip
    assert "Kompas demo: 1 persoon\n        • Joris — eigenaar" in owner  # the first: owner

    member = await chat(engine, clock, "/members", group=True, user_id=FATIMA, name="Fatima",
                        locale="nl")  # fmt: skip
    assert "Kompas: Dat kan alleen Joris (beheerder)." in member
    assert _role(engine, FATIMA) == Role.MEMBER  # not promoted to admin

    admin = await chat(engine, clock, "/members", group=True, user_id=SANNE, name="Sanne",
                       role="admin", locale="nl")  # fmt: skip
    assert "Kompas demo: 3 personen" in admin
    assert "• Fatima — lid" in admin and "• Sanne — beheerder" in admin

    # Remembered: Fatima is a member next time too, until --role says otherwise.
    again = await chat(engine, clock, "/members", group=True, user_id=FATIMA, locale="nl")
    assert "Kompas: Dat kunnen alleen Joris en Sanne (beheerders)." in again
    promoted = await chat(engine, clock, "/members", group=True, user_id=FATIMA, role="admin",
                          locale="nl")  # fmt: skip
    assert "• Fatima — beheerder" in promoted
    owner_again = await chat(engine, clock, "/members", group=True, user_id=JORIS, locale="nl")
    assert "• Joris — eigenaar" in owner_again


async def test_someone_who_left_the_group_reaches_nobody_there(engine: Engine, clock: FakeClock):
    await chat(engine, clock, group=True, demo=True, user_id=JORIS, name="Joris", locale="nl")
    gone = await chat(engine, clock, "/clients", group=True, user_id=FATIMA, name="Fatima",
                      role="left", locale="nl")  # fmt: skip
    assert "Kompas:" not in gone
    assert "(Fatima has left this group: Telegram delivers nothing)" in gone


async def test_a_member_finds_the_group_in_a_private_chat(engine: Engine, clock: FakeClock):
    await chat(engine, clock, group=True, demo=True, user_id=JORIS, name="Йорис", locale="ru")
    await chat(engine, clock, "/help", group=True, user_id=FATIMA, name="Фатима", locale="ru")
    private = await chat(engine, clock, "/team", "#1", user_id=FATIMA, locale="ru")
    assert "Kompas: С какой командой работать здесь?\n        [1] ✓ Kompas demo" in private
    assert "Выбрано: Kompas demo." in private

    # Left the Telegram group: the private chat no longer offers its team.
    await chat(engine, clock, group=True, user_id=FATIMA, role="left", locale="ru")
    after = await chat(engine, clock, "/team", user_id=FATIMA, locale="ru")
    assert "Kompas demo" not in after


async def test_a_file_captioned_import_in_the_group_is_imported(
    engine: Engine, clock: FakeClock, tmp_path: Path
):
    clients = tmp_path / "nieuwe klanten.csv"  # a space in the path, as on many desktops
    clients.write_text("Klant;Plaats\nBakkerij Jansen;Utrecht\nKapsalon Mooi;Delft\n")
    seen = await chat(engine, clock, f"@{clients} /import", group=True, demo=True,
                      user_id=JORIS, name="Joris", locale="nl")  # fmt: skip
    assert "Geïmporteerd: 2 regels gelezen." in seen
    assert "2 nieuwe klanten" in seen

    member = await chat(engine, clock, f"@{clients} /import", group=True, user_id=FATIMA,
                        name="Fatima", locale="nl")  # fmt: skip
    assert "Dat kan alleen Joris (beheerder)." in member

    # Without a caption, a file answers the bot's latest message, as after /import.
    answer = await chat(engine, clock, "/import", f"@{clients}", group=True, user_id=JORIS,
                        locale="nl")  # fmt: skip
    assert "Niets nieuws: dit had ik allemaal al." in answer


def _role(engine: Engine, user_id: int) -> Role:
    with new_session(engine) as session:
        member = session.exec(select(Member).where(Member.user_id == user_id)).one()
        return Role(member.role)


def test_a_message_to_another_chat_prints_where_it_went_and_its_buttons_stay_there() -> None:
    from bot.transports.local_bot_api import Sent
    from bot.transports.offline_chat import TerminalPrinter

    out = io.StringIO()
    chats = {1002: {"id": 1002, "type": "private", "first_name": "Fatima"}}
    printer = TerminalPrinter(out, GROUP, chats)
    here = Sent(GROUP, 1, "Wie?", buttons=[[{"text": "Ja", "callback_data": "a"}]])
    printer(here, False)
    printer(Sent(1002, 2, "Goedkeuren?", buttons=[[{"text": "Ok", "callback_data": "b"}]]), False)
    assert "→ private chat of Fatima (1002):\nKompas: Goedkeuren?\n        [1] Ok" in out.getvalue()
    assert printer.latest is here and printer.latest_with_buttons is here

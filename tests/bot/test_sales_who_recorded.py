"""/sales in a team of several says who recorded each sale: the Dutch salon's reader could not
tell Bram's € 300 from her own when a sale looked wrong. One person alone is not told."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, update

from storage.engine import new_session
from storage.models import Member, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, add_member, make_client, make_team

GROUP = -710
MEMBER = 42
WORDS = {
    "nl": ("/verkoop", "/verkopen", "door Anna", "door Bram"),
    "ru": ("/sale", "/sales", "кто записал: Anna", "кто записал: Bram"),
}


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_each_sale_says_which_member_recorded_it(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    sale, listed, by_anna, by_bram = WORDS[locale]
    owner_id = NL_OWNER if locale == "nl" else RU_OWNER
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=owner_id, locale=locale)
    add_member(sqlite_engine, team, MEMBER)
    with new_session(sqlite_engine) as session:
        for user_id, name in ((owner_id, "Anna"), (MEMBER, "Bram")):
            session.execute(
                update(Member).where(Member.user_id == user_id).values(display_name=name)
            )
        session.commit()
    make_client(sqlite_engine, team, "Jansen")
    anna, bram = chat.person(owner_id, "Anna", locale), chat.person(MEMBER, "Bram", locale)
    chat.group(GROUP, "Studio", creator=anna, members=(bram,))
    await chat.send(anna, f"{sale} Jansen 450", chat=GROUP)
    await chat.send(bram, f"{sale} Jansen 300", chat=GROUP)

    seen = await chat.send(anna, f"{listed} Jansen", chat=GROUP)
    [first, second] = [line for line in seen.text.splitlines() if line[:2] in ("1.", "2.")]
    assert "300" in first and first.endswith(by_bram), first
    assert "450" in second and second.endswith(by_anna), second


async def test_one_person_alone_is_not_told_it_was_them(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    with new_session(sqlite_engine) as session:
        session.execute(
            update(Member).where(Member.user_id == NL_OWNER).values(display_name="Anna")
        )
        session.commit()
    make_client(sqlite_engine, nl_team, "Jansen")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Jansen 450")
    seen = await chat.send(anna, "/verkopen Jansen")
    assert "door" not in seen.text, seen.text


async def test_a_sale_corrected_to_what_it_was_says_nothing_changed(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """The checker's € 700 "corrected" to € 700 was confirmed as a correction, with an Undo
    that "put the sale back as it was"."""
    make_client(sqlite_engine, nl_team, "Jansen")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Jansen 700")
    await chat.send(anna, "/verkopen Jansen")
    await chat.press(anna, "✎ Verkoop 1")
    await chat.press(anna, "Bedrag")
    seen = await chat.send(anna, "700")
    assert seen.text == "Niets veranderd: zo stond het al bij de verkoop.", seen.text
    assert not seen.buttons  # nothing to undo
    seen = await chat.send(anna, "/ongedaan")  # the sale itself is the last change
    assert "de verkoop is verwijderd" in seen.text, seen.text

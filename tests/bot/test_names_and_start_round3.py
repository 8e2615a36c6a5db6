"""A native Russian reader's findings, round three: a full name with a patronymic is a person
without asking, a lower-case name is stored as natives write it, and a group's /start offers
the presser's own language first."""

from __future__ import annotations

from tests.chat import Chat


async def test_group_start_offers_the_pressers_own_language_first(chat: Chat) -> None:
    olga = chat.person(21, "Ольга", "ru")
    group = chat.group(-500, "Студия «Север»", creator=olga)
    seen = await chat.send(olga, "/start", chat=group)
    assert "1/3" in seen and seen.buttons == ["Русский", "Nederlands"]
    anna = chat.person(22, "Anna", "nl")
    group = chat.group(-501, "Bakkerij Noord", creator=anna)
    seen = await chat.send(anna, "/start", chat=group)
    assert "1/3" in seen and seen.buttons == ["Nederlands", "Русский"]

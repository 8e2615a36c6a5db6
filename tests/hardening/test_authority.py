"""Telegram decides who is an admin: a demoted owner or admin loses admin rights at once,
Undo of an admin-only change included (found by the second reader's attack)."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import make_team, rows

GROUP = -500
OLGA, PIET = 21, 23


def threshold(engine: Engine) -> float:
    return next(t for t in rows(engine, Team) if t.chat_id == GROUP).concentration_threshold


async def test_an_owner_demoted_in_telegram_can_no_longer_change_settings(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, piet = chat.person(OLGA, "Olga", "nl"), chat.person(PIET, "Piet", "nl")
    chat.group(GROUP, "Studio", creator=olga, admins=(piet,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA)
    # Olga hands the group to Piet in Telegram and stays as a plain member.
    chat.api.set_member(GROUP, PIET, "creator")
    chat.api.set_member(GROUP, OLGA, "member")
    seen = await chat.send(olga, "/settings", chat=GROUP)
    assert "Grens grote klant" not in seen.buttons
    seen = await chat.send(olga, "/members", chat=GROUP)
    assert "Dat kunnen alleen de beheerders van het team." in seen.text
    assert threshold(sqlite_engine) == 0.25


async def test_an_admin_demoted_in_telegram_cannot_undo_their_admin_change(
    chat: Chat, sqlite_engine: Engine, clock
) -> None:
    olga, piet = chat.person(OLGA, "Olga", "nl"), chat.person(PIET, "Piet", "nl")
    chat.group(GROUP, "Studio", creator=olga, admins=(piet,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA)
    await chat.send(piet, "/settings", chat=GROUP)
    await chat.press(piet, "Beoordelingen", chat=GROUP)
    await chat.press(piet, "Grens grote klant", chat=GROUP)
    await chat.press(piet, "30%", chat=GROUP)
    assert threshold(sqlite_engine) == 0.3
    chat.api.set_member(GROUP, PIET, "member")
    clock.advance(minutes=5)  # past the short status cache
    await chat.press(piet, "↩ Ongedaan maken", chat=GROUP)
    assert chat.api.callback_answers[-1]["text"] == "Dat kan alleen owner21 (beheerder)."
    assert threshold(sqlite_engine) == 0.3


async def test_a_button_on_another_teams_card_in_private_switches_to_that_team(
    chat: Chat, sqlite_engine: Engine
) -> None:
    from storage.models import Sale
    from tests.factories import add_member, make_client

    olga, piet = chat.person(OLGA, "Olga", "nl"), chat.person(PIET, "Piet", "nl")
    fatima = chat.person(24, "Fatima", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(fatima,))
    chat.group(-600, "Salon", creator=piet, members=(fatima,))
    studio = make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA, payment_days=0)
    salon = make_team(sqlite_engine, chat_id=-600, owner_id=PIET, payment_days=0, title="Salon")
    add_member(sqlite_engine, studio, 24)
    add_member(sqlite_engine, salon, 24)
    make_client(sqlite_engine, studio, "Bakkerij de Vries")
    make_client(sqlite_engine, salon, "Bakkerij Geheim")
    await chat.send(fatima, "/team")
    await chat.press(fatima, "Salon")
    card = (await chat.send(fatima, "/client bakkerij")).last
    await chat.send(fatima, "/team")
    await chat.press(fatima, "Studio")
    seen = await chat.press(fatima, "Verkoop", message=card)
    assert "Je werkt nu in: Salon." in seen.text
    await chat.send(fatima, "250")  # the answer to the card's question lands in Salon
    await chat.press(fatima, "Overslaan")  # no cost
    await chat.press(fatima, "Overslaan")  # no time
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.team_id, sale.amount) == (salon.id, 25_000)


async def test_a_member_cannot_export_and_the_edit_prompt_shows_no_tags(
    chat: Chat, sqlite_engine: Engine
) -> None:
    from tests.factories import add_member, make_client

    olga, fatima = chat.person(OLGA, "Olga", "nl"), chat.person(24, "Fatima", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(fatima,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA)
    add_member(sqlite_engine, team, 24)
    make_client(sqlite_engine, team, "Tandarts Smit")
    seen = await chat.send(fatima, "/export", chat=GROUP)
    assert "Dat kan alleen owner21 (beheerder)." in seen.text
    assert not any(m.document for m in seen.messages)
    await chat.send(olga, "/edit Tandarts", chat=GROUP)
    seen = await chat.press(olga, "Plaats", chat=GROUP)
    assert "<i>/annuleer om te stoppen</i>" in seen.html
    assert "&lt;i&gt;" not in seen.html


def test_an_answered_approval_request_cannot_let_a_removed_person_back(
    sqlite_engine: Engine,
) -> None:
    import pytest
    from sqlmodel import select

    from locales import InputError
    from storage import teams
    from storage.engine import new_session
    from storage.models import Member, MemberStatus
    from tests.factories import add_member

    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA)
    add_member(sqlite_engine, team, 24)
    with new_session(sqlite_engine) as session:
        member = session.exec(select(Member).where(Member.user_id == 24)).one()
        member.status = MemberStatus.REMOVED  # let in by one admin, then removed
        session.commit()
        with pytest.raises(InputError):  # another admin's old "Let in" button
            teams.approve_member(
                session=session, team_id=team.id or 0, member_id=member.id or 0, request=True
            )
        teams.approve_member(session=session, team_id=team.id or 0, member_id=member.id or 0)
        assert member.status == MemberStatus.ACTIVE  # /members still lets them back


async def test_a_newcomer_waiting_for_approval_is_not_welcomed_back(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, noor = chat.person(OLGA, "Olga", "nl"), chat.person(26, "Noor", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(noor,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA, members_need_approval=True)
    await chat.send(noor, "/help", chat=GROUP)  # asks the admins to let her in
    seen = await chat.send(noor, "/start", chat=GROUP)
    assert "Je werkt in" not in seen.text
    assert "Een beheerder moet je nog goedkeuren" in seen.text

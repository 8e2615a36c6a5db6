"""Membership in storage: removal holds, approval and decline, telling a removed person once."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from locales import InputError
from storage import teams
from storage.engine import new_session
from storage.models import Member, MemberStatus, Role
from tests.factories import NOW, add_member, make_team, rows

OWNER, FATIMA, PIET = 21, 24, 23


def _member_id(engine: Engine, user_id: int) -> int:
    [member] = [m for m in rows(engine, Member) if m.user_id == user_id]
    return member.id


def test_a_removed_member_keeps_their_row_and_is_told_once_per_removal(engine: Engine) -> None:
    team = make_team(engine, chat_id=-100, owner_id=OWNER)
    add_member(engine, team, FATIMA, role="admin")
    member_id = _member_id(engine, FATIMA)
    with new_session(engine) as session:
        teams.remove_member(session=session, team_id=team.id, member_id=member_id)
        session.commit()
    [removed] = [m for m in rows(engine, Member) if m.user_id == FATIMA]
    assert (removed.status, removed.role, removed.told_removed) == ("removed", "member", False)
    with new_session(engine) as session:
        assert teams.claim_removal_notice(session=session, member_id=member_id)
        assert not teams.claim_removal_notice(session=session, member_id=member_id)
        session.commit()
        assert teams.teams_of_user(session=session, user_id=FATIMA) == []
        with pytest.raises(InputError):  # removing twice says she is gone already
            teams.remove_member(session=session, team_id=team.id, member_id=member_id)
        # Joining again through another update finds her row: she is not re-added.
        again = teams.add_member(
            session=session,
            team_id=team.id,
            user_id=FATIMA,
            role=Role.MEMBER,
            display_name="Fatima",
            now=NOW,
        )
        assert again.status == MemberStatus.REMOVED
        teams.approve_member(session=session, team_id=team.id, member_id=member_id)
        session.commit()
        assert [t.id for t in teams.teams_of_user(session=session, user_id=FATIMA)] == [team.id]
        teams.remove_member(session=session, team_id=team.id, member_id=member_id)
        assert teams.claim_removal_notice(session=session, member_id=member_id)
        session.commit()


def test_the_owner_is_never_removed_and_an_active_member_is_not_approved_twice(
    engine: Engine,
) -> None:
    team = make_team(engine, chat_id=-100, owner_id=OWNER)
    add_member(engine, team, FATIMA)
    with new_session(engine) as session:
        with pytest.raises(InputError):
            teams.remove_member(
                session=session, team_id=team.id, member_id=_member_id(engine, OWNER)
            )
        with pytest.raises(InputError) as already:
            teams.approve_member(
                session=session, team_id=team.id, member_id=_member_id(engine, FATIMA)
            )
        assert already.value.params == {"name": "user24"}
        # An active member is not a request to decline.
        with pytest.raises(InputError):
            teams.decline_member(
                session=session, team_id=team.id, member_id=_member_id(engine, FATIMA)
            )


def test_a_declined_newcomer_is_out_and_waiting_lists_only_newcomers(engine: Engine) -> None:
    team = make_team(engine, chat_id=-100, owner_id=OWNER)
    with new_session(engine) as session:
        for user_id in (FATIMA, PIET):
            teams.add_member(
                session=session,
                team_id=team.id,
                user_id=user_id,
                role=Role.MEMBER,
                display_name=f"user{user_id}",
                now=NOW,
                status=MemberStatus.PENDING,
            )
        session.commit()
        waiting = teams.waiting_members(session=session, team_id=team.id)
        assert [m.user_id for m in waiting] == [FATIMA, PIET]
        teams.decline_member(session=session, team_id=team.id, member_id=waiting[0].id)
        session.commit()
        assert [m.user_id for m in teams.waiting_members(session=session, team_id=team.id)] == [
            PIET
        ]
    assert {m.user_id: m.status for m in rows(engine, Member)} == {
        OWNER: "active",
        FATIMA: "removed",
        PIET: "pending",
    }


def test_telegram_admins_join_as_admins_and_removed_ones_stay_out(engine: Engine) -> None:
    team = make_team(engine, chat_id=-100, owner_id=OWNER)
    add_member(engine, team, FATIMA)
    with new_session(engine) as session:
        teams.remove_member(session=session, team_id=team.id, member_id=_member_id(engine, FATIMA))
        teams.enlist_admins(
            session=session, team_id=team.id, admins=[(PIET, "Piet"), (FATIMA, "Fatima")], now=NOW
        )
        teams.set_user_locale(session=session, user_id=PIET, locale="ru", now=NOW)
        session.commit()
        admins = teams.team_admins(session=session, team_id=team.id)
        assert sorted((m.user_id, m.role) for m in admins) == [(OWNER, "owner"), (PIET, "admin")]
        assert teams.locales_of(session=session, user_ids=[OWNER, PIET]) == {PIET: "ru"}


def test_a_removed_status_is_allowed_by_the_database_and_nothing_else_is(engine: Engine) -> None:
    from sqlalchemy.exc import IntegrityError

    team = make_team(engine, chat_id=-100, owner_id=OWNER)
    with new_session(engine) as session:
        session.add(Member(team_id=team.id, user_id=FATIMA, status="removed"))
        session.commit()
        session.add(Member(team_id=team.id, user_id=PIET, status="banned"))
        with pytest.raises(IntegrityError):
            session.commit()

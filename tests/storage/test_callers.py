"""Which team a private chat works on: the one chosen with /team, else the personal one."""

from __future__ import annotations

from sqlalchemy import Engine

from storage import callers, teams
from storage.engine import new_session
from tests.factories import NOW, add_member, make_team

USER = 11


def _private_team(engine: Engine) -> str | None:
    with new_session(engine) as session:
        context = callers.caller_context(
            session=session, user_id=USER, chat_id=USER, in_group=False
        )
    return context.team.title if context.team else None


def _choose(engine: Engine, team_id: int | None) -> None:
    with new_session(engine) as session:
        teams.set_current_team(session=session, user_id=USER, team_id=team_id, now=NOW)
        session.commit()


def _deactivate(engine: Engine, chat_id: int) -> None:
    with new_session(engine) as session:
        teams.set_team_active(session=session, chat_id=chat_id, active=False)
        session.commit()


def test_the_chosen_team_comes_before_the_personal_one(engine: Engine) -> None:
    make_team(engine, chat_id=USER, owner_id=USER, title="Mine", personal=True)
    group = make_team(engine, chat_id=-100, owner_id=99, title="Studio")
    add_member(engine, group, USER)
    assert _private_team(engine) == "Mine"
    _choose(engine, group.id)
    assert _private_team(engine) == "Studio"
    _choose(engine, None)
    assert _private_team(engine) == "Mine"


def test_an_inactive_chosen_team_falls_back_to_the_personal_one(engine: Engine) -> None:
    make_team(engine, chat_id=USER, owner_id=USER, title="Mine", personal=True)
    group = make_team(engine, chat_id=-100, owner_id=99, title="Studio")
    add_member(engine, group, USER)
    _choose(engine, group.id)
    _deactivate(engine, -100)
    assert _private_team(engine) == "Mine"
    _deactivate(engine, USER)
    assert _private_team(engine) is None


def test_without_any_team_only_the_language_choice_is_found(engine: Engine) -> None:
    with new_session(engine) as session:
        teams.set_user_locale(session=session, user_id=USER, locale="ru", now=NOW)
        session.commit()
    with new_session(engine) as session:
        context = callers.caller_context(
            session=session, user_id=USER, chat_id=USER, in_group=False
        )
    assert (context.chosen_locale, context.team, context.member) == ("ru", None, None)

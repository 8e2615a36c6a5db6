"""Authority from Telegram, always current (issue 18, finding 3): someone who left the group
or was demoted loses what that gave them at once, and ownership follows Telegram."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.transports.local_bot_api import Failure
from storage.models import Member, Role, Team
from tests.chat import Chat
from tests.deploy.harness import new_app, running_polling, running_webhook, until
from tests.factories import add_member, make_client, make_team, rows
from tests.stub_bot_api import StubBotApi

GROUP = -500
OLGA, PIET, FATIMA = 21, 23, 24


def studio(chat: Chat, engine: Engine):  # type: ignore[no-untyped-def]
    olga, piet = chat.person(OLGA, "Olga", "nl"), chat.person(PIET, "Piet", "nl")
    fatima = chat.person(FATIMA, "Fatima", "nl")
    chat.group(GROUP, "Studio", creator=olga, admins=(piet,), members=(fatima,))
    team = make_team(engine, chat_id=GROUP, owner_id=OLGA)
    add_member(engine, team, PIET, "admin")
    add_member(engine, team, FATIMA)
    make_client(engine, team, "Bakkerij de Vries")
    return olga, piet, fatima


def threshold(engine: Engine) -> float:
    return next(t for t in rows(engine, Team) if t.chat_id == GROUP).concentration_threshold


def role_of(engine: Engine, user_id: int) -> str:
    return next(m.role for m in rows(engine, Member) if m.user_id == user_id)


async def test_someone_removed_from_the_group_loses_the_team_in_private_at_once(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, _, fatima = studio(chat, sqlite_engine)
    seen = await chat.send(fatima, "/clients")
    assert "Bakkerij de Vries" in seen.text  # her one team, in private
    chat.api.set_member(GROUP, FATIMA, "kicked")
    await chat.app.process_update(chat.factory.chat_member(olga, GROUP, fatima, "member", "kicked"))
    seen = await chat.send(fatima, "/clients")  # well within the status cache's minute
    assert "Bakkerij de Vries" not in seen.text
    seen = await chat.send(fatima, "/export")
    assert not any(m.document for m in seen.messages)


async def test_an_admin_demoted_in_telegram_loses_admin_rights_at_once(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """The bot need not be an admin of the group to hear of it: admin actions ask Telegram."""
    _, piet, _ = studio(chat, sqlite_engine)
    await chat.send(piet, "/settings", chat=GROUP)
    await chat.press(piet, "Beoordelingen", chat=GROUP)
    await chat.press(piet, "Grens grote klant", chat=GROUP)
    await chat.press(piet, "30%", chat=GROUP)
    assert threshold(sqlite_engine) == 0.3
    chat.api.set_member(GROUP, PIET, "member")  # no chat_member update, no time passing
    await chat.press(piet, "↩ Ongedaan maken", chat=GROUP)
    assert chat.api.callback_answers[-1]["text"] == "Dat kan alleen owner21 (beheerder)."
    assert threshold(sqlite_engine) == 0.3
    seen = await chat.send(piet, "/members", chat=GROUP)
    assert "Dat kan alleen owner21 (beheerder)." in seen.text


async def test_ownership_passes_to_an_admin_once_telegram_demotes_the_owner(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, piet, _ = studio(chat, sqlite_engine)
    chat.api.set_member(GROUP, OLGA, "member")
    seen = await chat.send(piet, "/members", chat=GROUP)
    told = "user23 is nu de eigenaar van het team: owner21 is geen beheerder van de groep meer."
    assert told in seen.text
    assert (role_of(sqlite_engine, PIET), role_of(sqlite_engine, OLGA)) == ("owner", "member")
    seen = await chat.send(olga, "/settings", chat=GROUP)
    assert "Grens grote klant" not in seen.buttons
    # The former owner is a member now: an admin can take her out of the team.
    await chat.send(piet, "/members", chat=GROUP)
    await chat.press(piet, "✕ owner21 verwijderen", chat=GROUP)
    seen = await chat.press(piet, "Ja, verwijderen", chat=GROUP)
    assert "kan niet" not in seen.text
    assert next(m for m in rows(sqlite_engine, Member) if m.user_id == OLGA).status == "removed"
    assert Role(role_of(sqlite_engine, PIET)) == Role.OWNER


async def test_ownership_stays_put_while_telegram_cannot_say_what_the_owner_is(
    chat: Chat, sqlite_engine: Engine
) -> None:
    _, piet, _ = studio(chat, sqlite_engine)
    chat.api.fail(Failure("getChatMember", 502, "Bad Gateway", chat_id=GROUP, user_id=OLGA))
    seen = await chat.send(piet, "/members", chat=GROUP)
    assert "eigenaar van het team" not in seen.text.splitlines()[0]
    assert (role_of(sqlite_engine, PIET), role_of(sqlite_engine, OLGA)) == ("admin", "owner")


async def test_telegram_is_asked_for_the_membership_changes_both_ways(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """chat_member updates come only to those who ask for them by name in allowed_updates."""
    async with running_polling(new_app(stub, sqlite_engine, clock)):
        await until(lambda: bool(stub.called("getUpdates")))
    hook_app = new_app(stub, sqlite_engine, clock, webhook_url="https://kompas.example/tg")
    async with running_webhook(hook_app):
        pass
    [registered] = stub.called("setWebhook")
    for asked in (stub.called("getUpdates")[0].params, registered.params):
        assert {"chat_member", "my_chat_member"} <= set(asked["allowed_updates"])

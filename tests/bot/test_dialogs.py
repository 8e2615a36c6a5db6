"""Dialogs bound to their question (issue 16, findings 1 and 2): in a group only a reply to
the question's own message answers it; another command ends it; it expires after 30 minutes;
a name step never turns a greeting or an amount into a client; nobody refers themselves."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.transports.local_bot_api import Sent
from storage.models import Client, DialogState, Event, Sale
from tests.chat import Chat
from tests.factories import make_client, make_event, make_team, rows

GROUP = -700
ANNA, JORIS = 31, 32
OLGA, IVAN = 41, 42


def _question_to(chat: Chat, user_id: int) -> Sent:
    """The newest message that asks `user_id` something in the group (it names them)."""
    return [m for m in chat.api.in_chat(GROUP) if f"tg://user?id={user_id}" in m.text][-1]


async def test_a_reply_to_another_card_books_nothing_for_the_pending_sale(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Finding 1: Joris asks to record a sale for Glans, then answers 300 to another card."""
    anna, joris = chat.person(ANNA, "Anna", "nl"), chat.person(JORIS, "Joris", "nl")
    chat.group(GROUP, "Studio", creator=anna, members=(joris,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA)
    make_client(sqlite_engine, team, "Schoonmaakbedrijf Glans")
    make_client(sqlite_engine, team, "Kapsalon Knip")

    card = (await chat.send(anna, "/client kapsalon", chat=GROUP)).last
    assert "Kapsalon Knip" in card.text
    await chat.send(joris, "/sale glans", chat=GROUP)
    asked_joris = _question_to(chat, JORIS)
    await chat.send(anna, "/add", chat=GROUP)  # Anna is mid-dialog too
    asked_anna = _question_to(chat, ANNA)

    # Joris answers 300 to Anna's card of the hair salon, then to Anna's own question.
    seen = await chat.send(joris, "300", chat=GROUP, reply_to=card)
    assert seen.text == (
        "Daar heb ik niets mee gedaan. "
        "Antwoord met „Beantwoorden” op mijn vraag, of stuur /annuleer."
    )
    seen = await chat.send(joris, "300", chat=GROUP, reply_to=asked_anna)
    assert "Verkoop vastgelegd" not in seen
    # Anna answering Joris's question is not Anna's answer either.
    seen = await chat.send(anna, "Bakkerij de Vries", chat=GROUP, reply_to=asked_joris)
    assert seen.text.startswith("Daar heb ik niets mee gedaan.")
    assert rows(sqlite_engine, Sale) == []
    assert {c.name for c in rows(sqlite_engine, Client)} == {
        "Schoonmaakbedrijf Glans",
        "Kapsalon Knip",
    }

    # Each answers their own question: both go on.
    seen = await chat.send(joris, "300", chat=GROUP, reply_to=asked_joris)
    assert "Joris, wat waren je kosten" in seen
    seen = await chat.send(anna, "Bakkerij de Vries", chat=GROUP, reply_to=asked_anna)
    assert "in welke plaats?" in seen  # "Bakkerij" says an organisation: the kind not asked


async def test_a_new_command_ends_the_pending_dialog(chat: Chat, sqlite_engine: Engine) -> None:
    """Finding 1 as reported: /sale glans, then /client kapsalon, then 300 to that card."""
    anna, joris = chat.person(ANNA, "Anna", "nl"), chat.person(JORIS, "Joris", "nl")
    chat.group(GROUP, "Studio", creator=anna, members=(joris,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA)
    make_client(sqlite_engine, team, "Schoonmaakbedrijf Glans")
    make_client(sqlite_engine, team, "Kapsalon Knip")

    await chat.send(joris, "/sale glans", chat=GROUP)
    seen = await chat.send(joris, "/client kapsalon", chat=GROUP)
    assert seen.messages[0].text == "(Gestopt: verkoop vastleggen — Schoonmaakbedrijf Glans.)"
    assert "Kapsalon Knip" in seen.last.text
    seen = await chat.send(joris, "300", chat=GROUP, reply_to=seen.last)
    assert "Verkoop vastgelegd" not in seen
    assert rows(sqlite_engine, Sale) == []
    assert rows(sqlite_engine, DialogState) == []
    # A dialog without a client yet is ended in a word, too; /cancel has nothing left.
    await chat.send(joris, "/add", chat=GROUP)
    seen = await chat.send(joris, "/help", chat=GROUP)
    assert seen.messages[0].text == "(Gestopt: klant toevoegen.)"
    seen = await chat.send(joris, "/cancel", chat=GROUP)
    assert seen.text == "Er loopt nu niets om te stoppen."


async def test_a_stale_question_expires_after_half_an_hour(
    chat: Chat, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    anna, joris = chat.person(ANNA, "Anna", "nl"), chat.person(JORIS, "Joris", "nl")
    chat.group(GROUP, "Studio", creator=anna, members=(joris,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA)
    make_client(sqlite_engine, team, "Schoonmaakbedrijf Glans")
    await chat.send(joris, "/sale glans", chat=GROUP)
    asked = _question_to(chat, JORIS)
    clock.advance(minutes=31)
    seen = await chat.send(joris, "300", chat=GROUP, reply_to=asked)
    assert seen.text == (
        "Die vraag is verlopen. Stuur het commando nog eens, dan beginnen we opnieuw."
    )
    assert rows(sqlite_engine, Sale) == []


async def test_a_stray_greeting_never_becomes_a_client_and_nobody_refers_themselves(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Finding 2, in Russian: `/refer Ёлкина, Ёлкина` and a stray «привет»."""
    olga, ivan = chat.person(OLGA, "Ольга", "ru"), chat.person(IVAN, "Иван", "ru")
    chat.group(GROUP, "Студия", creator=olga, members=(ivan,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA, locale="ru", currency="RUB")
    elkina = make_client(sqlite_engine, team, "Ёлкина Мария", kind="person")
    for name in ("Петров", "Сидорова", "Кафе «Уют»"):
        make_event(
            sqlite_engine,
            team,
            elkina,
            "referral",
            referred_client_id=make_client(sqlite_engine, team, name),
        )
    clients_before = {c.name for c in rows(sqlite_engine, Client)}

    # The same name twice, in one line: refused, nothing asked, nothing added.
    seen = await chat.send(olga, "/refer Ёлкина, Ёлкина", chat=GROUP)
    assert seen.text == "Клиент не может порекомендовать сам себя."
    assert rows(sqlite_engine, DialogState) == []

    # Through the dialog, with Ivan mid-dialog beside her.
    seen = await chat.send(olga, "/refer Ёлкина", chat=GROUP)
    assert "Ольга, кого вам порекомендовал клиент — Ёлкина Мария?" in seen
    asked_olga = seen.last
    await chat.send(ivan, "/sale Петров", chat=GROUP)
    asked_ivan = _question_to(chat, IVAN)
    # Ivan's «привет» to Olga's question is not an answer to anything.
    seen = await chat.send(ivan, "привет", chat=GROUP, reply_to=asked_olga)
    assert seen.text == (
        "С этим я ничего не сделал. Ответьте прямо на мой вопрос (через «Ответить») "
        "или отправьте /cancel."
    )
    # Olga's own «привет» is asked again, as is the referrer herself.
    seen = await chat.send(olga, "привет", chat=GROUP, reply_to=asked_olga)
    assert "«привет» не похоже на имя. Напишите, пожалуйста, имя клиента." in seen
    assert seen.last.force_reply
    seen = await chat.reply(olga, "Ёлкина Мария", chat=GROUP)
    assert "Ольга, клиент не может порекомендовать сам себя." in seen
    seen = await chat.reply(olga, "Добрый день!", chat=GROUP)
    assert "не похоже на имя" in seen
    assert {c.name for c in rows(sqlite_engine, Client)} == clients_before
    assert len(rows(sqlite_engine, Event)) == 3

    # A real name, replied to the question that was asked again: one referral, one prospect.
    seen = await chat.reply(olga, "Пекарня «Колосок»", chat=GROUP)  # «Пекарня»: not asked
    assert "Рекомендация записана" in seen
    referrals = rows(sqlite_engine, Event, client_id=elkina)
    assert len(referrals) == 4
    assert {c.name for c in rows(sqlite_engine, Client)} == clients_before | {"Пекарня «Колосок»"}

    # Ivan's sale was never disturbed; a new command of his ends it with a word.
    seen = await chat.send(ivan, "/clients", chat=GROUP)
    assert seen.messages[0].text == "(Отменил незаконченное: запись продажи — Петров.)"
    seen = await chat.send(ivan, "5000", chat=GROUP, reply_to=asked_ivan)
    assert rows(sqlite_engine, Sale) == []


async def test_in_private_the_next_text_answers_but_a_greeting_is_no_name(
    chat: Chat, sqlite_engine: Engine
) -> None:
    anna = chat.person(ANNA, "Anna", "nl")
    make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    await chat.send(anna, "/add")
    seen = await chat.send(anna, "Hoi!")
    assert seen.text == "„Hoi!” lijkt me geen naam. Typ de naam van de klant."
    seen = await chat.send(anna, "€ 300")
    assert "lijkt me geen naam" in seen
    seen = await chat.send(anna, "Bakkerij de Vries")
    assert seen.text == "In welke plaats?"  # "Bakkerij" says an organisation: not asked
    assert rows(sqlite_engine, Client) == []

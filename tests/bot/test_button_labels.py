"""Button text is plain text in Telegram: a name with &, <, > and quotes shows as typed on every
button that can carry one, while message texts stay escaped (issue 16, finding 8)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine

from tests.bot.test_decline import OWNER, finding_nine, four_person_team
from tests.chat import Chat, Seen
from tests.factories import make_client, make_sale

GROUP = -901  # the decline tests' group
ENTITY = re.compile(r"&(amp|lt|gt|quot|#\d+);")

NAMES = {
    "nl": ('Jansen & Zn <Bakkers> "Oost"', "Jansen & 'West' <b>Zn</b>", "Fa & <Ti>"),
    "ru": ("<b>Жирный</b> & «Ко»", '<b>Жирный</b> "Второй" & >', "Ива & <Н>"),
}
PREFIX = {"nl": "Jansen &", "ru": "<b>Жирный</b>"}  # both names start with it
UNKNOWN = {"nl": 'Nieuw & <i>Co</i> "x"', "ru": 'Новый & <i>Ко</i> "х"'}
ADD = {"nl": "„{}” toevoegen als organisatie", "ru": "Добавить «{}» как организацию"}
SOMEONE_NEW = {"nl": "Nieuwe klant: „{}”", "ru": "Новый клиент: «{}»"}
REMOVE = {"nl": "✕ {} verwijderen", "ru": "✕ Удалить: {}"}


def literal(seen: Seen) -> list[str]:
    """Every label the update showed, checked for escaped markup on the way."""
    labels = seen.buttons
    assert labels, "no buttons"
    for label in labels:
        assert not ENTITY.search(label), label
    return labels


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_names_with_markup_characters_show_as_typed_on_every_button(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    first, second, person = NAMES[locale]
    team = four_person_team(chat, sqlite_engine, locale)
    finding_nine(sqlite_engine, team, first)  # proposed by /decline
    second_id = make_client(sqlite_engine, team, second)
    make_sale(sqlite_engine, team, second_id, 10_000)
    owner = chat.person(OWNER, "Sanne", locale)
    fatima = chat.person(22, person, locale)
    prefix = PREFIX[locale]  # the resolver asks which one

    # Resolver choices and "someone new", in a dialog that adds unknown clients.
    seen = await chat.send(owner, f"/sale {prefix}", chat=GROUP)
    labels = literal(seen)
    assert first in labels and second in labels
    assert SOMEONE_NEW[locale].format(prefix) in labels
    await chat.send(owner, "/cancel", chat=GROUP)

    # The "Add …" button for a name Kompas doesn't know.
    seen = await chat.send(owner, f"/sale {UNKNOWN[locale]}", chat=GROUP)
    assert ADD[locale].format(UNKNOWN[locale]) in literal(seen)
    assert "&lt;i&gt;" in seen.html  # the question itself stays escaped
    await chat.send(owner, "/cancel", chat=GROUP)

    # /client: choices, then the card's buttons.
    seen = await chat.send(owner, f"/client {prefix}", chat=GROUP)
    assert first in literal(seen)
    seen = await chat.press(owner, first, chat=GROUP)
    literal(seen)

    # /sales for a client, chosen from buttons.
    seen = await chat.send(owner, f"/sales {prefix}", chat=GROUP)
    assert second in literal(seen)
    seen = await chat.press(owner, second, chat=GROUP)
    if seen.buttons:
        literal(seen)
    # /paid: of the two, only the second owes anything, so it is paid at once.
    seen = await chat.send(owner, f"/paid {prefix}", chat=GROUP)
    literal(seen)

    # /decline proposes the client; its buttons and the confirmation's.
    seen = await chat.send(owner, "/decline", chat=GROUP)
    literal(seen)
    seen = await chat.press(owner, seen.buttons[0], chat=GROUP)
    literal(seen)

    # /members names everyone but the asker.
    await chat.send(fatima, "/help", chat=GROUP)  # joins the team as a member
    seen = await chat.send(owner, "/members", chat=GROUP)
    assert REMOVE[locale].format(person) in literal(seen)
    assert "&lt;" in seen.html  # the list's text stays escaped

"""/undo (/ongedaan) takes back the caller's own last change, as the ↩ Undo button under it
does, when the button has scrolled out of sight in a busy group (the florists' and the nail
studio's readers): never someone else's, once per change, within the same 24 hours."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import Engine, update

from storage.engine import new_session
from storage.models import Client, Member, Sale
from tests.chat import Chat
from tests.conftest import FakeClock
from tests.factories import NL_OWNER, RU_OWNER, add_member, make_client, make_team, rows

GROUP = -700
MEMBER = 41


@dataclass(frozen=True)
class Words:
    undo: str
    sale: str
    client: str
    button: str
    sale_gone: str
    already: str
    too_late: str
    nothing: str


WORDS = {
    "nl": Words(
        undo="/ongedaan",
        sale="/verkoop",
        client="Bloemenhuis Jansen",
        button="↩ Ongedaan maken",
        sale_gone="Ongedaan gemaakt: de verkoop is verwijderd.",
        already="Dit is al ongedaan gemaakt.",
        too_late="Dit kun je niet meer ongedaan maken: dat kan maar 24 uur.",
        nothing=(
            "Je hebt hier niets meer om ongedaan te maken: dat kan tot 24 uur na een wijziging."
        ),
    ),
    "ru": Words(
        undo="/undo",
        sale="/sale",
        client="Студия Лилия",
        button="↩ Отменить",
        sale_gone="Отменено: продажа удалена.",
        already="Это уже отменено.",
        too_late="Это уже не отменить (отмена работает 24 часа).",
        nothing=("Отменять больше нечего: отменить можно в течение 24 часов после изменения."),
    ),
}


def _group(chat: Chat, engine: Engine, locale: str):  # type: ignore[no-untyped-def]
    """A group team with its owner and one member, and one client both sell to."""
    owner_id = NL_OWNER if locale == "nl" else RU_OWNER
    team = make_team(
        engine,
        chat_id=GROUP,
        owner_id=owner_id,
        locale=locale,
        currency="EUR" if locale == "nl" else "RUB",
    )
    add_member(engine, team, MEMBER)
    with new_session(engine) as session:  # as Telegram names them
        session.execute(
            update(Member).where(Member.user_id == owner_id).values(display_name="Anna")
        )
        session.execute(update(Member).where(Member.user_id == MEMBER).values(display_name="Bram"))
        session.commit()
    make_client(engine, team, WORDS[locale].client)
    owner = chat.person(owner_id, "Anna", locale)
    member = chat.person(MEMBER, "Bram", locale)
    chat.group(GROUP, "Studio", creator=owner, members=(member,))
    return owner, member


def _amounts(engine: Engine) -> list[int]:
    return sorted(sale.amount for sale in rows(engine, Sale))


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_undo_takes_back_my_sale_not_the_one_recorded_after_it(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    words = WORDS[locale]
    anna, bram = _group(chat, sqlite_engine, locale)
    await chat.send(anna, f"{words.sale} {words.client} 250", chat=GROUP)
    await chat.send(bram, f"{words.sale} {words.client} 400", chat=GROUP)
    assert _amounts(sqlite_engine) == [25_000, 40_000]

    seen = await chat.send(anna, words.undo, chat=GROUP)
    said, which = seen.text.splitlines()
    assert said == words.sale_gone  # the words a press of ↩ Undo says, then which sale
    assert "250" in which and words.client in which and "400" not in which, which
    assert _amounts(sqlite_engine) == [40_000]  # Bram's sale stays

    # The button under Anna's confirmation, found later, knows it was taken back.
    anna_sale = next(m for m in chat.api.in_chat(GROUP) if "250" in m.text)
    await chat.press(anna, words.button, chat=GROUP, message=anna_sale)
    assert chat.api.callback_answers[-1]["text"] == words.already
    assert _amounts(sqlite_engine) == [40_000]


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_undo_twice_takes_back_my_last_two_changes_then_says_nothing_is_left(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    words = WORDS[locale]
    anna, bram = _group(chat, sqlite_engine, locale)
    await chat.send(anna, f"{words.sale} {words.client} 250", chat=GROUP)
    await chat.send(anna, f"{words.sale} {words.client} 300", chat=GROUP)
    await chat.send(bram, f"{words.sale} {words.client} 400", chat=GROUP)

    seen = await chat.send(anna, words.undo, chat=GROUP)
    assert seen.text.splitlines()[0] == words.sale_gone and "300" in seen.text, seen.text
    assert _amounts(sqlite_engine) == [25_000, 40_000]  # the newest of hers first
    seen = await chat.send(anna, words.undo, chat=GROUP)
    assert seen.text.splitlines()[0] == words.sale_gone and "250" in seen.text, seen.text
    assert _amounts(sqlite_engine) == [40_000]
    seen = await chat.send(anna, words.undo, chat=GROUP)
    assert seen.text.splitlines() == [words.nothing, LATEST_IS[locale]]
    assert _amounts(sqlite_engine) == [40_000]  # never Bram's


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_nothing_to_undo_when_only_someone_else_changed_anything(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    words = WORDS[locale]
    anna, bram = _group(chat, sqlite_engine, locale)
    await chat.send(bram, f"{words.sale} {words.client} 400", chat=GROUP)

    seen = await chat.send(anna, words.undo, chat=GROUP)  # the owner, too: only her own
    assert seen.text.splitlines() == [words.nothing, LATEST_IS[locale]]  # and whose it is
    assert _amounts(sqlite_engine) == [40_000]


LATEST_IS = {
    "nl": (
        "De laatste wijziging hier is van Bram: alleen Bram of een beheerder kan die "
        "ongedaan maken, met de knop ↩ Ongedaan maken onder dat bericht."
    ),
    "ru": (
        "Последнее изменение здесь — от Bram: отменить его может только Bram или "
        "администратор — кнопкой ↩ Отменить под ним."
    ),
}
TOOK_BACK = {
    "nl": "Deze wijziging was van Bram; beheerder Anna heeft die ongedaan gemaakt.",
    "ru": "Автор изменения — Bram, отменил его администратор Anna.",
}


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_an_admin_pressing_someone_elses_undo_says_whose_it_was_and_who_took_it_back(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    """Bram's confirmation turns into "Undone": he is told it was Anna, not left to wonder."""
    words = WORDS[locale]
    anna, bram = _group(chat, sqlite_engine, locale)
    await chat.send(bram, f"{words.sale} {words.client} 400", chat=GROUP)
    bram_sale = next(m for m in chat.api.in_chat(GROUP) if "400" in m.text)

    seen = await chat.press(anna, words.button, chat=GROUP, message=bram_sale)
    said, whose, which = seen.text.splitlines()  # and which sale, as /undo says it
    assert [said, whose] == [words.sale_gone, TOOK_BACK[locale]] and "400" in which, seen.text
    assert _amounts(sqlite_engine) == []


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_undo_after_24_hours_is_too_late_as_the_button_says(
    chat: Chat, sqlite_engine: Engine, clock: FakeClock, locale: str
) -> None:
    words = WORDS[locale]
    anna, _bram = _group(chat, sqlite_engine, locale)
    await chat.send(anna, f"{words.sale} {words.client} 250", chat=GROUP)
    clock.advance(hours=24, seconds=1)

    seen = await chat.send(anna, words.undo, chat=GROUP)
    assert seen.text == words.too_late
    assert _amounts(sqlite_engine) == [25_000]
    await chat.press(anna, words.button, chat=GROUP)
    assert chat.api.callback_answers[-1]["text"] == words.too_late


EDIT = {
    "nl": ("/wijzig", "Plaats"),
    "ru": ("/edit", "Город"),
}
CHANGED_SINCE = {
    "nl": (
        "Dit kun je niet meer ongedaan maken: wat het veranderde, is sindsdien gewijzigd "
        "of verwijderd."
    ),
    "ru": "Это уже не отменить: то, что здесь изменилось, с тех пор изменили или удалили.",
}
DETAILS_BACK = {
    "nl": "Ongedaan gemaakt: de gegevens van de klant zijn weer zoals ze waren.",
    "ru": "Отменено: прежние данные клиента восстановлены.",
}


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_undo_refuses_when_someone_changed_it_since_as_the_button_does(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    """Anna's city, then Bram's over it: her /undo would wipe his, so it says why not."""
    words = WORDS[locale]
    edit, city = EDIT[locale]
    anna, bram = _group(chat, sqlite_engine, locale)
    for person, place in ((anna, "Utrecht"), (bram, "Amsterdam")):
        await chat.send(person, f"{edit} {words.client}", chat=GROUP)
        await chat.press(person, city, chat=GROUP)
        await chat.reply(person, place, chat=GROUP)
    assert rows(sqlite_engine, Client)[0].city == "Amsterdam"

    seen = await chat.send(anna, words.undo, chat=GROUP)
    assert CHANGED_SINCE[locale] in seen.text.splitlines()
    assert words.sale_gone not in seen.text
    assert rows(sqlite_engine, Client)[0].city == "Amsterdam"  # Bram's stays
    seen = await chat.send(bram, words.undo, chat=GROUP)  # his own is his to take back
    assert DETAILS_BACK[locale] in seen.text.splitlines()
    assert rows(sqlite_engine, Client)[0].city == "Utrecht"


async def test_undoing_a_first_rating_names_no_earlier_one(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """A Russian reader: «/rate Петров 1 2 3», /undo → «снова действует ваш прежний отзыв»,
    where there had been none."""
    team = make_team(
        sqlite_engine,
        chat_id=RU_OWNER,
        owner_id=RU_OWNER,
        personal=True,
        locale="ru",
        currency="RUB",
    )
    make_client(sqlite_engine, team, "Петров Сергей", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/rate Петров 1 2 3")
    seen = await chat.send(olga, "/undo")
    assert "Отменено: ваш отзыв удалён." in seen.text, seen.text
    assert "прежний" not in seen.text
    await chat.send(olga, "/rate Петров 1 2 3")
    await chat.send(olga, "/rate Петров 4 5 5")
    seen = await chat.send(olga, "/undo")
    assert "Отменено: снова действует ваш прежний отзыв." in seen.text, seen.text


async def test_undo_says_which_sale_it_took_back(chat: Chat, sqlite_engine: Engine) -> None:
    """A Dutch reader in a group: /ongedaan said only "de verkoop is verwijderd" while two
    colleagues had recorded sales since; which one, /verkopen had to tell."""
    team = make_team(sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True)
    make_client(sqlite_engine, team, "De Boer")
    sanne = chat.person(NL_OWNER, "Sanne", "nl")
    await chat.send(sanne, "/verkoop de boer 899")
    seen = await chat.send(sanne, "/ongedaan")
    assert seen.text.splitlines() == [
        "Ongedaan gemaakt: de verkoop is verwijderd.",
        "Het ging om € 899 van De Boer, vandaag.",
    ], seen.text


STOPPED_ONLY = {
    "nl": (
        "Je laatste wijziging blijft staan. Stuur nog een keer /ongedaan om die terug te draaien."
    ),
    "ru": "Последнее изменение осталось. Чтобы отменить и его, отправьте /undo ещё раз.",
}


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_undo_with_a_question_open_stops_the_question_and_keeps_the_last_sale(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    """Anna starts a sale without an amount, thinks better of it and sends /undo: she means
    the question, not the sale she booked a minute ago (the Dutch reader lost it so)."""
    words = WORDS[locale]
    anna, _bram = _group(chat, sqlite_engine, locale)
    await chat.send(anna, f"{words.sale} {words.client} 250", chat=GROUP)
    await chat.send(anna, f"{words.sale} {words.client}", chat=GROUP)  # asks the amount

    seen = await chat.send(anna, words.undo, chat=GROUP)
    assert seen.text.splitlines()[-1] == STOPPED_ONLY[locale]
    assert _amounts(sqlite_engine) == [25_000]

    seen = await chat.send(anna, words.undo, chat=GROUP)  # again: now the sale goes
    assert seen.text.splitlines()[0] == words.sale_gone and "250" in seen.text, seen.text
    assert _amounts(sqlite_engine) == []

"""/rate, /refer, /complaint and /compliment typed as people type them (issue 17): grades with
slashes or dashes, a name in another order or followed by `!!`, a verb between two names, a
client new to the list, and a question about the client that asks what is meant."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Event, Rating
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


def _notes(engine: Engine) -> list[tuple[str, str | None]]:
    names = {c.id: c.name for c in rows(engine, Client)}
    return [(names[e.client_id], e.note) for e in rows(engine, Event)]


async def test_grades_typed_with_slashes_or_dashes(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Tandartspraktijk Smit")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/rate Smit 5/5/4")
    assert "Dank je! Jouw oordeel over Tandartspraktijk Smit" in seen
    await chat.send(anna, "/beoordeel Smit 4-3-5")
    assert sorted(r.value for r in rows(sqlite_engine, Rating)) == [3, 4, 4, 5, 5, 5]


async def test_a_lone_slash_pair_is_not_read_as_a_name(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Сергеев", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/rate Сергеев 5/5")
    # Two grades kept; the third is asked as a real question, with buttons (second reader).
    assert "Вопрос 3 из 3 — Сергеев" in seen
    assert seen.buttons[:5] == ["1", "2", "3", "4", "5"]
    await chat.press(olga, "3")
    assert "Сергеев" in await chat.send(olga, "/rate Сергеев 5/5/3")
    assert sorted(r.value for r in rows(sqlite_engine, Rating)) == [3, 3, 5, 5, 5, 5]


async def test_the_complaint_question_asks_about_whom(chat: Chat, nl_team, ru_team) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    assert "Welke klant heeft geklaagd?" in await chat.send(anna, "/klacht")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/complaint Пупкин грубил")
    assert "С каким клиентом проблема?" in seen
    assert "пожаловался" not in seen.text


async def test_a_new_client_in_a_compliment_is_added_and_the_note_kept(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/compliment Marieke de Boer heel blij met de taart")
    assert "Van welke klant kwam het compliment?" in seen
    seen = await chat.send(anna, "Marieke de Boer")
    assert "„Marieke de Boer” staat niet in je klantenlijst." in seen
    seen = await chat.press(anna, "„Marieke de Boer” toevoegen als particulier")
    assert "Compliment van Marieke de Boer genoteerd." in seen
    assert _notes(sqlite_engine) == [("Marieke de Boer", "heel blij met de taart")]


async def test_a_new_client_in_a_complaint_is_added_and_the_note_kept_in_russian(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/complaint Пётр Соловьёв!! опоздал на встречу")
    seen = await chat.send(olga, "Пётр Соловьёв")
    seen = await chat.press(olga, next(b for b in seen.buttons if "частное лицо" in b))
    assert "Проблема записана: Пётр Соловьёв." in seen
    assert _notes(sqlite_engine) == [("Пётр Соловьёв", "опоздал на встречу")]


async def test_a_name_in_either_order_or_with_punctuation(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Соловьёв Пётр", kind="person")
    make_client(sqlite_engine, ru_team, "Жукова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/complaint Пётр Соловьёв опоздал на встречу")
    await chat.send(olga, "/complaint Жукова!! опять опоздала")
    assert _notes(sqlite_engine) == [
        ("Соловьёв Пётр", "опоздал на встречу"),
        ("Жукова", "опять опоздала"),
    ]


async def test_a_dutch_article_left_out_or_added(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Café 't Hoekje")
    make_client(sqlite_engine, nl_team, "Bakkerij Jansen")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/klacht Hoekje te laat betaald")
    await chat.send(anna, "/klacht de Bakkerij Jansen!! weer te laat")
    assert _notes(sqlite_engine) == [
        ("Café 't Hoekje", "te laat betaald"),
        ("Bakkerij Jansen", "weer te laat"),
    ]


async def test_a_verb_between_the_two_names_of_a_referral(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Волкова Анна", kind="person")
    make_client(sqlite_engine, ru_team, "Кофейня Зерно")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/refer Волкова привела Кофейня Зерно")
    assert "Рекомендация записана: Волкова Анна → Кофейня Зерно." in seen
    [event] = rows(sqlite_engine, Event)
    names = {c.id: c.name for c in rows(sqlite_engine, Client)}
    assert (names[event.client_id], names[event.referred_client_id or 0]) == (
        "Волкова Анна",
        "Кофейня Зерно",
    )


async def test_a_first_name_like_another_clients_surname_is_not_that_client(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Нотариус Петрова")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/compliment Пётр Соловьёв спасибо за торт")
    assert "Какой клиент вас поблагодарил?" in seen
    assert rows(sqlite_engine, Event) == []


async def test_a_complaint_about_a_new_client_is_never_booked_on_a_namesake(
    chat: Chat, nl_team, ru_team, sqlite_engine: Engine
) -> None:
    """`Pizzeria Nieuw:` names a client up to the colon: Pizzeria Bella shares only a word."""
    make_client(sqlite_engine, nl_team, "Pizzeria Bella")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/klacht Pizzeria Nieuw: te laat geleverd")
    assert "genoteerd" not in seen.text
    assert "Welke klant heeft geklaagd?" in seen
    assert _notes(sqlite_engine) == []
    make_client(sqlite_engine, ru_team, "Жукова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/complaint Жукова сказала: дорого")  # a verb, not a name
    assert "Проблема записана: Жукова." in seen
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    seen = await chat.send(anna, "/klacht de Bakkerij de Vries: weer te laat")
    assert "Klacht genoteerd bij Bakkerij de Vries." in seen
    seen = await chat.send(anna, "/klacht Pizzeria Nieuw te laat geleverd")
    assert "Klacht genoteerd bij Pizzeria Bella" not in seen.text
    assert _notes(sqlite_engine) == [
        ("Жукова", "сказала: дорого"),
        ("Bakkerij de Vries", "weer te laat"),
    ]


async def test_a_name_typed_when_asked_leaves_its_punctuation(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/klacht")
    seen = await chat.send(anna, "dhr bos:")  # not in the list: asked, never added unasked
    seen = await chat.press(anna, "„dhr bos” toevoegen als particulier")
    assert "Waar klaagde de klant over?" in seen.text
    seen = await chat.send(anna, "te laat")
    assert "Klacht genoteerd bij dhr. Bos." in seen
    await chat.send(anna, "/compliment")
    seen = await chat.send(anna, "Pietje Puk!")
    assert "„Pietje Puk” staat niet in je klantenlijst." in seen.text
    await chat.press(anna, "„Pietje Puk” toevoegen als particulier")
    assert [c.name for c in rows(sqlite_engine, Client)] == ["dhr. Bos", "Pietje Puk"]
    assert _notes(sqlite_engine) == [("dhr. Bos", "te laat")]


async def test_grades_typed_together_when_asked_one_at_a_time(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Daan Kok", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/beoordeel daan kok")
    await chat.send(anna, "4")
    seen = await chat.send(anna, "5 en 3")  # the two still asked, at once
    assert "Dank je! Jouw oordeel over Daan Kok" in seen
    assert sorted(r.value for r in rows(sqlite_engine, Rating)) == [3, 4, 5]
    await chat.send(anna, "/beoordeel daan kok")
    seen = await chat.send(anna, "4 4 4 4")  # more than three: asked again, nothing kept
    assert seen.text == "Tik op een cijfer van 1 tot 5."
    seen = await chat.send(anna, "2/2/2")
    assert sorted(r.value for r in rows(sqlite_engine, Rating)) == [2, 2, 2, 3, 4, 5]

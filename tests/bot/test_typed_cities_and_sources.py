"""Cities and sources as Dutch and Russian people type them in a one-line /add and in a file:
a short form is the city's full name in chat and import alike («Екб», «Питер», `A'dam`), a
source said with a preposition is the source («из ВКонтакте», «по сарафану», `via Marktplaats`),
and a part the bot did not understand is named back, never dropped in silence."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Team
from tests.bot.test_check import OWNER, demo_with_profile
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, rows


def _stored(engine: Engine) -> dict[str, tuple[str | None, str | None]]:
    """Name → (city, source)."""
    return {c.name: (c.city, c.source) for c in rows(engine, Client)}


async def test_russian_short_city_forms_are_stored_as_the_full_name(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Иванова Ольга, частное лицо, Екб")
    assert "Добавлено: Иванова Ольга (частное лицо, Екатеринбург)." in seen
    for line in (
        "/add Петрова Анна, частное лицо, Питер",
        "/add Сидорова Мария, частное лицо, Мск",
        "/add Козлова Ирина, частное лицо, Спб",
        "/add Орлова Яна, частное лицо, ебург",
        "/add Котова Вера, частное лицо, Нижний",
    ):
        await chat.send(olga, line)
    assert {name: city for name, (city, _source) in _stored(sqlite_engine).items()} == {
        "Иванова Ольга": "Екатеринбург",
        "Петрова Анна": "Санкт-Петербург",
        "Сидорова Мария": "Москва",
        "Козлова Ирина": "Санкт-Петербург",
        "Орлова Яна": "Екатеринбург",
        "Котова Вера": "Нижний Новгород",
    }


async def test_dutch_short_city_forms_are_stored_as_the_full_name(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Jan de Vries, particulier, A'dam")
    assert "Toegevoegd: Jan de Vries (particulier, Amsterdam)." in seen
    await chat.send(anna, "/toevoegen Eva Smit, particulier, Den Bosch")
    await chat.send(anna, "/toevoegen Tom Bos, particulier, r'dam")
    assert {name: city for name, (city, _source) in _stored(sqlite_engine).items()} == {
        "Jan de Vries": "Amsterdam",
        "Eva Smit": "Den Bosch",
        "Tom Bos": "Rotterdam",
    }


async def test_an_imported_city_is_stored_as_chat_stores_it(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    clients = "Клиент;Город\nСалон Лотос;Екб\nКофейня Зерно;питер\nСтудия Лён;Казань\n"
    seen = await chat.upload(olga, "клиенты.csv", clients.encode())
    assert "• 3 новых клиента" in seen.text.splitlines()
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.upload(anna, "klanten.csv", b"Klant;Plaats\nHotel Zon;A'dam\nCafe Maan;den haag\n")
    assert {name: city for name, (city, _source) in _stored(sqlite_engine).items()} == {
        "Салон Лотос": "Екатеринбург",
        "Кофейня Зерно": "Санкт-Петербург",
        "Студия Лён": "Казань",
        "Hotel Zon": "Amsterdam",
        "Cafe Maan": "Den Haag",
    }


async def test_a_russian_source_said_with_a_preposition_is_the_source(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Иванова Ольга, частное лицо, Екб, из ВКонтакте")
    assert "Добавлено: Иванова Ольга (частное лицо, Екатеринбург, источник: ВКонтакте)." in seen
    seen = await chat.send(olga, "/add Сидорова Мария, частное лицо, по сарафану")
    assert "Добавлено: Сидорова Мария (частное лицо, источник: рекомендация)." in seen
    for line in (
        "/add Петрова Анна, частное лицо, Казань, пришла из инсты",
        "/add Смирнова Вера, частное лицо, источник ВКонтакте",
        "/add Кузнецова Елена, частное лицо, Питер, от подруги",
        "/add Орлова Яна, частное лицо, через телегу",
        "/add Зайцева Инна, частное лицо, источник: выставка в Экспо",
    ):
        await chat.send(olga, line)
    assert _stored(sqlite_engine) == {
        "Иванова Ольга": ("Екатеринбург", "vk"),
        "Сидорова Мария": (None, "referral"),
        "Петрова Анна": ("Казань", "instagram"),
        "Смирнова Вера": (None, "vk"),
        "Кузнецова Елена": ("Санкт-Петербург", "referral"),
        "Орлова Яна": (None, "telegram"),
        "Зайцева Инна": (None, "выставка в Экспо"),  # the team's own words, as typed
    }


async def test_a_dutch_source_said_with_via_is_the_source(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Jan de Vries, particulier, Utrecht, via Marktplaats")
    assert "Toegevoegd: Jan de Vries (particulier, Utrecht, gevonden via: Marktplaats)." in seen
    seen = await chat.send(anna, "/toevoegen Lisa Bakker, particulier, via Instagram")
    assert "Toegevoegd: Lisa Bakker (particulier, gevonden via: Instagram)." in seen
    for line in (
        "/toevoegen Sara Kok, particulier, gevonden via Google",
        "/toevoegen Kim Pol, particulier, Zwolle, via de buurvrouw",
        "/toevoegen Hotel Zon, bedrijf, bron: beurs",
    ):
        await chat.send(anna, line)
    assert _stored(sqlite_engine) == {
        "Jan de Vries": ("Utrecht", "marktplaats"),
        "Lisa Bakker": (None, "instagram"),
        "Sara Kok": (None, "google"),
        "Kim Pol": ("Zwolle", "referral"),
        "Hotel Zon": (None, "fair"),
    }


async def test_the_city_and_source_questions_read_what_is_said_with_a_preposition(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add")
    await chat.send(olga, "Иванова Ольга")  # a person, unasked
    await chat.send(olga, "из Казани")  # the city question reads it back in the nominative
    await chat.send(olga, "пришла из инсты")
    await chat.press(olga, "Пропустить")
    assert _stored(sqlite_engine) == {"Иванова Ольга": ("Казань", "instagram")}


async def test_a_file_reads_a_source_said_with_a_preposition(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    clients = b"Klant;Bron\nHotel Zon;via Instagram\nCafe Maan;van Marktplaats\nBar Ster;beurs\n"
    await chat.upload(anna, "klanten.csv", clients)
    assert _stored(sqlite_engine) == {
        "Hotel Zon": (None, "instagram"),
        "Cafe Maan": (None, "marktplaats"),
        "Bar Ster": (None, "fair"),
    }


async def test_a_part_of_the_line_not_understood_is_named_back_and_the_rest_kept(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Козлова Ирина, частное лицо, Мск, стрижка")
    assert seen.text.splitlines() == [
        "Добавлено: Козлова Ирина (частное лицо, Москва).",
        "Не понял, поэтому не сохранил: «стрижка». Дописать можно через /edit.",
    ]
    # What was typed is shown as text, never as markup
    seen = await chat.send(olga, "/add Титова Анна, частное лицо, Казань, <b>маникюр</b>, инста")
    assert seen.text.splitlines()[-1] == (
        "Не понял, поэтому не сохранил: «<b>маникюр</b>». Дописать можно через /edit."
    )
    assert "«&lt;b&gt;маникюр&lt;/b&gt;»" in seen.html
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Eva Smit, particulier, Den Bosch, bloemetjes")
    assert seen.text.splitlines() == [
        "Toegevoegd: Eva Smit (particulier, Den Bosch).",
        "Niet begrepen, dus niet opgeslagen: „bloemetjes”. Aanvullen kan met /wijzig.",
    ]
    assert _stored(sqlite_engine) == {
        "Козлова Ирина": ("Москва", None),
        "Титова Анна": ("Казань", "instagram"),
        "Eva Smit": ("Den Bosch", None),
    }


async def test_a_city_typed_with_a_word_before_it_is_the_city_or_named_back(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    for line in (
        "/add Иванова Ольга, частное лицо, г. Казань",
        "/add Петрова Анна, частное лицо, из Москвы",
        "/add Сидорова Мария, частное лицо, в Питере",
    ):
        await chat.send(olga, line)
    # A city it cannot put back in the nominative is not stored as «Из Зеленодольска»: it says so
    seen = await chat.send(olga, "/add Козлова Ирина, частное лицо, из Зеленодольска, инста")
    assert seen.text.splitlines() == [
        "Добавлено: Козлова Ирина (частное лицо, источник: Instagram).",
        "Не понял, поэтому не сохранил: «из Зеленодольска». Дописать можно через /edit.",
    ]
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/toevoegen Jan de Vries, particulier, uit Zwolle")
    assert _stored(sqlite_engine) == {
        "Иванова Ольга": ("Казань", None),
        "Петрова Анна": ("Москва", None),
        "Сидорова Мария": ("Санкт-Петербург", None),
        "Козлова Ирина": (None, "instagram"),
        "Jan de Vries": ("Zwolle", None),
    }


async def test_check_names_back_a_part_it_did_not_understand(
    chat: Chat, sqlite_engine: Engine
) -> None:
    demo_with_profile(sqlite_engine, "ru")
    olga = chat.person(OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/check Новикова Дина, частное лицо, Казань, стрижка")
    assert "Не понял, поэтому не учёл при проверке: «стрижка»." in seen.text.splitlines()
    await chat.press(olga, "Сделать клиентом")
    assert _stored(sqlite_engine)["Новикова Дина"] == ("Казань", None)


async def test_a_service_typed_where_a_city_could_stand_is_no_city(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Козлова Ирина, частное лицо, стрижка")
    assert seen.text.splitlines() == [
        "Добавлено: Козлова Ирина (частное лицо).",
        "Не понял, поэтому не сохранил: «стрижка». Дописать можно через /edit.",
    ]
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Eva Smit, particulier, knippen")
    assert seen.text.splitlines() == [
        "Toegevoegd: Eva Smit (particulier).",
        "Niet begrepen, dus niet opgeslagen: „knippen”. Aanvullen kan met /wijzig.",
    ]
    assert _stored(sqlite_engine) == {"Козлова Ирина": (None, None), "Eva Smit": (None, None)}


async def test_a_source_typed_after_the_name_without_a_comma_is_no_part_of_the_name(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Федорова Мария физлицо екб пришла из ВКонтакте")
    assert "Добавлено: Федорова Мария (частное лицо, Екатеринбург, источник: ВКонтакте)." in seen
    await chat.send(olga, "/add Петрова Анна из инсты")  # a person, unasked
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Lisa Bakker particulier via Instagram")
    assert "Toegevoegd: Lisa Bakker (particulier, gevonden via: Instagram)." in seen
    await chat.send(anna, "/toevoegen Anna van Dijk particulier")  # «van» is her name's
    await chat.send(olga, "/add Студия через дорогу")  # no source after «через»: the name
    assert _stored(sqlite_engine) == {
        "Федорова Мария": ("Екатеринбург", "vk"),
        "Петрова Анна": (None, "instagram"),
        "Lisa Bakker": (None, "instagram"),
        "Anna van Dijk": (None, None),
        "Студия через дорогу": (None, None),
    }


async def test_a_source_said_as_a_whole_phrase_is_read_to_its_last_words(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add Иванова Ольга, частное лицо, пришла по рекомендации")
    await chat.send(olga, "/add Петрова Анна, частное лицо, узнала о нас из инсты")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/toevoegen Jan de Vries, particulier, kwam via via")
    assert _stored(sqlite_engine) == {
        "Иванова Ольга": (None, "referral"),
        "Петрова Анна": (None, "instagram"),
        "Jan de Vries": (None, "referral"),
    }


async def test_a_second_city_or_source_in_one_line_is_named_back_not_stored_as_another_field(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Jan Smit, particulier, Instagram, via via")
    assert seen.text.splitlines() == [
        "Toegevoegd: Jan Smit (particulier, gevonden via: Instagram).",
        "Niet begrepen, dus niet opgeslagen: „via via”. Aanvullen kan met /wijzig.",
    ]  # it was stored as the city "Via via"
    assert _stored(sqlite_engine) == {"Jan Smit": (None, "instagram")}


async def test_a_persons_kind_word_before_the_first_comma_is_no_part_of_the_name(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Орлова Яна физлицо, из ВКонтакте")
    assert "Добавлено: Орлова Яна (частное лицо, источник: ВКонтакте)." in seen
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Eva Smit particulier, Zwolle")
    assert "Toegevoegd: Eva Smit (particulier, Zwolle)." in seen
    assert _stored(sqlite_engine) == {"Орлова Яна": (None, "vk"), "Eva Smit": ("Zwolle", None)}


async def test_a_year_alone_in_a_full_line_is_the_year_of_birth(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """The Russian second reader: «/add Лиана Хасанова, частное лицо, Казань, Instagram, 1995»
    was answered «Похоже на продажу» (1995 read as an amount)."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Лиана Хасанова, частное лицо, Казань, Instagram, 1995")
    assert "Похоже на продажу" not in seen.text, seen.text
    [client] = rows(sqlite_engine, Client)
    assert (client.name, client.city, client.birth_year) == ("Лиана Хасанова", "Казань", 1995)


async def test_a_source_said_with_who_recommended_them_is_a_referral(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    """`aanbevolen door Anna`, «по рекомендации Анны» and a lower-case `linkedin` were "not
    understood" (the Dutch and the Russian second readers), so the portrait counted those
    clients' sources wrong."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/add Jeroen de Wit, particulier, Utrecht, aanbevolen door Anna")
    seen = await chat.send(anna, "/add Studio Pixel, organisatie, linkedin")
    assert "Niet begrepen" not in seen.text, seen.text
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add Петрова Анна, частное лицо, по рекомендации Анны")
    assert {name: source for name, (_city, source) in _stored(sqlite_engine).items()} == {
        "Jeroen de Wit": "referral",
        "Studio Pixel": "linkedin",
        "Петрова Анна": "referral",
    }

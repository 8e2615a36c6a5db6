"""The Russian nail-studio reader's week (/tmp notes, section A): amounts typed in chat read as
the CSV import reads them, hedges never become part of a name, and the rest of her findings."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from locales import numbers
from storage import profiles
from storage.engine import new_session
from storage.models import Client, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, NOW, RU_OWNER, add_member, make_client, make_team, rows


@pytest.mark.parametrize(
    ("line", "roubles"),
    [
        ("/sale иванова около 3 тыс", 3000),
        ("/sale Иванова примерно 3000", 3000),
        ("/sale Иванова 2 тыс 500", 2500),
        ("/sale Иванова 2 тыс. 500 р", 2500),
        ("/sale Иванова 2к500", 2500),
        ("/sale Иванова 3к", 3000),
        ("/sale Иванова около 12 тыс 300", 12300),
    ],
)
async def test_a_hedge_or_thousands_word_in_a_sale_is_the_amount_never_the_name(
    chat: Chat, ru_team, sqlite_engine: Engine, line: str, roubles: int
) -> None:
    """A10: «/sale иванова около 3 тыс» took «иванова около» for a new name; «2 тыс 500»
    recorded 2 000 and lost the 500. The amount is the one the import's reader gives."""
    ivanova = make_client(sqlite_engine, ru_team, "Иванова Мария Сергеевна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, line)
    assert "такого клиента в списке пока нет" not in seen.text
    assert "Продажа записана" in seen.text
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.client_id, sale.amount, sale.cost) == (ivanova, roubles * 100, None)
    typed = line.split(maxsplit=2)[2]  # what the CSV import reads in its amount column
    assert numbers.parse_money(typed, "RUB", "ru") == roubles * 100
    assert len(rows(sqlite_engine, Client)) == 1


async def test_a_hedge_before_a_new_clients_amount_stays_out_of_the_name(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Белова около 3 тыс")
    assert seen.text.startswith("«Белова» — такого клиента в списке пока нет.")
    assert "около" not in " ".join(seen.buttons)


@pytest.mark.parametrize("line", ["/sale Jansen zo'n 300", "/sale Jansen ongeveer 300"])
async def test_a_dutch_hedge_in_a_sale_is_no_part_of_the_name(
    chat: Chat, nl_team, sqlite_engine: Engine, line: str
) -> None:
    jansen = make_client(sqlite_engine, nl_team, "Jansen", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, line)
    assert "Verkoop vastgelegd: € 300 — Jansen" in seen
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.client_id, sale.amount) == (jansen, 30000)


async def _profile_cities(chat: Chat, person, cities: str, *, lang: str) -> None:  # type: ignore[no-untyped-def]
    create, who, field = {
        "ru": ("+ Создать: Частные лица", "Кто они", "Города"),
        "nl": ("+ Nieuw: Particulieren", "Wie ze zijn", "Plaatsen"),
    }[lang]
    await chat.send(person, "/profile")
    await chat.press(person, create)
    await chat.press(person, who)
    await chat.press(person, field)
    await chat.send(person, cities)


async def _details(chat: Chat, person, name: str, button: str = "Подробнее") -> str:  # type: ignore[no-untyped-def]
    await chat.send(person, f"/client {name}")
    return (await chat.press(person, button)).text


async def test_a_city_abbreviation_is_the_city_for_the_ideal_profile(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    """A4: «Кзн» stayed «Кзн» and «Наб. Челны», «Наб.Челны» were two cities, so a Kazan client
    met 0 of 1 points of a profile of Kazan. Typed now, the full name is stored; stored before,
    it still matches."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await _profile_cities(chat, olga, "Казань, Набережные Челны", lang="ru")
    seen = await chat.send(olga, "/add Кузнецова Елена, частное лицо, Кзн")
    assert "Казань" in seen.text and "Кзн" not in seen.text
    await chat.send(olga, "/add Сафина Алия, частное лицо, Наб.Челны")
    make_client(sqlite_engine, ru_team, "Гарипова Алсу", kind="person", city="Наб. Челны")
    cities = {c.name: c.city for c in rows(sqlite_engine, Client)}
    assert cities["Кузнецова Елена"] == "Казань"
    assert cities["Сафина Алия"] == "Набережные Челны"
    for name in ("Кузнецова Елена", "Сафина Алия", "Гарипова Алсу"):
        assert "Соответствует 1 из 1 пункта идеального клиента" in await _details(chat, olga, name)


async def test_a_dutch_city_short_form_is_the_city_for_the_ideal_profile(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await _profile_cities(chat, anna, "Amsterdam, Den Haag", lang="nl")
    make_client(sqlite_engine, nl_team, "Sanne Smit", kind="person", city="A'dam")
    make_client(sqlite_engine, nl_team, "Kees Bos", kind="person", city="'s-Gravenhage")
    for name in ("Sanne Smit", "Kees Bos"):
        assert "Voldoet aan 1 van 1 punt" in await _details(chat, anna, name, "Details")


async def test_a_source_typed_in_add_is_kept_and_shown_in_details_and_export(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    """A12: «/add Кузнецова Елена, Кзн, Instagram» dropped Instagram (the card and export had
    no source). Russian sources (ВКонтакте, Авито, 2ГИС, Яндекс Карты, Telegram) are words
    of the one vocabulary, typed in any of their spellings."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Кузнецова Елена, частное лицо, Кзн, Instagram")
    assert "Добавлено: Кузнецова Елена (частное лицо, Казань, источник: Instagram)." in seen.text
    for line, shown in [
        ("/add Сафина Алия, частное лицо, вк", "ВКонтакте"),
        ("/add Гарипова Алсу, частное лицо, Казань, 2гис", "2ГИС"),
        ("/add Хасанова Лейсан, частное лицо, Яндекс карты", "Яндекс Карты"),
        ("/add Белова Ксения, частное лицо, авито", "Авито"),
        ("/add Зайцева Ирина, частное лицо, телеграм", "Telegram"),
    ]:
        seen = await chat.send(olga, line)
        said = f", источник: {shown})."
        assert seen.text.startswith("Добавлено:") and said in seen.text, seen.text
    sources = {c.name: c.source for c in rows(sqlite_engine, Client)}
    assert sources["Кузнецова Елена"] == "instagram"
    assert sources["Сафина Алия"] == "vk"
    assert {c.name: c.city for c in rows(sqlite_engine, Client)}["Сафина Алия"] is None
    assert "источник: Instagram" in await _details(chat, olga, "Кузнецова Елена")
    seen = await chat.send(olga, "/export")
    clients_csv = next(m.document for m in seen.messages if m.document)[1].decode("utf-8-sig")
    assert "Instagram" in clients_csv and "ВКонтакте" in clients_csv and "2ГИС" in clients_csv


async def test_the_source_buttons_offer_the_sources_of_the_users_country(
    chat: Chat, ru_team, nl_team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add")
    await chat.send(olga, "Новикова Дина")  # a person, unasked
    seen = await chat.send(olga, "Казань")
    for source in ("Instagram", "ВКонтакте", "Авито", "2ГИС", "Яндекс Карты", "Telegram"):
        assert source in seen.buttons
    assert "Marktplaats" not in seen.buttons
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Sanne Smit, particulier, Utrecht, marktplaats")
    assert "Marktplaats" in seen.text
    assert rows(sqlite_engine, Client, name="Sanne Smit")[0].source == "marktplaats"
    await chat.send(anna, "/toevoegen")
    await chat.send(anna, "Kees Bos")
    seen = await chat.send(anna, "Utrecht")
    assert "Marktplaats" in seen.buttons and "Google" in seen.buttons
    assert "2GIS" not in seen.buttons and "Avito" not in seen.buttons


def _own_team(engine: Engine, owner: int, lang: str):  # type: ignore[no-untyped-def]
    """A personal team in the language's own currency."""
    currency = "RUB" if lang == "ru" else "EUR"
    return make_team(
        engine, chat_id=owner, owner_id=owner, personal=True, locale=lang, currency=currency
    )


def _persons_profile(engine: Engine, team, owner: int, **criteria: object) -> None:  # type: ignore[no-untyped-def]
    with new_session(engine) as session:
        made = profiles.create_profile(
            session=session, team_id=team.id, user_id=owner, name="P", kind="person", now=NOW
        )
        profiles.change_criteria(
            session=session,
            team_id=team.id,
            profile_id=made.entity_id,
            user_id=owner,
            now=NOW,
            **criteria,
        )
        session.commit()


async def test_check_of_a_client_on_the_list_shows_her_card_not_a_stranger_check(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    """A14: «/check Кузнецова» (on the list as Кузнецова Елена) asked «частное лицо или
    организация?» as for someone unknown."""
    _persons_profile(sqlite_engine, ru_team, RU_OWNER, cities=["Казань"])
    make_client(sqlite_engine, ru_team, "Кузнецова Елена", kind="person", city="Кзн")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    for steps in (["/check Кузнецова"], ["/check", "кузнецова елена"]):
        for line in steps:
            seen = await chat.send(olga, line)
        assert seen.messages[0].text == "Кузнецова Елена уже есть в вашем списке."
        assert seen.messages[1].text.startswith("<b>Кузнецова Елена</b> · ")
        assert "Подробнее" in seen.buttons
        assert "организация" not in seen.text
    assert len(rows(sqlite_engine, Client)) == 1


@pytest.mark.parametrize(
    ("lang", "owner", "line", "headline", "saved"),
    [
        (
            "ru",
            RU_OWNER,
            "/check Новикова Дина, 30 лет, Кзн, от подруги",
            "✅ Новикова Дина: подходит под ваш профиль идеального клиента.",
            "В потенциальные клиенты",
        ),
        (
            "nl",
            NL_OWNER,
            "/check Sanne Smit, 30 jaar, A'dam, via een vriendin",
            "✅ Sanne Smit past bij het profiel van je ideale klant.",
            "Opslaan als mogelijke klant",
        ),
    ],
)
async def test_check_reads_the_traits_add_reads_and_claims_no_fit_without_a_record(
    chat: Chat, sqlite_engine: Engine, lang: str, owner: int, line: str, headline: str, saved: str
) -> None:
    """A14: the whole line became the name, and «✅ похоже, это ваш идеальный клиент» stood
    above «похожих клиентов у вас пока нет, так что опереться не на что»."""
    team = _own_team(sqlite_engine, owner, lang)
    city = {"ru": "Казань", "nl": "Amsterdam"}[lang]
    _persons_profile(sqlite_engine, team, owner, cities=[city], min_age=25, max_age=45)
    person = chat.person(owner, "Ольга" if lang == "ru" else "Anna", lang)
    seen = await chat.send(person, line)
    first, *rest = seen.text.splitlines()
    assert first == headline  # the profile's word, not a track record there is none of
    assert "✓" in rest[0] and city in rest[0] and "30" in rest[0]
    await chat.press(person, saved)
    [client] = rows(sqlite_engine, Client)
    assert (client.city, client.source, client.status) == (city, "referral", "prospect")
    assert client.birth_year == NOW.year - 30


@pytest.mark.parametrize(
    ("lang", "owner", "sale", "chat_words", "closed", "going"),
    [
        (
            "ru",
            RU_OWNER,
            "/sale Белова 2000",
            ("привет", "сколько мне должны?", "Белова 2000"),
            "Это не ответ на вопрос с кнопками выше, поэтому этот вопрос я закрыл.",
            "Начните, например, с /add или /sale.",
        ),
        (
            "nl",
            NL_OWNER,
            "/verkoop Jansen 300",
            ("hoi", "hoeveel krijg ik nog?", "Jansen 300"),
            "Dat past niet bij de knoppen hierboven, dus die vraag heb ik gesloten. Begin gerust "
            "opnieuw.",
            "Stuur een commando om te beginnen",
        ),
    ],
)
async def test_text_under_an_old_button_question_closes_it_once_in_a_private_chat(
    chat: Chat,
    sqlite_engine: Engine,
    lang: str,
    owner: int,
    sale: str,
    chat_words: tuple[str, ...],
    closed: str,
    going: str,
) -> None:
    """A16: «привет», «сколько мне должны?», «Белова 2000» under "record it again?" each got
    «Выберите одну из кнопок.» with the buttons far above. The first such text closes the
    question and says so; the next ones are read with no question pending."""
    team = _own_team(sqlite_engine, owner, lang)
    make_client(sqlite_engine, team, sale.split()[1], kind="person")
    person = chat.person(owner, "Дарья" if lang == "ru" else "Anna", lang)
    await chat.send(person, sale)
    seen = await chat.send(person, sale)
    assert len(seen.buttons) == 2  # record it again? yes / no
    first, *others = chat_words
    seen = await chat.send(person, first)
    lines = seen.text.splitlines()
    assert lines[0] == closed
    assert going in lines[-1]
    for words in others:
        seen = await chat.send(person, words)
        assert going in seen.text
        assert "кнопок" not in seen.text and "knoppen" not in seen.text
    assert len(rows(sqlite_engine, Sale)) == 1  # nothing recorded twice by a stray text


GROUP = -1002


@pytest.mark.parametrize(
    ("lang", "offer", "button", "ready"),
    [
        (
            "ru",
            "Есть и свои клиенты? Заведите здесь личный список — он будет отдельно от группы.",
            "Начать здесь, для себя",
            "Ваш личный список клиентов готов. Этот чат теперь работает с ним; "
            "переключиться на группу — /team.",
        ),
        (
            "nl",
            "Ook eigen klanten? Begin hier voor jezelf; dat blijft los van de groep.",
            "Hier beginnen, voor mezelf",
            "Je eigen klantenlijst staat klaar. Naar de groep wisselen: /team.",
        ),
    ],
)
async def test_a_group_member_starts_a_team_of_her_own_in_private(
    chat: Chat, sqlite_engine: Engine, lang: str, offer: str, button: str, ready: str
) -> None:
    """A1: Дарья, in the studio's group team, wrote /start privately and could not start a
    team of her own, though `/help start` promises one. Now she can; the private chat then
    works on it, and /team offers both."""
    alina, darya = chat.person(21, "Алина", lang), chat.person(22, "Дарья", lang)
    chat.group(GROUP, "Студия", creator=alina, members=(darya,))
    studio = make_team(
        sqlite_engine, chat_id=GROUP, owner_id=21, locale=lang, title="Студия", onboarded=True
    )
    add_member(sqlite_engine, studio, 22)
    make_client(sqlite_engine, studio, "Иванова Мария", kind="person")
    seen = await chat.send(darya, "/start")
    assert seen.text.splitlines()[-1] == offer
    assert seen.buttons == [button]
    seen = await chat.press(darya, button)
    assert seen.messages[0].text == ready
    [own] = [team for team in rows(sqlite_engine, Team) if team.is_personal]
    assert own.chat_id == 22
    await chat.send(darya, "/add Сафина Алия, частное лицо, Казань")
    assert {c.name: c.team_id for c in rows(sqlite_engine, Client)}["Сафина Алия"] == own.id
    seen = await chat.send(darya, "/team")
    assert len(seen.buttons) == 2  # the studio and her own
    seen = await chat.send(darya, "/start")
    assert offer not in seen.text and button not in seen.buttons  # one own team is enough

"""/add as native-speaker testers typed it (issue 17): a legal form makes an organisation
unasked, a kind word and a city follow the name without commas, a legal-form organisation's
number is its name's, and a city is stored capitalised as a native writes it."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, rows


def _clients(engine: Engine) -> dict[str, tuple[str, str | None]]:
    """Name → (kind, city)."""
    return {c.name: (c.kind, c.city) for c in rows(engine, Client)}


async def test_a_russian_legal_form_adds_an_organisation_unasked(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add ИП Сидоренко Ольга Викторовна")
    assert "Добавлено: ИП Сидоренко Ольга Викторовна (организация)." in seen
    await chat.send(olga, "/add ООО Бьюти Лаб 24, екатеринбург")
    seen = await chat.send(olga, "/add ООО Ромашка 2000")
    assert "Добавлено: ООО Ромашка 2000 (организация)." in seen
    assert _clients(sqlite_engine) == {
        "ИП Сидоренко Ольга Викторовна": ("organisation", None),
        "ООО Бьюти Лаб 24": ("organisation", "Екатеринбург"),
        "ООО Ромашка 2000": ("organisation", None),
    }


async def test_a_dutch_legal_form_adds_an_organisation_unasked(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for line in (
        "/toevoegen Bakkerij De Zon B.V.",
        "/toevoegen Bakkerij Maan BV",
        "/toevoegen Schilder Ster V.O.F.",
        "/toevoegen Kapper Knip VOF",
        "/toevoegen Hovenier Groen eenmanszaak",
    ):
        seen = await chat.send(anna, line)
        assert "Toegevoegd:" in seen, line
    assert {name: kind for name, (kind, _city) in _clients(sqlite_engine).items()} == {
        "Bakkerij De Zon B.V.": "organisation",
        "Bakkerij Maan BV": "organisation",
        "Schilder Ster V.O.F.": "organisation",
        "Kapper Knip VOF": "organisation",
        "Hovenier Groen eenmanszaak": "organisation",
    }


async def test_a_kind_word_and_a_city_follow_the_name_without_commas(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Федорова Мария Петровна физлицо екатеринбург")
    assert "Добавлено: Федорова Мария Петровна (частное лицо" in seen
    await chat.send(olga, "/add Салон Лотос организация санкт-петербург")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen mevr. Özdemir particulier utrecht")
    assert "Toegevoegd: mevr. Özdemir (particulier" in seen
    await chat.send(anna, "/toevoegen Kapsalon Knip bedrijf den haag")
    await chat.send(anna, "/toevoegen Jan Visser, persoon, zwolle")
    await chat.send(olga, "/add ООО Бизнес Центр")  # a capitalised kind word is the name's
    assert _clients(sqlite_engine) == {
        "Федорова Мария Петровна": ("person", "Екатеринбург"),
        "Салон Лотос": ("organisation", "Санкт-Петербург"),
        "mevr. Özdemir": ("person", "Utrecht"),
        "Kapsalon Knip": ("organisation", "Den Haag"),
        "Jan Visser": ("person", "Zwolle"),
        "ООО Бизнес Центр": ("organisation", None),
    }


async def test_a_kind_word_inside_a_name_stays_in_the_name(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    """A Dutch reader's `/toevoegen Café De Zaak, horeca, Utrecht` saved "Café De": the kind
    word "zaak" was cut from the name. A kind is read from its own comma-separated part, and
    without commas only typed in lower case, never out of a name."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Café De Zaak, horeca, Utrecht")
    assert "Toegevoegd: Café De Zaak" in seen
    seen = await chat.send(anna, "/toevoegen Bloemen De Zaak")  # the whole name, asked its kind
    assert "Is Bloemen De Zaak een particulier of een organisatie?" in seen.text
    await chat.press(anna, "Organisatie")
    await chat.send(anna, "/toevoegen makelaardij de zaak, bedrijf, zeist")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Кафе Бизнес")  # «Кафе» says the kind, «Бизнес» is a name
    assert "Добавлено: Кафе Бизнес (организация)." in seen
    seen = await chat.send(olga, "/add Юридическая фирма, Москва")
    assert "Юридическая фирма — частное лицо или организация?" in seen.text
    await chat.press(olga, "Организация")
    await chat.send(olga, "/add Студия Компания, организация, Казань")
    clients = _clients(sqlite_engine)
    assert set(clients) == {
        "Café De Zaak",
        "Bloemen De Zaak",
        "Makelaardij de Zaak",
        "Кафе Бизнес",
        "Юридическая фирма",
        "Студия Компания",
    }
    assert clients["Makelaardij de Zaak"] == ("organisation", "Zeist")
    assert clients["Студия Компания"] == ("organisation", "Казань")


async def test_a_patronymic_or_initials_add_a_person_unasked_and_a_legal_form_field_is_the_kind(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """A Russian reader's lines: «Иванова И.И.» was asked person-or-organisation, «ИП» after a
    comma became the city, «иванова мария» and «Казань.» were stored as typed."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Козлов Дмитрий Андреевич, ИП, Казань")
    assert "Добавлено: Козлов Дмитрий Андреевич (организация, Казань)." in seen
    seen = await chat.send(olga, "/add Иванова И.И.")
    assert "Добавлено: Иванова И. И. (частное лицо)." in seen
    seen = await chat.send(olga, "/add Петрова А. С.")
    assert "Добавлено: Петрова А. С. (частное лицо)." in seen
    seen = await chat.send(olga, "/add Сергеев Олег Петрович")
    assert "Добавлено: Сергеев Олег Петрович (частное лицо)." in seen
    seen = await chat.send(olga, "/add иванова мария, физлицо, Казань.")
    assert "Добавлено: Иванова Мария (частное лицо, Казань)." in seen
    assert _clients(sqlite_engine) == {
        "Козлов Дмитрий Андреевич": ("organisation", "Казань"),
        "Иванова И. И.": ("person", None),
        "Петрова А. С.": ("person", None),
        "Сергеев Олег Петрович": ("person", None),
        "Иванова Мария": ("person", "Казань"),
    }


async def test_a_legal_form_alone_is_no_name_and_no_look_alike(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add ООО Ромашка")
    for line in ("/add ООО", "/sale ООО 500", "/sale ИП 500"):
        seen = await chat.send(olga, line)
        assert "не похоже на имя" in seen.text, line
    seen = await chat.send(olga, "/add ООО Лютик")
    assert "Добавлено: ООО Лютик (организация)." in seen
    assert set(_clients(sqlite_engine)) == {"ООО Ромашка", "ООО Лютик"}


async def test_a_lower_case_city_after_a_legal_form_is_the_city(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """Second reader: `… VOF tiel` stored no city (the name kept "tiel" or it was lost)."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for line in (
        "/add Kwekerij Van den Heuvel VOF tiel",
        "/toevoegen Bakkerij Maan BV den bosch",
        "/toevoegen Schilder Ster B.V. utrecht",
        "/toevoegen Hovenier Groen eenmanszaak zwolle",
        "/toevoegen Garage Top NV",
    ):
        seen = await chat.send(anna, line)
        assert "Toegevoegd:" in seen, line
    assert _clients(sqlite_engine) == {
        "Kwekerij Van den Heuvel VOF": ("organisation", "Tiel"),
        "Bakkerij Maan BV": ("organisation", "Den Bosch"),
        "Schilder Ster B.V.": ("organisation", "Utrecht"),
        "Hovenier Groen eenmanszaak": ("organisation", "Zwolle"),
        "Garage Top NV": ("organisation", None),
    }


async def test_a_city_typed_in_lower_case_in_edit_is_stored_as_written(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """Second reader: /wijzig stored "utrecht" as typed; /add stores Utrecht."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/toevoegen Jan Visser, persoon")
    await chat.send(anna, "/wijzig Jan Visser")
    await chat.press(anna, "Plaats")
    seen = await chat.send(anna, "den haag")
    assert "Plaats gewijzigd in Den Haag." in seen
    assert _clients(sqlite_engine) == {"Jan Visser": ("person", "Den Haag")}


async def test_a_city_abbreviation_is_stored_as_the_citys_full_name(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """Russian readers: «спб» was stored as «Спб», then «Екб» as «ЕКБ»; a short form is the
    city's full name, as the profile and the other clients have it."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add Белова Екатерина, частное лицо, спб")
    await chat.send(olga, "/add Салон Лотос, организация, Екб")
    assert _clients(sqlite_engine) == {
        "Белова Екатерина": ("person", "Санкт-Петербург"),
        "Салон Лотос": ("organisation", "Екатеринбург"),
    }

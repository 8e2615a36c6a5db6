"""/add typed as people type (issue 17): the kind word after the name without a comma, and a
year of birth written «1990 г.р.» or "geboren 1990", never part of the name."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, rows


def _clients(engine: Engine) -> dict[str, tuple[str, int | None, str | None]]:
    """Name → (kind, year of birth, city)."""
    return {c.name: (c.kind, c.birth_year, c.city) for c in rows(engine, Client)}


async def test_russian_kind_word_at_the_end_of_the_name(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Иванова Ольга физлицо")
    assert "Добавлено: Иванова Ольга (частное лицо)." in seen
    seen = await chat.send(olga, "/add ООО Лес организация")
    assert "Добавлено: ООО Лес (организация)." in seen
    assert _clients(sqlite_engine) == {
        "Иванова Ольга": ("person", None, None),
        "ООО Лес": ("organisation", None, None),
    }


async def test_dutch_kind_word_at_the_end_of_the_name(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for line in ("/add Jansen particulier", "/add Kees de Boer persoon", "/add Bouw BV bedrijf"):
        await chat.send(anna, line)
    assert _clients(sqlite_engine) == {
        "Jansen": ("person", None, None),
        "Kees de Boer": ("person", None, None),
        "Bouw BV": ("organisation", None, None),
    }


async def test_a_year_of_birth_is_stored_and_never_part_of_the_name(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Петрова Анна 1990 г.р.")
    assert "Добавлено: Петрова Анна (частное лицо, 1990 г. р.)." in seen
    await chat.send(olga, "/add Сидорова Мария, 1985 года рождения, Москва")
    seen = await chat.send(olga, "/add Кротова 1850 г.р.")
    assert (
        "«1850» не может быть годом рождения: напишите год от 1900 до нынешнего, например 1985."
        in seen
    )
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/add Piet Klaassen geboren 1980")
    assert _clients(sqlite_engine) == {
        "Петрова Анна": ("person", 1990, None),
        "Сидорова Мария": ("person", 1985, "Москва"),
        "Piet Klaassen": ("person", 1980, None),
    }


async def test_a_city_after_a_titled_name_or_after_te_is_the_city(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen familie van Dijk amersfoort")
    assert "Toegevoegd: familie van Dijk (particulier, Amersfoort)." in seen
    seen = await chat.send(anna, "/toevoegen mw. de Boer den haag")
    assert "Toegevoegd: mw. de Boer (particulier, Den Haag)." in seen
    seen = await chat.send(anna, "/toevoegen Lisa de Wit - particulier - Zwolle")
    assert "Toegevoegd: Lisa de Wit (particulier, Zwolle)." in seen
    seen = await chat.send(anna, "/toevoegen mevr anna jansen")  # all name: no capital says
    assert "Toegevoegd: mevr. Anna Jansen (particulier)." in seen
    seen = await chat.send(anna, "/toevoegen Jansen Installatietechniek B.V. te Utrecht")
    assert "Toegevoegd: Jansen Installatietechniek B.V. (organisatie, Utrecht)." in seen
    seen = await chat.send(anna, "/toevoegen Bouw Kok BV uit zwolle")
    assert "Toegevoegd: Bouw Kok BV (organisatie, Zwolle)." in seen
    assert _clients(sqlite_engine) == {
        "familie van Dijk": ("person", None, "Amersfoort"),
        "mw. de Boer": ("person", None, "Den Haag"),
        "mevr. Anna Jansen": ("person", None, None),
        "Lisa de Wit": ("person", None, "Zwolle"),
        "Jansen Installatietechniek B.V.": ("organisation", None, "Utrecht"),
        "Bouw Kok BV": ("organisation", None, "Zwolle"),
    }


async def test_a_phone_number_is_no_sale_and_is_not_kept(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    """`/add Иванова Ольга +7 916 123-45-67` answered «Похоже на продажу: /sale …» (found by the
    Russian second reader): Kompas keeps no phone numbers, says so, adds nothing, and gives the
    line without the number; amounts and dates are still read as a sale."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Иванова Ольга +7 916 123-45-67")
    assert seen.text == (
        "Kompas не хранит номера телефонов; ничего не добавлено. Добавить клиента без номера: "
        "/add Иванова Ольга"
    )
    seen = await chat.send(olga, "/add Иванова Ольга, Москва, 8 (916) 123-45-67")
    assert seen.text.endswith("/add Иванова Ольга, Москва")
    seen = await chat.send(olga, "/add Волкова 150 000 000")
    assert "Похоже на продажу" in seen.text
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Sanne Jansen 06-12345678")
    assert seen.text.endswith("/toevoegen Sanne Jansen")
    assert rows(sqlite_engine, Client) == []


async def test_a_line_of_business_is_no_city_and_a_business_word_says_the_kind(
    chat: Chat, nl_team, ru_team, sqlite_engine: Engine
) -> None:
    """Issue 17, second reader: `/toevoegen Restaurant De Haven, horeca` stored the city
    "Horeca" and asked person or organisation of a restaurant."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Restaurant De Haven, horeca")
    assert "Toegevoegd: Restaurant De Haven (organisatie)." in seen
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Кафе Ромашка, общепит, Казань")
    assert "Добавлено: Кафе Ромашка (организация, Казань)." in seen
    added = {c.name: (c.kind, c.city, c.industry) for c in rows(sqlite_engine, Client)}
    assert added == {
        "Restaurant De Haven": ("organisation", None, "horeca"),
        "Кафе Ромашка": ("organisation", "Казань", "общепит"),
    }


async def test_a_pasted_command_is_no_clients_name(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    # Found by the Dutch typist: a slip of the paste became a client, and then every
    # "/verkoop de vries" asked which of the two was meant.
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(
        anna, "/toevoegen Fietsenmaker? nee: /toevoegen jan de vries particulier haarlem"
    )
    assert "bevat een commando" in seen.text, seen.text
    assert rows(sqlite_engine, Client) == []


async def test_a_business_size_is_its_number_of_employees_never_a_city(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    """`/toets Bakkerij Noord, 8 medewerkers` read "8 Medewerkers" as the bakery's city and
    judged it a misfit on it; a business's size is its number of employees, said back as such,
    and a person's line keeps "3 medewerkers" out, named back as not understood."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/add Bakkerij Zuid, Utrecht, 12 medewerkers")
    assert "Toegevoegd: Bakkerij Zuid (organisatie, Utrecht, 12 medewerkers)." in seen
    seen = await chat.send(anna, "/add Anna de Wit, particulier, 3 medewerkers")
    assert "Toegevoegd: Anna de Wit (particulier)." in seen
    assert "Niet begrepen, dus niet opgeslagen: „3 medewerkers”." in seen
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add ООО Вектор, 21 сотрудник, Казань")
    assert "Добавлено: ООО Вектор (организация, Казань, 21 сотрудник)." in seen
    await chat.send(olga, "/add ООО Лес, 15 сотрудников")
    employees = {c.name: (c.kind, c.employees, c.city) for c in rows(sqlite_engine, Client)}
    assert employees == {
        "Bakkerij Zuid": ("organisation", 12, "Utrecht"),
        "Anna de Wit": ("person", None, None),
        "ООО Вектор": ("organisation", 21, "Казань"),
        "ООО Лес": ("organisation", 15, None),
    }


async def test_a_business_noun_alone_is_the_line_of_business_not_the_city(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """«/add ИП Лебедев, барбершоп, Тула» stored «Барбершоп» as the city and dropped Тула as
    not understood (the Russian reader)."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add ИП Лебедев, барбершоп, Тула")
    assert "Добавлено: ИП Лебедев (организация, Тула)." in seen
    assert "Не понял" not in seen.text
    [client] = rows(sqlite_engine, Client)
    assert (client.city, client.industry) == ("Тула", "барбершоп")


async def test_a_city_after_a_persons_name_is_never_part_of_the_name(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    """A Russian reader's «/add Иванова Мария из Тулы» was stored as the name «Иванова Мария из
    Тулы»: a person's name holds no «из»; a city Kompas can't put back in its own case
    (Зеленодольск) is said back unused. A later reader's «ООО Ромашка в Самаре» kept the city
    in a business's name: «в» and «из» before a city Kompas knows mark it there too."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Петрова Анна из Москвы")
    assert "Добавлено: Петрова Анна (частное лицо, Москва)." in seen
    seen = await chat.send(olga, "/add Сидорова Ольга из Тулы")
    assert "Добавлено: Сидорова Ольга (частное лицо, Тула)." in seen
    seen = await chat.send(olga, "/add ООО Ромашка в Самаре")
    assert "Добавлено: ООО Ромашка (организация, Самара)." in seen
    seen = await chat.send(olga, "/add Иванова Мария из Зеленодольска")
    assert seen.text.splitlines()[:2] == [
        "Добавлено: Иванова Мария (частное лицо).",
        "Не понял, поэтому не сохранил: «из Зеленодольска». Дописать можно через /edit.",
    ]
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/toevoegen Jan de Vries uit Utrecht")
    assert _clients(sqlite_engine) == {
        "Петрова Анна": ("person", None, "Москва"),
        "Сидорова Ольга": ("person", None, "Тула"),
        "ООО Ромашка": ("organisation", None, "Самара"),
        "Иванова Мария": ("person", None, None),
        "Jan de Vries": ("person", None, "Utrecht"),
    }


async def test_a_self_employed_client_is_a_business_never_a_city(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    """A Dutch reader's "/toevoegen Jan Smit, zzp'er" was stored in the city «Zzp'er»."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/toevoegen Jan Smit, zzp'er")
    await chat.send(anna, "/toevoegen Eva Bos freelancer")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add Петров Иван, самозанятый")
    assert _clients(sqlite_engine) == {
        "Jan Smit": ("organisation", None, None),
        "Eva Bos": ("organisation", None, None),
        "Петров Иван": ("organisation", None, None),
    }


async def test_a_city_after_te_or_a_known_city_after_iz_is_a_businesss_city(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    """Readers' "/toevoegen Tandartspraktijk Kok te Zeist" and «/add ИП Козлов из Казани» kept
    the city in the name."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/toevoegen Tandartspraktijk Kok te Zeist")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add ИП Козлов из Казани")
    await chat.send(olga, "/add ООО Вектор из Москвы")
    await chat.send(olga, "/add ООО Ромашка г. Тверь")
    assert _clients(sqlite_engine) == {
        "ООО Ромашка": ("organisation", None, "Тверь"),
        "Tandartspraktijk Kok": ("organisation", None, "Zeist"),
        "ИП Козлов": ("organisation", None, "Казань"),
        "ООО Вектор": ("organisation", None, "Москва"),
    }


async def test_an_age_typed_without_a_comma_is_the_age_never_a_sale(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """A Russian reader's «/add смирнова ольга 35 лет из инсты» was taken for a sale."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add смирнова ольга 35 лет из инсты")
    assert seen.text.startswith("Добавлено: Смирнова Ольга (частное лицо, 1991 г. р."), seen.text
    seen = await chat.send(olga, "/add Орлова Яна 30 лет")
    assert seen.text.startswith("Добавлено: Орлова Яна (частное лицо, 1996 г. р.)."), seen.text

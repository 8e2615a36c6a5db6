"""/settings: everyone sees the team's settings, admins change them with buttons and Undo."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from scoring import analyse
from storage.engine import new_session
from storage.frames import load_team, scoring_settings
from storage.models import AuditLog, Team, UserPref
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, make_team, rows

GROUP = -700


def team_row(engine: Engine) -> Team:
    [team] = rows(engine, Team)
    return team


async def test_settings_fit_a_phone_screen_and_every_value_is_one_tap_away(
    chat: Chat, nl_team: Team
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/settings")
    lines = seen.text.splitlines()
    assert lines == [
        "Instellingen",  # a personal team: one person, no team's name
        "• Geld: € EUR · zonder btw",
        "• Beoordelingen: A–D · 12 maanden",
        "• Weekoverzicht: maandag om 09:00 · Amsterdam (UTC+1)",
        "• Taal en privacy: Nederlands",  # one person: no team, no members to let in
        "Tik op wat je wilt wijzigen.",
    ]
    assert seen.buttons == ["Geld", "Beoordelingen", "Weekoverzicht", "Taal en privacy"]
    assert len(lines) + len(seen.last.buttons) <= 15  # button rows count as lines
    expected = {
        "Geld": [
            "• Valuta: € EUR",
            "• Bedragen: zonder btw",
            # until chosen: persons pay on the spot, organisations get an invoice
            "• Klanten betalen: particulieren direct, organisaties op factuur binnen 14 dagen",
            "• Standaardmarge: niet ingesteld",
            "• Uurkosten: niet meegerekend",
        ],
        "Beoordelingen": [
            "• Beoordelingsschaal: A–D",
            "• Grens grote klant: bij 25% van de omzet",
            "• Beoordelingsperiode: 12 maanden",
        ],
        "Weekoverzicht": [
            "• Weekoverzicht: aan",
            "• Dag: maandag",
            "• Tijd: 09:00",
            "• Tijdzone: Amsterdam (UTC+1)",
        ],
        "Taal en privacy": ["• Taal: Nederlands", "• Klanten na afscheid: bewaard"],
    }
    settings_buttons = []
    for group, values in expected.items():
        seen = await chat.press(anna, group)
        assert seen.text.splitlines() == [group, *values, "Tik op wat je wilt wijzigen."]
        assert seen.buttons[-1] == "← Instellingen"
        settings_buttons += seen.buttons[:-1]
        await chat.press(anna, "← Instellingen")
    assert len(settings_buttons) == 14  # every setting a personal team has, one tap inside


async def test_a_setting_changes_in_place_and_undo_puts_it_back(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/settings")
    menu = chat.api.in_chat(NL_OWNER)[-1]
    await chat.press(anna, "Beoordelingen")
    seen = await chat.press(anna, "Grens grote klant")
    assert seen.last.message_id == menu.message_id  # the menu edits the same message
    assert "Vanaf welk deel van je omzet" in seen
    assert seen.buttons[:3] == ["20%", "✓ 25%", "30%"]
    version = team_row(sqlite_engine).data_version
    seen = await chat.press(anna, "30%")
    assert seen.text == "Grens grote klant: nu bij 30% van de omzet."
    assert seen.buttons == ["← Beoordelingen", "↩ Ongedaan maken"]
    team = team_row(sqlite_engine)
    assert team.concentration_threshold == 0.3
    assert team.data_version > version
    assert rows(sqlite_engine, AuditLog, action="team_settings")
    seen = await chat.press(anna, "↩ Ongedaan maken")
    assert seen.text == "Ongedaan gemaakt. Grens grote klant: bij 25% van de omzet."
    assert team_row(sqlite_engine).concentration_threshold == 0.25


async def test_typed_margin_and_off_in_russian(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/settings")
    await chat.press(olga, "Деньги")
    seen = await chat.press(olga, "Доля прибыли по умолчанию")
    assert seen.buttons[0] == "✓ Нет"
    seen = await chat.press(olga, "Ввести другое значение")
    assert "Какую долю суммы считать прибылью" in seen
    seen = await chat.send(olga, "сорок")
    assert "сорок" in seen.text and team_row(sqlite_engine).default_margin is None
    seen = await chat.send(olga, "37,5 %")
    assert "Доля прибыли по умолчанию: теперь 37,5 %." in seen
    assert team_row(sqlite_engine).default_margin == 0.375
    await chat.send(olga, "/settings")
    await chat.press(olga, "Деньги")
    await chat.press(olga, "Доля прибыли по умолчанию")
    seen = await chat.press(olga, "Нет")
    assert "Доля прибыли по умолчанию: теперь не задана." in seen
    assert team_row(sqlite_engine).default_margin is None


async def test_a_margin_typed_with_its_name_and_in_words(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/instellingen")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Standaardmarge")
    seen = await chat.send(anna, "marge 60 procent")
    assert "Standaardmarge: nu 60%." in seen
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/settings")
    await chat.press(olga, "Деньги")
    await chat.press(olga, "Доля прибыли по умолчанию")
    seen = await chat.send(olga, "маржа 45 процентов")
    assert "Доля прибыли по умолчанию: теперь 45 %." in seen
    assert {t.locale: t.default_margin for t in rows(sqlite_engine, Team)} == {
        "nl": 0.6,
        "ru": 0.45,
    }


async def test_currency_can_change_until_the_first_sale(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/settings")
    await chat.press(olga, "Деньги")
    await chat.press(olga, "Валюта")
    seen = await chat.press(olga, "₸ KZT")
    assert "Валюта: теперь ₸ KZT." in seen
    assert team_row(sqlite_engine).currency == "KZT"
    client = make_client(sqlite_engine, ru_team, "Кофейня «Зерно»")
    make_sale(sqlite_engine, ru_team, client, 100000)
    await chat.send(olga, "/settings")
    seen = await chat.press(olga, "Деньги")
    assert "• Валюта: ₸ KZT 🔒" in seen.text.splitlines()
    seen = await chat.press(olga, "Валюта")
    assert not seen.messages
    assert "нельзя" in chat.api.callback_answers[-1]["text"]
    # The undo of the earlier change may not bring RUB back over the sale either.
    undo = next(m for m in chat.api.in_chat(RU_OWNER) if "₸ KZT." in m.text)
    await chat.press(olga, "↩ Отменить", message=undo)
    assert team_row(sqlite_engine).currency == "KZT"


RUSSIAN_CITIES = [
    "Москва (UTC+3)",
    "Санкт-Петербург (UTC+3)",
    "Екатеринбург (UTC+5)",
    "Новосибирск (UTC+7)",
    "Калининград (UTC+2)",
    "Самара (UTC+4)",
    "Омск (UTC+6)",
    "Красноярск (UTC+7)",
    "Иркутск (UTC+8)",
    "Владивосток (UTC+10)",
]


async def test_time_zone_by_the_teams_common_cities_first_without_typing(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    def zone(locale: str) -> str:
        return next(t.timezone for t in rows(sqlite_engine, Team) if t.locale == locale)

    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/settings")
    await chat.press(olga, "Сводка")
    seen = await chat.press(olga, "Часовой пояс")
    assert "Сейчас: Москва (UTC+3)." in seen
    assert seen.buttons[:10] == ["✓ " + RUSSIAN_CITIES[0], *RUSSIAN_CITIES[1:]]
    assert seen.buttons[10:] == ["Другие города…", "Другая страна…", "← Сводка"]
    seen = await chat.press(olga, "Новосибирск (UTC+7)")
    assert "Часовой пояс: теперь Новосибирск (UTC+7)." in seen
    assert zone("ru") == "Asia/Novosibirsk"
    # The rest of Russia after its common cities, west to east.
    await chat.press(olga, "← Сводка")
    await chat.press(olga, "Часовой пояс")
    seen = await chat.press(olga, "Другие города…")
    assert "Россия: какой часовой пояс?" in seen
    assert seen.buttons[:4] == [*RUSSIAN_CITIES[:3], "✓ Новосибирск (UTC+7)"]
    assert seen.buttons.index("Магадан (UTC+11)") > seen.buttons.index("Владивосток (UTC+10)")
    # Any other country: a short list, or by its first letter; one zone is taken at once.
    await chat.press(olga, "← Назад")
    seen = await chat.press(olga, "Другая страна…")
    assert seen.buttons[:4] == ["Россия", "Беларусь", "Казахстан", "Украина"]
    seen = await chat.press(olga, "Другие страны…")
    assert "Н" in seen.buttons and "Ё" not in seen.buttons
    seen = await chat.press(olga, "Н")
    assert "Нидерланды" in seen.buttons
    seen = await chat.press(olga, "Нидерланды")
    assert "Часовой пояс: теперь Амстердам (UTC+1)." in seen
    assert zone("ru") == "Europe/Amsterdam"
    # A Dutch team finds Amsterdam first.
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/instellingen")
    await chat.press(anna, "Weekoverzicht")
    seen = await chat.press(anna, "Tijdzone")
    assert seen.buttons[0] == "✓ Amsterdam (UTC+1)"
    seen = await chat.press(anna, "Ander land…")
    seen = await chat.press(anna, "België")
    assert "Tijdzone: nu Brussel (UTC+1)." in seen
    assert zone("nl") == "Europe/Brussels"


async def test_grade_scale_switch_changes_no_score(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    for name, amount in (("Bakkerij de Vries", 900000), ("Hotel Het Anker", 90000)):
        client = make_client(sqlite_engine, nl_team, name)
        for month in range(2, 11):
            make_sale(sqlite_engine, nl_team, client, amount // 9, sold_on=dt.date(2026, month, 3))

    def scored() -> tuple[dict[int, float], set[str]]:
        team = team_row(sqlite_engine)
        today = clock.now.date()
        with new_session(sqlite_engine) as session:
            frames = load_team(session=session, team_id=team.id or 0, today=today, window_days=365)
        clients = analyse(frames, scoring_settings(team, today=today)).clients
        return clients["score"].to_dict(), set(clients["grade"])

    scores_before, grades_before = scored()
    assert grades_before <= set("ABCD")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/settings")
    await chat.press(anna, "Beoordelingen")
    await chat.press(anna, "Beoordelingsschaal")
    seen = await chat.press(anna, "1–10")
    assert "Beoordelingsschaal: nu 1–10." in seen
    assert "De scores veranderen niet" in seen
    assert team_row(sqlite_engine).grade_scale == "1-10"
    scores_after, grades_after = scored()
    assert scores_after == scores_before
    assert grades_after <= {str(g) for g in range(1, 11)}


async def test_digest_time_change_reschedules_the_digest_at_once(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    pytest.importorskip("bot.jobs.digest")
    from bot.jobs.scheduler import hold_and_reconcile, job_id

    anna = chat.person(NL_OWNER, "Anna", "nl")
    await hold_and_reconcile(chat.app)  # this instance schedules the digests (and catches up)

    def trigger() -> str:
        # The queue is not running in tests, so a replaced job waits beside its successor.
        jobs = chat.app.job_queue.get_jobs_by_name(job_id(nl_team.id or 0))
        return str(jobs[-1].job.trigger)

    assert "hour='9', minute='0'" in trigger()
    await chat.send(anna, "/settings")
    await chat.press(anna, "Weekoverzicht")
    await chat.press(anna, "Tijd")
    await chat.press(anna, "Andere waarde typen")
    seen = await chat.send(anna, "8:30")
    assert "Tijd: nu 08:30." in seen
    assert "hour='8', minute='30'" in trigger()
    await chat.send(anna, "/settings")
    await chat.press(anna, "Weekoverzicht")
    await chat.press(anna, "Dag")
    await chat.press(anna, "Vrijdag")
    assert "day_of_week='fri'" in trigger()
    assert team_row(sqlite_engine).digest_weekday == 4


@pytest.mark.parametrize(
    ("lang", "language_line", "admins_only", "group_button", "setting_button", "back"),
    [
        (
            "ru",
            "• Язык: русский",
            "Изменить это могут только администраторы команды.",
            "Команда и язык",
            "Язык",
            "← Настройки",
        ),
        (
            "nl",
            "• Taal: Nederlands",
            "Alleen de beheerders van het team kunnen dit wijzigen.",
            "Team en taal",
            "Taal",
            "← Instellingen",
        ),
    ],
)
async def test_members_see_every_setting_on_a_phone_screen_without_buttons_they_cannot_use(
    chat: Chat,
    sqlite_engine: Engine,
    lang: str,
    language_line: str,
    admins_only: str,
    group_button: str,
    setting_button: str,
    back: str,
) -> None:
    """Russian reader (A18): a member was told only admins change settings, yet got buttons
    that opened submenus; the Dutch reader then found the member's list 18 lines long. A
    member's /settings is the overview, its groups open to look at every value, with no button
    a member could not use."""
    olga, ivan = chat.person(21, "Ольга", lang), chat.person(22, "Иван", lang)
    chat.group(GROUP, "Студия", creator=olga, members=(ivan,))
    make_team(
        sqlite_engine,
        chat_id=GROUP,
        owner_id=21,
        locale=lang,
        currency="RUB" if lang == "ru" else "EUR",
    )
    seen = await chat.send(ivan, "/settings", chat=GROUP)
    assert len(seen.text.splitlines()) <= 15
    assert seen.text.splitlines()[-1] == admins_only
    seen = await chat.press(ivan, group_button, chat=GROUP)
    assert language_line in seen.text.splitlines()
    assert seen.buttons == [back]
    assert len((await chat.press(ivan, back, chat=GROUP)).buttons) == 4
    # A menu an admin opened in the group is shared: a member may look, never change.
    await chat.send(olga, "/settings", chat=GROUP)
    seen = await chat.press(ivan, group_button, chat=GROUP)
    seen = await chat.press(ivan, setting_button, chat=GROUP)
    assert not seen.messages
    assert (
        chat.api.callback_answers[-1]["text"]
        == {
            "ru": "Это может сделать только owner21 (администратор).",
            "nl": "Dat kan alleen owner21 (beheerder).",
        }[lang]
    )


async def test_language_of_a_group_team_changes_with_undo(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga = chat.person(21, "Olga", "nl")
    chat.group(GROUP, "Studio", creator=olga)
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21)
    await chat.send(olga, "/settings", chat=GROUP)
    await chat.press(olga, "Team en taal", chat=GROUP)
    await chat.press(olga, "Taal", chat=GROUP)
    seen = await chat.press(olga, "Русский", chat=GROUP)
    assert "Язык: теперь русский." in seen  # the group reads on in its new language
    assert team_row(sqlite_engine).locale == "ru"
    assert rows(sqlite_engine, UserPref) == []  # a group's language is not anyone's own
    await chat.press(olga, "↩ Отменить", chat=GROUP)
    assert team_row(sqlite_engine).locale == "nl"

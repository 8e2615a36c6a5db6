"""What an independent checker recomputed by hand and found untrue on the client card: a lever
asking for more than the grade needs, a disliked profitable client left without its contrast, a
verdict beside a figures sentence saying the opposite, and one loss said three ways."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from bot.jobs.digest import deliver
from scoring import snapshot_rows
from storage.analysis import team_analysis
from storage.callers import team_view
from storage.engine import new_session
from storage.models import Team
from storage.snapshots import save_snapshot
from tests.bot.test_truth import OWNER, TODAY, solo_team
from tests.chat import Chat
from tests.factories import make_client, make_event, make_sale

SINCE = dt.date(2025, 1, 1)


def _eight_regulars(engine: Engine, team: Team) -> None:
    """Klant k (1–8) buys four times a year for k × € 100 at a 60 % margin: € 240 × k profit a
    year, € 240 to € 1.920, and nobody complains."""
    for k in range(1, 9):
        client = make_client(engine, team, f"Klant {k}", acquired_on=SINCE)
        for days in (20, 80, 140, 200):
            make_sale(
                engine,
                team,
                client,
                10_000 * k,
                sold_on=TODAY - dt.timedelta(days=days),
                cost=4_000 * k,
            )


def _ria(engine: Engine, team: Team, name: str) -> None:
    """Two sales of € 90 at € 85 cost (€ 10 profit a year) and a complaint: a D client whom
    referrals lift."""
    ria = make_client(engine, team, name, kind="person", acquired_on=SINCE)
    for days in (30, 120):
        make_sale(engine, team, ria, 9_000, sold_on=TODAY - dt.timedelta(days=days), cost=8_500)
    make_event(engine, team, ria, "complaint", happened_on=TODAY - dt.timedelta(days=100))


def _last_week(engine: Engine, team: Team) -> None:
    """Today's grades saved as last week's snapshot, as the weekly digest saves them."""
    with new_session(engine) as session:
        view = team_view(session=session, team_id=team.id or 0)
        assert view is not None
        analysis = team_analysis(session=session, team=view, today=TODAY)
        save_snapshot(
            session=session,
            team_id=team.id or 0,
            week="2026-W47",
            rows=snapshot_rows(analysis.analysis, "2026-W47"),
            references=analysis.analysis.references,
        )
        session.commit()


RIA = {"nl": "Ria Smit", "ru": "Рита Смирнова"}
REFER = {"nl": "/aanbeveling {who} bracht {whom}", "ru": "/refer {who}, {whom}"}
NEW = {"nl": "Restaurant De Haven", "ru": "Ресторан «Пристань»"}
ONE_REFERRAL = {
    "nl": "Voor een C is nog 1 aanbeveling nodig.",
    "ru": "Оценка станет C, если клиент приведёт к вам 1 нового клиента.",
}
TWO_REFERRALS = {
    "nl": "Voor een C zijn nog 2 aanbevelingen nodig.",
    "ru": "Оценка станет C, если клиент приведёт к вам 2 новых клиента.",
}
GRADE = {"nl": "beoordeling {grade}", "ru": "оценка {grade}"}


def _grade(card: str, locale: str) -> str:
    first = card.splitlines()[0]
    said = GRADE[locale].format(grade="")
    assert said in first, card
    return first.split(said)[1].split()[0]


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_the_lever_names_the_referrals_that_really_lift_the_grade(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    """Without last week's grade to keep, the grade is the score's band: one referral takes
    Ria from D to C, so the card asks for one, not for the two the margin would need."""
    team = solo_team(sqlite_engine, locale)
    _eight_regulars(sqlite_engine, team)
    _ria(sqlite_engine, team, RIA[locale])
    me = chat.person(OWNER, "Sanne", locale)
    card = (await chat.send(me, f"/client {RIA[locale]}")).text
    assert _grade(card, locale) == "D", card
    assert ONE_REFERRAL[locale] in card.splitlines(), card
    await chat.send(me, REFER[locale].format(who=RIA[locale], whom=NEW[locale]))
    card = (await chat.send(me, f"/client {RIA[locale]}")).text
    assert _grade(card, locale) == "C", card


async def test_a_lever_from_a_kept_grade_counts_the_margin_and_is_enough(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Last week Ria was a D, so she stays a D until her score clears C's bound by the margin
    (27, not 25): the card asks for two referrals, one leaves her a D, the second makes her C."""
    team = solo_team(sqlite_engine, "nl")
    _eight_regulars(sqlite_engine, team)
    _ria(sqlite_engine, team, "Ria Smit")
    _last_week(sqlite_engine, team)  # last week's grades, as the digest saved them: Ria a D
    me = chat.person(OWNER, "Sanne", "nl")
    card = (await chat.send(me, "/klant Ria Smit")).text
    assert _grade(card, "nl") == "D", card
    assert TWO_REFERRALS["nl"] in card.splitlines(), card
    await chat.send(me, "/aanbeveling Ria Smit bracht Restaurant De Haven")
    card = (await chat.send(me, "/klant Ria Smit")).text
    assert _grade(card, "nl") == "D", card  # 25 and a bit: not past 27 yet
    await chat.send(me, "/aanbeveling Ria Smit bracht Café 't Hoekje")
    card = (await chat.send(me, "/klant Ria Smit")).text
    assert _grade(card, "nl") == "C", card


@pytest.mark.parametrize(
    ("locale", "rate", "said"),
    [
        (
            "nl",
            "/beoordeel Hotel De Linde 2 2 3",
            "moeizaam (2,3 van 5) — toch zeggen de cijfers dat deze klant goed oplevert.",
        ),
        (
            "ru",
            "/rate Hotel De Linde 2 2 3",
            "плохие (2,3 из 5) — хотя по цифрам клиент приносит хорошую прибыль.",
        ),
    ],
)
async def test_a_profitable_client_the_team_finds_hard_hears_what_the_figures_say(
    chat: Chat, sqlite_engine: Engine, locale: str, rate: str, said: str
) -> None:
    """Rated 2, 2 and 3: (2 + 2 + 3) / 3 = 2,3, which the card words "hard". Hotel De Linde
    brings 4 × (€ 2.000 − € 528) = € 5.888 a year, the most of anyone (the regulars bring
    € 240 to € 1.920): a disliked client the figures contradict, said on the same line."""
    team = solo_team(sqlite_engine, locale)
    _eight_regulars(sqlite_engine, team)
    hotel = make_client(sqlite_engine, team, "Hotel De Linde", acquired_on=SINCE)
    for days in (20, 80, 140, 200):
        make_sale(
            sqlite_engine,
            team,
            hotel,
            200_000,
            sold_on=TODAY - dt.timedelta(days=days),
            cost=52_800,
        )
    me = chat.person(OWNER, "Sanne", locale)
    await chat.send(me, rate)
    card = (await chat.send(me, "/client Hotel De Linde")).text
    money = "winst € 5.888 per jaar" if locale == "nl" else "прибыль 5 888 ₽ в год"
    assert money in card, card
    assert said in card, card


async def _rated_twin(
    chat: Chat, engine: Engine, locale: str, rate: str, *, cost: int
) -> list[str]:
    """Jan and Piet de Vries buy alike, four times € 100 at `cost`, beside the eight regulars;
    the team rates Jan (`rate`) and nobody rates Piet. Jan's card, line by line."""
    team = solo_team(engine, locale)
    _eight_regulars(engine, team)
    for name in ("Jan de Vries", "Piet de Vries"):
        twin = make_client(engine, team, name, kind="person", acquired_on=SINCE)
        for days in (20, 80, 140, 200):
            make_sale(
                engine, team, twin, 10_000, sold_on=TODAY - dt.timedelta(days=days), cost=cost
            )
    me = chat.person(OWNER, "Sanne", locale)
    await chat.send(me, rate)
    return (await chat.send(me, "/client Jan de Vries")).text.splitlines()


@pytest.mark.parametrize(
    ("locale", "rate", "verdict", "said"),
    [
        (
            "nl",
            "/beoordeel Jan de Vries 5 5 5",
            "Op de cijfers alleen zou deze klant lager uitkomen: zie hieronder.",
            "heel prettig (5 van 5) — maar de cijfers zeggen dat deze klant nauwelijks iets "
            "oplevert.",
        ),
        (
            "ru",
            "/rate Jan de Vries 5 5 5",
            "По одним цифрам клиент получил бы оценку хуже — см. ниже.",
            "отличные (5 из 5) — но по цифрам клиент почти не приносит прибыли.",
        ),
    ],
)
async def test_a_grade_the_rating_lifts_is_not_called_good_above_figures_that_say_otherwise(
    chat: Chat, sqlite_engine: Engine, locale: str, rate: str, verdict: str, said: str
) -> None:
    """Jan de Vries brings 4 × (€ 100 − € 75) = € 100 a year (the team's median client: between
    € 720 and € 960 of the ten, € 840): on the figures alone a C, as his unrated twin Piet is.
    The team rates him 5 of 5, which lifts the grade to a B. The card said "Een goede klant."
    above "maar de cijfers zeggen dat deze klant nauwelijks iets oplevert"; now the verdict
    says what is true of both: the figures alone give less."""
    lines = await _rated_twin(chat, sqlite_engine, locale, rate, cost=7_500)
    assert _grade("\n".join(lines), locale) == "B", lines
    assert lines[1] == verdict, lines
    money = "winst € 100 per jaar" if locale == "nl" else "прибыль 100 ₽ в год"
    assert money in lines[2], lines
    assert any(line.endswith(said) for line in lines), lines
    # The figures alone: Piet, who is Jan without a rating, is a C.
    piet = (await chat.send(chat.person(OWNER, "Sanne", locale), "/client Piet de Vries")).text
    assert _grade(piet, locale) == "C", piet


@pytest.mark.parametrize(
    ("locale", "figures", "why", "digest_line"),
    [
        (
            "nl",
            "1% van de omzet · verlies € 115 tot nu toe · 2 uur gewerkt",
            "Waarom: verlies € 115 tot nu toe · 1 klacht.",
            "Vishandel Zee: verlies € 115 tot nu toe · 1 klacht.",
        ),
        (
            "ru",
            "1 % выручки · убыток 115 ₽ за всё время · 2 ч работы",
            "Почему: на этом клиенте вы потеряли 115 ₽ за всё время · 1 проблема.",
            "Vishandel Zee: на этом клиенте вы потеряли 115 ₽ за всё время · 1 проблема.",
        ),
    ],
)
async def test_a_single_purchase_loss_is_said_so_far_on_card_decline_and_digest(
    chat: Chat, sqlite_engine: Engine, locale: str, figures: str, why: str, digest_line: str
) -> None:
    """One sale 93 days ago: € 200 − € 165,29 cost − 2 hours × € 75 = − € 115,29. A single
    purchase is never scaled to a year, so the card says "verlies € 115 tot nu toe"; /decline
    and the digest said "verlies € 115 per jaar" of the same figure. Now all three say so far,
    and /decline no longer says how much less "a year" one purchase brings."""
    team = solo_team(sqlite_engine, locale)
    with new_session(sqlite_engine) as session:
        stored = session.get(Team, team.id)
        assert stored is not None
        stored.hour_cost = 7_500
        session.commit()
    _eight_regulars(sqlite_engine, team)
    since = TODAY - dt.timedelta(days=93)
    zee = make_client(sqlite_engine, team, "Vishandel Zee", acquired_on=since)
    make_sale(sqlite_engine, team, zee, 20_000, sold_on=since, cost=16_529, minutes=120)
    make_event(sqlite_engine, team, zee, "complaint", happened_on=TODAY - dt.timedelta(days=30))
    me = chat.person(OWNER, "Sanne", locale)
    card = (await chat.send(me, "/client Vishandel Zee")).text.splitlines()
    assert card[2] == figures, card
    decline = (await chat.send(me, "/decline")).text.splitlines()
    assert decline[1:3] == ["Vishandel Zee", why], decline
    await deliver(chat.app, team.id or 0)
    digest = chat.api.in_chat(OWNER)[-1].text.replace("\u00a0", " ").splitlines()
    assert digest_line in digest, digest


@pytest.mark.parametrize(
    ("locale", "rate", "rating", "money"),
    [
        (
            "nl",
            "/beoordeel Jan de Vries 1 1 1",
            "Je ervaring: heel moeizaam (1 van 5)",
            "▼ winst € 240 per jaar (doorsneeklant € 840)",
        ),
        (
            "ru",
            "/rate Jan de Vries 1 1 1",
            "Ваши впечатления: очень плохие (1 из 5)",
            "▼ прибыль 240 ₽ в год (у типичного клиента 840 ₽)",
        ),
    ],
)
async def test_pays_off_well_is_not_said_of_a_profit_far_under_the_team(
    chat: Chat, sqlite_engine: Engine, locale: str, rate: str, rating: str, money: str
) -> None:
    """Jan brings 4 × (€ 100 − € 40) = € 240 a year, the median client € 840 (between € 720 and
    € 960 of the ten): a B on his other figures, but "toch zeggen de cijfers dat deze klant goed
    oplevert" beside "▼ winst € 240 per jaar (doorsneeklant € 840)" was untrue."""
    lines = await _rated_twin(chat, sqlite_engine, locale, rate, cost=4_000)
    assert rating in lines, lines
    assert money in lines, lines


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("nl", "Op de cijfers alleen zou deze klant hoger uitkomen: zie hieronder."),
        ("ru", "По одним цифрам клиент получил бы оценку лучше — см. ниже."),
    ],
)
def test_a_low_grade_above_figures_that_pay_off_well_is_not_called_weak(
    locale: str, said: str
) -> None:
    """The mirror case: a C (the team's poor rating, or last week's grade kept, pulled it under
    the middle) whose figures alone are a B with a good profit. "Middelmatig" above "toch
    zeggen de cijfers dat deze klant goed oplevert" would contradict the line under it."""
    from bot.render.card import CardView, verdict
    from locales import translator
    from scoring import Explanation

    view = CardView(
        client_id=1,
        name="Hotel De Linde",
        grade="C",
        grade_index=2,
        grades=4,
        previous_grade=None,
        score=45.0,
        revenue_share=0.05,
        profit=300_000,
        revenue=500_000,
        annualised=False,
        so_far=False,
        since=None,
        team_short=False,
        hours=None,
        timing=None,
        referrals=0,
        complaints=0,
        owed=0,
        overdue=0,
        late_unpaid=0,
        judgement=1.0,
        disagreement="disliked_but_profitable",
        explanation=Explanation(reasons=(), lift=None),
        flags=frozenset(),
        data_score=55.0,
    )
    assert str(verdict(translator(locale), view)) == said

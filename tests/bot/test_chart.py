"""The digest's revenue chart as a reader sees it on a phone: the big clients by name (Cyrillic
too), a red bar for each client over the alarm line, and no half-empty picture."""

from __future__ import annotations

import datetime as dt
import io
import math
from fractions import Fraction

import pytest
from matplotlib.colors import to_hex
from matplotlib.font_manager import findfont
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text
from PIL import Image
from sqlalchemy import Engine

from bot.render import chart
from bot.render.chart_figures import chart_labels, chart_rows, digest_chart
from locales import translator
from storage import callers, demo
from storage.analysis import team_analysis
from storage.engine import new_session
from tests.factories import make_client, make_sale, make_team

TODAY = dt.date(2026, 11, 23)
GROUP = -910


def _drawn(engine: Engine, team_id: int) -> tuple[bytes, chart._Layout]:
    """The PNG of the team's digest chart and the figure it was painted on."""
    with new_session(engine) as session:
        team = callers.team_view(session=session, team_id=team_id)
        assert team is not None
        analysis = team_analysis(session=session, team=team, today=TODAY).analysis
    t = translator(team.locale, solo=team.is_personal)
    png = digest_chart(t, team, analysis)
    assert png is not None
    rows = chart_rows(t, analysis)
    labels = chart_labels(t, analysis, team.concentration_threshold, rows)
    return png, chart.layout_for(len(rows), labels)


def _names(layout: chart._Layout) -> list[str]:
    return [text.get_text() for text in layout.names]


def _red(layout: chart._Layout) -> list[str]:
    return [
        name
        for name, bar in zip(_names(layout), layout.bars, strict=True)
        if to_hex(bar.get_facecolor()) == chart.HIGHLIGHT
    ]


def _demo_team(engine: Engine, locale: str) -> int:
    team = make_team(
        engine,
        chat_id=GROUP,
        owner_id=21,
        locale=locale,
        currency="RUB" if locale == "ru" else "EUR",
    )
    now = dt.datetime.combine(TODAY, dt.time(8), tzinfo=dt.UTC)
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=TODAY, now=now)
        session.commit()
    assert team.id is not None
    return team.id


def test_the_dutch_demo_chart_names_its_big_clients_and_reddens_the_hotel(
    sqlite_engine: Engine,
) -> None:
    png, layout = _drawn(sqlite_engine, _demo_team(sqlite_engine, "nl"))
    names = _names(layout)
    assert names[:2] == ["Hotel De Linde", "Bouwbedrijf Van Dijk"]  # largest first, by name
    assert len(names) == chart.TOP + 1 and names[-1].endswith("andere klanten")
    assert _red(layout) == ["Hotel De Linde", "Bouwbedrijf Van Dijk"]  # both over 25 %
    assert [t.get_text() for t in layout.shares[:2]] == ["27%", "26%"]
    # The biggest bar fills most of its area: no half-empty picture.
    assert layout.bars[0].get_width() > 0.7
    width, height = Image.open(io.BytesIO(png)).size
    assert width == 1080 and height < 1.25 * width  # a phone's width, one screen high


def test_the_russian_demo_chart_draws_cyrillic_names_in_a_font_that_has_them(
    sqlite_engine: Engine,
) -> None:
    _png, layout = _drawn(sqlite_engine, _demo_team(sqlite_engine, "ru"))
    names = _names(layout)
    assert "Отель «Липа»" in names and names[-1].startswith("ещё ")
    # A long name keeps the brand that tells it apart, cut at a word.
    assert "Строительная… «Кирпич»" in names
    for text in layout.names:
        font = FT2Font(findfont(text.get_fontproperties()))
        glyphs = font.get_charmap()
        assert all(ord(c) in glyphs for c in text.get_text() if not c.isspace()), text
    assert all(len(name) <= chart.NAME_CHARS for name in names)
    # Two clients of 26,6 % each are 53 % together, as /risk says their share: the cumulative
    # column is the true share so far (a sum of rounded bars, 54 %, is no team's figure).
    assert [_plain(t) for t in layout.shares[:2]] == ["27 %", "27 %"]
    assert [_plain(t) for t in layout.cumulative[:3]] == ["27 %", "53 %", "59 %"]
    assert _plain(layout.cumulative[-1]) == "100 %"


def test_a_small_teams_chart_draws_no_alarm_in_red(sqlite_engine: Engine) -> None:
    """Four clients: /risk raises no alarm below 8 clients (DESIGN.md "Few clients"), so the
    chart shows the line but no red bar: both readers found red bars next to a /risk that said
    "no alarms yet"."""
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21)
    for name, amount in (("Hotel $Anker$", 500_00), ("Bakkerij", 200_00), ("Kapper", 150_00)):
        make_sale(sqlite_engine, team, make_client(sqlite_engine, team, name), amount)
    make_sale(
        sqlite_engine,
        team,
        make_client(sqlite_engine, team, "Stichting „Het Grote Huis van Amsterdam Oost”"),
        150_00,
    )
    assert team.id is not None
    _png, layout = _drawn(sqlite_engine, team.id)
    names = _names(layout)
    assert len(names) == 4  # four rows, no empty slots
    assert names[0] == "Hotel $Anker$"  # a name, not a formula
    assert names[3].endswith("…") and len(names[3]) <= chart.NAME_CHARS
    assert _red(layout) == []


def _plain(text: Text) -> str:
    """A figure as read: Russian puts a no-break space before "%"."""
    return text.get_text().replace("\u00a0", " ")


def _percent(text: Text) -> int:
    return int(_plain(text).replace("%", "").strip())


@pytest.mark.parametrize(
    ("locale", "line"),
    [
        ("nl", "grens 25%\n(waarschuwingen vanaf 8 klanten)"),
        ("ru", "порог 25 %\n(предупреждаю, когда клиентов от 8)"),
    ],
)
def test_a_small_teams_shares_add_up_to_all_of_the_revenue_and_the_line_says_what_it_is(
    sqlite_engine: Engine, locale: str, line: str
) -> None:
    """All clients shown are all of the revenue: 100 %, not ">99%"; each cumulative figure is
    the true share so far; the red line is named a limit (second readers)."""
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21, locale=locale)
    for name, amount in (("Anker", 700_00), ("Bakkerij", 100_00), ("Kapper", 100_00)):
        make_sale(sqlite_engine, team, make_client(sqlite_engine, team, name), amount)
    make_sale(sqlite_engine, team, make_client(sqlite_engine, team, "Zeeman"), 100_00)
    assert team.id is not None
    _png, layout = _drawn(sqlite_engine, team.id)
    cumulative = [_percent(text) for text in layout.cumulative]
    assert cumulative == [70, 80, 90, 100]  # 700 + 100 + 100 + 100 of 1 000
    assert _plain(layout.cumulative[-1]) in ("100%", "100 %")
    assert _plain(layout.threshold_text) == line
    # A figure next to the line is drawn on the background, over the dashes.
    assert all(text.get_bbox_patch() is not None for text in layout.shares)


def test_the_row_of_the_other_clients_is_their_own_share(sqlite_engine: Engine) -> None:
    # Twelve clients: the top ones named, the rest in one row whose share is their revenue
    # over all of it, rounded on its own (not 100 minus the named rows' rounded figures).
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21, locale="nl")
    amounts = [3_000_00, 2_500_00, 1_000_00, 900_00, 800_00, 700_00, 600_00, 505_00]
    amounts += [101_00, 102_00, 103_00, 104_00]
    for k, amount in enumerate(amounts):
        make_sale(sqlite_engine, team, make_client(sqlite_engine, team, f"Klant {k}"), amount)
    assert team.id is not None
    with new_session(sqlite_engine) as session:
        view = callers.team_view(session=session, team_id=team.id)
        assert view is not None
        analysis = team_analysis(session=session, team=view, today=TODAY).analysis
    rows = chart_rows(translator("nl"), analysis)
    by_name = {f"Klant {k}": amount for k, amount in enumerate(amounts)}
    named = [by_name[row.name] for row in rows if row.client]
    others = [row for row in rows if not row.client]
    assert len(named) < len(amounts) and len(others) == 1
    total = sum(amounts)
    parts = [*named, total - sum(named)]
    assert [row.share_text for row in rows] == [_by_hand(part, total) for part in parts]


def _by_hand(part: int, total: int) -> str:
    """Whole percents, half up; but a share under the 10 % watch line or the 25 % alarm line
    that would round onto it keeps one decimal (half up, down where up reaches the line)."""
    percent = Fraction(100 * part, total)
    whole = int(percent + Fraction(1, 2))
    if not any(percent < line <= whole for line in (10, 25)):
        return f"{whole}%"
    tenths = int(10 * percent + Fraction(1, 2))
    if any(percent < line <= Fraction(tenths, 10) for line in (10, 25)):
        tenths = int(10 * percent)
    return f"{tenths // 10},{tenths % 10}%"


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_every_client_named_shows_the_same_percent_as_the_digest_text(
    sqlite_engine: Engine, locale: str
) -> None:
    """read_ru A9: «Салон «Лотос»: 39 %» in the text, 38 % on the chart. Every figure is now
    its own amount over the total, rounded half up, as a reader works it out: 39 + 19 + 12 +
    9,6 + 6 + 5 + 5 + 3 + 2, and no client's share bent to make the column 100. 9,63 % is not
    "10 %": /risk watches from 10 %, and does not watch that client."""
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21, locale=locale)
    amounts = {"Лотос": 20_000, "Иванова": 9_950, "Валиева": 6_000, "Хасанова": 5_000}
    amounts |= {"Сафина": 3_200, "Ахметова": 2_500, "Миронова": 1_500, "Новая": 1_200}
    amounts |= {"Мария": 2_550}
    for name, amount in amounts.items():
        make_sale(sqlite_engine, team, make_client(sqlite_engine, team, name), amount * 100)
    assert team.id is not None
    _png, layout = _drawn(sqlite_engine, team.id)
    total = sum(amounts.values())  # 51 900
    by_hand = sorted(amounts.values(), reverse=True)
    want = [_by_hand(a, total) for a in by_hand]
    assert want == ["39%", "19%", "12%", "9,6%", "6%", "5%", "5%", "3%", "2%"]
    assert [_plain(text).replace(" ", "") for text in layout.shares] == want
    # So far: the true shares so far, rounded; the first row is its bar's figure.
    running = [sum(by_hand[: i + 1]) for i in range(len(by_hand))]
    assert [_percent(text) for text in layout.cumulative] == [
        math.floor(100 * r / total + 0.5) for r in running
    ]


@pytest.mark.parametrize("rows", [0, chart.TOP + 2])
def test_a_chart_has_one_to_eleven_rows(rows: int) -> None:
    row = chart.ChartRow("X", 0.1, "10%", "10%")
    labels = chart.ChartLabels("t", "s", "c", "top", "alarm")
    with pytest.raises(ValueError):
        chart.pareto_png([row] * rows, 0.25, 1, labels)


def test_the_charts_top_clients_share_is_the_one_risk_says(sqlite_engine: Engine) -> None:
    """The Dutch second reader: the demo chart said "grootste 8 klanten: 78%" where /risico said
    77 % (the eight largest clients' true share; the sum of their rounded bars is 78)."""
    team_id = _demo_team(sqlite_engine, "nl")
    with new_session(sqlite_engine) as session:
        team = callers.team_view(session=session, team_id=team_id)
        assert team is not None
        analysis = team_analysis(session=session, team=team, today=TODAY).analysis
    t = translator("nl")
    shares = analysis.clients["revenue_share"].dropna().sort_values(ascending=False)
    top = analysis.concentration.top20_count
    by_hand = round(100 * float(shares.iloc[:top].sum()))  # from the revenue shares alone
    rows = chart_rows(t, analysis)
    labels = chart_labels(t, analysis, team.concentration_threshold, rows)
    assert f"{by_hand}%" in labels.top20, (labels.top20, by_hand)
    assert rows[top - 1].cumulative_text == f"{by_hand}%"


def test_the_top_clients_share_reads_alike_on_risk_the_bar_and_its_running_total(
    sqlite_engine: Engine,
) -> None:
    """A figure checker: 10 000 + 1 033,47 + 30 of revenue. Exactly 90,39 %, 9,34 % and 0,27 %:
    90, 9 and <1 on every screen. The card, /clients and the bar once said 91 % (rounded
    together to add up), /risico and the bar's own running total 90 %."""
    from bot.render.risk import risk_text

    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21, locale="nl")
    for name, cents in (("Bakkerij Groot", 1_000_000), ("Hotel Middel", 103_347)):
        make_sale(sqlite_engine, team, make_client(sqlite_engine, team, name), cents)
    make_sale(sqlite_engine, team, make_client(sqlite_engine, team, "Kapsalon Klein"), 3_000)
    assert team.id is not None
    with new_session(sqlite_engine) as session:
        view = callers.team_view(session=session, team_id=team.id)
        assert view is not None
        analysis = team_analysis(session=session, team=view, today=TODAY).analysis
    t = translator("nl")
    rows = chart_rows(t, analysis)
    assert (rows[0].share_text, rows[0].cumulative_text) == ("90%", "90%")
    assert "Grootste klant: 90% van de omzet" in str(risk_text(t, view, analysis))


@pytest.mark.parametrize(("locale", "caption"), [("nl", "grootste klant: >99%"), ("ru", ">99 %")])
def test_a_caption_is_drawn_as_text_never_as_an_html_entity(
    sqlite_engine: Engine, locale: str, caption: str
) -> None:
    """The attacker read "grootste klant: &gt;99%" on the PNG."""
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21, locale=locale)
    make_sale(sqlite_engine, team, make_client(sqlite_engine, team, "Anker"), 100_000_00)
    make_sale(sqlite_engine, team, make_client(sqlite_engine, team, "Zeeman"), 1_00)
    assert team.id is not None
    with new_session(sqlite_engine) as session:
        view = callers.team_view(session=session, team_id=team.id)
        assert view is not None
        analysis = team_analysis(session=session, team=view, today=TODAY).analysis
    t = translator(locale)
    labels = chart_labels(t, analysis, view.concentration_threshold, chart_rows(t, analysis))
    assert caption in labels.top20.replace("\u00a0", " ").replace("\u202f", " ")
    assert "&" not in labels.top20 + labels.threshold + labels.title

"""The portrait's title says how many ideal clients it is of as a native would: one is said as
one, with no "(1)"; in Russian 21 ideal clients are «идеальные организации (21)», never the
singular that Russian's plural form of 1 shares with 21 («Ваша идеальная организация (21)»)."""

from __future__ import annotations

import pytest

from bot.render.portrait import _title
from locales import translator
from scoring.portrait import Portrait


def _portrait(kind: str | None, segment: str | None = None) -> Portrait:
    return Portrait(kind, segment, (), False, (), (), (), None, (), ())


@pytest.mark.parametrize(
    ("locale", "kind", "count", "title"),
    [
        ("ru", "organisation", 1, "<b>Ваша идеальная организация</b>"),
        ("ru", "organisation", 21, "<b>Ваши идеальные организации</b> (21)"),
        ("ru", "person", 1, "<b>Ваш идеальный частный клиент</b>"),
        ("ru", "person", 31, "<b>Ваши идеальные частные клиенты</b> (31)"),
        ("ru", "person", 3, "<b>Ваши идеальные частные клиенты</b> (3)"),
        ("nl", "organisation", 1, "<b>Je ideale organisatie</b>"),
        ("nl", "person", 1, "<b>Je ideale particuliere klant</b>"),
        ("nl", "person", 0, "<b>Je ideale particuliere klanten</b>"),
    ],
)
def test_one_is_said_as_one_and_21_as_many(locale: str, kind: str, count: int, title: str) -> None:
    assert str(_title(translator(locale), _portrait(kind), count)) == title


def test_a_segment_with_one_or_21_ideal_clients() -> None:
    ru = translator("ru")
    assert str(_title(ru, _portrait(None, "салоны"), 1)) == (
        "<b>Ваш идеальный клиент в сегменте «салоны»</b>"
    )
    assert str(_title(ru, _portrait(None, "салоны"), 21)) == (
        "<b>Идеальные клиенты в сегменте «салоны»</b> (21)"
    )

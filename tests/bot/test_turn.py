"""The reply plumbing of bot/kit/turn.py: button labels and link buttons."""

from __future__ import annotations

from bot.kit.turn import Link, button_text, keyboard
from locales import translator


def test_a_translated_label_shows_a_name_as_typed() -> None:
    label = translator("nl")._("Add “{name}” as a person", name='Jansen & Zn <b>"x"</b>')
    assert button_text(label) == '„Jansen & Zn <b>"x"</b>” toevoegen als particulier'


def test_a_plain_label_is_left_as_it_is() -> None:
    assert button_text("R&amp;D") == "R&amp;D"  # a name typed that way stays that way


def test_a_link_becomes_a_url_button() -> None:
    markup = keyboard([[("Open", Link("https://t.me/kompas_bot?start=team1")), ("x", "d:1")]])
    assert markup is not None
    first, second = markup.inline_keyboard[0]
    assert first.url == "https://t.me/kompas_bot?start=team1" and first.callback_data is None
    assert second.callback_data == "d:1"

"""The decline letter in the register natives write to a client (issue 20): Dutch u, Russian вы,
the person addressed by name (first name and patronymic in Russian), signed with the team."""

from __future__ import annotations

import pytest

from bot.kit.telegram_html import html_to_text
from bot.render.decline_letter import decline_letter
from locales import translator
from storage.models import Client


def letter(locale: str, client: Client, signature: str, *, personal: bool = False) -> list[str]:
    t = translator(locale, solo=personal)
    text = decline_letter(t, client, "1 februari 2027", signature)
    return html_to_text(text).splitlines()


@pytest.mark.parametrize(
    ("name", "gender", "kind", "greeting"),
    [
        ("Anouk Jansen", "f", "person", "Geachte mevrouw Jansen,"),
        ("Jan Pieter de Vries", "m", "person", "Geachte heer De Vries,"),
        ("mevr. Özdemir", None, "person", "Geachte mevrouw Özdemir,"),
        ("Sam Bakker", None, "person", "Beste Sam Bakker,"),
        ("Schoonmaakbedrijf Glans", None, "organisation", "Geachte heer/mevrouw,"),
    ],
)
def test_a_dutch_letter_says_u_and_is_signed(
    name: str, gender: str | None, kind: str, greeting: str
) -> None:
    lines = letter("nl", Client(name=name, gender=gender, kind=kind), "Kapsalon Knip")
    assert lines[0] == greeting
    body = " ".join(lines[1:])
    assert " u " in body and " je " not in body and "Dank je" not in body
    assert lines[-2:] == ["Met vriendelijke groet,", "Kapsalon Knip"]


@pytest.mark.parametrize(
    ("name", "kind", "greeting"),
    [
        ("Кузнецов Артём Игоревич", "person", "Здравствуйте, Артём Игоревич!"),
        ("Артём Игоревич Кузнецов", "person", "Здравствуйте, Артём Игоревич!"),
        ("Смирнова Анна", "person", "Здравствуйте, Анна!"),
        ("Анна Смирнова", "person", "Здравствуйте, Анна!"),
        ("ООО «Вектор»", "organisation", "Здравствуйте!"),
        # initials only: «Здравствуйте, Соколова Е. А.!» nobody writes (the reader of round 5)
        ("Соколова Е. А.", "person", "Здравствуйте!"),
        ("Соколова Е.А.", "person", "Здравствуйте!"),
    ],
)
def test_a_russian_letter_greets_by_first_name_and_patronymic(
    name: str, kind: str, greeting: str
) -> None:
    lines = letter("ru", Client(name=name, kind=kind), "Студия «Север»")
    assert lines[0] == greeting
    assert lines[-2:] == ["С уважением,", "Студия «Север»"]


@pytest.mark.parametrize(
    ("locale", "me"), [("nl", "Ik heb mijn planning"), ("ru", "я больше не могу")]
)
def test_a_solo_specialist_writes_i_and_signs_their_own_name(locale: str, me: str) -> None:
    lines = letter(locale, Client(name="Anouk Jansen", kind="person"), "Olga", personal=True)
    assert me in " ".join(lines) and lines[-1] == "Olga"

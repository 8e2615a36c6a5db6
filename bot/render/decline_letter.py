"""The polite letter to a client the team lets go, to copy and send: in the team's language,
u / вы, the person addressed as natives do, signed with the team's name."""

from __future__ import annotations

import datetime as dt

from locales import Markup, Translator
from locales.salutation import dutch_surname, initials_only, russian_address
from storage.models import Client


def decline_letter(t: Translator, client: Client, last_day: str, signature: str) -> Markup:
    """A polite letter in the team's language, to copy and send: u / вы, the person addressed
    as natives do, and signed with the team's name (a solo specialist's own name, in "I")."""
    return (
        salutation(t, client)
        + Markup("\n\n")
        + t._(
            "Thank you for working with us. We have looked at our planning and see that we can "
            "no longer give you the attention you deserve, so from {date} we will not take on "
            "new work for you. Everything we agreed will of course be finished properly, and we "
            "are happy to suggest someone who suits you better.",
            date=last_day,
        )
        + Markup("\n\n")
        + t._("Kind regards,\n{signature}", signature=signature)
    )


def salutation(t: Translator, client: Client) -> Markup:
    """'Geachte mevrouw Jansen,', «Здравствуйте, Артём Игоревич!», 'Geachte heer, mevrouw,'."""
    if client.kind != "person":
        return t._("Dear Sir or Madam,")
    if t.locale == "ru":
        address = russian_address(client.name)
        if address is None and initials_only(client.name):
            return t._("Dear Sir or Madam,")  # «Здравствуйте, Соколова Е. А.!»: nobody says it
        return t._("Dear {name},", name=address or client.name)
    surname, titled = dutch_surname(client.name)
    gender = titled or client.gender
    if gender == "f":
        return t._("Dear Ms {surname},", surname=surname)
    if gender == "m":
        return t._("Dear Mr {surname},", surname=surname)
    return t._("Dear {name},", name=client.name)


def letter_to_send(
    t: Translator, team_t: Translator, client: Client, last_day: dt.date, signature: str
) -> Markup:
    """The polite letter, in the team's language (`team_t`), under the reader's lead-in."""
    letter = decline_letter(team_t, client, team_t.day(last_day), signature)
    return t._("A message you could send them:") + Markup("\n\n") + letter

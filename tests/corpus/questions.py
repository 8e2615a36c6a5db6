"""How the runner recognises each kind of question, per language: words in the question,
labels on its buttons. One place to adjust when a question's wording changes; the corpus
entries name only the kind and what the question must show (a name, an amount)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hallmark:
    text: tuple[str, ...] = ()  # each must be in the question's text
    buttons: tuple[str, ...] = ()  # each must be (part of) a button label, in this order
    min_buttons: int = 0
    # Words that show it is some other question: the offer to add the whole line as a client.
    not_text: tuple[str, ...] = ()


NL_ADDS = ("staat niet in je klantenlijst", "Nieuwe klant:")
RU_ADDS = ("такого клиента в списке пока нет", "Новый клиент:")


HALLMARKS: dict[str, dict[str, Hallmark]] = {
    "nl": {
        # "2 — minuten of uren? Schrijf 2u of 2 min."
        "unit": Hallmark(text=("minuten of uren",), min_buttons=1),
        # A new name: person or organisation, always in the order the question says them.
        "kind": Hallmark(buttons=("particulier", "organisatie")),
        # A complaint or compliment about a name not in the list: add it? (either kind first)
        "new": Hallmark(text=(NL_ADDS[0],), min_buttons=2),
        # An amount over 100× the median sale: confirm with buttons.
        "big": Hallmark(min_buttons=2, not_text=NL_ADDS),
        # A cost above the amount: confirm or correct the cost, with buttons.
        "cost": Hallmark(text=("kosten",), buttons=("Ja", "Kosten verbeteren"), not_text=NL_ADDS),
        # A sale dated more than a year back: record it anyway, or nothing.
        "old": Hallmark(text=("meer dan een jaar geleden",), buttons=("Ja", "Nee")),
        # A name ending in a number, or "500 200": which reading is meant.
        "split": Hallmark(min_buttons=2, not_text=NL_ADDS),
        # /add of a name close to an existing client: is it them?
        "similar": Hallmark(min_buttons=2, not_text=NL_ADDS),
        # Several clients or several open invoices: which one.
        "which": Hallmark(min_buttons=2),
        # A look-alike of one client's name: is it them? Never booked unasked.
        "mean": Hallmark(text=("Bedoel je",), buttons=("Ja", "Nee")),
        # No words name a client: which client (the question for the command)?
        "client": Hallmark(text=("klant", "Typ (een deel van) de naam")),
        # "Who paid?" and the like: a name to type (after "No" to "Did you mean …?").
        "name": Hallmark(text=("Typ (een deel van) de naam",)),
    },
    "ru": {
        "unit": Hallmark(text=("минуты или часы",), min_buttons=1),
        # Person first, as the question says it, whatever the team's clients are.
        "kind": Hallmark(buttons=("частное лицо", "организац")),
        "new": Hallmark(text=(RU_ADDS[0],), min_buttons=2),
        "big": Hallmark(min_buttons=2, not_text=RU_ADDS),
        "cost": Hallmark(text=("Затраты",), buttons=("Да", "Исправить затраты"), not_text=RU_ADDS),
        "old": Hallmark(text=("больше года назад",), buttons=("Да", "Нет")),
        "split": Hallmark(min_buttons=2, not_text=RU_ADDS),
        "similar": Hallmark(min_buttons=2, not_text=RU_ADDS),
        "which": Hallmark(min_buttons=2),
        "mean": Hallmark(text=("Может быть, это",), buttons=("Да", "Нет")),
        "client": Hallmark(text=("клиент", "Напишите имя")),
        "name": Hallmark(text=("Напишите имя",)),
    },
}

# Words an entry may press instead of a literal label: the button that contains this text.
LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "person": "particulier",
        "organisation": "organisatie",
        "yes": "Ja",
        "no": "Nee",
        "all": "Alles",
    },
    "ru": {
        "person": "частное лицо",
        "organisation": "организац",
        "yes": "Да",
        "no": "Нет",
        "all": "Всё",
    },
}

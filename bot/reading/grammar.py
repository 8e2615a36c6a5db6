"""The one grammar of one-line commands (README: Typing commands; issue 17).

`/command NAME [FIELDS]`: the client's name comes first and ends at the first separator (`;`
or a comma that is not a decimal comma) or at the first amount- or time-like word; then the
fields, separated by commas or spaces; an optional date at the very end (the last 1–3 words,
never the name's first word, never the only amount). Every word is read by the one parser of
its kind (locales.numbers, locales.dates); emoji, `!` and `?` at the end are decoration. The
line's words, fields, lead-ins, name end and date are found in bot/reading/words.py; the fields
of /sale are read in bot/reading/sale_grammar.py; /paid, /rate, /add, /complaint and /compliment
here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, replace

from bot.kit.turn import Turn
from bot.reading.words import (
    DAY_WORDS,
    SHORT_NUMBER,
    Dated,
    Reader,
    Token,
    joined,
    name_end,
    split_date,
    starts_field,
    tokens,
    trailing,
    without_lead_ins,
)
from bot.reading.words import NOTE_LEAD_IN as NOTE_LEAD_IN
from bot.render.settings_menu import VAT_RATES
from locales import InputError, numbers
from locales.line_words import AFTER_REFERRAL_VERB as _AFTER_VERB
from locales.line_words import ALL_INVOICES as _ALL_INVOICES
from locales.line_words import AND_WORDS, ARTICLES, EVERYTHING, PAID_HOW, REFERRAL_VERBS
from locales.line_words import EVERYTHING_WORDS as EVERYTHING_WORDS
from locales.line_words import INDEFINITE_ARTICLES as _INDEFINITE
from locales.line_words import REFERRAL_ARROWS as _ARROWS
from locales.line_words import REFERRAL_HAS as _HAS
from locales.line_words import REFERRAL_PARTICIPLES as _PARTICIPLES
from locales.line_words import REFERRAL_VERB_PARTICLES as _VERB_PARTICLE
from locales.line_words import REFERRED_THROUGH as _THROUGH


def reader(turn: Turn) -> Reader:
    team = turn.team
    # The standard VAT rate by the team's language: the first of the rates /settings offers.
    standard = team.vat_rate or VAT_RATES.get(team.locale, (0,))[0] / 100
    inside = (team.vat_rate or 0.0) if team.amounts_include_vat else None
    return Reader(turn.t.locale, team.currency, turn.today, inside, standard)


@dataclass(frozen=True)
class PaidLine:
    """`/paid NAME [AMOUNT] [DATE]` read; `longer` reads the number after the name as part of
    it (`Kapsalon 1`, `Studio 54 50`), for the handler to weigh against the clients."""

    name: str
    amount: int | None = None
    paid_on: dt.date | None = None
    longer: PaidLine | None = None
    everything: bool = False  # "alles", "всё": all that is open
    lead_in: str = ""  # the word dropped before the name («у Звездочки»), see LeadIns

    def data(self) -> dict[str, object]:
        said: dict[str, object] = {} if self.amount is None else {"amount": self.amount}
        if self.everything:
            said["everything"] = True
        if self.paid_on is not None:
            said["paid_on"] = self.paid_on.isoformat()
        return said


def read_paid(reader: Reader, text: str) -> PaidLine:
    """`/paid NAME [AMOUNT] [DATE]`, lead-ins dropped (`у Звездочки`, `на 500`); how it was
    paid, after the amount, says nothing more."""
    dated = split_date(reader, tokens(text), amount_needed=False)
    lead = without_lead_ins(reader, dated.words)
    return replace(_read_paid(reader, replace(dated, words=lead.words)), lead_in=lead.before_name)


def _read_paid(reader: Reader, dated: Dated) -> PaidLine:
    words = dated.words
    while len(words) > 1 and words[-1].text.casefold().strip(".,") in PAID_HOW:
        words = words[:-1]  # "/betaald De Linde 1500 contant", "… 250,- per pin", "… contant"
    if len(words) > 2 and joined(words[-2:]).casefold().rstrip(".") in _ALL_INVOICES:
        words = [*words[:-2], replace(words[-1], text=EVERYTHING)]  # "alle facturen": all open
    if len(words) > 1 and words[-1].text.casefold().rstrip(".") in EVERYTHING_WORDS:
        name = joined(words[:-1]).strip(" ,;:")
        whole = PaidLine(joined(words).strip(" ,;:"), paid_on=dated.date)  # "Hotel Rest"
        return PaidLine(name, paid_on=dated.date, longer=whole, everything=True)
    end = name_end(reader, words)
    longer = None
    if end < len(words) and words[end].text.isdigit() and words[end].field == words[0].field:
        with contextlib.suppress(InputError):
            longer = _paid_line(reader, words, end + 1, dated.date)
    try:
        return replace(_paid_line(reader, words, end, dated.date), longer=longer)
    except numbers.AmountOutOfRange:
        raise  # "/paid Bakkerij 1000000000000000" never pays everything that is open
    except InputError:
        if longer is None or _reads_as_zero(reader, words[end:]):
            raise  # "/paid Hotel 0" pays nothing, and never everything open
        return longer  # "Studio 54 50": only the name with its number reads


def _reads_as_zero(reader: Reader, words: list[Token]) -> bool:
    text = joined(words)
    return reader.is_money(text) and reader.money(text) == 0


_PLUS = re.compile(r"(?<=[0-9,\-€ ])\+(?=[ €0-9])")  # "400 + 250", never "1E+15"


def _paid_line(reader: Reader, words: list[Token], end: int, paid_on: dt.date | None) -> PaidLine:
    rest = joined(words[end:])
    # "400 + 250": the two invoices paid together, their sum
    parts = [part.strip() for part in _PLUS.split(rest)] if _PLUS.search(rest) else [rest]
    amount = sum(reader.money(part, allow_zero=False) for part in parts) if rest else None
    return PaidLine(joined(words[:end]).strip(" ,;:"), amount, paid_on)


# "5 5 4", "5, 5, 4", "5/5/4", "4-3-5", "5, 4 en 5", «5, 4 и 5»
_AND = "|".join(map(re.escape, AND_WORDS))
_GRADE_GLUE = rf"(?:[\s,;]+(?:(?:{_AND})\s+)?|\s*[/\-–]\s*)"
_GRADES = re.compile(rf"(?:(?<=[\s,;:])|^)([0-9]+(?:{_GRADE_GLUE}[0-9]+)*)[\s,;.!]*$")


# Three grades, then words without a digit: "Daan Kok 5 5 5 top klant", "4/4/5, prima".
_GRADES_THEN_WORDS = re.compile(
    rf"(?:(?<=[\s,;:])|^)[1-5](?:{_GRADE_GLUE}[1-5]){{2}}[\s,;.!:\-–]+(?P<words>[^\W\d][^\d]*)$"
)


_GRADE_SEPARATORS = re.compile(rf"(?:[\s,;/\-–]|{_AND})+")


def read_grades(text: str) -> tuple[str, list[str]]:
    """`/rate Smit 5, 5, 4` (or `5 5 4`, `5,5,4`, `5/5/4`, `4-3-5`) → ("Smit", ["5", "5", "4"]);
    the grades are the last three numbers, so a name may end in a number of its own
    (`Studio 54 5 4 3`). `5/5` is two grades, never part of the name: the caller asks for three."""
    text = text[: len(text) - len(trailing(text))]  # "5 5 5 👍"
    if said := _GRADES_THEN_WORDS.search(text.strip()):
        text = text.strip()[: said.start("words")]  # "5 5 5 top klant": the words add nothing
    match = _GRADES.search(text.strip())
    if match is None or not text.strip()[: match.start()].strip(" ,;:"):
        return text.strip(), []
    numbers_typed = _GRADE_SEPARATORS.split(match[1])
    name = text.strip()[: match.start()].strip(" ,;:")
    if len(numbers_typed) > 3:
        name = " ".join([name, *numbers_typed[:-3]])
        numbers_typed = numbers_typed[-3:]
    return name, numbers_typed


def split_grades(text: str) -> list[str]:
    """The grades typed in one answer: "5 5", "5/4", "4, 5 en 5", «5 и 4» → each as typed."""
    return _GRADE_SEPARATORS.split(text.strip(" .!"))


def has_sale_fields(reader: Reader, text: str) -> bool:
    """Whether an /add line carries an amount, a time or a date (`Волкова 2500 вчера`,
    `Волкова, 2500, вчера`): then it is a sale, never a client's name or city."""
    words = tokens(text)
    fields = [[w for w in words if w.field == f] for f in sorted({w.field for w in words})]
    return any(_said_of_sale(reader, part, first=int(n == 0)) for n, part in enumerate(fields))


def _said_of_sale(reader: Reader, words: list[Token], *, first: int) -> bool:
    """Whether the words from `first` on (the name's first word is always a name) hold an
    amount, a time or a date; one or two digits ending a name are its own (`Studio 54`)."""
    starts = [i for i in range(first, len(words)) if starts_field(reader, words, i)]
    if starts and not (
        first and starts == [len(words) - 1] and SHORT_NUMBER.fullmatch(words[-1].text)
    ):
        return True
    try:
        dated = split_date(reader, words, first=first)
    except InputError:
        return True
    return bool(dated.date_text) and (
        any(c.isdigit() for c in dated.date_text) or dated.date_text.casefold() in DAY_WORDS
    )


_NAME_ENDS = re.compile(r"(?:[!?…:;,]|\.\.)$")  # "Жукова!! опять", "Özdemir... weer"
NAME_PUNCTUATION = "!?…:;,. "


def leading_names(text: str, most: int = 6) -> list[tuple[str, str]]:
    """The ways `Жукова скандалила из-за цены` splits into a name and a note, longest name
    first: the caller keeps the first whose name is a client. A word ending in `!!`, `...` or
    `:` ends the name (`Bakkerij de Vries!! weer te laat`)."""
    words = text.split()
    ended = next((i + 1 for i, word in enumerate(words) if _NAME_ENDS.search(word)), len(words))
    splits = range(min(ended, most), 0, -1)
    return [
        (" ".join(words[:n]).rstrip(NAME_PUNCTUATION), " ".join(words[n:]).strip()) for n in splits
    ]


def name_forms(name: str) -> list[str]:
    """The ways a typed name may be a client's: as typed, without a leading Dutch article
    (`de Bakkerij de Vries`), and surname first (`Анна Волкова` for «Волкова Анна»,
    `Мария Петровна Фёдорова` for «Фёдорова Мария Петровна»)."""
    words = name.split()
    forms = [name]
    if len(words) > 1 and words[0].casefold() in ARTICLES:
        forms.append(" ".join(words[1:]))
    if 1 < len(words) <= 3:
        forms.append(" ".join([words[-1], *words[:-1]]))
    return forms


def referral_words(text: str) -> tuple[str, str] | None:
    """`Jan Smit bracht Sanne de Jong`, `Волкова привела Жукову`, `Özdemir raadde Bakkerij
    aan`, `Jan Smit heeft ons Sanne aangeraden`, `Jan Smit -> Sanne` → (referrer, referred): a
    verb of bringing (or an arrow) between the two names; None without one."""
    words = text.split()
    folded = [word.casefold().rstrip(".!") for word in words]
    verb = next(
        (i for i in range(1, len(words)) if folded[i] in REFERRAL_VERBS or folded[i] in _ARROWS),
        None,
    )
    through = next((i for i in range(1, len(words) - 1) if folded[i] in _THROUGH), None)
    if verb is None and through is not None:  # "Sanne de Jong via Jan Smit": the other way
        referred, referrer = " ".join(words[:through]), " ".join(words[through + 1 :])
        return referrer.strip(" ,;:.!"), referred.strip(" ,;:")
    if verb is None:
        has = next((i for i in range(1, len(words)) if folded[i] in _HAS), None)
        if has is None or folded[-1] not in _PARTICIPLES or len(words) - has < 3:
            return None
        verb, words = has, words[:-1]
    rest = words[verb + 1 :]
    while len(rest) > 1 and (
        rest[0].casefold() in _AFTER_VERB
        or (rest[0].casefold() in _INDEFINITE and rest[1].casefold() in _AFTER_VERB)  # een vriendin
    ):
        rest = rest[1:]
    if len(rest) > 1 and rest[-1].casefold().rstrip(".!") in _VERB_PARTICLE:
        rest = rest[:-1]
    referred = " ".join(rest).strip(" ,;:.!")
    return (" ".join(words[:verb]).strip(" ,;:"), referred) if referred else None

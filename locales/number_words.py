"""The words in typed numbers (locales/numbers.py reads the rest): currency signs, codes and
words, thousands and millions written as words, a thousand said in words, and durations said in
words (`anderhalf uur`, `drie kwartier`, «полтора часа», «четверть часа»).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from babel.numbers import get_currency_symbol, list_currencies

# Words for thousands and millions after an amount, casefolded, with their power of ten.
MULTIPLIERS = {
    **dict.fromkeys(("k", "к", "duizend", "тыс", "тыс.", "тысяч", "тысячи", "тысяча", "тысячу"), 3),
    **dict.fromkeys(("т", "т.", "тыщ", "тыщи", "тыща", "тыщу"), 3),  # "30 т.р.": thousand roubles
    **dict.fromkeys(("mln", "mln.", "miljoen", "млн", "млн.", "миллион", "миллиона"), 6),
    "миллионов": 6,
}

# Words people write for a currency besides its code and CLDR symbols.
CURRENCY_WORDS = {
    "EUR": ("euro", "euro's", "евро"),
    "RUB": ("руб", "руб.", "р", "р.", "рубль", "рубля", "рублей", "roebel", "roebels"),
    "USD": ("$", "dollar", "dollars", "долл", "долл.", "доллар", "доллара", "долларов"),
    "JPY": ("¥", "yen", "иен", "иена", "иены"),
}


# A thousand said in words (module docstring): counts, hundreds, the words for a thousand.
_THOUSAND_COUNTS = {
    **dict.fromkeys(("один", "одна", "одну", "een", "één"), "1"),
    **dict.fromkeys(("два", "две", "twee"), "2"),
    **dict.fromkeys(("три", "drie"), "3"),
    **dict.fromkeys(("четыре", "vier"), "4"),
    **dict.fromkeys(("пять", "vijf"), "5"),
    **dict.fromkeys(("шесть", "zes"), "6"),
    **dict.fromkeys(("семь", "zeven"), "7"),
    **dict.fromkeys(("восемь", "acht"), "8"),
    **dict.fromkeys(("девять", "negen"), "9"),
    **dict.fromkeys(("полторы", "полтора", "anderhalf", "anderhalve"), "1,5"),
}
_HUNDRED_WORDS = {
    word: str(100 * n)
    for n, word in enumerate(
        "сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split(),
        start=1,
    )
}
_ONE_THOUSAND = frozenset(("тысяча", "тысячу", "тыща", "тыщу", "duizend"))
# Hundreds may follow: «две тысячи 500», «2 тыс 500», «3к 200» (2 500, 3 200).
_THOUSAND_OUT = _ONE_THOUSAND | {"тысячи", "тысяч", "тыщи", "тыщ", "тыс", "тыс.", "к", "k"}
_GLUED_THOUSANDS = re.compile(r"^([0-9]{1,3})(к|k|тыс\.?)(?=[0-9]{3}\b)", re.IGNORECASE)  # 2к500


def spoken_amount(cleaned: str) -> str:
    """A thousand said in words as digits, the rest as typed (`две тысячи пятьсот руб.` →
    `2500 руб.`, `полторы тысячи` → `1,5 тысячи`, `2 тыс 500` and `2к500` → `2500`); other
    text unchanged."""
    cleaned = _GLUED_THOUSANDS.sub(r"\1 \2 ", cleaned)
    words = cleaned.casefold().replace("ё", "е").split(" ")
    whole = re.fullmatch("[1-9][0-9]{0,2}", words[0])
    count = _THOUSAND_COUNTS.get(words[0], words[0] if whole else None)
    if count is not None and len(words) > 1:
        words = words[1:]
    elif words[0] in _ONE_THOUSAND:
        count = None
    else:
        return cleaned
    times, rest = words[0], words[1:]
    if times not in MULTIPLIERS:
        return cleaned
    hundreds = _HUNDRED_WORDS.get(rest[0], rest[0]) if rest else ""
    if re.fullmatch(r"[1-9][0-9]{2}", hundreds) and times in _THOUSAND_OUT and count != "1,5":
        return " ".join([str(int(count or 1) * 1000 + int(hundreds)), *rest[1:]])
    return " ".join([count or "1", times, *rest])


HOUR_UNITS = "h|hr|hrs|hour|hours|u|uur|uren|ч|час|часа|часов"
MINUTE_UNITS = "m|min|mins|minute|minutes|minuut|minuten|м|мин|минута|минуты|минут|минуту"
# Spoken amounts, in this order: "een half uur" is not "1 half uur", "2 en een half uur" is
# 2,5 uur, "1 uur en een kwartier" is 1 uur en 15 min.
# Counts written as words before a unit: "twee uur", "tien minuten", «два часа», «пять минут».
_COUNT_WORDS = {
    **dict.fromkeys(("twee", "два", "две"), 2),
    **{"drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9},
    **{"tien": 10, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50},
    **{"три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9},
    **{"десять": 10, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50},
}
_COUNTED = rf"({'|'.join(_COUNT_WORDS)})(?= ?(?:{HOUR_UNITS}|{MINUTE_UNITS})\b| en (?:een )?half)"
DURATION_WORDS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(rf"\b(?:{words})\b"), value)
    for words, value in (
        (_COUNTED, lambda m: str(_COUNT_WORDS[m[1]])),
        ("(half ?)?uurtjes?", r"\1uur"),
        ("(?<=[0-9]) en (?:een )?half(?= ?(?:uur|u)\\b)", ",5"),
        ("(?:een )?half ?uur", "30 min"),
        ("anderhal(?:f|ve)", "1,5"),
        ("(?:(een|één|drie|[0-9]{1,3}) )?kwartier(?:tje)?", lambda m: f"{_quarters(m[1])} min"),
        ("een|één", "1"),
        ("час с половиной", "1,5 часа"),
        ("(?<=[0-9]) с половиной", ",5"),
        ("полтора", "1,5"),
        ("четверть часа", "15 мин"),
        ("пол ?час(?:а|ика)", "30 мин"),
        ("(?<![0-9] )(?<![0-9])час", "1 ч"),  # "2500 час": an hour, as "полчаса" is half
    )
]


def _quarters(count: str | None) -> int:
    """Minutes in "een kwartier", "drie kwartier", "5 kwartier"."""
    if count is None or not count.isdigit():
        return 45 if count == "drie" else 15
    return 15 * int(count)


@cache
def currency_signs(currency: str) -> frozenset[str]:
    """Every way of writing the currency we accept, casefolded."""
    signs = {currency, *CURRENCY_WORDS.get(currency, ())}
    signs.update(get_currency_symbol(currency, locale) for locale in ("nl", "ru", "en"))
    return frozenset(sign.casefold() for sign in signs)


@cache
def all_currency_signs() -> frozenset[str]:
    codes = list_currencies()
    words = {w.casefold() for ws in CURRENCY_WORDS.values() for w in ws}
    return frozenset({c.casefold() for c in codes} | words)


def is_currency_token(token: str, *, sign_only: bool = False) -> bool:
    """A currency sign, code or word standing on its own, as in `1 250 ₽` or `1250 EUR`;
    `sign_only`: a sign like `€` only (a code could as well be the end of a name)."""
    if token and all(unicodedata.category(c) == "Sc" for c in token):
        return True
    return not sign_only and token.casefold() in all_currency_signs()


def is_multiplier_token(token: str) -> bool:
    """A word for thousands or millions standing on its own after an amount, as in `30 тыс.`,
    `1,5 млн`, `3 duizend` or `30 т.р.`: the one-line grammar keeps it with its amount."""
    word = token.casefold()
    return word in MULTIPLIERS or word in ("тр", "т.р.", "т.р")  # thousand roubles


def starts_spoken_amount(token: str) -> bool:
    """Whether a word may begin an amount said in words (`две` in `две тысячи`, `тысяча`): the
    one-line grammar then tries it with the words after it as an amount."""
    word = token.casefold().replace("ё", "е")
    return word in _THOUSAND_COUNTS or word in _ONE_THOUSAND


# A number written as a word, which Kompas does not read as an amount (only a thousand said in
# words is one, above): "twaalf", "vijfentwintig", «двенадцать», «сорок» (and «пять» of «сорок
# пять»). A Dutch number is one word made of these parts.
_DUTCH_NUMBER = re.compile(
    "(?:(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)?"
    "|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien"
    "|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd)+"
)
_RUSSIAN_NUMBERS = frozenset(
    "один одна одно два две три четыре пять шесть семь восемь девять десять одиннадцать "
    "двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать "
    "девятнадцать двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят "
    "девяносто сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split()
)


def is_spelled_number(word: str) -> bool:
    """Whether `word` is a number written as a word ("twaalf", «двенадцать»), not in digits;
    "een" alone is an article too, so not one."""
    folded = word.casefold().strip(".,!?;:")
    if folded in ("een", "en", "ën"):
        return False
    return folded in _RUSSIAN_NUMBERS or _DUTCH_NUMBER.fullmatch(folded) is not None


def names_other_currency(cleaned: str, currency: str) -> bool:
    """Whether the text carries a currency sign, code or word that is not the team's."""
    own = currency_signs(currency)
    for token in re.sub(r"[0-9.,\-−–+ ]+", " ", cleaned).casefold().split():
        if token in own:
            continue
        foreign_sign = any(unicodedata.category(c) == "Sc" and c not in "".join(own) for c in token)
        if foreign_sign or token in all_currency_signs():
            return True
    return False


# "About" before a figure people estimate (an amount, an hour's cost, a margin): the figure is
# what they meant. "zo n" is "zo'n" typed without the apostrophe, as phones often do. One list
# for the chat's one-line commands and the CSV import alike.
HEDGES = (
    "ongeveer", "ong.", "zo'n", "zo’n", "zo n", "circa", "ca.", "ca", "rond de", "rond",
    "±", "~", "около", "примерно", "приблизительно", "где-то", "порядка",
)  # fmt: skip
_HEDGE = re.compile(
    r"^(?:{})\s*(?=[0-9.,\-−–+€$₽])".format(
        "|".join(re.escape(h) for h in sorted(HEDGES, key=lambda h: -len(h)))
    ),
    re.IGNORECASE,
)


def without_hedge(cleaned: str) -> str:
    """`zo'n 25`, `ongeveer 25`, `около 25`, `~25` → `25`; other text unchanged."""
    return _HEDGE.sub("", cleaned, count=1)


def hedge_length(words: list[str]) -> int:
    """How many of the words, from the first, are a hedge (`около`, `zo n`): 0 for none."""
    folded = [word.casefold() for word in words[:2]]
    for count in (2, 1):
        if len(folded) >= count and " ".join(folded[:count]) in HEDGES:
            return count
    return 0

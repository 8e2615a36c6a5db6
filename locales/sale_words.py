"""The words a one-line sale may carry besides its name and numbers, in Dutch, Russian and
English (bot/reading/sale_grammar.py reads them):
`/sale Bakkerij 300 waarvan 50 kosten, 2 uur, contant`,
«/sale Смирнова 3000 за 2 часа работы наличными»."""

from __future__ import annotations

# A word that marks the number next to it as the cost: "150 kosten", "затраты 150".
COST_WORDS = frozenset(
    {"kosten", "kost", "onkosten", "cost", "costs", "materiaal", "materiaalkosten", "inkoop"}
    | {"затраты", "затрат", "расходы", "расход", "расходов", "себестоимость"}
    | {"материалы", "материал", "материалов", "расходники", "расходка"}
)


# A time's unit typed before its number, as a label ("kosten 80 uren 2", «расходы 500 часы 2»):
# the word → the unit it is read with ("2 h", "90 min").
TIME_LABELS = {
    **dict.fromkeys(("uur", "uren", "u", "h", "hours", "часы", "часов", "часа", "ч"), "h"),
    **dict.fromkeys(("min", "minuten", "minutes", "минуты", "минут", "мин"), "min"),
}


# A tip: Kompas keeps no tips apart, so a tip with its own number is refused (added to the amount
# it would be revenue, booked as the cost it would lower the profit); "incl. fooi", «включая
# чаевые» say the amount holds it and are skipped.
TIP_WORDS = frozenset({"fooi", "fooien", "fooitje", "tip", "tips", "чаевые", "чаевых", "чаевыми"})
# A discount: the amount is what was paid after it, so a discount with its own number is refused
# (it is no cost); "met korting" alone is skipped.
DISCOUNT_WORDS = frozenset({"korting", "kortingen", "скидка", "скидкой", "скидки", "скидку"})
# "9 procent" is no count of things done: a line with a percentage is refused, never read as
# the amount without it (the attacker's "109 inclusief 9 procent btw" booked at 21 %)
PERCENT_WORDS = frozenset({"procent", "percent", "процент", "процента", "процентов"})
DISCOUNT_LEAD_INS = frozenset({"met", "zonder", "со", "с", "без"})  # "met korting", «со скидкой»


# Words between the fields that say nothing the numbers don't: "300 euro in 2 uur", "1,5 uur
# gewerkt", "300 waarvan 50 kosten", «3000 за 2 часа работы».
FILLER_WORDS = frozenset(
    {"in", "en", "plus", "+", "waarvan", "gewerkt", "werk", "bedrag", "tijd", "totaal"}
    | {"за", "и", "плюс", "из", "них", "работы", "сумма", "время"}
)


# How the client paid: the sale is paid now, even where clients are invoiced ("250 contant",
# "per pin", «наличными», «по карте»); `per`, `via`, `met`, «по», «на» before it go with it.
PAID_METHODS = frozenset(
    {"contant", "cash", "pin", "gepind", "tikkie", "ideal", "наличными", "наличные", "нал"}
    | {"картой", "карте", "карту", "переводом", "перевод", "сбп"}  # «2700 перевод»
    # "70 betaald", "al betaald", «оплачено»: paid, however; "nog niet betaald" is read first
    | {"betaald", "voldaan", "paid", "оплачено", "оплачен", "оплачена", "оплатил", "оплатила"}
)
PAYMENT_LEAD_INS = frozenset({"per", "via", "met", "al", "по", "на", "уже"})


# Zero said in words: as the amount it is 0, refused like `0` ("/verkoop femke nul" is never
# a new client "femke nul"); as the cost it is no cost.
ZERO_WORDS = frozenset({"nul", "ноль", "нуль"})

# A cost typed as a word: "geen" (no costs), «нет», «без затрат» is 0.
NO_COST = frozenset({"geen", "niks", "none", "нет"}) | ZERO_WORDS

# Words that change what a number is worth or say it is money back: never what was done, so a
# line with one is refused as unread, never booked at its bare digit (the attacker's "2 mille"
# stored € 2, «2 ляма» 2 ₽, "50 cent" € 50, "303 retour" a sale of € 303).
NOT_WORK_WORDS = frozenset(
    {"mille", "ton", "rug", "ruggen", "cent", "centen", "retour", "creditnota", "terugbetaling"}
    | {"лям", "ляма", "лямов", "косарь", "косаря", "косарей", "сотни", "сотен", "сотня"}
    | {"копейка", "копейки", "копеек", "коп", "возврат", "возврата"}
)


# Said of a sale not paid yet: it is an open invoice, even for a client who pays on the spot
# ("/verkoop Jan Smit 200 op rekening", «/sale Петрова 2000 в долг»). Whole phrases, matched
# word by word after the name, anywhere among the fields.
UNPAID_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "op rekening",
        "op factuur",
        "per factuur",
        "nog niet betaald",
        "niet betaald",
        "nog niet voldaan",
        "onbetaald",
        "op de pof",
        "nog te betalen",
        "betaalt later",
        "moet nog betalen",
        "moet nog",
        "nog betalen",
        "betaalt nog",
        "staat nog open",
        "staat open",
        "openstaand",
        "nog open",
        "в долг",
        "долг",  # «ромашка 10000 долг», the Russian reader: booked as paid
        "не оплачено",
        "не оплачен",
        "не оплачена",
        "ещё не оплачено",
        "еще не оплачено",
        "неоплачено",
        "без оплаты",
        "потом заплатит",
        "заплатит потом",
        "оплатит потом",
        "потом оплатит",
        "заплатит позже",
        "пока не заплатила",
        "пока не заплатил",
        "пока не оплатила",
        "пока не оплатил",
        "ещё не заплатила",
        "ещё не заплатил",
        "еще не заплатила",
        "еще не заплатил",
        "ещё не оплатила",
        "ещё не оплатил",
        "не заплатила",
        "не заплатил",
        "не заплатили",
        "не оплатила",
        "не оплатил",
        "не оплатили",
        "оплатит позже",
        "оплата потом",
        "оплата позже",
        "заплатят потом",
        "оплатят потом",
        "в кредит",
        "под запись",
        # «18000 баннеры счет», "450 factuur": an invoice sent, not paid yet (the designer's
        # sale was booked as paid on the spot, «счет» kept as what was done)
        "по счету",
        "по счёту",
        "счет",
        "счёт",
        "factuur",
    )
)


# "500 excl. btw", "500 incl. btw", «2500 без НДС», «2500 с НДС»: said of the amounts typed,
# read against the team's VAT setting (README: Amounts with VAT).
VAT_EXCLUDING = frozenset({"excl", "exclusief", "ex", "zonder", "без", "+", "exbtw", "exclbtw"})
VAT_INCLUDING = frozenset(
    {"incl", "inclusief", "inc", "met", "с", "включая", "вкл", "inclbtw", "т.ч", "тч", "числе"}
)
# «в т.ч. НДС», «в том числе НДС»: the words before go with the VAT remark, no part of a note.
VAT_INCLUDING_LEAD_INS = frozenset({"в", "том"})
VAT_WORDS = frozenset({"btw", "ндс", "vat"})
VAT_IN_ONE_WORD = frozenset({"exbtw", "exclbtw", "inclbtw"})  # "excl.btw" typed as one word
VAT_ALONE = frozenset({"excl", "exclusief", "incl", "inclusief"})  # "500 excl." says it alone


# Words that may belong to a date or a time, so never what was done: "200 vorige week" stays
# refused (which day?), never a sale of today.
# Of those, the ones only a date is made of: a line that fails with them failed on its date.
DAY_HINTS = frozenset(
    {"vorige", "vorig", "afgelopen", "week", "weken", "maand", "geleden"}
    | {"прошлой", "прошлый", "прошлую", "неделе", "неделю", "недели", "месяц", "назад"}
)
DATE_HINTS = (
    DAY_HINTS
    | {"dag", "dagen", "ochtend", "middag", "avond", "uur", "uren", "min", "minuten", "kwartier"}
    | {"half", "день", "дня", "утром", "вечером", "днём", "днем", "час", "часа", "часов"}
    | {"минут", "половиной"}
)


# The letter o (Latin or Cyrillic) typed for a zero: «18ооо», "2OO" is an amount mistyped.
ZERO_LETTERS = "оОoO"


# A price per person, piece or hour, not the sale's total: a line with one is refused, never
# booked at the one price ("50 euro per persoon 4 personen" booked € 50). Dutch "per" with a
# word ("per pin" is how it was paid, read first); Russian a lead-in with its noun.
RATE_WORDS = frozenset({"p.p.", "p.p", "pp", "p/p", "p.st.", "p/st"})
RATE_LEAD_INS = frozenset({"per", "за", "с", "на", "в"})
RATE_NOUNS = frozenset(
    {"persoon", "personen", "stuk", "uur", "keer", "kop", "hoofd", "behandeling", "sessie"}
    | {"человека", "человек", "чел", "персону", "каждого", "одного", "голову", "носа"}
    | {"штуку", "шт", "процедуру", "сеанс"}
)

# "+" between two numbers: a sum ("100 + 20"), refused unless a cost word says what it adds
PLUS_WORDS = frozenset({"+", "plus", "плюс"})
# Between two numbers, a difference: "150 minus 20" offered € 20, «2500 минус 300» stored a cost
MINUS_WORDS = frozenset({"minus", "минус"})

# Words that say part of the sale is paid already ("waarvan 100 betaald", «предоплата 500»,
# "100 aanbetaling"): refused, never read as the cost (the Dutch reader's € 100 paid up front
# was booked as a cost of € 100). A part payment is recorded with /paid.
PART_PAID_WORDS = frozenset(
    {"aanbetaling", "aanbetaald", "voorschot", "vooruitbetaald", "deels"}
    | {"gedeeltelijk", "restant", "restbedrag", "aanbetalen"}
    | {"предоплата", "предоплату", "предоплатой", "предоплаты", "аванс", "аванса", "авансом"}
    | {"задаток", "задатка", "задатком", "частично", "остаток", "осталось", "доплата"}
    | {"доплатит", "доплатить", "bijbetalen", "nabetalen", "vooruit", "внесла", "внёс", "внес"}
    | {"внесли", "внесено"}
)
# Words that say it was paid: beside a number that is not the amount, that number is a part
# paid ("150 50 betaald", «2500 1000 оплачено», «оплатила 1000»), refused like one.
PAID_WORDS = frozenset(
    {"betaald", "voldaan", "paid", "оплачено", "оплачен", "оплачена", "оплатил", "оплатила"}
    | {"заплатил", "заплатила", "заплатили", "оплатили", "отдала", "отдал", "отдали"}
)
# "of which", before a paid word or a way of paying: "waarvan 100 betaald", «из них 1000
# наличными» ("waarvan 50 kosten" is the cost)
PART_LEAD_INS = frozenset({"waarvan", "них"})
# Signs before a number that make it the number of something, never an amount: «счёт №15»
NUMBER_SIGNS = frozenset({"№", "#"})

# Words that say the client will pay or owes. Before a day, that day is when the invoice is due
# ("betaalt vrijdag", «оплата в пятницу»), never the day it was sold (the Dutch reader's sale
# was dated last Friday); with a number, only part is owed («должна 2000»): refused like a part
# paid. Of those, the ones that alone make the sale an open invoice ("450 betaalt", «4500
# должна»).
PAY_DAY_WORDS = frozenset(
    {"betaalt", "betalen", "betaling", "uiterlijk", "заплатит", "оплатит", "заплатят"}
    | {"оплатят", "оплата", "оплату", "отдаст", "занесёт", "занесет", "переведёт", "переведет"}
    | {"должна", "должен", "должны"}
    # after an open invoice: "op rekening tot 1 jan" (was dated 1 January), «в долг до 1 января»
    | {"tot", "до"}
)
_SAY_WHEN_ONLY = {"betaling", "uiterlijk", "оплата", "оплату", "tot", "до"}
OWING_WORDS = (PAY_DAY_WORDS - _SAY_WHEN_ONLY) | {"open"}
# A due day said as next week: "betaalt volgende week", «оплатит на следующей неделе»
NEXT_WEEK = frozenset(
    {"volgende week", "komende week", "следующей неделе", "через неделю", "той неделе"}
    | {"over een week"}
)
# A due day said as the end of a month: "betaalt eind januari", «оплатит в конце января»,
# «оплата до конца месяца» (the «в», «до» before them are PAY_DAY_LEAD_INS)
END_OF_MONTH = frozenset(
    {"eind", "einde", "eind van", "einde van", "конце", "конца", "концу"}  # «к концу января»
)
THIS_MONTH = frozenset({"de maand", "deze maand", "месяца", "этого месяца"})
IN_TWO_WEEKS = frozenset({"over twee weken", "over 2 weken", "через две недели", "через 2 недели"})
# Between the word and its day: "betaalt op vrijdag", «оплатит до пятницы», «заплатит в среду»
PAY_DAY_LEAD_INS = frozenset({"op", "voor", "uiterlijk", "на", "до", "в", "во", "к"})

# Between two numbers, a range: "400 tot 500" was booked at € 500, "van 10 tot 12" offered € 12;
# refused, as the sale has one amount and one time.
RANGE_WORDS = frozenset({"tot", "t/m", "tm", "à", "до"})
# Before a time, a time of day: "om 14:00", «в 14:00» is when, not how long it took
AT_WORDS = frozenset({"om", "в", "во"})
CLOCK_WORDS = frozenset({"half", "kwart"})  # "om half drie", "om kwart over twee"
# Units of whole hours: "14u", "15 uur", «15 ч» right after a day read as a time of day
HOUR_UNITS = ("uur", "u", "h", "часов", "час", "ч")

# Before or after a year the work was for: "over 2025", «за 2025», «2025 год», "boekjaar 2025"
YEAR_LEAD_INS = frozenset({"over", "van", "voor", "boekjaar", "за", "год"})
YEAR_WORDS = frozenset({"jaar", "год", "года", "г"})

# A part of the day after the day («вчера вечером», "gisteren 's avonds", «в воскресенье утром»):
# the day says when it was sold, the part of it nothing a sale keeps, so it is dropped
PARTS_OF_DAY = frozenset(
    {"утром", "вечером", "днём", "днем", "ночью", "'s", "ochtends", "middags", "avonds"}
    | {"nachts", "’s", "обед", "обеда", "ochtend", "middag", "avond", "nacht"}
)
# Before a part of the day: «в обед», "in de middag" (dropped with it)
PART_OF_DAY_LEAD_INS = frozenset({"в", "во", "после", "in", "de", "na", "tijdens"})

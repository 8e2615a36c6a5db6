"""The one-line /sale: `NAME AMOUNT [COST] [TIME] [DATE]` (README: Typing commands).

After the name (bot/reading/words.py), the words are read left to right: space-grouped thousands
are one number (`12 500 000`, `1 250 ₽`), but `500 200` is one amount or the amount and the cost,
asked; a time with its unit (before or after it) goes to the time slot wherever it stands; other
amounts fill the amount, the cost, then the time (a bare number there is asked about)."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field, replace

from bot.reading.sale_dates import dated_line, without_parts_of_day
from bot.reading.sale_payment import PaymentSaid, payment_said
from bot.reading.sale_values import (
    NOT_KEPT_APART,
    Value,
    hours_not_cost,
    is_label,
    labels_first,
    money_span,
    number_group,
    refuse_ranges_and_clock_times,
    refuse_ranges_and_times_of_day,
    refuse_sums,
    value_readings,
    without_tip_or_discount,
)
from bot.reading.sale_vat import as_the_team_enters, vat_said
from bot.reading.words import (
    DAY_WORDS,
    Dated,
    Reader,
    Token,
    joined,
    name_end,
    tokens,
    without_lead_ins,
)
from bot.reading.work_words import is_what_was_done, without_counted_things, work_said
from locales import N_, InputError, dates, numbers
from locales.numbers import shown_text
from locales.sale_words import DAY_HINTS, NO_COST, PAID_METHODS, PAYMENT_LEAD_INS, ZERO_WORDS

TOO_MANY = N_("That's more than amount, cost and time. Try: /sale Bakkerij de Vries, 1250, 300, 2h")
AMOUNT_FIRST = N_("Start with the amount, then the cost and the time: /sale Bakkerij 1250 300 2h")
TWO_TIMES = N_("That's two times. Type one, for example 1,5 h or 90 min.")
PAID_AND_OWED = N_("Paid, or not paid yet? The line says both: type only one of them.")


def says_no_cost(text: str | None) -> bool:
    """A cost of nothing ("geen", «нет») typed alone at the cost question, as in a one-line sale."""
    return (text or "").casefold().strip(" .,!") in NO_COST


@dataclass(frozen=True)
class SaleFields:
    """One reading of a sale's fields; the bare time (`2`) is asked about once the client is
    known."""

    amount: int | None = None
    cost: int | None = None
    minutes: int | None = None
    bare_time: str | None = None
    bare_text: str | None = None
    sold_on: dt.date | None = None
    # "contant", "per pin": paid when sold, not invoiced; False: "op rekening", «в долг»,
    # an open invoice even for a client who pays on the spot
    paid_now: bool | None = None
    due_on: dt.date | None = None  # "betaalt vrijdag": the day an open invoice is due
    typed_amount: int | None = None  # "45 000 с НДС": as typed, before VAT made it the team's

    def data(self) -> dict[str, object]:
        """As kept in a dialog's state: what was said, dates as ISO text."""
        said = {k: v for k, v in self.__dict__.items() if v is not None}
        for day in ("sold_on", "due_on"):
            if said.get(day) is not None:
                said[day] = said[day].isoformat()
        return said


@dataclass(frozen=True)
class SaleLine:
    """`/sale NAME AMOUNT COST TIME DATE` read: `readings` has two entries when `500 200`
    could be one amount or the amount and the cost; `longer` reads a number after the name
    as part of it (`Studio 54 100`), for the handler to weigh against the clients."""

    name: str
    readings: tuple[SaleFields, ...]
    longer: SaleLine | None = None
    date_words: bool = False  # the date was written in words only ("vrijdag")
    lead_in: str = ""  # the word dropped before the name («для Смирновой»), see grammar.LeadIns
    # Read only by taking a number of 3+ digits into the name ("de boer 1250"): such a name
    # may be an existing client's, never a new one; then this is the answer.
    refusal: InputError | None = field(default=None, compare=False)
    # "Jansen 100 - 20": the name before a number a dash and an amount follow ("Jansen"); a
    # sum when that is a client and the whole ("Jansen 100") is not, else "Studio 21 — 7 900"
    before_dashed_number: str | None = None
    what: str | None = None  # what was done, typed among the fields ("knippen"): kept as a note


DASHES = frozenset({"-", "–", "—"})


def read_sale(reader: Reader, text: str) -> SaleLine:
    """The one-line /sale, read by the grammar above: a dash after the name ends it
    (`Студия 21 — 7 900 р`), an amount typed before the name is read after it, and lead-ins
    (`для Смирновой`, `за 2000`) are no part of the name."""
    words = without_parts_of_day(tokens(text))
    refuse_ranges_and_clock_times(words, reader.is_day)
    payment = payment_said(reader, words, first=1)
    dated = dated_line(reader, payment.words, first=1)
    lead = without_lead_ins(reader, _amount_after_name(reader, dated.words))
    line = _read_sale(reader, replace(dated, words=lead.words))
    if payment.unpaid:
        line = _owed(line, payment, reader.today)
    return replace(line, lead_in=lead.before_name)


def _owed(line: SaleLine, payment: PaymentSaid, today: dt.date) -> SaleLine:
    """The line's readings as said to be unpaid: an open invoice, due on the day said, if one
    was. Said to be paid as well ("105 contant op rekening"): which is meant is asked."""
    if any(r.paid_now for r in line.readings):
        raise InputError(PAID_AND_OWED)
    readings = tuple(
        replace(r, paid_now=False, due_on=payment.due_from(r.sold_on or today))
        for r in line.readings
    )
    longer = _owed(line.longer, payment, today) if line.longer is not None else None
    return replace(line, readings=readings, longer=longer)


def _read_sale(reader: Reader, dated: Dated) -> SaleLine:
    words = dated.words
    dash = next((i for i, word in enumerate(words) if i and word.text in DASHES), None)
    if dash is not None:
        words = words[:dash] + words[dash + 1 :]
        line = _sale_line(reader, words, dash, replace(dated, words=words))
        if dash > 1 and words[dash - 1].text.isdigit() and words[dash].text[:1].isdigit():
            return replace(line, before_dashed_number=joined(words[: dash - 1]))
        return line
    end = _before_zero(words, name_end(reader, words))
    if 1 < end < len(words) and is_label(words[end - 1].text):
        end -= 1  # "Волкова затраты 300, 2900", "Jansen uren 2 450": the word labels the number
    longer = None
    if end < len(words) - 1 and words[end].field == words[0].field and words[end].text.isdigit():
        with contextlib.suppress(InputError):
            longer = _sale_line(reader, words, end + 1, dated)
    try:
        return replace(_sale_line(reader, words, end, dated), longer=longer)
    except InputError as refusal:
        if longer is None or refusal.message in NOT_KEPT_APART:
            raise
        if len(words[end].text) > 2:  # "Bakkerij 2000 350 2u 0", if that is a client
            return replace(longer, refusal=refusal)
        return longer  # "Studio 54 100 2u 0": only the name with its number reads


def _before_zero(words: list[Token], end: int) -> int:
    """Where the name ends when zero is said in words in it (`femke nul`, «Петрова ноль
    рублей»): before that word, so the amount is 0 and refused, never part of a new name."""
    folded = [word.text.casefold().strip(".,;:!") for word in words[:end]]
    return next((i for i in range(1, end) if folded[i] in ZERO_WORDS), end)


def read_fields(reader: Reader, text: str) -> SaleLine:
    """A sale's fields typed without the name, as at the dialog's amount step: `250 2u`,
    `€ 95, 20 kosten, 1 uur`, `120 gisteren`, `85 knippen`; two readings for `500 200`."""
    payment = payment_said(reader, tokens(text), first=0)
    dated = dated_line(reader, payment.words, first=0)
    line = _sale_line(reader, [Token("", -1), *dated.words], 1, dated)
    return _owed(line, payment, reader.today) if payment.unpaid else line


def _amount_after_name(reader: Reader, words: list[Token]) -> list[Token]:
    """`2500 Алёна вчера` as `Алёна 2500 вчера`: an amount first, then a name, is moved."""
    if not words or not (number_group(reader, words, 0)[0] or reader.is_money(words[0].text)):
        return words
    taken = number_group(reader, words, 0)[0] or money_span(reader, words, 0)
    rest = words[taken:]
    if not rest or reader.time(rest[0].text) is not None or reader.is_money(rest[0].text):
        return words
    end = name_end(reader, rest)
    name = [replace(word, field=words[0].field) for word in rest[:end]]
    return name + words[:taken] + rest[end:]


def _field_words(words: list[Token]) -> list[Token]:
    """The words after the name without brackets (`(50 kosten)`) and a sentence's dot after a
    word (`200 euro. 2 uur.`)."""
    kept = [replace(word, text=_undotted(word.text.strip("()[]"))) for word in words]
    return labels_first([word for word in kept if word.text])


def _undotted(text: str) -> str:
    return text[:-1] if text.endswith(".") and text[:-1].isalpha() else text


def _paid_how(words: list[Token]) -> tuple[list[Token], bool]:
    """The field words without how it was paid, and whether that was said."""
    kept: list[Token] = []
    said = False
    for word in words:
        if word.text.casefold().strip(".,!") in PAID_METHODS:
            said = True
            if kept and kept[-1].text.casefold() in PAYMENT_LEAD_INS:
                kept.pop()  # "per pin", "по карте"
        else:
            kept.append(word)
    return kept, said


def _readings(reader: Reader, fields: list[Token], dated: Dated) -> list[SaleFields]:
    """The ways the field words read as amount, cost and time (two: `500 200`), or InputError."""
    try:
        readings = [
            _assign(reader, values, dated.date) for values in value_readings(reader, fields)
        ]
    except InputError as error:
        # "knipperij 2 uur 45", "3000 час с половиной": the number by the time is the amount;
        # "85 1u30 knippen", «2500 стрижка»: what was done, after the fields, is skipped
        described = [word for word in fields if not is_what_was_done(reader, word.text)]
        tries = [(fields, False)] + (
            [(described, True), (described, False)] if described and described != fields else []
        )
        for words_tried, bare in tries:
            try:
                readings = [
                    _assign(reader, values, dated.date)
                    for values in value_readings(reader, words_tried, bare_minutes=bare)
                ]
                break
            except InputError:
                continue
        else:
            said = [w.text for w in fields if w.text.casefold().strip(".,;:") in DAY_HINTS]
            if dated.date is None and said:  # "…, 3 uur, vorige week": which day?
                raise InputError(dates.DATE_UNREADABLE, text=shown_text(" ".join(said))) from None
            raise error from None
    return readings


def _count_may_be_the_amount(
    reader: Reader, fields: list[Token], counted: list[Token], readings: list[SaleFields]
) -> bool:
    """Whether the first number, read as a count of things, may be the amount after all: a
    count before the amount is no smaller than it ("60 parkeren 5", "45 fietsband 2" read as
    € 5 and € 2); "2 banden vervangen 70" is € 70."""
    first = next((word for word in fields if word.text.isdigit()), None)
    if first is None or any(word is first for word in counted):
        return False
    as_amount = reader.money(first.text)
    return all(r.amount is not None and r.amount <= as_amount for r in readings)


def _sale_line(reader: Reader, words: list[Token], end: int, dated: Dated) -> SaleLine:
    fields, vat = vat_said(reader, _field_words(words[end:]))
    fields, paid_now = _paid_how(without_tip_or_discount(fields))
    refuse_sums(reader, fields)
    refuse_ranges_and_times_of_day(fields)
    counted = without_counted_things(reader, fields)
    readings = _readings(reader, counted, dated)
    if _count_may_be_the_amount(reader, fields, counted, readings):  # "60 parkeren 5": € 60 or € 5?
        with contextlib.suppress(InputError):
            readings += [r for r in _readings(reader, fields, dated) if r not in readings]
    if paid_now:
        readings = [replace(reading, paid_now=True) for reading in readings]
    if vat is not None:  # "500 excl. btw": as the team enters amounts
        readings = [
            replace(
                r,
                amount=as_the_team_enters(reader, r.amount, vat),
                cost=as_the_team_enters(reader, r.cost, vat),
                typed_amount=r.amount,
            )
            for r in readings
        ]
    name = joined(words[:end]).strip(" ,;:")
    words_only = bool(dated.date_text) and not (
        any(c.isdigit() for c in dated.date_text) or dated.date_text.casefold() in DAY_WORDS
    )
    what = work_said(reader, fields, counted, with_counts=len(readings) == 1)
    return SaleLine(name, tuple(readings), date_words=words_only, what=what)


def _marked_cost(values: list[Value]) -> list[Value]:
    """The values with a cost word's number moved to the cost's place (second): the number
    before the word (`150 kosten`) unless that is the amount, else the one after it."""
    marks = [k for k, v in enumerate(values) if v.cost_word]
    if not marks:
        return values
    if len(marks) > 1:
        raise InputError(TOO_MANY)
    k = marks[0]
    plain = [j for j, v in enumerate(values) if v.minutes is None and not v.cost_word]
    before = k - 1 if k - 1 in plain and plain.index(k - 1) > 0 else None
    after = k + 1 if k + 1 in plain and plain.index(k + 1) > 0 else None
    # "300 затраты, 2800", "затраты 300, 2900": a comma says which number the word labels
    own_before = k - 1 in plain and _own_field(values, k, k - 1)
    own_after = k + 1 in plain and _own_field(values, k, k + 1)
    commas = len({values[j].field for j in (*plain, k)}) > 1
    if commas and own_before != own_after:
        before, after = (k - 1, None) if own_before else (None, k + 1)
    cost = before if before is not None else after
    if cost is None or len(plain) < 2:  # "100 kosten 30 uur": 30 went into a time, and
        raise InputError(AMOUNT_FIRST)  # the amount is no cost
    others = [values[j] for j in plain if j != cost]
    times = [v for v in values if v.minutes is not None]
    return [*others[:1], values[cost], *others[1:], *times]


def _own_field(values: list[Value], k: int, j: int) -> bool:
    """Whether value `j` was typed in the same field as the cost word `k` (fields known)."""
    return 0 <= j < len(values) and values[j].field == values[k].field >= 0


def _assign(reader: Reader, values: list[Value], sold_on: dt.date | None) -> SaleFields:
    """Values into the amount, cost and time slots: a time goes to its slot wherever it is,
    and a number marked by a cost word to the cost."""
    costed, values = any(v.cost_word for v in values), _marked_cost(values)
    times = [v for v in values if v.minutes is not None]
    plain = [v for v in values if v.minutes is None]
    if len(times) > 1:
        raise InputError(TWO_TIMES)
    if len(plain) + len(times) > 3 or (times and len(plain) > 2):
        raise InputError(TOO_MANY)
    if times and not plain:
        raise InputError(AMOUNT_FIRST)
    sale = SaleFields(sold_on=sold_on)
    if plain:
        amount, *rest = plain[0].text.split(" ")
        if amount.casefold().strip(".,!") in ZERO_WORDS:  # "nul", «ноль рублей»: 0, refused
            amount = "0"
        sale = replace(sale, amount=reader.money(" ".join([amount, *rest]), allow_zero=False))
    if len(plain) > 1:
        none = plain[1].text.casefold().strip(".,!") in NO_COST
        sale = replace(sale, cost=0 if none else reader.money(plain[1].text))
        if (
            len(plain) == 2
            and not (times or costed)
            and hours_not_cost(plain[1], sale.amount, sale.cost)
        ):
            hours = plain[1].text.replace(",", ".")  # as DurationUnitMissing gives it
            return replace(sale, cost=None, bare_time=hours, bare_text=plain[1].text)
    if times:
        if (times[0].minutes or 0) >= numbers.MAX_MINUTES:  # `1200 uur`: over 1000 hours
            raise numbers.time_too_long(times[0].text, reader.locale)
        return replace(sale, minutes=times[0].minutes)
    if len(plain) > 2:
        try:
            minutes = numbers.parse_duration(plain[2].text, reader.locale, bare=numbers.BARE_ASK)
        except numbers.DurationUnitMissing as bare:
            return replace(sale, bare_time=str(bare.number), bare_text=bare.params["text"])
        return replace(sale, minutes=minutes)
    return sale

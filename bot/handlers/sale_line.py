"""Which client a one-line /sale names, when a number after the name may be part of it
(README: Typing commands)."""

from __future__ import annotations

from typing import Any

from bot.kit.turn import Turn
from bot.reading import sale_grammar
from bot.reading.sale_values import SUM_IN_A_SALE
from locales import InputError, is_currency_token
from locales.numbers import currency_digits, is_spelled_number
from storage import clients, resolver
from storage.names import name_key


async def client_named(turn: Turn, name: str) -> int | None:
    client = await turn.run(clients.client_by_key, team_id=turn.team_id, name=name)
    return client.id if client is not None else None


async def refuse_unless_a_client(turn: Turn, line: sale_grammar.SaleLine) -> None:
    """Refuses a line read only by a name that must be a client's: "de boer 1250 …" is never
    a new client's name, nor "Jansen 100" in "Jansen 100 - 20" when Jansen is a client (a sum,
    booked at € 20 on Jansen once the attacker said yes to "Jansen?")."""
    before = line.before_dashed_number
    if line.refusal is None and before is None:
        return
    if await client_named(turn, line.name) is not None:
        return
    if line.refusal is not None:
        raise line.refusal
    if before is not None and await client_named(turn, before) is not None:
        raise InputError(SUM_IN_A_SALE)


async def names_a_client_whole(turn: Turn, line: sale_grammar.SaleLine, text: str) -> bool:
    """Whether the whole line is a client's name, to be asked the amount of: "Café Vrijdag" (a
    name, no date), "Studio 54" when no "Studio" is a client (€ 54 was booked, an attacker)."""
    if not line.date_words and (
        line.longer is not None or await client_named(turn, line.name) is not None
    ):
        return False
    return await client_named(turn, text) is not None


async def reading_of_name(
    turn: Turn, line: sale_grammar.SaleLine, text: str
) -> sale_grammar.SaleLine | None:
    """Whether a number after the name belongs to it (README: Typing commands); None: ask."""
    if line.longer is None:
        return line
    longer = await client_named(turn, line.longer.name)
    team_id = turn.team_id
    typed_number = line.longer.name[len(line.name) :].strip()
    if longer is None:  # «Бьюти Лаб 24» for ООО «Бьюти Лаб 24»: the number is a word of it
        found = await turn.run(resolver.resolve_client, team_id=team_id, query=line.longer.name)
        if found.one is not None and typed_number in name_key(found.one.name).split():
            longer = found.one.id
    if longer is not None:
        shorter = await turn.run(resolver.resolve_client, team_id=team_id, query=line.name)
        rival = shorter.matches[0] if shorter.exact else shorter.one
        return None if rival is not None and rival.id != longer else line.longer
    first = line.readings[0]
    if len(typed_number) > 2:  # a new client is never named "de boer 1250"
        return line
    number = int(typed_number)
    # "Sportschool 24 150": the shorter reading took the name's two-digit number into its
    # amount (24 150); with a currency written ("Морозова Дарья 1 500 ₽") it is one number.
    grouped = (
        number >= 10
        and first.amount is not None
        and first.amount // 10 ** currency_digits(turn.team.currency) != number
        and not any(is_currency_token(word) for word in text.split())
    )
    implausible = first.cost is not None and first.amount is not None and first.cost > first.amount
    if grouped or implausible:
        shorter = await turn.run(resolver.resolve_client, team_id=team_id, query=line.name)
        # a look-alike ("Yogastudio Lotus" for "Studio") names no client: still ask
        if not shorter.matches or not shorter.sure:
            return None
    return line


async def spelled_amount(turn: Turn, line: sale_grammar.SaleLine) -> tuple[str, dict[str, str]]:
    """`Jansen twaalf`, «Иванова двенадцать»: a number written in words ending a line with no
    amount is no part of a new client's name; the name before it, and the words (said back when
    the amount is asked). A name that is a client's as typed ("Hotel Zeven") stays whole."""
    words = line.name.split()
    end = len(words)
    while (
        end > 1 and words[end - 1] == words[end - 1].lower() and is_spelled_number(words[end - 1])
    ):
        end -= 1
    if end == len(words) or len(line.readings) > 1 or line.readings[0].amount is not None:
        return line.name, {}
    whole = await turn.run(resolver.resolve_client, team_id=turn.team_id, query=line.name)
    if whole.one is not None:
        return line.name, {}
    head = " ".join(words[:end])
    if head == head.lower():  # "jan smit twaalf" typed all small: only before a client's name
        found = await turn.run(resolver.resolve_client, team_id=turn.team_id, query=head)
        if not found.matches:
            return line.name, {}
    return head, {"unread": " ".join(words[end:])}


def said(line: sale_grammar.SaleLine) -> dict[str, Any]:
    """What the line says besides the name, as the sale's dialog keeps it."""
    if len(line.readings) > 1:  # "500 200": asked once the client is known
        fields: dict[str, Any] = {"choices": [reading.data() for reading in line.readings]}
    else:
        fields = line.readings[0].data()
    return {**fields, "what": line.what} if line.what else fields

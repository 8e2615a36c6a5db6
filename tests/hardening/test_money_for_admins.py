"""DESIGN.md (who is a team): "Money figures and the decline list can be set to go to admins
privately; members then see cards without the money lines." Every screen a plain member of
such a group reaches, tried as that member."""

from __future__ import annotations

import re

from sqlalchemy import Engine

from bot.kit.callbacks import pack
from storage.models import Client, Sale
from tests.chat import Chat
from tests.factories import add_member, make_team, rows
from tests.hardening.world import seed

ANNA, PIET, GROUP = 51, 52, -5100
MONEY = re.compile(r"€|\d+,\d\d")  # a euro sign, or an amount with cents
REFUSED = "In dit team zien alleen beheerders de bedragen"


async def _team(chat: Chat, engine: Engine):  # type: ignore[no-untyped-def]
    anna, piet = chat.person(ANNA, "Anna", "nl"), chat.person(PIET, "Piet", "nl")
    chat.group(GROUP, "Studio", creator=anna, members=(piet,))
    team = make_team(
        engine, chat_id=GROUP, owner_id=ANNA, sensitive_to_admins=True, payment_days=30
    )
    add_member(engine, team, PIET)
    seed(engine, team)
    return team, anna, piet


def _sales(engine: Engine) -> list[tuple[int, int, object]]:
    return sorted((s.id or 0, s.amount, s.paid_on) for s in rows(engine, Sale))


async def test_a_member_sees_sales_without_amounts_and_cannot_change_them(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Before: /sales showed every amount and cost to a member, with ✎ and ✕ buttons that
    corrected or deleted the sale."""
    team, _anna, piet = await _team(chat, sqlite_engine)
    before = _sales(sqlite_engine)
    seen = await chat.send(piet, "/sales Bakkerij de Vries", chat=GROUP)
    [listed] = seen.messages
    assert "Bakkerij de Vries" in listed.text and not MONEY.search(listed.text), listed.text
    assert not [b for b in listed.button_labels if b.startswith(("✎", "✕"))]
    sale_id = before[0][0]
    for data in (
        pack("sdel", team.id, sale_id),
        pack("sdelok", team.id, sale_id),
        pack("sfix", team.id, sale_id),
    ):
        pressed = await chat.press_data(piet, listed, data)
        told = pressed.text + chat.api.callback_answers[-1]["text"]
        assert REFUSED in told and not MONEY.search(told), told
        chat.api.callback_answers.clear()
    assert _sales(sqlite_engine) == before


async def test_a_member_cannot_mark_payments(chat: Chat, sqlite_engine: Engine) -> None:
    """Before: /paid marked a client's open sales paid for a member who may not see them."""
    _, _, piet = await _team(chat, sqlite_engine)
    before = _sales(sqlite_engine)
    for line in ("/paid Bakkerij de Vries", "/paid Bakkerij de Vries 100", "/paid"):
        seen = await chat.send(piet, line, chat=GROUP)
        assert REFUSED in seen.text, seen.text
    assert _sales(sqlite_engine) == before


async def test_a_member_cannot_sort_clients_by_money(chat: Chat, sqlite_engine: Engine) -> None:
    """Before: "By revenue" and "By profit" under /clients ranked the clients by the very
    figures the team keeps for its admins."""
    team, _anna, piet = await _team(chat, sqlite_engine)
    seen = await chat.send(piet, "/clients", chat=GROUP)
    [listed] = seen.messages
    assert not {"Op omzet", "Op winst", "✓ Op omzet", "✓ Op winst"} & set(listed.button_labels)
    assert not MONEY.search(listed.text)
    forged = await chat.press_data(piet, listed, pack("cl", team.id, "a", "revenue", 0))
    told = forged.text + chat.api.callback_answers[-1]["text"]
    assert "beheerders" in told and forged.messages == [], told


async def test_a_member_sees_check_card_risk_portrait_and_export_without_money(
    chat: Chat, sqlite_engine: Engine
) -> None:
    _, _, piet = await _team(chat, sqlite_engine)
    for line in (
        "/check Tandarts Nieuw, organisatie, Utrecht",
        "/client Bakkerij de Vries",
        "/risk",
        "/portrait",
        "/export",
    ):
        seen = await chat.send(piet, line, chat=GROUP)
        for message in seen.messages:
            assert not MONEY.search(message.text), (line, message.text)
        assert seen.messages, line


async def test_check_tells_a_member_the_fit_without_what_similar_clients_bring(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Before: /check showed a member "clients like them bring € 5.362 profit a year (team
    € 883); € 46 per hour" — the team's profit figures."""
    _, _, piet = await _team(chat, sqlite_engine)
    await chat.send(piet, "/check", chat=GROUP)
    await chat.reply(piet, "Tandarts Nieuw", chat=GROUP)
    await chat.press(piet, "Organisatie", chat=GROUP)
    await chat.reply(piet, "Utrecht", chat=GROUP)
    await chat.reply(piet, "zorg", chat=GROUP)
    seen = await chat.reply(piet, "12", chat=GROUP)
    assert "ideale klanten onder hen: 3 van 5" in seen.text, seen.text
    assert not MONEY.search(seen.text), seen.text


async def test_a_member_recording_a_sale_gets_no_already_paid_button(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Before: under a member's new sale "✓ Al betaald" marked it paid, a payment /paid
    refuses them."""
    team, anna, piet = await _team(chat, sqlite_engine)
    seen = await chat.send(piet, "/sale Bakkerij de Vries 120", chat=GROUP)
    assert "✓ Al betaald" not in seen.buttons, seen.buttons
    [new] = [s for s in rows(sqlite_engine, Sale) if s.amount == 12_000]
    forged = await chat.press_data(piet, seen.last, pack("spaid", team.id, new.id))
    told = forged.text + chat.api.callback_answers[-1]["text"]
    assert REFUSED in told, told
    assert [s.paid_on for s in rows(sqlite_engine, Sale) if s.id == new.id] == [None]
    owner = await chat.send(anna, "/sale Bakkerij de Vries 130", chat=GROUP)
    assert "✓ Al betaald" in owner.buttons


async def test_a_members_card_says_neither_the_decline_advice_nor_the_reliance(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Found by the attacker and checker readers: with money for admins, a member's card still
    said "Kost je meer dan het oplevert: overweeg om afscheid te nemen." and "Je bedrijf leunt
    op deze klant." — the decline list and the shares are the admins'."""
    _, anna, piet = await _team(chat, sqlite_engine)
    said_to_admin, said_to_member = [], []
    for client in rows(sqlite_engine, Client):
        said_to_admin.append((await chat.send(anna, f"/client {client.name}", chat=ANNA)).text)
        said_to_member.append((await chat.send(piet, f"/client {client.name}", chat=GROUP)).text)
    verdicts = ("afscheid", "afhankelijk van deze klant")
    assert any(word in text for text in said_to_admin for word in verdicts)
    assert not [text for text in said_to_member if any(word in text for word in verdicts)]


async def test_a_members_details_show_everything_but_money(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Found by the checker reader: a member's Details button only answered "Dit team houdt
    geldbedragen …", though purchases, payments and traits hold no money."""
    _, anna, piet = await _team(chat, sqlite_engine)
    for client in [c for c in rows(sqlite_engine, Client) if c.status == "active"]:
        await chat.send(piet, f"/client {client.name}", chat=GROUP)
        member = await chat.press(piet, "Details", chat=GROUP)
        await chat.send(anna, f"/client {client.name}", chat=ANNA)
        admin = await chat.press(anna, "Details", chat=ANNA)

        assert REFUSED not in member.text and not MONEY.search(member.text), member.text
        bought = re.compile(r"^\d+ verko(?:op|pen)\b", re.MULTILINE)  # "26 verkopen · laatste …"
        assert bought.search(member.text) and bought.search(admin.text)
        assert "Omzet " in admin.text and "Omzet " not in member.text


async def test_risk_pages_stay_with_the_admin(chat: Chat, sqlite_engine: Engine) -> None:
    """/risk pages (‹ ›): the admin pages in private, where the first page went; a member
    pressing a page button (forged, or an old one in the group) gets no figures."""
    team, anna, piet = await _team(chat, sqlite_engine)
    await chat.send(anna, "/risk", chat=GROUP)
    [first] = [m for m in chat.api.in_chat(ANNA) if "›" in m.button_labels]
    text = first.text
    second = await chat.press(anna, "›", chat=ANNA)
    assert second.last.message_id == first.message_id and second.text not in text
    forged = await chat.press_data(piet, first, pack("rk", team.id, 1))
    told = forged.text + chat.api.callback_answers[-1]["text"]
    assert "In dit team zien alleen beheerders de bedragen" in told and not MONEY.search(told), told

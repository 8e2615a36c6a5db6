"""Money figures and the decline list: for everyone in the team, or for its admins only,
sent to them privately when asked in the group (Product rules: who is a team).

The one place that says what a member sees when the team keeps them for its admins:
- cards, lists, /check and the portrait without money lines (`money_shown_to_caller`);
- /clients ordered by grade only: an order by revenue or profit tells the figures
  (`sorts_for`);
- /sales without amounts and without the buttons to correct or delete a sale
  (`answer_with_money` with `buttons_without_money`);
- /paid, ✓ Already paid and correcting or deleting a sale refused with a clear answer
  (`require_money`), and their buttons not offered (`money_work_allowed`);
- /risk, the decline list and a card's details refused (`answer_with_money` without
  `without_money`); /export is for admins anyway (README: Commands).
"""

from __future__ import annotations

from bot.kit.texts import Refusal
from bot.kit.turn import Buttons, Turn
from locales import InputError, Markup
from storage.models import Role


def money_shown(turn: Turn) -> bool:
    """Whether figures may appear right here, without asking anyone's role."""
    return not turn.team.sensitive_to_admins


MONEY_SORTS = frozenset({"revenue", "profit"})  # orders that give the figures away


async def require_money(turn: Turn) -> None:
    """Refuse a member work that shows or changes money (/paid, ✓ Already paid, correcting or
    deleting a sale) when the team keeps money figures for its admins."""
    if money_shown(turn):
        return
    try:
        await turn.require(Role.ADMIN)
    except InputError as refused:
        if refused.message == Refusal.ADMINS_ONLY:
            raise InputError(Refusal.MONEY_WORK_FOR_ADMINS) from None
        raise


async def money_work_allowed(turn: Turn) -> bool:
    """Whether to offer this caller buttons that record payments or correct sales."""
    try:
        await require_money(turn)
    except InputError:
        return False
    return True


def sorts_for(sorts: tuple[str, ...], with_money: bool) -> tuple[str, ...]:
    """The list orders this caller may have here: none by money when figures are hidden."""
    return sorts if with_money else tuple(s for s in sorts if s not in MONEY_SORTS)


async def money_shown_to_caller(turn: Turn) -> bool:
    """For answers that are useful without figures (portrait, lists): drop the figures in a
    group that keeps them for admins, and in a member's private chat."""
    if money_shown(turn):
        return True
    if turn.caller.in_group:
        return False
    return await turn.holds(Role.ADMIN)


async def answer_with_money(
    turn: Turn,
    text: Markup | str,
    *,
    buttons: Buttons | None = None,
    edit: bool = False,
    without_money: Markup | None = None,
    buttons_without_money: Buttons | None = None,
) -> None:
    """Answer here; when the team keeps money figures for its admins, give members the
    answer `without_money` (or refuse them when there is none) and move an admin's answer
    from the group to their private chat, saying so in the group."""
    if money_shown(turn):
        turn.edit(text, buttons=buttons) if edit else turn.reply(text, buttons=buttons)
        return
    try:
        await turn.require(Role.ADMIN)
    except InputError as refused:
        if refused.message == Refusal.ADMINS_ONLY:
            if without_money is not None:
                plain = buttons if buttons_without_money is None else buttons_without_money
                turn.edit(without_money, buttons=plain) if edit else turn.reply(
                    without_money, buttons=plain
                )
                return
            raise InputError(Refusal.FOR_ADMINS) from None
        raise
    if not turn.caller.in_group:
        turn.edit(text, buttons=buttons) if edit else turn.reply(text, buttons=buttons)
        return
    turn.reply(text, buttons=buttons, chat_id=turn.caller.user_id)
    turn.say_sent_privately(turn.kompas.texts.sent_privately_with_money(turn.t))

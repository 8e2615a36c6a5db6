"""/settings: four groups of the team's settings on one phone screen, each group a screen of its
own; admins change them with buttons, members look.

The menu, its submenus and the time-zone pickers edit one message. A change lands with an
audit row, a bumped data version and an ↩ Undo for 24 hours; a change of the digest's day,
time, zone or on/off reschedules the digest once it is committed.
"""

from __future__ import annotations

import functools

from bot.jobs.scheduler import schedule_changed
from bot.kit.commands import command
from bot.kit.dialogs import Conversation, Dialog, finish, goto, new, question
from bot.kit.texts import Refusal
from bot.kit.turn import Buttons, Turn, button
from bot.render import refusals, time_zones
from bot.render import settings as render
from bot.render import settings_menu as menu
from bot.render.explain import rate_text
from bot.render.settings_menu import (
    BY_KIND,
    MARGINS,
    OFF,
    PAYMENT_DAYS,
    PERIODS,
    RETENTIONS,
    THRESHOLDS,
    TIMES,
    TYPED,
    VAT_RATES,
)
from locales import SUPPORTED_LOCALES, InputError, numbers
from locales.line_words import PER_HOUR
from scoring.settings import MARGIN_RANGE, THRESHOLD_RANGE, VAT_RANGE, within
from storage import dialogs as dialog_store
from storage import team_settings
from storage.models import Role
from storage.refusals import Refused
from storage.teams import hour_cost_limit, setting_out_of_range


async def may_change_settings(turn: Turn) -> bool:
    """Whether the caller may change settings (an admin; anyone in a personal team)."""
    return await turn.holds(Role.ADMIN)


def _team_id(turn: Turn) -> int:
    return turn.team_id


# The menu -------------------------------------------------------------------------------------


@command
async def settings(turn: Turn) -> None:
    """/settings: the groups of the team's settings, a line each, and a button to open each;
    inside a group, admins get a button per setting, members only the way back."""
    admin = await may_change_settings(turn)
    text, buttons = await _menu(turn, admin=admin, look=not admin)
    turn.reply(text, buttons=buttons)


@button()
async def settings_menu(turn: Turn) -> None:
    """The menu or one group of it: back from a submenu or a confirmation, or a group opened.
    Everyone may look inside a group; only admins change a setting."""
    group = turn.pressed.args[0] if turn.pressed.args else ""
    if group and group not in render.GROUPS:
        raise InputError(Refusal.STALE)
    admin = await may_change_settings(turn)
    # A member's own /settings: the groups open to look, with no button they could not use.
    look = menu.LOOK in turn.pressed.args[1:] and not admin
    if group:
        locked = await turn.run(team_settings.team_has_sales, team_id=_team_id(turn))
        text = render.group_text(
            turn.t, turn.team, group, currency_locked=locked, admin=admin, now=turn.now
        )
        buttons = (
            [menu.back_row(turn.t, turn.team_id, look=True)]
            if look
            else menu.group_buttons(turn.t, turn.team, group)
        )
    else:
        text, buttons = await _menu(turn, admin=admin, look=look)
    if admin:
        await _wait_for_typed(turn, "")
    turn.edit(text, buttons=buttons)


async def _menu(turn: Turn, *, admin: bool, look: bool = False) -> tuple[str, Buttons]:
    t, team = turn.t, turn.team
    locked = await turn.run(team_settings.team_has_sales, team_id=_team_id(turn))
    text = render.menu_text(t, team, currency_locked=locked, admin=admin, now=turn.now)
    return text, menu.menu_buttons(t, team, look=look)


# One setting ----------------------------------------------------------------------------------


def _value(code: str, choice: str) -> object:
    """The Team column's value for a pressed choice; anything not offered is stale."""
    try:
        if code == "lang" and choice in SUPPORTED_LOCALES:
            return choice
        if code == "cur" and choice in render.CURRENCIES:
            return choice
        if code == "scale" and choice in render.SCALES:
            return choice
        if code == "tz" and time_zones.is_zone(choice):
            return choice
        if code == "vat" and (choice == OFF or int(choice) in _all_rates()):
            return (False, None) if choice == OFF else (True, int(choice) / 100)
        if code == "pay" and (choice == BY_KIND or int(choice) in (0, *PAYMENT_DAYS)):
            return None if choice == BY_KIND else int(choice)
        if code == "hour" and choice == OFF:
            return None
        if code in ("digest", "approval", "private") and choice in ("0", "1"):
            return choice == "1"
        if code == "margin" and (choice == OFF or int(choice) in MARGINS):
            return None if choice == OFF else int(choice) / 100
        if code == "conc" and int(choice) in THRESHOLDS:
            return int(choice) / 100
        if code == "window" and int(choice) in PERIODS:
            return render.days(int(choice))
        if code == "dday" and int(choice) in range(7):
            return int(choice)
        if code == "dtime" and int(choice) in TIMES:
            return int(choice)
        if code == "retention" and (choice == OFF or int(choice) in RETENTIONS):
            return None if choice == OFF else render.days(int(choice))
    except ValueError:
        pass
    raise InputError(Refusal.STALE)


def _all_rates() -> set[int]:
    return {rate for rates in VAT_RATES.values() for rate in rates}


def _columns(code: str, value: object) -> dict[str, object]:
    """The Team columns a value writes: VAT is two, whether amounts include it and the rate."""
    if code == "vat":
        assert isinstance(value, tuple)
        included, rate = value
        return {"amounts_include_vat": included, "vat_rate": rate}
    return {render.BY_CODE[code].field: value}


@button(role=Role.ADMIN)
async def open_setting(turn: Turn) -> None:
    """A setting's submenu: what it does, its value, and the choices (current one ticked)."""
    code = turn.pressed.args[0] if turn.pressed.args else ""
    if code not in render.BY_CODE:
        raise InputError(Refusal.STALE)
    if code == "cur" and await turn.run(team_settings.team_has_sales, team_id=_team_id(turn)):
        raise InputError(Refused.CURRENCY_LOCKED)
    if code == "tz":
        _home_cities(turn)
        return
    current = render.current(turn.team, code)
    options, per_row = menu.choices(turn.t, turn.team, code, now=turn.now)
    ticked = {value for _label, value in options if _value(code, value) == current}
    text, buttons = menu.submenu(turn.t, _team_id(turn), code, options, per_row, ticked)
    await _wait_for_typed(turn, code)
    turn.edit(text, buttons=buttons, question=code in TYPED)


async def _wait_for_typed(turn: Turn, code: str) -> None:
    """A value typed at a submenu that takes one (`1500` before pressing Type the amount)
    is its answer; any other submenu ends that wait."""
    if code in TYPED:
        await turn.run(
            dialog_store.save_dialog,
            chat_id=turn.caller.chat_id,
            user_id=turn.caller.user_id,
            team_id=_team_id(turn),
            dialog=TypedSettingDialog.name,
            step="value",
            data={"setting": code, "quiet": True},
            now=turn.now,
        )
        return
    state = await turn.run(
        dialog_store.load_dialog,
        chat_id=turn.caller.chat_id,
        user_id=turn.caller.user_id,
        now=turn.now,
    )
    if getattr(state, "dialog", None) == TypedSettingDialog.name:
        await turn.run(
            dialog_store.clear_dialog, chat_id=turn.caller.chat_id, user_id=turn.caller.user_id
        )


@button(role=Role.ADMIN)
async def choose_value(turn: Turn) -> None:
    """A pressed choice: the setting changes, with Undo."""
    if len(turn.pressed.args) < 2 or turn.pressed.args[0] not in render.BY_CODE:
        raise InputError(Refusal.STALE)
    code, choice = turn.pressed.args[0], turn.pressed.args[1]
    await _wait_for_typed(turn, "")
    await _change(turn, code, _value(code, choice), edit=True)


async def _change(turn: Turn, code: str, value: object, *, edit: bool) -> None:
    setting, team = render.BY_CODE[code], turn.team
    if _same(render.current(team, code), value):  # "€ 40" typed where it is € 40
        back = menu.back_row(turn.t, _team_id(turn), code)
        text = menu.unchanged(turn.t, team, code, value, now=turn.now)
        turn.edit(text, buttons=[back]) if edit else turn.reply(text, buttons=[back])
        return
    change = await turn.run(
        team_settings.change_settings,
        team_id=_team_id(turn),
        user_id=turn.caller.user_id,
        now=turn.now,
        owner_language=team.is_personal,
        **_columns(code, value),
    )
    if setting.reschedules:
        turn.after_commit(
            functools.partial(schedule_changed, turn.context.application, _team_id(turn))
        )
    if code == "lang" and (team.is_personal or turn.caller.locale == team.locale):
        turn.caller.locale = str(value)  # whoever reads in the team's language reads on in it
    text = menu.changed(turn.t, team, code, value, now=turn.now)
    back = menu.back_row(turn.t, _team_id(turn), code)
    turn.confirm(text, change.undo_id, extra=[back], edit=edit)


def _same(current: object, value: object) -> bool:
    """Whether a chosen value is the one the team has (VAT's pair may come as a list)."""
    if isinstance(current, tuple) and isinstance(value, list | tuple):
        return current == tuple(value)
    return current == value


# Typed values ---------------------------------------------------------------------------------


@button(role=Role.ADMIN)
async def type_value(turn: Turn) -> None:
    """Type another value (a margin, a threshold, a time) instead of tapping one."""
    code = turn.pressed.args[0] if turn.pressed.args else ""
    if code not in TYPED:
        raise InputError(Refusal.STALE)
    await goto(turn, new(TypedSettingDialog.name, turn, setting=code), "value")


class TypedSettingDialog(Dialog):
    """One question: the value of a setting that takes free numbers."""

    name = "setting"
    role = Role.ADMIN

    async def ask(self, turn: Turn, convo: Conversation) -> None:
        question(turn, convo, render.typed_prompt(turn.t, convo.data["setting"]))

    async def answer(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        code = convo.data["setting"]
        if not text:
            raise InputError(refusals.TYPE_A_VALUE)
        value = _typed_value(turn, code, text)
        await finish(turn, convo)
        await _change(turn, code, value, edit=False)


def _typed_value(turn: Turn, code: str, text: str) -> object:
    """A typed setting's value within what a team may set (scoring.settings), else refused
    with the range: a margin of 100 % or a threshold below the watch line would stop every
    card and the digest. The check comes after rounding, so 99,999 % is no 100 %."""
    t = turn.t
    if code == "dtime":
        return t.parse_time(text)
    if code == "hour":
        currency = turn.team.currency
        cost = t.parse_money(PER_HOUR.sub("", text), currency, allow_zero=False)
        if setting_out_of_range("hour_cost", cost, currency=currency):
            limit = menu.whole_money(t, hour_cost_limit(currency), currency)
            raise InputError(refusals.HOUR_COST_LIMIT, limit=limit)
        return cost
    try:
        share = float(round(t.parse_percent(text), 4))
    except InputError as error:
        if error.message != numbers.PERCENT_RANGE:
            raise
        share = 2.0  # "150": refused with the setting's own range below, not "0 to 100"
    if code == "vat":
        if not within(VAT_RANGE, share):
            raise InputError(refusals.VAT_OUT_OF_RANGE)
        if 0 < share < 0.02:  # "0,25" for 25 %, "1.21" for 21 %: no VAT rate is under 2 %
            raise InputError(refusals.VAT_AS_A_FRACTION, text=text, rate=rate_text(t, share))
        return (True, share)
    if code == "conc":
        if not within(THRESHOLD_RANGE, share):
            raise InputError(refusals.THRESHOLD_OUT_OF_RANGE)
        return share
    if not within(MARGIN_RANGE, share):
        raise InputError(refusals.MARGIN_OUT_OF_RANGE)
    return share


# Time zone: country first, then its zones -----------------------------------------------------


def _home_cities(turn: Turn) -> None:
    text, buttons = menu.home_cities(turn.t, _team_id(turn), turn.team, now=turn.now)
    turn.edit(text, buttons=buttons)


@button(role=Role.ADMIN)
async def time_zone(turn: Turn) -> None:
    """The team's country's cities first; another country by the short list or by its first
    letter, then the zone as a city."""
    t, team_id, locale = turn.t, _team_id(turn), turn.caller.locale
    what, *rest = turn.pressed.args or ("",)
    if what == "top":
        _home_cities(turn)
    elif what == "ctry":
        text, buttons = menu.likely_countries(t, team_id, turn.team, now=turn.now)
        turn.edit(text, buttons=buttons)
    elif what == "abc":
        text, buttons = menu.letters(t, team_id, time_zones.first_letters(locale))
        turn.edit(text, buttons=buttons)
    elif what == "l":
        letters = time_zones.first_letters(locale)
        index = turn.pressed.int_arg(1)
        if not 0 <= index < len(letters):
            raise InputError(Refusal.STALE)
        countries = time_zones.countries_starting_with(locale, letters[index])
        text, buttons = menu.countries(t, team_id, countries)
        turn.edit(text, buttons=buttons)
    elif what == "c" and rest and rest[0] in time_zones.country_zones():
        country = rest[0]
        zones = time_zones.zones_of(t, country, now=turn.now)
        if len(zones) == 1:
            await _change(turn, "tz", zones[0], edit=True)
            return
        text, buttons = menu.zones(t, team_id, country, turn.team.timezone, now=turn.now)
        turn.edit(text, buttons=buttons)
    else:
        raise InputError(Refusal.STALE)

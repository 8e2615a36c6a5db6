"""Numbers, money and percentages: formatted with Babel/CLDR and parsed as people type them."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import format_currency, format_decimal, get_currency_precision
from babel.numbers import format_percent as _babel_percent

from locales.errors import N_, InputError


def currency_digits(currency: str) -> int:
    return get_currency_precision(currency)


def format_money(minor: int, currency: str, locale: str, *, whole: bool = False) -> str:
    digits = currency_digits(currency)
    amount = Decimal(minor).scaleb(-digits)
    if whole:
        return format_currency(
            round(amount),
            currency,
            locale=locale,
            format_type="standard",
            currency_digits=False,
            decimal_quantization=True,
        ).replace(",00", "")
    return format_currency(amount, currency, locale=locale)


def format_number(value: float | int | Decimal, locale: str, *, decimals: int | None = None) -> str:
    if decimals is None:
        return format_decimal(value, locale=locale)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale)


def format_percent(fraction: float, locale: str, *, decimals: int = 0) -> str:
    pattern = None if decimals == 0 else "#,##0." + "0" * decimals + "%"
    return _babel_percent(fraction, format=pattern, locale=locale)


def parse_number(
    text: str, locale: str, *, allow_negative: bool = False, max_decimals: int | None = None
) -> Decimal:
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text or "")
    if locale == "ru":
        cleaned = cleaned.replace(",", ".")
    else:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InputError(N_("“{text}” is not a number I can read."), text=text) from None
    if value < 0 and not allow_negative:
        raise InputError(N_("“{text}” is not a number I can read."), text=text)
    return value


def parse_money(text: str, currency: str, locale: str, **limits: object) -> int:
    value = parse_number(re.sub(r"[€$₽]|EUR|RUB", "", text or ""), locale)
    return int(value.scaleb(currency_digits(currency)))


def parse_percent(text: str, locale: str) -> Decimal:
    return parse_number((text or "").replace("%", ""), locale) / 100

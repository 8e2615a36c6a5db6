"""What the locales tests share: the locales, the odd spaces phones send, one assertion."""

from __future__ import annotations

from locales import InputError, escape, translator

LOCALES = ("nl", "ru")
NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
THIN = "\u2009"


def assert_said_in_both_languages(error: InputError) -> None:
    """The error reads as a real Dutch and Russian sentence, not the English message id."""
    english = error.message.format_map({k: escape(v) for k, v in error.params.items()})
    for locale in LOCALES:
        said = translator(locale).error(error)
        assert said.strip(), (locale, error.message)
        assert said != english, f"{error.message!r} is not translated to {locale}"

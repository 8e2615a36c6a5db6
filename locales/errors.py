"""The typed error for bad input: a message id and its parameters, localised where it is shown."""

from __future__ import annotations

from typing import Any


def N_(message: str) -> str:
    """Mark a message for extraction without translating it here."""
    return message


class InputError(Exception):
    """Expected bad input; the handler turns it into one localised answer and changes nothing."""

    def __init__(self, message: str, /, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

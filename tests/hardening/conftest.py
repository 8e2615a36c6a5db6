from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.stub_bot_api import StubBotApi


@pytest.fixture
def stub() -> Iterator[StubBotApi]:
    """A Bot API over real HTTP on a free port of 127.0.0.1, recording every call."""
    with StubBotApi() as api:
        yield api

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from tests.chat import Chat
from tests.stub_bot_api import StubBotApi


@pytest.fixture
async def chat(sqlite_engine, clock) -> AsyncIterator[Chat]:  # type: ignore[no-untyped-def]
    harness = await Chat.start(sqlite_engine, clock)
    yield harness
    await harness.stop()


@pytest.fixture
def stub() -> Iterator[StubBotApi]:
    """A Bot API over real HTTP on a free port of 127.0.0.1, recording every call."""
    with StubBotApi() as api:
        yield api

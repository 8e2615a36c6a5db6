from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.chat import Chat


@pytest.fixture
async def chat(sqlite_engine, clock) -> AsyncIterator[Chat]:  # type: ignore[no-untyped-def]
    harness = await Chat.start(sqlite_engine, clock)
    yield harness
    await harness.stop()

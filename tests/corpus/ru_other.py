from __future__ import annotations

from tests.corpus.expect import *  # noqa: F403

LINES = []

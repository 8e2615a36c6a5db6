"""Storage decides, render says (issue 19): storage raises its refusals by name
(storage/refusals.py) and holds no message id — not marked, not translated, not as a bare
string — so each message is spelled once, in bot/render/."""

from __future__ import annotations

from pathlib import Path

from tests.bot.test_render_boundary import message_ids_in

STORAGE = Path(__file__).resolve().parents[2] / "storage"

# What storage still says itself, and why.
ALLOWED = {
    # An erased client's new name, "Client #12", is written into the database in the team's
    # language (privacy), and no client may be given it (names): stored data, not a reply.
    "names": ["N_", "'Client #{id}'", "_"],
    "privacy": ["_"],
}


def test_storage_leaves_its_texts_to_render() -> None:
    said = {
        path.stem: [line.split(": ", 1)[1] for line in message_ids_in(path.read_text("utf-8"))]
        for path in sorted(STORAGE.glob("*.py"))
    }
    assert {module: found for module, found in said.items() if found} == ALLOWED

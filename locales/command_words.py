"""Words people type for a command instead of its name, in Dutch and English (bot/menu.py
reads them): `/verkocht` ("sold") means /verkoop, `/payment` means /paid."""

from __future__ import annotations

# The word typed → the command's name it stands for (its Dutch or English name).
SAID_OTHERWISE = {
    "verkocht": "verkoop",
    "betaling": "betaald",
    "nieuw": "toevoegen",
    "nieuwe": "toevoegen",
    "sold": "sale",
    "payment": "paid",
    "new": "add",
}

"""The fixed world every corpus line runs against: one Dutch team in euros and one Russian team
in roubles, each with a known client list, a few past sales per client (so every client and
each team has a median sale) and some open invoices for /paid. Today is Friday 4 December 2026.

Medians (for the "more than 100× the median" question), worked out by hand from the lists below:
Dutch team: 34 sales, median € 375 (a new client's sale above € 37.500 is asked about);
per client, e.g. Jan Smit € 200 (above € 20.000 asked), Bakkerij de Vries € 750.
Russian team: 29 sales, median 3 000 ₽ (a new client's sale above 300 000 ₽ is asked about);
per client, e.g. Волкова Анна 2 500 ₽ (above 250 000 ₽ asked), Кузнецов 600 ₽.
"""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2026, 12, 4)  # a Friday
NOW = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)  # 11:00 in Amsterdam, 13:00 in Moscow
NL_USER, RU_USER = 11, 12  # each owns a personal team and talks to the bot in private

# name → (kind, past sales in whole units, all paid).
NL_CLIENTS: dict[str, tuple[str, tuple[int, ...]]] = {
    "Bakkerij de Vries": ("organisation", (800, 900, 750)),  # median with open ones: 750
    "Hotel De Linde": ("organisation", (12_000, 10_000, 14_000)),  # median 11 000
    "Studio 54": ("organisation", (500, 600)),
    "Bakkerij 2000": ("organisation", (300, 350)),
    "Café 't Hoekje": ("organisation", (150, 200)),
    "Tandartspraktijk Van den Berg": ("organisation", (1_200, 1_000)),
    "De Groene Vlinder": ("organisation", (450, 500)),
    "Garage Autoservice": ("organisation", (350, 400)),
    "Özdemir": ("person", (350, 400)),
    "Jan Smit": ("person", (200, 250, 150)),  # median 200
    "Anneke van der Meer": ("person", (90, 120)),
    "Sanne de Jong": ("person", (75, 60)),
    "Pieter-Jan Bakker": ("person", (300,)),
    "Femke Jansen-Visser": ("person", (180, 220)),
}

RU_CLIENTS: dict[str, tuple[str, tuple[int, ...]]] = {
    "Волкова Анна": ("person", (2_500, 3_000, 2_000)),  # median 2 500: 250 000 ₽ is the limit
    "Кузнецов Артём Игоревич": ("person", (500, 700, 600)),
    "Фёдорова Мария Петровна": ("person", (3_500, 4_000)),
    "Зайцева Алёна Ивановна": ("person", (1_500, 1_800)),
    "Алиев": ("person", (2_500, 3_000)),
    "Жукова": ("person", (1_200,)),
    "Ёлкина Ольга": ("person", (1_000,)),
    "Сидорова-Белая Наталья": ("person", (2_000,)),
    # Stored first name first: found by its case forms and initials too (issue 17). One sale
    # below the team's median and one above leave it at 3 000 ₽.
    "Егор Лебедев": ("person", (1_000, 5_000)),
    "Звездочка": ("organisation", (25_000, 40_000)),
    "Кофейня Зерно": ("organisation", (5_000, 6_000)),
    "Студия 21": ("organisation", (8_000, 9_000)),
    "ООО Ромашка": ("organisation", (50_000, 60_000)),
}

# Open invoices: tag → (client, amount in whole units, sold on). /paid lines name these tags.
NL_OPEN: dict[str, tuple[str, int, dt.date]] = {
    "devries-400": ("Bakkerij de Vries", 400, dt.date(2026, 11, 10)),
    "devries-250": ("Bakkerij de Vries", 250, dt.date(2026, 11, 20)),
    "linde-1500": ("Hotel De Linde", 1_500, dt.date(2026, 11, 25)),
    "vlinder-450": ("De Groene Vlinder", 450, dt.date(2026, 11, 30)),
}
RU_OPEN: dict[str, tuple[str, int, dt.date]] = {
    "zvezdochka-25000": ("Звездочка", 25_000, dt.date(2026, 11, 25)),
    "kuznetsov-500": ("Кузнецов Артём Игоревич", 500, dt.date(2026, 11, 20)),
    "kuznetsov-700": ("Кузнецов Артём Игоревич", 700, dt.date(2026, 11, 27)),
    "romashka-50000": ("ООО Ромашка", 50_000, dt.date(2026, 11, 16)),
}

# Paid sales lie on the first days of September, October and November, one per month.
PAST_DAYS = (dt.date(2026, 9, 1), dt.date(2026, 10, 1), dt.date(2026, 11, 2))

# A second Dutch team (the second reader's lines, issue 17): clients with a form of address
# (with a dot, typed without one), two Smits, a family beside a person of the same surname.
NL2_USER = 13
NL2_CLIENTS: dict[str, tuple[str, tuple[int, ...]]] = {
    "dhr. van der Linden": ("person", (120, 150)),
    "mevr. Özdemir": ("person", (60, 80)),
    "mw. Jansen": ("person", (90, 110)),
    "Fam. de Jong": ("person", (200, 250)),
    "Sanne de Jong": ("person", (75, 60)),
    "Jan Smit": ("person", (150, 200)),
    "Tandartspraktijk Smit": ("organisation", (1_200, 1_000)),
    "Kwekerij Peters": ("organisation", (800, 900)),
    # A lone Pietersen; two Vissers beside a Visser organisation; a firm named for a family.
    "Kees Pietersen": ("person", (100, 120)),
    "Henk Visser": ("person", (90, 100)),
    "Ria Visser": ("person", (80, 95)),
    "Makelaardij Visser": ("organisation", (2_000, 2_500)),
    "Van den Heuvel": ("organisation", (600, 700)),
}
# The persons whose gender the team entered: "dhr pietersen" is Kees Pietersen's, unasked; on a
# person whose gender nobody entered, a gendered form of address is asked about (test_titles).
GENDERS = {"Kees Pietersen": "m", "Henk Visser": "m", "Ria Visser": "f", "Jan Smit": "m"}
NL2_OPEN: dict[str, tuple[str, int, dt.date]] = {
    "jansmit-150": ("Jan Smit", 150, dt.date(2026, 11, 28)),
    "tandarts-1200": ("Tandartspraktijk Smit", 1_200, dt.date(2026, 11, 20)),
}

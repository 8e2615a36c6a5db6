"""A generated purchase log shaped like a shop's: many once-only buyers, a few hundred regulars.

Issue 21 measures Kompas on "a team of 23,500 customers / 70,000 sales" from a real purchase log.
We generate one rather than download it: 18 months of sales, about 60 % of customers buying once,
a long tail of regulars of whom a few hundred buy dozens of times, lognormal baskets, written the
way Dutch Excel saves a CSV (BOM, `;`, decimal comma, `dd-mm-yyyy`). No cost or time columns:
a shop's log has neither, which is exactly the case where grades must still discriminate.

    python -m tests.benchmarks.purchase_log OUT.csv [--customers 23500] [--sales 70000]
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import numpy as np

END = dt.date(2026, 11, 23)
MONTHS = 18
SEED = 20261205

FIRST = (
    "Sanne Daan Emma Lucas Julia Sem Tess Finn Zoë Levi Anna Noah Eva Milan Lotte Bram Fenna "
    "Thijs Isa Ruben Sara Jesse Lisa Luuk Noor Stijn Fleur Tim Roos Niels Femke Joris Iris Koen "
    "Maud Wouter Ilse Pieter Anouk Jeroen Marieke Bas Esther Gijs Inge Hugo Yara Mehmet Fatima "
    "Ahmed Ayşe Olga Ivan Priya Wei Chen"
).split()
LAST = (
    "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|"
    "Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|"
    "de Graaf|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|"
    "van der Veen|van den Broek|de Bruijn|de Bruin|van der Heijden|Schouten|van Beek|Willems|"
    "van Vliet|van de Ven|Hoekstra|Maas|Verhoeven|Koster|van Dam|van der Wal|Prins|Blom|Huisman|"
    "Peeters|de Jonge|Kuipers|van Veen|Post|Kuiper|Veenstra|Kramer|van den Brink|Scholten|"
    "van Wijk|Postma|Martens|Vink|de Ruiter|Timmermans|Groen|Gerritsen|Jonker|van Loon|Boer|"
    "van der Velde|Willemsen|Smeets|de Lange|de Vos|Bosch|van Dongen|Schipper|de Koning|"
    "van der Laan|Koning|van der Velden|Driessen|van Doorn|Hermans|Evers|van den Bosch|"
    "van der Meulen|Hofman|Bosman|Wolters|Sijbesma|Yılmaz|Kaya|Öztürk|Nguyen|Ivanova"
).split("|")


def purchase_counts(rng: np.random.Generator, customers: int, sales: int) -> np.ndarray:
    """Purchases per customer, summing to `sales`: ~60 % once, a tail reaching dozens."""
    counts = np.ones(customers, dtype=np.int64)
    repeat = rng.random(customers) >= 0.6
    # A Pareto tail: most repeaters buy a handful of times, a few hundred buy dozens.
    counts[repeat] = 2 + np.floor(rng.pareto(1.3, repeat.sum()) * 2.2).astype(np.int64)
    counts = np.minimum(counts, 150)
    # Bring the total to exactly `sales` by adding to (or taking from) the repeaters.
    order = rng.permutation(np.flatnonzero(repeat))
    step = 0
    while (gap := sales - int(counts.sum())) != 0:
        who = order[step % len(order)]
        if gap > 0:
            counts[who] += 1
        elif counts[who] > 2:
            counts[who] -= 1
        step += 1
    return counts


def customer_names(rng: np.random.Generator, customers: int) -> list[str]:
    names: set[str] = set()
    ordered: list[str] = []
    initials = "ABCDEFGHIJKLMNOPRSTVW"
    while len(ordered) < customers:
        name = (
            f"{FIRST[rng.integers(len(FIRST))]} {initials[rng.integers(len(initials))]}. "
            f"{LAST[rng.integers(len(LAST))]}"
        )
        if name not in names:
            names.add(name)
            ordered.append(name)
    return ordered


def purchase_log_csv(
    customers: int = 23_500, sales: int = 70_000, *, end: dt.date = END, seed: int = SEED
) -> bytes:
    rng = np.random.default_rng(seed)
    counts = purchase_counts(rng, customers, sales)
    names = customer_names(rng, customers)
    span = round(MONTHS * 30.44)
    # Each customer's first purchase anywhere in the 18 months, the rest after it.
    first = rng.integers(0, span, customers)
    owner = np.repeat(np.arange(customers), counts)
    # Later purchases fall between the first one and the end of the log.
    days = first[owner] + np.floor(rng.random(sales) * (span - first[owner] + 1)).astype(np.int64)
    days[np.r_[0, np.cumsum(counts)[:-1]]] = first  # each customer's first purchase itself
    cents = np.maximum(195, rng.lognormal(np.log(4_500), 0.8, sales).astype(np.int64))
    start = end - dt.timedelta(days=span)
    order = np.lexsort((owner, days))
    lines = ["Klant;Datum;Bedrag"]
    for i in order:
        day = start + dt.timedelta(days=int(days[i]))
        euros, rest = divmod(int(cents[i]), 100)
        amount = f"{euros:,}".replace(",", ".") + f",{rest:02d}"
        lines.append(f"{names[owner[i]]};{day:%d-%m-%Y};{amount}")
    return b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--customers", type=int, default=23_500)
    parser.add_argument("--sales", type=int, default=70_000)
    args = parser.parse_args()
    args.out.write_bytes(purchase_log_csv(args.customers, args.sales))


if __name__ == "__main__":
    main()

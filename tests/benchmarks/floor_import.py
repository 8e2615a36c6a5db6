"""The floor of `kompas import`: the least any importer of this log has to do.

Issue 21: pandas reads the Dutch-Excel CSV (`;`, decimal comma), SQLite gets a clients and a
sales table with the same indexes as Kompas's (a unique name key per team, the status index; the
client, day (holding the loaded columns) and unique source-reference indexes of sales) through
`executemany` in one transaction. No validation, no duplicate check, no audit: a floor, not an
importer. It must not import anything of Kompas.

    python floor_import.py LOG.csv DB.sqlite
"""

import sqlite3
import sys

import pandas as pd

SCHEMA = """
CREATE TABLE client (
    id INTEGER PRIMARY KEY, team_id INTEGER NOT NULL, name VARCHAR(200) NOT NULL,
    name_key VARCHAR(200) NOT NULL, kind VARCHAR(16) NOT NULL, status VARCHAR(16) NOT NULL,
    created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
    UNIQUE (team_id, name_key)
);
CREATE INDEX ix_client_team_id_status ON client (team_id, status);
CREATE TABLE sale (
    id INTEGER PRIMARY KEY, team_id INTEGER NOT NULL,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    sold_on DATE NOT NULL, amount BIGINT NOT NULL, source_ref VARCHAR(64),
    created_at DATETIME NOT NULL,
    UNIQUE (team_id, source_ref)
);
CREATE INDEX ix_sale_client_id ON sale (client_id);
CREATE INDEX ix_sale_team_id_sold_on ON sale (team_id, sold_on, client_id, amount);
"""
NOW = "2026-11-23 08:30:00"


def main(path: str, database: str) -> None:
    log = pd.read_csv(path, sep=";", decimal=",", thousands=".", encoding="utf-8-sig")
    names = log["Klant"].drop_duplicates().tolist()
    ids = {name: number for number, name in enumerate(names, start=1)}
    days = pd.to_datetime(log["Datum"], format="%d-%m-%Y").dt.strftime("%Y-%m-%d")
    cents = (log["Bedrag"] * 100).round().astype("int64")
    connection = sqlite3.connect(database)
    connection.executescript(SCHEMA)
    with connection:
        connection.executemany(
            "INSERT INTO client VALUES (?, 1, ?, ?, 'person', 'active', ?, ?)",
            ((ids[name], name, name.casefold(), NOW, NOW) for name in names),
        )
        connection.executemany(
            "INSERT INTO sale VALUES (NULL, 1, ?, ?, ?, ?, ?)",
            zip(
                log["Klant"].map(ids).tolist(),
                days.tolist(),
                cents.tolist(),
                (f"row-{row}" for row in range(len(log))),
                (NOW for _ in range(len(log))),
                strict=False,
            ),
        )
    connection.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

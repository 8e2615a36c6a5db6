"""The file reader's answer crosses from its child process as a pickle of columns (issue 21):
whatever a file said must arrive exactly as read."""

import datetime as dt
import pickle

from storage.import_rows import FileClient, FileEvent, FileSale, FileSales, ParsedFile

DAY = dt.date(2026, 3, 1)


def test_a_parsed_file_arrives_as_it_was_read() -> None:
    parsed = ParsedFile("sales", has_payments=True)
    parsed.clients["anna"] = FileClient(2, "Anna", "anna", {"city": "Utrecht"}, None, DAY)
    parsed.clients["bob"] = FileClient(3, "Bob", "bob", {}, ("Anna", "anna", 3), None)
    parsed.sales = FileSales.of(
        [
            FileSale("anna", DAY, 1_250, None, 30, DAY + dt.timedelta(days=14), None, 500),
            FileSale("anna", DAY, 1_250, 0, None, None, DAY, None),
            FileSale("bob", dt.date(1, 1, 1), 9_007_199_254_740_000, 40, None, None, None),
        ]
    )
    parsed.events.append(FileEvent(4, "Anna", "anna", "complaint", DAY, note="Te laat"))
    parsed.named |= {"anna", "bob", "carla"}

    arrived = pickle.loads(pickle.dumps(parsed))

    assert arrived == parsed
    assert arrived.clients["bob"].traits == {}
    arrived.clients["bob"].traits["city"] = "Gouda"  # each client its own traits, as read
    assert parsed.clients["anna"].traits == {"city": "Utrecht"}


def test_a_file_without_sales_or_clients_arrives_empty() -> None:
    parsed = ParsedFile("history")

    assert pickle.loads(pickle.dumps(parsed)) == parsed

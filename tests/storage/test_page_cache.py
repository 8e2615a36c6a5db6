"""An import raises SQLite's page cache for its bulk write and puts it back (issue 21): the
bot's pooled connection must not keep 64 MB of cache after one import."""

from pathlib import Path

from storage.engine import larger_page_cache, make_engine


def test_the_page_cache_is_raised_for_the_write_and_put_back(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    with engine.connect() as connection:
        size = "PRAGMA cache_size"
        before = connection.exec_driver_sql(size).scalar()
        with larger_page_cache(connection):
            during = connection.exec_driver_sql(size).scalar()
        after = connection.exec_driver_sql(size).scalar()
    engine.dispose()

    assert during == -64 * 1024
    assert after == before != during

"""`Records`: an immutable, tuple-like sequence whose items are built when first read.

A team of 100 000 clients can have tens of thousands of clients owing money or worth a look
for declining; building a frozen dataclass for each takes longer than the whole analysis of a
small team, while the digest and the bot read the first few. The columns are kept as plain
lists and an item is made on access (and kept). It behaves as the tuple it stands for: len,
indexing, slicing (which returns a real tuple), iteration, `in`, equality with tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class Records(Sequence[T], Generic[T]):
    """Items `make(*row)` for each row of `columns`, built lazily, in order."""

    __slots__ = ("_columns", "_items", "_make")

    def __init__(self, make: Callable[..., T], *columns: Sequence[Any]) -> None:
        self._make = make
        self._columns = columns
        self._items: list[T | None] = [None] * (len(columns[0]) if columns else 0)

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(self._item(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("Records index out of range")
        return self._item(index)

    def _item(self, i: int) -> T:
        item = self._items[i]
        if item is None:
            item = self._items[i] = self._make(*(column[i] for column in self._columns))
        return item

    def __iter__(self) -> Iterator[T]:
        return (self._item(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Records | tuple | list):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        shown = ", ".join(repr(item) for item in self[:3])
        more = f", … {len(self) - 3} more" if len(self) > 3 else ""
        return f"Records({shown}{more})"

"""Reading an uploaded file apart from the bot: a child process with memory and time limits.

An .xlsx file is a zip archive of XML: a hundred kilobytes can inflate to gigabytes or hold
millions of cells. So neither the bot nor ``kompas import`` parses a file itself. A fresh Python
process reads it (``storage.importing.read_import``) under an address-space limit
(``MAX_MEMORY``) and a CPU and wall-clock limit (``MAX_SECONDS``) and hands back only the
checked values. Whatever goes wrong in there (a limit hit, a crash) is a refusal with a reason
for the sender; the caller's memory never holds more than the file's bytes and its values, and
the bot awaits the child without blocking its event loop (``read_apart``). At most ``WORKERS``
files are read at once per process; more wait their turn.

The child gets two pickles on stdin and answers on stdout with one: first the file (its bytes,
or for ``kompas import`` its path) and the limits, which it splits into rows at once; then how
the team reads cells (language, currency, today), which ``kompas import`` knows only once it has
opened the database. It runs our own code on the file, and its answer is only ever a
``ReadImport`` or an ``InputError``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from locales import InputError
from storage.refusals import Refused

if TYPE_CHECKING:
    from storage.import_results import ReadImport

MAX_MEMORY = 512 * 1024 * 1024  # resident; a 210 000-row export takes some 280 MB
MAX_SECONDS = 60
# Address space the interpreter maps beyond what it uses (openpyxl brings numpy): ~240 MB.
_INTERPRETER = 512 * 1024 * 1024
_POLL = 0.01  # seconds between looks at the child's memory and whether it has ended
WORKERS = 2
_ROOT = Path(__file__).resolve().parent.parent
_turns = threading.BoundedSemaphore(WORKERS)  # across the bot's and any other threads
_readers = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="kompas-file")


async def read_apart(
    *, filename: str, content: bytes, locale: str, currency: str, today: dt.date
) -> ReadImport:
    """``read_isolated`` awaited off the event loop: other chats go on while a file is read.

    Its own threads, not asyncio's default pool: files waiting their turn must not hold the
    threads that PostgreSQL work runs on."""
    import asyncio  # here: the child process that imports this module to read never needs it

    read = functools.partial(
        read_isolated,
        filename=filename,
        content=content,
        locale=locale,
        currency=currency,
        today=today,
    )
    return await asyncio.get_running_loop().run_in_executor(_readers, read)


def read_isolated(**reading: Any) -> ReadImport:
    """The file read and checked in a child process held to `memory` bytes of resident memory
    and `seconds` of CPU and (a few more) of wall-clock time; InputError when it can't be.
    Takes ``run_reader``'s arguments."""
    return reader_answer(run_reader(**reading))


def run_reader(
    *,
    filename: str,
    content: bytes,
    locale: str,
    currency: str,
    today: dt.date,
    memory: int = MAX_MEMORY,
    seconds: int = MAX_SECONDS,
) -> ReaderRun:
    """The file sent to a new child process, its answer not yet unpickled: a thread that runs
    this imports nothing, so it never races the main thread's imports (unpickling imports the
    answer's modules: `kompas import` failed now and then with "partially initialized module
    'babel.core'")."""
    with _turns:
        reader = Reader()
        reader.send_file(filename, content=content, memory=memory, seconds=seconds)
        reader.send_cells(locale=locale, currency=currency, today=today)
        return watch_reader(reader, seconds=seconds, memory=memory)


def watch_reader(
    reader: Reader, *, seconds: int = MAX_SECONDS, memory: int = MAX_MEMORY
) -> ReaderRun:
    """The answer of a child that has its file and its cells, watched until it comes."""
    returncode, out, err = _watched(reader, memory=memory, seconds=seconds + 5)
    return ReaderRun(returncode, out, err, seconds)


class ReaderRun(NamedTuple):
    returncode: int
    out: bytes
    err: bytes
    seconds: int


def reader_answer(ran: ReaderRun) -> ReadImport:
    """What the child read, or the InputError it answered or died of."""
    if ran.returncode != 0 or not ran.out:
        raise _why_it_died(ran.returncode, ran.err, ran.seconds)
    answer = pickle.loads(ran.out)  # noqa: S301 — our own child's answer, see the docstring
    if isinstance(answer, InputError):
        raise answer
    return answer


class Reader:
    """A reader's child process, started before its file is known: it loads the reading code
    (~0.1 s) while its parent loads its own. It reads nothing until it is sent a file
    (``send_file``), limits itself as soon as it has it and splits it into rows, then waits for
    how to read the cells (``send_cells``). Its answer and errors go to files in a private
    temporary folder, so no pipe can fill and stall. ``close`` ends it if still running and
    removes the folder."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_ROOT), *sys.path]))}
        self._folder = tempfile.TemporaryDirectory(prefix="kompas-file-")
        self.answered, self.errors = (Path(self._folder.name, n) for n in ("answer", "errors"))
        with self.answered.open("wb") as stdout, self.errors.open("wb") as stderr:
            self.process = subprocess.Popen(
                # -S: no site start-up (~20 ms); the path it would build comes in PYTHONPATH
                [sys.executable, "-S", "-m", "storage.file_worker"],
                stdin=subprocess.PIPE,
                stdout=stdout,
                stderr=stderr,
                env=env,
                cwd=_ROOT,
            )

    def send_file(
        self,
        filename: str,
        *,
        content: bytes | None = None,
        path: str | None = None,
        memory: int = MAX_MEMORY,
        seconds: int = MAX_SECONDS,
    ) -> None:
        """The file, as its bytes or as a path the child reads itself (a few bytes through the
        pipe, so the caller never waits for the child to take them), with the limits."""
        limits = {"address_space": memory + _INTERPRETER, "seconds": seconds}
        file = {"filename": filename, "content": content, "path": path}
        self._write(pickle.dumps({"limits": limits, "file": file}), last=False)

    def send_cells(self, *, locale: str, currency: str, today: dt.date) -> None:
        """How the team reads the file's cells: the child reads the rows with it and answers."""
        self._write(pickle.dumps({"locale": locale, "currency": currency, "today": today}), True)

    def _write(self, request: bytes, last: bool) -> None:
        stdin = self.process.stdin  # a pipe: opened above
        try:
            stdin.write(request)  # type: ignore[union-attr]
            stdin.flush()  # type: ignore[union-attr]
            if last:
                stdin.close()  # type: ignore[union-attr]
        except BrokenPipeError:
            pass  # it answered already (an unreadable file) or died: its exit status says why

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process.stdin is not None and not self.process.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self.process.stdin.close()
        self._folder.cleanup()


def _watched(reader: Reader, *, memory: int, seconds: float) -> tuple[int, bytes, bytes]:
    """Wait for the child; kill it when its resident memory passes `memory` or time runs out.

    Watched from outside, not only by RLIMIT_AS inside: a Python that runs out of address
    space can spend minutes raising MemoryError in its own exception handling."""
    try:
        deadline = time.monotonic() + seconds
        child = reader.process
        while True:
            try:
                returncode = child.wait(timeout=_POLL)
                break
            except subprocess.TimeoutExpired:
                too_big = _resident(child.pid) > memory
                if too_big or time.monotonic() > deadline:
                    raise (
                        InputError(Refused.TOO_BIG_INSIDE) if too_big else _too_slow(seconds)
                    ) from None
        return returncode, reader.answered.read_bytes(), reader.errors.read_bytes()
    finally:
        reader.close()


def _resident(pid: int) -> int:
    """The child's resident memory in bytes, from /proc (0 where there is none: then only the
    child's own address-space limit holds it)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _too_slow(seconds: float) -> InputError:
    return InputError(Refused.TOO_SLOW, seconds=int(seconds))


def _why_it_died(returncode: int, stderr: bytes, seconds: int) -> InputError:
    if b"MemoryError" in stderr or returncode == -signal.SIGKILL:
        return InputError(Refused.TOO_BIG_INSIDE)
    if returncode == -signal.SIGXCPU:
        return _too_slow(seconds)
    return InputError(Refused.UNREADABLE)


def _limit_myself(address_space: int, seconds: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def _child() -> int:
    # Here: the parent (the bot, `kompas import`) starts this process before it needs the
    # reading half itself; the answer's unpickling imports it there.
    from storage.importing import read_rows
    from storage.tabular import MAX_BYTES, file_digest, file_suffix, read_table

    # A read makes tens of thousands of objects and few cycles: collected every 100 000 new
    # objects instead of 700, as `kompas import` itself does (bot/cli/files.py), the read of a
    # 70 000-sale log took ~30 % less CPU. Still collected, within the same memory limits.
    gc.freeze()
    gc.set_threshold(100_000, 50, 10)
    requests = sys.stdin.buffer
    request = pickle.load(requests)  # noqa: S301 — from the parent only
    _limit_myself(**request["limits"])
    file = request["file"]
    try:
        if file["path"] is not None:
            with Path(file["path"]).open("rb") as opened:
                file["content"] = opened.read(MAX_BYTES + 1)  # one byte over is refused
        table = read_table(file["filename"], file["content"])
        read_file = {
            "digest": file_digest(file["content"]),
            "suffix": file_suffix(file["filename"]),
        }
        del request, file
        try:
            cells = pickle.load(requests)  # noqa: S301 — from the parent only
        except EOFError:  # the parent stopped (no such team): nothing to answer
            return 0
        answer: object = read_rows(table, **cells, **read_file)
    except InputError as error:
        answer = error
    except OSError:
        answer = InputError(Refused.UNREADABLE)
    except MemoryError:
        answer = InputError(Refused.TOO_BIG_INSIDE)
    sys.stdout.buffer.write(pickle.dumps(answer))
    return 0


if __name__ == "__main__":
    code = _child()
    # The answer is written: tearing this interpreter down (tens of thousands of rows freed one
    # by one, ~30 ms) would only keep the parent waiting, which reads the answer once we end.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)

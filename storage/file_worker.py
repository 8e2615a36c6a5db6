"""Reading an uploaded file apart from the bot: a child process with memory and time limits.

An .xlsx file is a zip archive of XML: a hundred kilobytes can inflate to gigabytes or hold
millions of cells. So neither the bot nor ``kompas import`` parses a file itself. A fresh Python
process reads it (``storage.importing.read_import``) under an address-space limit
(``MAX_MEMORY``) and a CPU and wall-clock limit (``MAX_SECONDS``) and hands back only the
checked values. Whatever goes wrong in there (a limit hit, a crash) is a refusal with a reason
for the sender; the caller's memory never holds more than the file's bytes and its values, and
the bot awaits the child without blocking its event loop (``read_apart``). At most ``WORKERS``
files are read at once per process; more wait their turn.

The child gets the file on stdin and answers on stdout with a pickle: it runs our own code on
the file, and its answer is only ever a ``ReadImport`` or an ``InputError``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import pickle
import signal
import subprocess
import sys
import threading
from pathlib import Path

from locales import N_, InputError
from storage.importing import ReadImport, read_import

MAX_MEMORY = 768 * 1024 * 1024  # address space: the interpreter with openpyxl takes ~240 MB
MAX_SECONDS = 60
WORKERS = 2
_ROOT = Path(__file__).resolve().parent.parent
_turns = threading.BoundedSemaphore(WORKERS)

TOO_SLOW = N_(
    "This file takes too long to read: I stopped after {seconds} seconds. "
    "Split it into smaller files, or save it as CSV."
)
TOO_BIG_INSIDE = N_(
    "This file needs too much memory to read, though it looks small. "
    "Save it as CSV, or split it into smaller files."
)
UNREADABLE = N_("I can't read this file. Save it as .xlsx or CSV and send it again.")


async def read_apart(
    *, filename: str, content: bytes, locale: str, currency: str, today: dt.date
) -> ReadImport:
    """``read_isolated`` awaited off the event loop: other chats go on while a file is read."""
    return await asyncio.to_thread(
        read_isolated,
        filename=filename,
        content=content,
        locale=locale,
        currency=currency,
        today=today,
    )


def read_isolated(
    *, filename: str, content: bytes, locale: str, currency: str, today: dt.date
) -> ReadImport:
    """The file read and checked in a bounded child process; InputError when it can't be."""
    request = pickle.dumps(
        {
            "filename": filename,
            "content": content,
            "locale": locale,
            "currency": currency,
            "today": today,
        }
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_ROOT), *sys.path]))}
    with _turns:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "storage.file_worker"],
                input=request,
                capture_output=True,
                timeout=MAX_SECONDS + 5,  # the child's own CPU limit usually stops it first
                env=env,
                cwd=_ROOT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise InputError(TOO_SLOW, seconds=MAX_SECONDS) from None
    if done.returncode != 0 or not done.stdout:
        raise _why_it_died(done.returncode, done.stderr)
    answer = pickle.loads(done.stdout)  # noqa: S301 — our own child's answer, see the docstring
    if isinstance(answer, InputError):
        raise answer
    return answer


def _why_it_died(returncode: int, stderr: bytes) -> InputError:
    if b"MemoryError" in stderr or returncode == -signal.SIGKILL:
        return InputError(TOO_BIG_INSIDE)
    if returncode == -signal.SIGXCPU:
        return InputError(TOO_SLOW, seconds=MAX_SECONDS)
    return InputError(UNREADABLE)


def _limit_myself() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MAX_MEMORY, MAX_MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (MAX_SECONDS, MAX_SECONDS + 1))


def _child() -> int:
    _limit_myself()
    request = pickle.loads(sys.stdin.buffer.read())  # noqa: S301 — from the parent only
    try:
        answer: object = read_import(**request)
    except InputError as error:
        answer = error
    except MemoryError:
        answer = InputError(TOO_BIG_INSIDE)
    sys.stdout.buffer.write(pickle.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(_child())

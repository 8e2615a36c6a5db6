"""Both catalogs compile with the standard tools: `msgfmt -c`, and `make i18n` keeps them so."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.extract import extract_from_dir

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "n_": (1, 2), "N_": None}
LOCALES = ["nl", "ru"]
MSGFMT = shutil.which("msgfmt")


def _msgfmt_check(po: Path) -> None:
    if MSGFMT is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt (gettext) is missing on CI")
        pytest.skip("msgfmt (gettext) is not installed")
    done = subprocess.run(
        [MSGFMT, "-c", "-o", os.devnull, str(po)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("locale", LOCALES)
def test_msgfmt_c_accepts_the_catalog(locale: str) -> None:
    _msgfmt_check(ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po")


def test_msgfmt_c_accepts_the_template() -> None:
    # The template is merged by hand and by git: a msgid left without its msgstr there
    # (a merge joined two entries) passes Babel's lenient reader but not the standard tools.
    _msgfmt_check(ROOT / "locales" / "messages.pot")


def test_no_message_in_the_code_reads_as_a_percent_format() -> None:
    # The code formats with {braces} only. Babel flags any id with "% o", "%d" … as python-format
    # on every `make i18n`, and then msgfmt -c rejects the Dutch "10% van" and Russian "10 % от".
    flagged = []
    for package in ("bot", "storage", "locales", "scoring"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            if Message(message).python_format:
                flagged.append(message)
    assert flagged == []


def test_make_i18n_keeps_the_catalogs_compilable(tmp_path: Path) -> None:
    # The Makefile's i18n target, run on a copy: the header (plural forms, charset) must survive.
    pybabel = Path(os.sys.executable).with_name("pybabel")
    if not pybabel.exists():
        pytest.skip("pybabel is not installed next to this Python")
    shutil.copytree(ROOT / "locales", tmp_path / "locales", ignore=shutil.ignore_patterns("*.py"))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    update = next(line for line in makefile.splitlines() if "pybabel update" in line)
    args = update.split("pybabel update", 1)[1].split()
    subprocess.run(
        [str(pybabel), "update", *args],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    for locale in LOCALES:
        _msgfmt_check(tmp_path / "locales" / locale / "LC_MESSAGES" / "messages.po")

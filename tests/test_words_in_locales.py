"""No Dutch or Russian words outside `locales/` (issue 19): the words people type, their endings
and letters are language data, kept where the languages are (locales/line_words.py,
locales/name_words.py, locales/scripts.py …), so a newcomer adding a word or a language
looks in one place.

What it reads: every string constant in the product code outside locales/ (bot/, storage/,
scoring/) — regexes, tuples of words, dictionary keys, f-string parts — as Python decoded it,
so `"\\u0430"` counts as the letter а. A string fails when it holds a Cyrillic letter, or one
of `DUTCH` as a whole word (any case).

What it leaves alone, on purpose:
- comments and docstrings: examples of what people type («привела Смирнову») explain the code;
- message ids, the first arguments of `N_`, `_`, `ngettext` …: English source text that the
  catalogs in locales/ translate (its examples name "Bakkerij de Vries");
- a command's Dutch name in the one command registry, `Command("client", "klant", …)` in
  bot/menu.py: the name people type, declared once with the command (issue 19);
- `PENDING`: strings in modules another branch is rewriting; each is checked to still be there,
  so the list shrinks when they move.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "storage", "scoring")

CYRILLIC = re.compile("[\u0400-\u052f]")
# Common Dutch words from the tables that lived in the code before issue 19 (and function
# words any Dutch phrase has). Words Dutch shares with English or with code ("in", "per",
# "via", "rest", "euro") are left out: they would flag English; so is "de", Germany's and
# German's code.
DUTCH = frozenset(
    {"en", "het", "een", "van", "der", "den", "op", "uit", "te", "naar", "voor", "niet"}
    | {"alles", "allemaal", "verkocht", "verkoop", "betaald", "betaling", "nieuw", "nieuwe"}
    | {"toevoegen", "contant", "gepind", "gisteren", "vandaag", "morgen", "geleden", "uur"}
    | {"klant", "klanten", "facturen", "rekening", "bedankt", "hoi", "nee", "heeft", "bracht"}
    | {"vriendin", "bakkerij", "dhr", "mevrouw", "geboren", "horeca", "stichting", "vorige"}
)
_DUTCH_WORD = re.compile(r"\b(?:" + "|".join(sorted(DUTCH)) + r")\b", re.IGNORECASE)

MESSAGE_FUNCTIONS = frozenset({"N_", "_", "gettext", "ngettext", "pgettext", "npgettext"})
REGISTRY = "bot/menu.py"

# (module, string): strings still waiting for their move, by text, not line, so that edits
# around them don't break the list. bot/kit and bot/render are being reorganised on another
# branch; locales.scripts already has what they need (has_cyrillic_letter, fold_yo).
PENDING = frozenset(
    {
        *(("bot/kit/arguments.py", letter) for letter in ("а", "я", "ё")),  # → has_cyrillic_letter
        *(("bot/render/time_zones.py", letter) for letter in ("ё", "е")),  # _sort_key → fold_yo
    }
)


def _docstrings(tree: ast.Module) -> set[int]:
    owners = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, owners)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _called(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _exempt(tree: ast.Module, module: str) -> set[int]:
    """The ids of the string constants this test leaves alone (see the module docstring)."""
    exempt = _docstrings(tree)
    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
        name = _called(call)
        if name in MESSAGE_FUNCTIONS:
            exempt |= {id(arg) for arg in call.args[:2]}
        elif name == "Command" and module == REGISTRY and len(call.args) > 1:
            exempt.add(id(call.args[1]))
    return exempt


def _flagged(source: str, module: str) -> list[tuple[str, int, str]]:
    """(module, line, string) for each string constant holding a Dutch or Russian word."""
    tree = ast.parse(source)
    exempt = _exempt(tree, module)
    return [
        (module, node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in exempt
        and (CYRILLIC.search(node.value) or _DUTCH_WORD.search(node.value))
    ]


def _words_in(path: Path) -> list[tuple[str, int, str]]:
    return _flagged(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())


def _found() -> list[tuple[str, int, str]]:
    return [
        hit
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        for hit in _words_in(path)
    ]


def test_no_dutch_or_russian_words_outside_locales() -> None:
    found = [hit for hit in _found() if (hit[0], hit[2]) not in PENDING]
    assert not found, "language data outside locales/, move it there:\n" + "\n".join(
        f"{module}:{line}: {text[:80]!r}" for module, line, text in found
    )


def test_every_pending_exception_is_still_needed() -> None:
    still = {(module, text) for module, _, text in _found()}
    assert not PENDING - still, f"moved already, drop from PENDING: {sorted(PENDING - still)}"


def test_the_check_sees_a_russian_ending_and_a_dutch_word() -> None:
    source = (
        '"""Docstring: «Петров», de klant."""\n'
        "ENDINGS = ('ов', 'ев')  # Петров\n"
        "GLUE = r'(?:en|and)'\n"
        "SAID = N_('/client Bakkerij de Vries')\n"
        "FINE = 'client per hour'\n"
        "COMMANDS = (Command('client', 'klant'),)\n"
    )
    flagged = sorted(text for _, _, text in _flagged(source, "bot/other.py"))
    assert flagged == ["(?:en|and)", "klant", "ев", "ов"]
    assert "klant" not in {text for _, _, text in _flagged(source, REGISTRY)}

"""The container files an operator builds from: checked as text (no Docker engine in the suite)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE = (ROOT / "compose.yaml").read_text()


def instructions(name: str) -> list[str]:
    """Every `NAME …` instruction of the Dockerfile, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(name + " ")]


def test_image_installs_exactly_the_locked_versions_then_kompas_without_dependencies() -> None:
    runs = instructions("RUN")
    assert instructions("FROM") == ["python:3.11-slim"]
    locked = [i for i, run in enumerate(runs) if "--require-hashes -r requirements.lock" in run]
    project = [i for i, run in enumerate(runs) if "pip install --no-deps" in run]
    assert locked and project and locked[0] < project[0]
    assert not [run for run in runs if "pip install" in run and "requirements" not in run
                and "--no-deps" not in run]  # fmt: skip


def test_image_holds_every_package_of_the_project() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    packages = pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    copied = {c.split()[0].strip("./") for c in instructions("COPY")}
    assert {p.rstrip("*") for p in packages} <= copied


def test_image_runs_as_a_user_of_its_own_and_checks_its_health() -> None:
    [user] = instructions("USER")
    assert user.split(":")[0] not in ("root", "0")
    assert DOCKERFILE.index("USER ") > DOCKERFILE.rindex("RUN ")  # nothing after it runs as root
    [health] = instructions("HEALTHCHECK")
    assert "/healthz" in health
    assert instructions("CMD")[-1] == '["kompas", "webhook"]'


def test_build_context_leaves_out_secrets_and_client_data() -> None:
    ignored = (ROOT / ".dockerignore").read_text().split()
    for pattern in (".env", "*.db", ".venv", ".git"):
        assert pattern in ignored


def test_compose_runs_kompas_with_postgres_on_a_named_volume() -> None:
    services = _top_level_keys(_section(COMPOSE, "services"))
    assert services == ["kompas", "postgres"]
    kompas, postgres = _section(COMPOSE, "  kompas"), _section(COMPOSE, "  postgres")
    for variable in (
        "KOMPAS_DATABASE_URL",
        "KOMPAS_BOT_TOKEN",
        "KOMPAS_WEBHOOK_URL",
        "KOMPAS_WEBHOOK_SECRET",
    ):
        assert f"{variable}:" in kompas
    assert "postgresql+psycopg://kompas:" in kompas and "@postgres:5432/kompas" in kompas
    assert re.search(r"depends_on:\s+postgres:\s+condition: service_healthy", kompas)
    assert "image: postgres:16" in postgres and "healthcheck:" in postgres
    assert "kompas-db:/var/lib/postgresql/data" in postgres
    assert "kompas-db:" in _section(COMPOSE, "volumes")
    # The webhook port is only for the reverse proxy on the same host.
    assert '"127.0.0.1:8443:8443"' in kompas


def test_compose_has_no_secret_written_into_it() -> None:
    for line in COMPOSE.splitlines():
        key, _, value = line.strip().partition(":")
        if key.endswith(("TOKEN", "SECRET", "PASSWORD")) and value.strip():
            assert value.strip().startswith("${"), line


def _section(text: str, key: str) -> str:
    """The lines under `key:` (indented deeper than it), as text."""
    indent = len(key) - len(key.lstrip())
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.rstrip() == f"{key}:")
    body = []
    for line in lines[start + 1 :]:
        content = line.strip() and not line.lstrip().startswith("#")
        if content and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    return "\n".join(body)


def _top_level_keys(section: str) -> list[str]:
    lines = [line for line in section.splitlines() if line.strip()]
    indent = min(len(line) - len(line.lstrip()) for line in lines)
    return [
        line.strip().rstrip(":")
        for line in lines
        if len(line) - len(line.lstrip()) == indent and line.strip().endswith(":")
    ]

# Kompas for production: webhook mode behind a TLS-terminating reverse proxy, with PostgreSQL
# (compose.yaml). Build: docker build -t kompas .   Run: see README, "Production".
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KOMPAS_DATABASE_URL=sqlite:////data/kompas.db

WORKDIR /app

# Exactly the versions the suite ran with, each checked against its hash; this layer stays
# cached until the lock file changes.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

# Then Kompas itself, without touching the dependencies (setuptools comes from the lock).
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY storage ./storage
COPY scoring ./scoring
COPY locales ./locales
RUN pip install --no-deps --no-build-isolation . \
    && rm -rf build ./*.egg-info

# A user of its own: the bot never runs as root. /data holds the SQLite file when no
# PostgreSQL is configured.
RUN groupadd --system --gid 10001 kompas \
    && useradd --system --uid 10001 --gid kompas --home-dir /home/kompas --create-home kompas \
    && mkdir /data && chown kompas:kompas /data
VOLUME ["/data"]
USER kompas:kompas
WORKDIR /home/kompas

EXPOSE 8443
# The webhook server's /healthz answers 200 while the database answers (webhook mode only).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8443/healthz', timeout=4)"]

# SIGTERM (docker stop) lets the updates in flight finish; compose.yaml allows 30 s for it.
STOPSIGNAL SIGTERM
CMD ["kompas", "webhook"]

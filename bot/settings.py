"""Kompas's configuration: one pydantic-settings class read from KOMPAS_* variables and .env."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from locales.languages import Locale

TELEGRAM_API_URL = "https://api.telegram.org/bot"
TELEGRAM_FILE_URL = "https://api.telegram.org/file/bot"


class Settings(BaseSettings):
    """Everything an operator can set; secrets are SecretStr so they never print by accident."""

    model_config = SettingsConfigDict(env_prefix="KOMPAS_", env_file=".env", extra="ignore")

    bot_token: SecretStr | None = None
    database_url: str = "sqlite:///kompas.db"
    api_url: str = TELEGRAM_API_URL
    api_file_url: str = TELEGRAM_FILE_URL
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    default_locale: Locale = "nl"
    db_pool_size: int = Field(default=5, ge=1, le=100)
    log_level: str = "INFO"

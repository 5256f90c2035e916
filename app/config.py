"""Settings, read from WAQAI_* environment variables (and a .env file if present)."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///data/waqai.db"
RESOURCES_DIR = Path(__file__).parent / "ingest" / "resources"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WAQAI_", env_file=".env", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    # Extra knowledge-base files or folders (actors, roles, places, rounds) beside the built-in ones.
    kb_paths: list[Path] = []
    page_size: int = 50
    echo_sql: bool = False

"""Request dependencies: the settings and one database session per request.

The engine and session factory live on `app.state` (built by `create_app`'s
startup), never at import time, so each test can build an app per database.
Pages only read, so the session is closed without a commit.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.sessionmaker
    session = factory()
    try:
        yield session
    finally:
        session.rollback()
        session.close()

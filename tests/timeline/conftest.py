"""Timeline tests run on the hand-written sample store, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.timeline.sample_store import build_sample


@pytest.fixture
def sample_session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session on a migrated store holding the sample rows (committed)."""
    with session_factory() as session:
        build_sample(session)
        session.commit()
    with session_factory() as session:
        yield session

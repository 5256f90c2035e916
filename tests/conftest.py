"""Shared fixtures: real SQLite files and real PostgreSQL databases, migrated by Alembic.

PostgreSQL tests run when WAQAI_TEST_DATABASE_URL points at a server (each test gets a
throwaway database created from it); without it they are skipped, and the run says so.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.db import make_engine, make_sessionmaker
from app.migrate import upgrade

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
PG_ENV = "WAQAI_TEST_DATABASE_URL"
PG_SKIP = f"PostgreSQL tests skipped: set {PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"


def pg_admin_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def create_pg_database() -> str:
    """A fresh, empty PostgreSQL database; returns its URL."""
    admin = pg_admin_url()
    if not admin:
        pytest.skip(PG_SKIP)
    name = f"waqai_t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    admin = pg_admin_url()
    if not admin:
        return
    name = make_url(url).database
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'waqai.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    url = create_pg_database()
    yield url
    drop_pg_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on a SQLite file and on a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'waqai.db'}"
        return
    url = create_pg_database()
    yield url
    drop_pg_database(url)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_sessionmaker(engine)


@pytest.fixture
def fresh_store(db_url: str, tmp_path: Path) -> Iterator[Callable[[], sessionmaker[Session]]]:
    """Makes more empty, migrated stores on the same backend as `db_url`."""
    made: list[tuple[str, Engine]] = []

    def make() -> sessionmaker[Session]:
        url = (
            f"sqlite:///{tmp_path / f'extra{len(made)}.db'}"
            if db_url.startswith("sqlite")
            else create_pg_database()
        )
        engine = make_engine(url)
        upgrade(engine)
        made.append((url, engine))
        return make_sessionmaker(engine)

    yield make
    for url, engine in made:
        engine.dispose()
        if not url.startswith("sqlite"):
            drop_pg_database(url)


def ingest_into(url: str, *paths: Path) -> None:
    """Migrate `url` and ingest `paths` through the real pipeline."""
    from app.ingest.pipeline import ingest

    eng = make_engine(url)
    try:
        upgrade(eng)
        ingest(list(paths), factory=make_sessionmaker(eng))
    finally:
        eng.dispose()


@pytest.fixture(scope="session")
def seeded_sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding the five seed articles (read-only for tests)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'seeds.db'}"
    ingest_into(url, SEEDS)
    return url


@pytest.fixture(scope="session")
def seeded_pg_url() -> Iterator[str]:
    url = create_pg_database()
    ingest_into(url, SEEDS)
    yield url
    drop_pg_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def seeded_db_url(request: pytest.FixtureRequest) -> str:
    """The seeded store on each backend (read-only for tests)."""
    name = "seeded_sqlite_url" if request.param == "sqlite" else "seeded_pg_url"
    return str(request.getfixturevalue(name))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not pg_admin_url():
        terminalreporter.write_line(PG_SKIP, yellow=True, bold=True)

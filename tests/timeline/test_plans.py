"""PostgreSQL must plan timeline queries for their actual values, every time.

psycopg prepares a statement on the server after a few runs, and PostgreSQL
then may switch it to a generic plan that ignores the values; with a skewed
actor that plan was a hundred times slower (bench_timeline). make_engine turns
server-side preparing off; this checks that it stays off.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from app.timeline import queries
from app.timeline.filters import parse_filters


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_repeated_timeline_queries_are_never_prepared_on_the_server(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    filters = parse_filters({"actor": "kerry", "since": "2016"})
    with session_factory() as session:
        for _ in range(12):
            queries.events_page(session, filters)
        prepared = session.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar_one()
    assert prepared == 0

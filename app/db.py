"""Engine and session factories. Nothing here runs at import time."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Connection,
    Engine,
    String,
    TypeDecorator,
    bindparam,
    create_engine,
    event,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.elements import BindParameter, ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for `url`; SQLite files get their folder, WAL and foreign keys."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # A larger prepared-statement cache: ingestion runs a few dozen distinct statements.
        sqlite_args: dict[str, Any] = {"check_same_thread": False, "cached_statements": 512}
        engine = create_engine(url, echo=echo, connect_args=sqlite_args)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # No server-side prepared statements: after a few runs PostgreSQL switches a prepared
    # query to a generic plan that ignores the values, and for a skewed value (an actor in
    # a third of all events) that plan took 9.6 s instead of 0.1 s (bench_timeline).
    connect_args = {"prepare_threshold": None} if parsed.get_driver_name() == "psycopg" else {}
    return create_engine(url, echo=echo, pool_pre_ping=True, connect_args=connect_args)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


# (statement, dialect, parameter names) -> SQL text, order of the names (None: by name), processors
_MANY: dict[tuple[int, str, tuple[str, ...]], tuple[str, tuple[str, ...] | None, dict[str, Any]]] = {}


def execute_many(conn: Connection, statement: UpdateBase, rows: Sequence[Mapping[str, Any]]) -> None:
    """`conn.execute(statement, rows)` for many rows with the same keys, the statement compiled once.

    SQLAlchemy builds and type-processes a parameter set per row through its generic
    machinery; here the compiled text and each parameter's bind processor are kept, and the
    rows go to the driver's executemany as they are. A statement that needs anything else of
    its execution (a Python-side default for a missing column) runs the ordinary way.
    """
    if not rows:
        return
    keys = tuple(rows[0])
    key = (id(statement), conn.dialect.name, keys)
    plan = _MANY.get(key)
    if plan is None:
        compiled = cast(Any, statement.compile(dialect=conn.dialect, column_keys=list(keys)))
        names = tuple(compiled.positiontup) if compiled.positional else None
        if not set(compiled.bind_names.values()) <= set(keys) or compiled.literal_execute_params:
            conn.execute(statement, list(rows))
            return
        plan = _MANY[key] = (compiled.string, names, dict(compiled._bind_processors))
        _KEEP.append(statement)  # ids stay valid while the statement lives
    sql, names, processors = plan
    if names is not None:
        procs = [processors.get(n) for n in names]
        params: list[Any] = [
            tuple(row[n] if p is None else p(row[n]) for n, p in zip(names, procs, strict=True))
            for row in rows
        ]
    else:
        params = [
            {n: (v if (p := processors.get(n)) is None else p(v)) for n, v in row.items()} for row in rows
        ]
    conn.exec_driver_sql(sql, params)


_KEEP: list[UpdateBase] = []


def begin_explicitly(session: Session) -> None:
    """Open the session's transaction in the database now, so that savepoints nest inside it.

    pysqlite begins a transaction only before its first write: a SAVEPOINT issued earlier
    would itself be the outermost transaction, and releasing it would commit.
    """
    raw = session.connection().connection.dbapi_connection
    if isinstance(raw, sqlite3.Connection) and not raw.in_transaction:
        raw.execute("BEGIN")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


class StringList(TypeDecorator[list[str]]):
    """A list of strings bound as one parameter: a JSON array on SQLite, an array on PostgreSQL."""

    impl = String
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(ARRAY(String()))
        return dialect.type_descriptor(String())

    def process_bind_param(self, value: Iterable[str] | None, dialect: Dialect) -> Any:
        values = list(value or ())
        return values if dialect.name == "postgresql" else json.dumps(values)


class InList(ColumnElement[bool]):
    """`column IN (the strings of one list parameter)`, whatever their number.

    An expanding IN renders one SQL text per list length: SQLAlchemy rewrites the statement
    on every execution and the driver prepares it again. This text is the same for any list
    (`IN (SELECT value FROM json_each(?))` on SQLite, `= ANY(%(p)s)` on PostgreSQL), so both
    the compiled and the prepared statement are reused.
    """

    __visit_name__ = "in_list"
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 (the base class declares it a list)
        ("column", InternalTraversal.dp_clauseelement),
        ("values", InternalTraversal.dp_clauseelement),
    ]
    type = Boolean()
    _is_implicitly_boolean = True  # a predicate: no "= 1" where booleans are integers

    def __init__(self, column: ColumnElement[Any], name: str) -> None:
        self.column = column
        self.values: BindParameter[list[str]] = bindparam(name, type_=StringList())


def in_list(column: Any, name: str) -> InList:
    """`column IN :name`, `name` bound to a list of strings (see InList)."""
    return InList(column, name)


@compiles(InList)
def _in_list_sqlite(element: InList, compiler: SQLCompiler, **kw: Any) -> str:
    column, values = compiler.process(element.column, **kw), compiler.process(element.values, **kw)
    return f"{column} IN (SELECT value FROM json_each({values}))"


@compiles(InList, "postgresql")
def _in_list_postgres(element: InList, compiler: SQLCompiler, **kw: Any) -> str:
    column, values = compiler.process(element.column, **kw), compiler.process(element.values, **kw)
    return f"{column} = ANY({values})"

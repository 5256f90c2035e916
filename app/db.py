"""Engine and session factories. Nothing here runs at import time."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
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


def execute_many(conn: Connection, statement: UpdateBase, rows: Sequence[Mapping[str, Any]]) -> None:
    """`conn.execute(statement, rows)` for many rows with the same keys, the statement compiled once.

    SQLAlchemy builds and type-processes a parameter set per row through its generic
    machinery; here the compiled text and each parameter's bind processor are kept (`_plan_of`),
    and the rows go to the driver's executemany as they are. A statement that needs anything
    else of its execution (a Python-side default for a missing column) runs the ordinary way.
    """
    if not rows:
        return
    keys = tuple(rows[0])
    try:
        plan = _plan_of(conn, statement, keys)
    except ValueError:  # its text depends on its values
        plan = None
    if plan is None or not plan.bound <= set(keys):
        conn.execute(statement, list(rows))
        return
    names, processors = plan.names, plan.processors
    params: list[Any]
    if names is not None:
        procs = [(i, p) for i, n in enumerate(names) if (p := processors.get(n)) is not None]
        params = [[row[n] for n in names] for row in rows]
        for values in params:
            for i, p in procs:
                values[i] = p(values[i])
    else:
        params = [
            {n: (v if (p := processors.get(n)) is None else p(v)) for n, v in row.items()} for row in rows
        ]
    conn.connection.dbapi_connection.cursor().executemany(plan.sql, params)  # type: ignore[union-attr]


_KEEP: list[Any] = []


class _Plan:
    """A statement compiled for one dialect: its text, how to bind a parameter dict, how to read rows."""

    __slots__ = ("bound", "fixed", "names", "processors", "readers", "sql")

    def __init__(self, compiled: Any) -> None:
        self.sql: str = compiled.string
        self.names: tuple[str, ...] | None = tuple(compiled.positiontup) if compiled.positional else None
        self.processors: dict[str, Any] = dict(compiled._bind_processors)
        # parameters the statement carries itself (a literal compared in a WHERE clause)
        used = set(compiled.bind_names.values())
        self.bound = frozenset(used)  # every parameter the text takes
        self.fixed = {n: b.value for n, b in compiled.binds.items() if n in used and not b.required}
        self.readers: tuple[tuple[int, Any], ...] | None = None

    def bind(self, params: Mapping[str, Any]) -> Any:
        procs, fixed = self.processors, self.fixed
        if self.names is not None:
            values = []
            for n in self.names:
                v = params[n] if n in params else fixed[n]
                p = procs.get(n)
                values.append(v if p is None else p(v))
            return values
        out = dict(fixed)
        out.update(params)
        for n, p in procs.items():
            if n in out:
                out[n] = p(out[n])
        return out


_PLANS: dict[tuple[int, str, tuple[str, ...]], _Plan] = {}


def _plan_of(conn: Connection, statement: Any, keys: tuple[str, ...]) -> _Plan:
    key = (id(statement), conn.dialect.name, keys)
    plan = _PLANS.get(key)
    if plan is None:
        compiled = cast(Any, statement.compile(dialect=conn.dialect, column_keys=list(keys)))
        if compiled.literal_execute_params or compiled.post_compile_params:
            raise ValueError("run/fetch take statements whose text does not depend on their values")
        plan = _PLANS[key] = _Plan(compiled)
        _KEEP.append(statement)  # ids stay valid while the statement lives
    return plan


def run(conn: Connection, statement: Any, params: Mapping[str, Any] | None = None) -> Any:
    """Execute a Core statement built once (module level) straight on the DBAPI cursor.

    The statement is compiled once a process and dialect; its parameters go through the
    same bind processing as `conn.execute` would give them. What SQLAlchemy adds per
    execution (an execution context, a result object, row objects) cost more than SQLite
    took to run the hottest statements. Returns the DBAPI cursor (rowcount, lastrowid).
    Errors are the driver's own exceptions. Statements must not need a Python-side default
    for a column the parameters leave out.
    """
    params = params or {}
    plan = _plan_of(conn, statement, tuple(params) if isinstance(statement, UpdateBase) else ())
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(plan.sql, plan.bind(params))
    return cursor


def fetch(conn: Connection, statement: Any, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """The rows of a SELECT (see `run`) as tuples, each value as `conn.execute` would give it."""
    params = params or {}
    plan = _plan_of(conn, statement, ())
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(plan.sql, plan.bind(params))
    rows = cursor.fetchall()
    readers = plan.readers
    if readers is None:
        readers = plan.readers = _readers(conn.dialect, statement, cursor.description)
    if not readers:
        return cast(list[tuple[Any, ...]], rows)
    out = []
    for row in rows:
        values = list(row)
        for i, read in readers:
            if values[i] is not None:  # every result processor gives None for None
                values[i] = read(values[i])
        out.append(tuple(values))
    return out


def fetch_dicts(
    conn: Connection, statement: Any, params: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The rows of a SELECT (see `fetch`) as dicts keyed by column name."""
    names = _column_names(statement)
    return [dict(zip(names, row, strict=True)) for row in fetch(conn, statement, params)]


def fetch_scalars(conn: Connection, statement: Any, params: Mapping[str, Any] | None = None) -> list[Any]:
    """The first column of each row of a SELECT (see `fetch`)."""
    return [row[0] for row in fetch(conn, statement, params)]


def _column_names(statement: Any) -> tuple[str, ...]:
    return tuple(c.key for c in statement.selected_columns)


def _readers(dialect: Dialect, statement: Any, description: Any) -> tuple[tuple[int, Any], ...]:
    """The result processor of each column that has one (by position), as SQLAlchemy picks it
    from the cursor description."""
    columns = list(statement.selected_columns)
    found = (
        (i, c.type._cached_result_processor(dialect, d[1]))
        for i, (c, d) in enumerate(zip(columns, description, strict=True))
    )
    return tuple((i, read) for i, read in found if read is not None)


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
        values = tuple(value or ())
        return list(values) if dialect.name == "postgresql" else _json_array(values)


@lru_cache(maxsize=4096)
def _json_array(values: tuple[str, ...]) -> str:
    """The JSON text of a list of strings: merging binds the same few lists again and again."""
    return json.dumps(list(values))


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

"""Thin commands over the library: ingest, export, serve, db (CONTRACT.md)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine

from app.config import Settings
from app.db import make_engine, make_sessionmaker
from app.migrate import upgrade

cli = typer.Typer(add_completion=False, no_args_is_help=True, help="Waqai: the record of events.")
db_cli = typer.Typer(no_args_is_help=True, help="Database maintenance.")
cli.add_typer(db_cli, name="db")
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: WAQAI_DATABASE_URL or sqlite:///data/waqai.db)."),
]


def _settings(db: str | None) -> Settings:
    settings = Settings()
    if db:
        settings = settings.model_copy(update={"database_url": db})
    return settings


@contextmanager
def _engine(db: str | None) -> Iterator[tuple[Engine, Settings]]:
    """An engine on a schema that is created or upgraded first."""
    settings = _settings(db)
    engine = make_engine(settings.database_url)
    try:
        upgrade(engine)
        yield engine, settings
    finally:
        engine.dispose()


@db_cli.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Create the schema or bring it to the newest revision."""
    with _engine(db):
        pass
    typer.echo("database is up to date")


@cli.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (.txt with manifest, .jsonl, .html).")
    ],
    db: DbOption = None,
) -> None:
    """Read articles, extract their events and store them (a failing article is rolled back alone)."""
    from app.ingest.pipeline import ingest as run_ingest

    with _engine(db) as (engine, settings):
        factory = make_sessionmaker(engine)
        show = sys.stderr.isatty()
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err, disable=not show, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)

            def on_item(path: str, error: str | None) -> None:
                progress.advance(task)
                if error and show:
                    progress.console.print(
                        f"[red]failed[/red] {path}: {error}", highlight=False, soft_wrap=True
                    )
                elif error:  # one plain line per failure for scripts and logs
                    print(f"failed {path}: {error}", file=sys.stderr, flush=True)

            report = run_ingest(paths, factory=factory, kb_paths=tuple(settings.kb_paths), on_item=on_item)
    typer.echo(report.summary())
    raise typer.Exit(1 if report.failures else 0)


@cli.command()
def export(
    db: DbOption = None,
    what: Annotated[str, typer.Option(help="events | timexes | actors")] = "events",
    fmt: Annotated[str, typer.Option("--format", help="jsonl | json | csv | ics | timelinejs")] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="Output file (default: standard output).")] = None,
    actor: Annotated[list[str] | None, typer.Option(help="Actor id (repeatable).")] = None,
    type_: Annotated[list[str] | None, typer.Option("--type", help="Event type (repeatable).")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date (ISO).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date (ISO).")] = None,
    q: Annotated[str | None, typer.Option(help="Text search over passages.")] = None,
) -> None:
    """Write events, time expressions or actors as JSONL, JSON, CSV, iCalendar or TimelineJS."""
    from app.timeline.export import ExportError, write_export

    params: dict[str, Any] = {
        "actor": actor or [],
        "type": type_ or [],
        "since": since,
        "until": until,
        "q": q,
    }
    with _engine(db) as (engine, _):
        factory = make_sessionmaker(engine)
        try:
            with factory() as session:
                write_export(session, what=what, fmt=fmt, params=params, out=out)
        except ExportError as exc:
            err.print(f"error: {exc}", highlight=False)
            raise typer.Exit(2) from exc


@cli.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the timeline explorer (read-only) on the same database."""
    import uvicorn

    from app.web.app import create_app

    with _engine(db) as (_, settings):
        pass
    uvicorn.run(create_app(settings), host=host, port=port, proxy_headers=False)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()

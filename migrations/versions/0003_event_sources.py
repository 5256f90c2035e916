"""event sources

The distinct document sources of each event, kept by database triggers from
mentions and documents (writers never touch it), with the event's sort_date
mirrored as event_actors has it. The source facet and the source filter read
one short row per (event, source) instead of every mention and its document.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("sort_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_sources_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "source", name=op.f("pk_event_sources")),
    )
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.create_index("ix_event_sources_sort", ["sort_date", "event_id", "source"], unique=False)
        batch_op.create_index(
            "ix_event_sources_source_sort", ["source", "sort_date", "event_id"], unique=False
        )
    op.execute(
        "INSERT INTO event_sources (event_id, source, sort_date)"
        " SELECT DISTINCT m.event_id, d.source, e.sort_date FROM mentions m"
        " JOIN documents d ON d.id = m.document_id JOIN events e ON e.id = m.event_id"
        " WHERE d.source IS NOT NULL"
    )
    dialect = op.get_bind().dialect.name
    for statement in _PG_TRIGGERS if dialect == "postgresql" else _SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, trigger in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        for function in _PG_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    else:
        for _, trigger in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.drop_index("ix_event_sources_source_sort")
        batch_op.drop_index("ix_event_sources_sort")
    op.drop_table("event_sources")


# A row (event, source) exists while some mention of the event is in a document of that source.
# Adding a mention adds its pair; removing or moving one drops the pairs of the old event that no
# remaining mention supports (a check of that event's few mentions, right whichever order a
# cascade deletes documents and mentions in).
_ADD = (
    "INSERT INTO event_sources (event_id, source, sort_date)"
    " SELECT NEW.event_id, d.source, (SELECT e.sort_date FROM events e WHERE e.id = NEW.event_id)"
    " FROM documents d WHERE d.id = NEW.document_id AND d.source IS NOT NULL"
    " ON CONFLICT (event_id, source) DO NOTHING"
)
_UNSUPPORTED = (
    "NOT EXISTS (SELECT 1 FROM mentions m JOIN documents d ON d.id = m.document_id"
    " WHERE m.event_id = event_sources.event_id AND d.source = event_sources.source)"
)
_DROP = f"DELETE FROM event_sources WHERE event_id = OLD.event_id AND {_UNSUPPORTED}"
# A document whose source changes: its events lose the old source (unless another of their
# documents has it) and gain the new one.
_RENAME_DROP = (
    "DELETE FROM event_sources WHERE source = OLD.source"
    f" AND event_id IN (SELECT event_id FROM mentions WHERE document_id = NEW.id) AND {_UNSUPPORTED}"
)
_RENAME_ADD = (
    "INSERT INTO event_sources (event_id, source, sort_date)"
    " SELECT DISTINCT m.event_id, NEW.source, e.sort_date FROM mentions m JOIN events e ON e.id = m.event_id"
    " WHERE m.document_id = NEW.id AND NEW.source IS NOT NULL"
    " ON CONFLICT (event_id, source) DO NOTHING"
)
_SORT_DATE = "UPDATE event_sources SET sort_date = NEW.sort_date WHERE event_id = NEW.id"

_TRIGGERS = (
    ("mentions", "trg_mentions_sources_insert"),
    ("mentions", "trg_mentions_sources_delete"),
    ("mentions", "trg_mentions_sources_update"),
    ("documents", "trg_documents_sources_update"),
    ("events", "trg_events_sources_sort_date"),
)
_PG_FUNCTIONS = (
    "event_sources_add",
    "event_sources_drop",
    "event_sources_move",
    "event_sources_rename",
    "event_sources_sort_date",
)

_SQLITE_TRIGGERS = (
    f"CREATE TRIGGER trg_mentions_sources_insert AFTER INSERT ON mentions BEGIN {_ADD}; END",
    f"CREATE TRIGGER trg_mentions_sources_delete AFTER DELETE ON mentions BEGIN {_DROP}; END",
    "CREATE TRIGGER trg_mentions_sources_update AFTER UPDATE OF event_id, document_id ON mentions"
    f" BEGIN {_ADD}; {_DROP}; END",
    "CREATE TRIGGER trg_documents_sources_update AFTER UPDATE OF source ON documents"
    f" WHEN OLD.source IS NOT NEW.source BEGIN {_RENAME_DROP}; {_RENAME_ADD}; END",
    "CREATE TRIGGER trg_events_sources_sort_date AFTER UPDATE OF sort_date ON events"
    f" WHEN OLD.sort_date IS NOT NEW.sort_date BEGIN {_SORT_DATE}; END",
)


def _pg_function(name: str, body: str) -> str:
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger AS $$ BEGIN {body}; RETURN NULL; END $$ LANGUAGE plpgsql"
    )


_PG_TRIGGERS = (
    _pg_function("event_sources_add", _ADD),
    _pg_function("event_sources_drop", _DROP),
    _pg_function("event_sources_move", f"{_ADD}; {_DROP}"),
    _pg_function("event_sources_rename", f"{_RENAME_DROP}; {_RENAME_ADD}"),
    _pg_function("event_sources_sort_date", _SORT_DATE),
    "CREATE TRIGGER trg_mentions_sources_insert AFTER INSERT ON mentions"
    " FOR EACH ROW EXECUTE FUNCTION event_sources_add()",
    "CREATE TRIGGER trg_mentions_sources_delete AFTER DELETE ON mentions"
    " FOR EACH ROW EXECUTE FUNCTION event_sources_drop()",
    "CREATE TRIGGER trg_mentions_sources_update AFTER UPDATE OF event_id, document_id ON mentions"
    " FOR EACH ROW EXECUTE FUNCTION event_sources_move()",
    "CREATE TRIGGER trg_documents_sources_update AFTER UPDATE OF source ON documents"
    " FOR EACH ROW WHEN (OLD.source IS DISTINCT FROM NEW.source) EXECUTE FUNCTION event_sources_rename()",
    # events_push_sort_date (0001) updates event_actors; this one the sources' copy.
    "CREATE TRIGGER trg_events_sources_sort_date AFTER UPDATE OF sort_date ON events"
    " FOR EACH ROW WHEN (OLD.sort_date IS DISTINCT FROM NEW.sort_date)"
    " EXECUTE FUNCTION event_sources_sort_date()",
)

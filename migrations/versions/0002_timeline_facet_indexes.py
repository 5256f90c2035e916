"""timeline facet indexes

Covering indexes for the timeline's facets and time axis under filters:
events by date with the facet columns, every actor link of a date range, and
mentions by event with their document (which replaces the event-only index).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 16:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_FACETS = ["sort_date", "id", "type", "status", "place_id", "series"]


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_sort_facets", EVENT_FACETS, unique=False)
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.create_index("ix_event_actors_sort", ["sort_date", "event_id", "actor_id"], unique=False)
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index("ix_mentions_event_document", ["event_id", "document_id"], unique=False)
        batch_op.drop_index("ix_mentions_event_id")


def downgrade() -> None:
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index("ix_mentions_event_id", ["event_id"], unique=False)
        batch_op.drop_index("ix_mentions_event_document")
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actors_sort")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_sort_facets")

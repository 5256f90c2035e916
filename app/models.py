"""SQLAlchemy 2 typed models: the store that ingestion writes and the timeline reads.

The same schema runs on SQLite and PostgreSQL; Alembic (migrations/) creates it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Document(Base):
    """An article, its text exactly as read, and where it came from."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    source: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), default="ar")
    published: Mapped[date | None] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    # Fingerprint of the rules and code that analysed it: a new extractor re-analyses unchanged text.
    extractor_version: Mapped[str] = mapped_column(String(64), default="")
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    mentions: Mapped[list[Mention]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    timexes: Mapped[list[TimexRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class Place(Base):
    __tablename__ = "places"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(300))
    name_ar: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40), default="city")


class Actor(Base):
    """A canonical identity: one row however many spellings the press uses."""

    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(300))
    name_ar: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40))  # person | organisation | country | delegation
    wikidata: Mapped[str | None] = mapped_column(String(40))
    is_new: Mapped[bool] = mapped_column(Boolean, default=False)  # found in text, not in the knowledge base

    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True
    )
    roles: Mapped[list[ActorRole]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True
    )


class ActorAlias(Base):
    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    alias_folded: Mapped[str] = mapped_column(String(300), index=True)
    lang: Mapped[str] = mapped_column(String(8), default="ar")

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class ActorRole(Base):
    """A dated office (UN envoy for Syria, US secretary of state, ...)."""

    __tablename__ = "actor_roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(120))
    title_en: Mapped[str | None] = mapped_column(String(300))
    title_ar: Mapped[str | None] = mapped_column(String(300))
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)

    actor: Mapped[Actor] = relationship(back_populates="roles")


class Event(Base):
    """One real event, however many articles report it."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_sort", "sort_date", "id"),
        Index("ix_events_type_sort", "type", "sort_date", "id"),
        # The facet columns of a date range, read in date order without visiting the rows:
        # filtered facets and the time axis scan this range and keep the matching ids.
        Index("ix_events_sort_facets", "sort_date", "id", "type", "status", "place_id", "series"),
        # A numbered talks round is found by series and number when another article names it.
        Index("ix_events_series_round", "series", "round"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # stable: derived from identity_key
    identity_key: Mapped[str] = mapped_column(String(1000), index=True)
    type: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), index=True)
    date_value: Mapped[str | None] = mapped_column(String(32))
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    # Where the timeline places it: its own date, else its earliest source's publication date.
    sort_date: Mapped[date | None] = mapped_column(Date)
    title_en: Mapped[str] = mapped_column(Text, default="")
    title_ar: Mapped[str] = mapped_column(Text, default="")
    place_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    series: Mapped[str | None] = mapped_column(String(80), index=True)
    round: Mapped[int | None] = mapped_column(Integer)
    n_sources: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    place: Mapped[Place | None] = relationship()
    mentions: Mapped[list[Mention]] = relationship(back_populates="event", passive_deletes=True)
    actor_links: Mapped[list[EventActor]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class EventActor(Base):
    __tablename__ = "event_actors"
    __table_args__ = (
        Index("ix_event_actors_actor_event", "actor_id", "event_id"),
        # The timeline's commonest query, an actor within a date range, reads one index range.
        Index("ix_event_actors_actor_sort", "actor_id", "sort_date", "event_id"),
        # Every link of a date range (the actor facet of a filtered view reads it in one range).
        Index("ix_event_actors_sort", "sort_date", "event_id", "actor_id"),
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(40), primary_key=True, default="participant")
    # A copy of events.sort_date kept by database triggers (see the migration): writers never set it.
    sort_date: Mapped[date | None] = mapped_column(Date)

    event: Mapped[Event] = relationship(back_populates="actor_links")
    actor: Mapped[Actor] = relationship()


class EventSource(Base):
    """The distinct document sources of an event, kept by database triggers from mentions and
    documents (see migration 0003): writers never set it. The source facet reads it."""

    __tablename__ = "event_sources"
    __table_args__ = (
        Index("ix_event_sources_sort", "sort_date", "event_id", "source"),
        Index("ix_event_sources_source_sort", "source", "sort_date", "event_id"),
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    source: Mapped[str] = mapped_column(String(300), primary_key=True)
    # A copy of events.sort_date, as event_actors has it (triggers keep it).
    sort_date: Mapped[date | None] = mapped_column(Date)


class Mention(Base):
    """A passage of one article that reports an event, with what that source says of it."""

    __tablename__ = "mentions"
    # Covering: an event's documents without visiting the (long) mention rows (source facet).
    __table_args__ = (Index("ix_mentions_event_document", "event_id", "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # Passages of one article that report the same event share a group number.
    group: Mapped[int] = mapped_column(Integer, default=0)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    passage: Mapped[str] = mapped_column(Text)
    passage_folded: Mapped[str] = mapped_column(Text, default="")
    rule: Mapped[str] = mapped_column(String(120))
    # What this source reports (sources may disagree; the event keeps every value).
    type: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12))
    date_value: Mapped[str | None] = mapped_column(String(32))
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    timex_text: Mapped[str | None] = mapped_column(String(300))
    timex_start: Mapped[int | None] = mapped_column(Integer)
    timex_end: Mapped[int | None] = mapped_column(Integer)
    place_id: Mapped[str | None] = mapped_column(String(120))
    series: Mapped[str | None] = mapped_column(String(80))
    round: Mapped[int | None] = mapped_column(Integer)
    actors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # [{"id", "role"}]
    title_en: Mapped[str] = mapped_column(Text, default="")
    title_ar: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event] = relationship(back_populates="mentions")
    document: Mapped[Document] = relationship(back_populates="mentions")


class TimexRow(Base):
    __tablename__ = "timexes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(500))
    value: Mapped[str | None] = mapped_column(String(32))
    precision: Mapped[str | None] = mapped_column(String(8))
    rule: Mapped[str] = mapped_column(String(120))

    document: Mapped[Document] = relationship(back_populates="timexes")


class RetiredEvent(Base):
    """An id that once named an event: permalinks to it redirect to the successor (or 410)."""

    __tablename__ = "retired_events"

    old_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    successor_id: Mapped[str | None] = mapped_column(String(40), index=True)
    reason: Mapped[str] = mapped_column(String(40))  # re-identified | merged | split | vanished
    retired_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

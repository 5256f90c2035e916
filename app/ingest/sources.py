"""Files, folders, manifests, JSON lines and HTML pages → RawArticle.

Reading never raises for a bad file: each problem becomes a ReadFailure naming the
file and the reason, and the batch goes on with the other files.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from app.ingest.html_text import extract_html
from app.ingest.records import RawArticle

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
MANIFEST_NAMES = {"manifest.jsonl", "manifest.csv"}
MAX_TITLE_CHARS = 160


@dataclass(frozen=True)
class ReadFailure:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


Item = RawArticle | ReadFailure


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1256; binary data is refused."""
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise ValueError("not UTF-8 and not Windows-1256 text") from exc
    if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
        raise ValueError("binary file, not text")
    return text


def parse_date(value: Any) -> date | None:
    """An ISO date (or its date part), None for missing; ValueError for garbage."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError as exc:
        raise ValueError(f"publication date {text!r} is not an ISO date (YYYY-MM-DD)") from exc


def guess_title(text: str) -> str | None:
    """The first line, when it stands alone as a short headline above the body."""
    lines = text.strip().splitlines()
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    if not first or len(first) > MAX_TITLE_CHARS or first[-1] in ".!؟?:،,":
        return None
    return first


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between '---' lines at the top, and the text after it."""
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    meta = yaml.safe_load(text[3:end]) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    body_start = text.find("\n", end + 4)
    return meta, text[body_start + 1 :] if body_start >= 0 else ""


def load_manifest(folder: Path) -> tuple[dict[str, dict[str, Any]], list[ReadFailure]]:
    """Metadata records from manifest.jsonl / manifest.csv in `folder`, by file name."""
    records: dict[str, dict[str, Any]] = {}
    failures: list[ReadFailure] = []
    jsonl, csv_path = folder / "manifest.jsonl", folder / "manifest.csv"
    if jsonl.is_file():
        for lineno, line in enumerate(jsonl.read_text(encoding="utf-8-sig").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                records[str(rec["file"])] = rec
            except (ValueError, KeyError, TypeError) as exc:
                failures.append(ReadFailure(f"{jsonl}:{lineno}", f"bad manifest record: {exc}"))
    elif csv_path.is_file():
        with csv_path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("file"):
                    records[row["file"]] = {k: v for k, v in row.items() if v not in (None, "")}
    return records, failures


def _article(name: str, path: Path | str, text: str, meta: dict[str, Any]) -> RawArticle:
    return RawArticle(
        name=name,
        text=text,
        path=str(path),
        published=parse_date(meta.get("published")),
        lang=str(meta.get("lang") or meta.get("language") or "ar"),
        title=meta.get("title") or guess_title(text),
        url=meta.get("url"),
        source=meta.get("source"),
    )


def read_text_file(path: Path, manifest: dict[str, dict[str, Any]]) -> RawArticle:
    text = decode(path.read_bytes())
    meta, body = _front_matter(text)
    if meta:
        text = body
    meta = {**manifest.get(path.name, {}), **meta}
    if not text.strip():
        raise ValueError("no article text")
    return _article(path.name, path, text, meta)


def read_html_file(path: Path, manifest: dict[str, dict[str, Any]]) -> RawArticle:
    page = extract_html(decode(path.read_bytes()))
    if not page.text.strip():
        raise ValueError("no article text found in the page")
    meta = {"title": page.title, "published": page.published, **manifest.get(path.name, {})}
    return _article(path.name, path, page.text, meta)


def read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        lines = decode(path.read_bytes()).splitlines()
    except (OSError, ValueError) as exc:
        yield ReadFailure(str(path), str(exc))
        return
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            yield _jsonl_record(path, lineno, line)


def _jsonl_record(path: Path, lineno: int, line: str) -> Item:
    where = f"{path}:{lineno}"
    try:
        rec = json.loads(line)
    except ValueError as exc:
        return ReadFailure(where, f"malformed JSON: {exc}")
    if not isinstance(rec, dict):
        return ReadFailure(where, "a line must be a JSON object")
    name = rec.get("id") or rec.get("url")
    if not name:
        return ReadFailure(where, "record has neither 'id' nor 'url'")
    text, meta = rec.get("text"), dict(rec)
    if not text and rec.get("html"):
        page = extract_html(str(rec["html"]))
        text = page.text
        meta.setdefault("title", page.title)
        meta.setdefault("published", page.published)
    if not isinstance(text, str) or not text.strip():
        return ReadFailure(where, "record has no 'text' (or 'html') with content")
    try:
        return _article(str(name), where, text, meta)
    except ValueError as exc:
        return ReadFailure(where, str(exc))


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Every file under the given files or folders, in a stable order."""
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            yield p


def read_paths(paths: list[Path]) -> Iterator[Item]:
    """Articles (or failures) from files and folders, by extension."""
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    for path in iter_files(paths):
        if not path.exists():
            yield ReadFailure(str(path), "no such file or folder")
            continue
        suffix = path.suffix.lower()
        if path.name in MANIFEST_NAMES:
            continue
        if path.parent not in manifests:
            manifests[path.parent], failures = load_manifest(path.parent)
            yield from failures
        yield from _read_one(path, suffix, manifests[path.parent])


def _read_one(path: Path, suffix: str, manifest: dict[str, dict[str, Any]]) -> Iterator[Item]:
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_file(path)
        elif suffix in TEXT_SUFFIXES:
            yield read_text_file(path, manifest)
        elif suffix in HTML_SUFFIXES:
            yield read_html_file(path, manifest)
        else:
            kind = suffix or "(none)"
            yield ReadFailure(str(path), f"unsupported file type {kind}: use .txt, .jsonl or .html")
    except (OSError, ValueError, yaml.YAMLError) as exc:
        yield ReadFailure(str(path), str(exc))

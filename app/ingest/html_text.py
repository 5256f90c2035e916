"""The main text, title and publication date of a saved news page."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg")
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote")
DATE_META = (
    ("property", "article:published_time"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("itemprop", "datePublished"),
    ("name", "dc.date"),
)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: str | None  # YYYY-MM-DD when the page states it


def _title(soup: BeautifulSoup) -> str | None:
    og = soup.find("meta", attrs={"property": "og:title"})
    if isinstance(og, Tag) and og.get("content"):
        return str(og["content"]).strip()
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return h1.get_text(" ", strip=True)
    if soup.title and soup.title.string:
        return soup.title.string.strip()
    return None


def _published(soup: BeautifulSoup) -> str | None:
    for attr, value in DATE_META:
        tag = soup.find("meta", attrs={attr: value})
        if isinstance(tag, Tag) and (m := ISO_DATE.search(str(tag.get("content", "")))):
            return m.group(0)
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and (m := ISO_DATE.search(str(item.get("datePublished", "")))):
                return m.group(0)
    time_tag = soup.find("time", attrs={"datetime": True})
    if isinstance(time_tag, Tag) and (m := ISO_DATE.search(str(time_tag["datetime"]))):
        return m.group(0)
    return None


def _main_text(soup: BeautifulSoup) -> str:
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(DROP_TAGS):
        tag.decompose()
    blocks = [b.get_text(" ", strip=True) for b in root.find_all(BLOCK_TAGS)]
    blocks = [b for b in blocks if b]
    if not blocks:
        return root.get_text("\n", strip=True)
    return "\n\n".join(blocks)


def extract_html(html: str) -> Page:
    soup = BeautifulSoup(html, "html.parser")
    title, published = _title(soup), _published(soup)
    return Page(text=_main_text(soup), title=title, published=published)

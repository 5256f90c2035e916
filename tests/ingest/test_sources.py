"""Reading articles from real files: every format of the contract, and every kind of bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.ingest.records import RawArticle
from app.ingest.sources import ReadFailure, decode, guess_title, read_paths

ARABIC = (
    "أعلنت الأمم المتحدة يوم الاثنين أن جولة جديدة من المحادثات ستعقد في جنيف.\n"
    "وقال المتحدث إن الوفدين سيصلان غدا."
)


def read(*paths: Path) -> tuple[list[RawArticle], list[ReadFailure]]:
    items = list(read_paths(list(paths)))
    return [i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, ReadFailure)]


def test_txt_with_manifest_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    record = {"file": "a.txt", "published": "2017-03-06", "source": "Agency", "url": "https://example.org/a"}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article], failures = read(tmp_path)
    assert failures == []
    assert (article.name, article.published, article.source, article.url) == (
        "a.txt",
        date(2017, 3, 6),
        "Agency",
        "https://example.org/a",
    )
    assert article.text == ARABIC


def test_manifest_csv_and_bom_is_dropped(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes("\ufeff".encode() + ARABIC.encode("utf-8"))
    (tmp_path / "manifest.csv").write_text("file,published,lang\nb.txt,2016-02-01,ar\n", encoding="utf-8")
    [article], _ = read(tmp_path)
    assert article.text == ARABIC and article.published == date(2016, 2, 1)


def test_front_matter(tmp_path: Path) -> None:
    body = "Kerry met Lavrov in Geneva on Friday.\nThey spoke for three hours."
    (tmp_path / "c.txt").write_text(
        f"---\npublished: 2016-09-09\nlang: en\ntitle: Talks\n---\n{body}", encoding="utf-8"
    )
    [article], _ = read(tmp_path)
    assert (article.lang, article.title, article.published, article.text) == (
        "en",
        "Talks",
        date(2016, 9, 9),
        body,
    )


def test_windows_1256_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_bytes(ARABIC.encode("cp1256"))
    [article], failures = read(tmp_path)
    assert failures == [] and article.text == ARABIC


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"  \n\t ", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_bad_text_files_are_reported_by_name(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    articles, failures = read(tmp_path)
    assert [a.name for a in articles] == ["good.txt"]
    assert len(failures) == 1 and failures[0].path.endswith("bad.txt") and reason in failures[0].reason


def test_jsonl_malformed_line_is_reported_and_others_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "n1", "text": ARABIC, "published": "2017-01-02"}, ensure_ascii=False),
        '{"id": "n2", "text": "unterminated',
        json.dumps(
            {"url": "https://example.org/n3", "html": "<html><body><p>Talks resumed.</p></body></html>"}
        ),
        json.dumps({"id": "n4"}),
        json.dumps(["not", "an", "object"]),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, failures = read(tmp_path)
    assert [a.name for a in articles] == ["n1", "https://example.org/n3"]
    assert articles[1].text == "Talks resumed."
    assert [f.path.rsplit(":", 1)[-1] for f in failures] == ["2", "4", "5"]
    assert "malformed JSON" in failures[0].reason and "text" in failures[1].reason


def test_bad_published_date_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "x", "text": "Text.", "published": "last week"}) + "\n"
    )
    articles, failures = read(tmp_path)
    assert articles == [] and "ISO date" in failures[0].reason


def test_html_page_main_text_title_and_date(tmp_path: Path) -> None:
    page = """<html><head><title>Site | Talks</title>
    <meta property="article:published_time" content="2017-07-10T09:00:00Z">
    <meta property="og:title" content="Geneva talks resume"></head>
    <body><nav>Home | World</nav><article><h1>Geneva talks resume</h1>
    <p>The seventh round began on Monday &amp; will last five days.</p><script>var x = 1;</script>
    <p>&lt;script&gt; stays text.</p></article><footer>(c) Site</footer></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [article], _ = read(tmp_path)
    assert article.title == "Geneva talks resume" and article.published == date(2017, 7, 10)
    assert "seventh round began on Monday & will last" in article.text
    assert (
        "Home" not in article.text and "var x" not in article.text and "<script> stays text." in article.text
    )


def test_unsupported_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "data.bin").write_bytes(b"\x00\x01")
    articles, failures = read(tmp_path, tmp_path / "nope.txt")
    assert articles == []
    assert {Path(f.path).name for f in failures} == {"data.bin", "nope.txt"}


def test_decode_refuses_nul_bytes() -> None:
    with pytest.raises(ValueError, match="binary"):
        decode(b"abc\x00def")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("عنوان قصير\n\nنص المقال الطويل هنا.", "عنوان قصير"),
        ("جملة واحدة تنتهي بنقطة.\nثم نص آخر.", None),
        ("سطر واحد فقط", None),
        ("x" * 200 + "\nbody", None),
    ],
)
def test_guess_title(text: str, title: str | None) -> None:
    assert guess_title(text) == title

"""The event page lists what each source reports and marks the values the event uses."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.web.app import create_app
from tests.conftest import ingest_into

DAY = (
    "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأميركي جون كيري في جنيف اليوم الجمعة"
    " لبحث وقف إطلاق النار."
)
MONTH = (
    "وكان وزير الخارجية الروسي سيرغي لافروف قد التقى نظيره الأميركي جون كيري في جنيف"
    " في سبتمبر الجاري لبحث الهدنة."
)


def test_disagreeing_sources_are_listed_with_the_value_used(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "day.txt").write_text(DAY, encoding="utf-8")
    (folder / "month.txt").write_text(MONTH, encoding="utf-8")
    records = [
        {"file": "day.txt", "published": "2016-09-09"},
        {"file": "month.txt", "published": "2016-09-12"},
    ]
    (folder / "manifest.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    ingest_into(db_url, folder)
    with TestClient(create_app(Settings(database_url=db_url))) as client:
        events = client.get("/api/events").json()["items"]
        [meeting] = [e for e in events if e["type"] == "meeting"]
        page = client.get(f"/events/{meeting['id']}", follow_redirects=True)
    assert page.status_code == 200
    html = page.text
    table = html[html.index('class="reports-table"') : html.index("</table>")]
    assert "day.txt" in table and "month.txt" in table
    assert "9 September 2016" in table and "September 2016" in table
    assert table.count("✓ used") >= 2  # the day-precision date and a place, at least
    assert "The sources disagree" in html

"""Ids in paths that can name nothing (control characters, over-long) answer 404, never 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.web.app import create_app


@pytest.mark.parametrize(
    "path",
    [
        "/events/%00",
        "/events/%00.json",
        "/events/ab%00cd-slug",
        "/events/" + "x" * 5000,
        "/articles/%00",
        "/articles/a%01b.txt",
        "/articles/" + "y" * 5000,
        "/actors/%00",
        "/actors/" + "z" * 5000,
    ],
)
def test_unusable_ids_are_not_found(engine: object, db_url: str, path: str) -> None:
    with TestClient(create_app(Settings(database_url=db_url))) as client:
        response = client.get(path)
    assert response.status_code == 404, response.text

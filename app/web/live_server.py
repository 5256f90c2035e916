"""Serve an app with uvicorn in a background thread on a free local port.

The browser tests and the screenshot script drive a real server this way,
without a second process to clean up.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn
from fastapi import FastAPI

READY_TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(root: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{root}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server at {root} did not answer /healthz within {READY_TIMEOUT:.0f} s")


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """The base URL of `app` served on 127.0.0.1 until the block ends."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="waqai-live-server", daemon=True)
    thread.start()
    root = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(root)
        yield root
    finally:
        server.should_exit = True
        thread.join(timeout=10)

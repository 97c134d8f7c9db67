"""scripts/gezond.py, the /gezond of serve.sh: 200 only when every replica answers its health check, 503 otherwise,
and the text says how many answer. Against two stand-in replicas on loopback: one answering 'ok', one port closed."""
from __future__ import annotations

import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scripts import gezond
from tests.browser.conftest import _vrije_poort


class Gezond(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.send_response(200 if self.path == "/_stcore/health" else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def draaiend():
    """start(server) → its URL; every server started is shut down afterwards."""
    servers = []

    def start(server: ThreadingHTTPServer) -> str:
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def vraag(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"{url}/gezond", timeout=10) as antwoord:
            return antwoord.status, antwoord.read().decode()
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read().decode()


def test_all_replicas_answering_is_healthy(draaiend):
    replicas = [draaiend(ThreadingHTTPServer(("127.0.0.1", 0), Gezond)) for _ in range(2)]
    url = draaiend(gezond.server(_vrije_poort(), replicas))
    assert vraag(url) == (200, "gezond: 2 van 2 processen antwoorden\n")


def test_one_replica_down_is_unhealthy_and_says_how_many_answer(draaiend):
    replicas = [draaiend(ThreadingHTTPServer(("127.0.0.1", 0), Gezond)), f"http://127.0.0.1:{_vrije_poort()}"]
    url = draaiend(gezond.server(_vrije_poort(), replicas))
    assert vraag(url) == (503, "niet gezond: 1 van 2 processen antwoordt\n")


def test_the_words_fit_every_count():
    assert gezond.verslag(0, 2) == (503, "niet gezond: 0 van 2 processen antwoorden\n")
    assert gezond.verslag(1, 1) == (200, "gezond: 1 van 1 processen antwoordt\n")

"""/gezond for scripts/serve.sh: asks every replica's /_stcore/health and answers 200 only when all of them answer,
503 otherwise; the text says how many do ("gezond: 2 van 2 processen antwoorden"). nginx proxies /gezond here.
Standard library only; a replica is asked at most once a second, however often /gezond is asked.

Usage: python scripts/gezond.py PORT http://127.0.0.1:8502 http://127.0.0.1:8503 …
"""
from __future__ import annotations

import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GELDIG = 1.0  # seconds a poll is reused


def antwoordt(replica: str) -> bool:
    try:
        with urllib.request.urlopen(f"{replica}/_stcore/health", timeout=2) as antwoord:
            return antwoord.status == 200 and antwoord.read() == b"ok"
    except OSError:
        return False


class Peiling:
    """How many replicas answer, asked at most once per GELDIG seconds (the others wait for that one poll)."""

    def __init__(self, replicas: list[str]):
        self.replicas = replicas
        self._slot = threading.Lock()
        self._wanneer, self._aantal = 0.0, 0
        self._pool = ThreadPoolExecutor(max_workers=max(1, len(replicas)))

    def aantal(self) -> int:
        with self._slot:
            if time.monotonic() - self._wanneer > GELDIG:
                self._aantal = sum(self._pool.map(antwoordt, self.replicas))
                self._wanneer = time.monotonic()
            return self._aantal


def verslag(aantal: int, totaal: int) -> tuple[int, str]:
    """(HTTP status, text) for `aantal` of `totaal` replicas answering."""
    werkwoord = "antwoordt" if aantal == 1 else "antwoorden"
    if aantal == totaal:
        return 200, f"gezond: {aantal} van {totaal} processen {werkwoord}\n"
    return 503, f"niet gezond: {aantal} van {totaal} processen {werkwoord}\n"


def server(poort: int, replicas: list[str]) -> ThreadingHTTPServer:
    peiling = Peiling(replicas)

    class Vraag(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            status, tekst = verslag(peiling.aantal(), len(replicas))
            inhoud = tekst.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(inhoud)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(inhoud)

        do_HEAD = do_GET  # noqa: N815

        def log_message(self, *args) -> None:  # a load balancer asks every few seconds: no log line per question
            pass

    return ThreadingHTTPServer(("127.0.0.1", poort), Vraag)


if __name__ == "__main__":
    server(int(sys.argv[1]), sys.argv[2:]).serve_forever()

"""scripts/serve.sh supervises: on SIGTERM, SIGINT or SIGHUP every child (replicas, nginx, the health check) stops
with it and a new start on the same ports works; a replica killed with -9 makes /gezond say so (503, "1 van 2"),
is restarted, and /gezond is 200 again. Each test starts nginx and two Streamlit servers (traag)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import _vrije_poort
from tests.conftest import PROJECT

pytestmark = [
    pytest.mark.traag,
    pytest.mark.skipif(shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
                       reason="nginx ontbreekt (scripts/test.sh installeert het)"),
]


def gezond(url: str) -> tuple[int, str]:
    """(status, text) of /gezond; (0, '') when nothing answers."""
    try:
        with urllib.request.urlopen(f"{url}/gezond", timeout=5) as antwoord:
            return antwoord.status, antwoord.read().decode()
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read().decode()
    except OSError:
        return 0, ""


def wacht(voorwaarde, seconden: float, wat: str):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if uitkomst := voorwaarde():
            return uitkomst
        time.sleep(0.3)
    pytest.fail(f"niet binnen {seconden} s: {wat}")


def leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split(") ")[1][0] != "Z"  # a zombie has stopped; its parent just did not reap it yet


class Serve:
    """scripts/serve.sh with two replicas on free ports in its own run folder."""

    def __init__(self, werkmap: Path, db: Path, poort: int):
        self.werkmap, self.url = werkmap, f"http://127.0.0.1:{poort}"
        self.omgeving = {**os.environ, "PORT": str(poort), "REPLICAS": "2",
                         "SOEST_RUN": str(werkmap), "SOEST_DB": str(db)}
        self.proces: subprocess.Popen | None = None

    def start(self) -> None:
        self.proces = subprocess.Popen(["bash", "scripts/serve.sh"], cwd=PROJECT, env=self.omgeving,
                                       start_new_session=True, stdout=subprocess.DEVNULL,
                                       stderr=open(self.werkmap.parent / "serve.log", "a"))
        wacht(lambda: gezond(self.url)[0] == 200, 120, "serve.sh gezond")

    def kinderen(self) -> dict[str, int]:
        return {p.stem: int(p.read_text()) for p in [*self.werkmap.glob("replica-*.pid"),
                                                      self.werkmap / "gezond.pid", self.werkmap / "nginx.pid"]}

    def stop_met(self, sein: int) -> dict[str, int]:
        """Send `sein` to serve.sh alone (not its process group): it must take its children down itself."""
        kinderen = self.kinderen()
        self.proces.send_signal(sein)
        self.proces.wait(timeout=30)
        wacht(lambda: not [n for n, pid in kinderen.items() if leeft(pid)], 15, f"kinderen gestopt na {sein}")
        return kinderen

    def opruimen(self) -> None:
        if self.proces is not None and self.proces.poll() is None:
            os.killpg(self.proces.pid, signal.SIGKILL)
            self.proces.wait()


@pytest.fixture
def serve(tmp_path, echte_db):
    s = Serve(tmp_path / "run", echte_db, _vrije_poort())
    yield s
    s.opruimen()


def test_every_signal_stops_all_children_and_a_new_start_works(serve):
    serve.start()
    kinderen = serve.stop_met(signal.SIGTERM)
    assert set(kinderen) == {"replica-1", "replica-2", "gezond", "nginx"}
    assert gezond(serve.url) == (0, "")
    serve.start()  # the same ports again: nothing was left holding them
    serve.stop_met(signal.SIGINT)
    serve.start()
    serve.stop_met(signal.SIGHUP)
    assert "Address already in use" not in (serve.werkmap.parent / "serve.log").read_text()


def test_a_killed_replica_is_reported_restarted_and_healthy_again(serve):
    serve.start()
    assert gezond(serve.url) == (200, "gezond: 2 van 2 processen antwoorden\n")
    os.kill(serve.kinderen()["replica-1"], signal.SIGKILL)
    status, tekst = wacht(lambda: (s := gezond(serve.url))[0] != 200 and s, 10, "/gezond meldt de dode replica")
    assert (status, tekst) == (503, "niet gezond: 1 van 2 processen antwoordt\n")
    upstream = serve.werkmap / "replicas.conf"
    wacht(lambda: "down" in upstream.read_text(), 5, "de replica is uit nginx")  # until it answers again
    wacht(lambda: gezond(serve.url)[0] == 200, 60, "de replica is herstart en gezond")
    wacht(lambda: "down" not in upstream.read_text(), 5, "de replica is terug in nginx")
    log = (serve.werkmap.parent / "serve.log").read_text()
    assert "replica 1" in log and "is gestopt" in log and "antwoordt weer" in log
    serve.stop_met(signal.SIGTERM)

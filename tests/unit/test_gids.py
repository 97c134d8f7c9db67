"""docs/GEGEVENS_BIJWERKEN.md: the guide's command block, run as written on a copy of data/ and geo/ in a fresh git
repository, with CBS answering from recorded responses (the recorded table is 2024, so the year is swapped)."""
import os
import re
import shlex
import shutil
import subprocess

import pytest

from soest_data.__main__ import main
from soest_data.bronnen import bouw, vernieuw
from tests.conftest import ECHTE_DATA, GEO, PROJECT, zonder_nederland_kwb_2024
from tests.opnames import opname_sessie

GIDS = PROJECT / "docs" / "GEGEVENS_BIJWERKEN.md"


def gidsstappen() -> list[str]:
    blok = re.search(r"<!-- gidstest: begin -->\s*```bash\n(.*?)```\s*<!-- gidstest: eind -->",
                     GIDS.read_text(encoding="utf-8"), re.S)
    assert blok, "the guide lost its command block"
    return [r.strip() for r in blok.group(1).splitlines() if r.strip() and not r.startswith("#")]


def test_the_guide_covers_refresh_review_import_check_and_commit():
    stappen = " ".join(gidsstappen())
    for deel in ("vernieuw cbs", "--dry-run", "git diff", "import", "validate", "git commit"):
        assert deel in stappen
    tekst = GIDS.read_text(encoding="utf-8")
    assert "git" in tekst.split("## 1.")[0]  # said before the first step: git is needed
    assert "scripts/run.sh" in tekst


@pytest.mark.traag  # the whole guide end to end (refresh, import, build, git); each command has its own fast test
@pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")
def test_the_guides_commands_run_on_a_copy(tmp_path, monkeypatch, capsys):
    map_ = tmp_path / "project"
    shutil.copytree(ECHTE_DATA, map_ / "data", ignore=shutil.ignore_patterns("*.duckdb*"))
    zonder_nederland_kwb_2024(map_ / "data")
    shutil.copytree(GEO, map_ / "geo")
    shutil.copy(PROJECT / ".gitignore", map_ / ".gitignore")
    omgeving = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}

    def git(*args) -> str:
        return subprocess.run(["git", *args], cwd=map_, env=omgeving, check=True, capture_output=True,
                              text=True).stdout

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "begin")
    for naam, pad in (("SOEST_DATA", map_ / "data"), ("SOEST_GEO", map_ / "geo"),
                      ("SOEST_DB", map_ / "data" / "wijkprofielen.duckdb")):
        monkeypatch.setenv(naam, str(pad))
    monkeypatch.setattr(vernieuw, "nieuwe_sessie", opname_sessie)
    monkeypatch.chdir(map_)
    bouw.bouw(map_ / "data", map_ / "geo", map_ / "data" / "wijkprofielen.duckdb")

    for stap in gidsstappen():
        delen = shlex.split(stap.replace("--jaar 2025", "--jaar 2024"))
        if delen[:3] == [".venv/bin/python", "-m", "soest_data"]:
            assert main(delen[3:]) == 0, f"{stap}: {capsys.readouterr().err}"
        else:
            assert delen[0] == "git", f"the test does not know how to run: {stap}"
            git(*delen[1:])
    assert "Cijfers bijgewerkt" in git("log", "-1", "--format=%s")
    assert git("status", "--porcelain") == "?? cijfers.xlsx\n"
    assert "NL01,inwoners,2024,17942942" in git("show", "HEAD:data/waarden/cbs_kwb.csv")

"""The bad imports of issue 22, run again: each one is read right or refused with a Dutch message and nothing changed.

One table, one row per kind of input (Dutch thousands, Excel percentage cells, every indicator kind's range, odd
files), each through the real command line on a copy of the test sources (TESTGEGEVENS). Then the two-file
atomicity, a killed import and the leftovers of earlier runs.
"""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from soest_data import db, waarden
from soest_data.__main__ import main
from soest_data.bronnen import bouw, uitwisseling, waardenbestand
from tests.conftest import GEO, PROJECT
from tests.unit.test_uitwisseling import _bestanden, _waarden, omgeving  # noqa: F401  (omgeving is a fixture)

KOP = "gebied_code,indicator,jaar,waarde,bron\n"
NL_KOP = "gebied_code;indicator;jaar;waarde;bron\r\n"
# A rapportcijfer indicator for the tests (TESTGEGEVENS): the shared fixture has none.
CIJFER = """\
  - id: test_cijfer
    label: Test rapportcijfer
    opgave: context
    thema: Tevredenheid
    eenheid: rapportcijfer (1-10)
    richting: hoger_is_beter
    rol: context
    definitie: Verzonnen rapportcijfer.
    periode: "2020"
    bronnen: [test_bron]
    soort: getal
    niveaus: [gemeente, wijk]
    onthulling: {regel: geen}
"""


@pytest.fixture
def proef(omgeving):  # noqa: F811
    data, doel = omgeving
    catalogus = data / "catalogus" / "test.yaml"
    catalogus.write_text(catalogus.read_text(encoding="utf-8") + CIJFER, encoding="utf-8")
    with (data / "waarden" / "test.csv").open("a", encoding="utf-8") as f:
        f.write("WK034205,test_cijfer,2020,7.1,rapportcijfer (1-10),,,test_bron,TESTGEGEVENS\n")
    bouw.bouw(data, GEO, doel)
    return data, doel


def _csv(tmp_path: Path, tekst: str, naam: str = "invoer.csv") -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _nl(regel: str):
    """A CSV as Dutch Excel writes it: BOM, ';', CRLF."""
    return lambda tmp: _ruw(tmp, ("\ufeff" + NL_KOP + regel + "\r\n").encode("utf-8"))


def _en(regel: str):
    return lambda tmp: _csv(tmp, KOP + regel + "\n")


def _ruw(tmp_path: Path, inhoud: bytes, naam: str = "invoer.csv") -> Path:
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    return pad


def _xlsx(gebied: str, indicator: str, jaar, waarde, opmaak: str | None = None):
    def maak(tmp_path: Path) -> Path:
        boek = openpyxl.Workbook()
        blad = boek.active
        blad.title = "waarden"
        blad.append(["gebied_code", "indicator", "jaar", "waarde", "bron"])
        blad.append([gebied, indicator, jaar, waarde, "test_bron"])
        if opmaak:
            blad["D2"].number_format = opmaak
        boek.save(tmp_path / "cijfers.xlsx")
        return tmp_path / "cijfers.xlsx"
    return maak


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "pijp.csv")
    return tmp_path / "pijp.csv"


def _link(tmp_path: Path) -> Path:
    echt = _csv(tmp_path, KOP + "WK034205,test_moeite,2020,19.5,test_bron\n", "echt.csv")
    (tmp_path / "link.csv").symlink_to(echt)
    return tmp_path / "link.csv"


def _groot(tmp_path: Path) -> Path:
    pad = tmp_path / "groot.csv"
    with pad.open("wb") as f:
        f.write(KOP.encode())
        f.truncate(waardenbestand.MAX_BYTES + 1_000_000)  # sparse: no disk used, but over the limit to read
    return pad


def _map(tmp_path: Path) -> Path:
    (tmp_path / "map.csv").mkdir()
    return tmp_path / "map.csv"


def _geen_zip(tmp_path: Path) -> Path:
    return _ruw(tmp_path, b"dit is geen excel", "kapot.xlsx")


DEEL = ("geweigerd", "een deel kan niet groter zijn dan het geheel")
# (probe, input maker, expected: ("waarde", key, number) or ("geweigerd", Dutch fragment of the message))
WIJK = "WK034205"
PROEVEN = [
    # Dutch Excel CSV: a point separates thousands, a comma is the decimal sign
    ("nl-csv 4.970 inwoners", _nl(f"{WIJK};test_inwoners;2023;4.970;test_bron"), ("waarde", (WIJK, "test_inwoners", 2023), 4970)),
    ("nl-csv 1.234 inwoners", _nl(f"{WIJK};test_inwoners;2023;1.234;test_bron"), ("waarde", (WIJK, "test_inwoners", 2023), 1234)),
    ("nl-csv 19,5 %", _nl(f"{WIJK};test_moeite;2020;19,5;test_bron"), ("waarde", (WIJK, "test_moeite", 2020), 19.5)),
    ("nl-csv 7,5 rapportcijfer", _nl(f"{WIJK};test_cijfer;2020;7,5;test_bron"), ("waarde", (WIJK, "test_cijfer", 2020), 7.5)),
    ("nl-csv 47.400 Soest", _nl("GM0342;test_inwoners;2023;47.400;test_bron"),
     ("waarde", ("GM0342", "test_inwoners", 2023), 47400)),
    ("nl-csv 4.97 dubbelzinnig", _nl(f"{WIJK};test_inwoners;2023;4.97;test_bron"), ("geweigerd", "dubbelzinnig")),
    ("nl-csv 19.5 dubbelzinnig", _nl(f"{WIJK};test_moeite;2020;19.5;test_bron"), ("geweigerd", "schrijf 19,5")),
    ("nl-csv 0.5 dubbelzinnig", _nl(f"{WIJK};test_moeite;2020;0.5;test_bron"), ("geweigerd", "dubbelzinnig")),
    ("nl-csv 1.234 als percentage", _nl(f"{WIJK};test_moeite;2020;1.234;test_bron"), ("geweigerd", "duizendtallen")),
    ("nl-csv 1.234,5 inwoners", _nl(f"{WIJK};test_inwoners;2023;1.234,5;test_bron"), ("geweigerd", "geen heel getal")),
    ("nl-csv 4 970 met spatie", _nl(f"{WIJK};test_inwoners;2023;4 970;test_bron"), ("geweigerd", "geen getal")),
    ("nl-csv 12,5 inwoners", _nl(f"{WIJK};test_inwoners;2023;12,5;test_bron"), ("geweigerd", "geen heel getal")),
    # English CSV (the export's own form): the point is the decimal sign
    ("csv \"4,970\"", _en(f'{WIJK},test_inwoners,2023,"4,970",test_bron'), ("geweigerd", "gebruik een punt")),
    ("csv 1.234 inwoners", _en(f"{WIJK},test_inwoners,2023,1.234,test_bron"), ("geweigerd", "geen heel getal")),
    ("csv 12.5 inwoners", _en(f"{WIJK},test_inwoners,2023,12.5,test_bron"), ("geweigerd", "geen heel getal")),
    ("csv 19.5 %", _en(f"{WIJK},test_moeite,2020,19.5,test_bron"), ("waarde", (WIJK, "test_moeite", 2020), 19.5)),
    # Excel: text cells in Dutch notation, percentage cells as shown
    ("xlsx tekst 1.234", _xlsx(WIJK, "test_inwoners", 2023, "1.234"), ("waarde", (WIJK, "test_inwoners", 2023), 1234)),
    ("xlsx tekst 19,5", _xlsx(WIJK, "test_moeite", 2020, "19,5"), ("waarde", (WIJK, "test_moeite", 2020), 19.5)),
    ("xlsx tekst 4.97", _xlsx(WIJK, "test_inwoners", 2023, "4.97"), ("geweigerd", "dubbelzinnig")),
    ("xlsx procentcel 19,5 %", _xlsx(WIJK, "test_moeite", 2020, 0.195, "0.0%"), ("waarde", (WIJK, "test_moeite", 2020), 19.5)),
    ("xlsx procentcel 20 %", _xlsx(WIJK, "test_moeite", 2020, 0.2, "0%"), ("waarde", (WIJK, "test_moeite", 2020), 20)),
    ("xlsx getal met letterlijk %", _xlsx(WIJK, "test_moeite", 2020, 19.5, '0.0" %"'),
     ("waarde", (WIJK, "test_moeite", 2020), 19.5)),
    ("xlsx getalcel 4970", _xlsx(WIJK, "test_inwoners", 2023, 4970), ("waarde", (WIJK, "test_inwoners", 2023), 4970)),
    ("xlsx getalcel 1e9 inwoners", _xlsx("GM0342", "test_inwoners", 2023, 1e9), ("geweigerd", "inwoners van Nederland")),
    ("xlsx rapportcijfer 42", _xlsx(WIJK, "test_cijfer", 2020, 42), ("geweigerd", "rapportcijfer 42 ligt niet tussen 1 en 10")),
    ("xlsx geen zip", _geen_zip, ("geweigerd", "Excel-bestand kan niet gelezen worden")),
    # every kind's range
    ("percentage 140", _en(f"{WIJK},test_moeite,2020,140,test_bron"), ("geweigerd", "niet tussen 0 en 100")),
    ("percentage -1", _en(f"{WIJK},test_moeite,2020,-1,test_bron"), ("geweigerd", "niet tussen 0 en 100")),
    ("rapportcijfer 42", _en(f"{WIJK},test_cijfer,2020,42,test_bron"), ("geweigerd", "niet tussen 1 en 10")),
    ("rapportcijfer 0", _en(f"{WIJK},test_cijfer,2020,0,test_bron"), ("geweigerd", "niet tussen 1 en 10")),
    ("aantal -5", _en(f"{WIJK},test_bijstand,2023,-5,test_bron"), ("geweigerd", "negatief")),
    ("aantal 1e9", _en("GM0342,test_inwoners,2023,1e9,test_bron"), ("geweigerd", "inwoners van Nederland")),
    ("aantal boven zijn populatie", _en(f"{WIJK},test_bijstand,2023,5000,test_bron"), DEEL),
    ("populatie onder zijn aantal", _en(f"{WIJK},test_inwoners,2023,200,test_bron"), DEEL),
    ("buurt boven zijn wijk", _en("BU03420501,test_inwoners,2023,6000,test_bron"), ("geweigerd", "waar het in ligt")),
    ("wijk boven Soest", _nl(f"{WIJK};test_inwoners;2023;1.234.567;test_bron"), ("geweigerd", "waar het in ligt")),
    ("nan", _en(f"{WIJK},test_moeite,2020,nan,test_bron"), ("geweigerd", "geen getal")),
    ("inf", _en(f"{WIJK},test_moeite,2020,inf,test_bron"), ("geweigerd", "geen getal")),
    ("tekst", _en(f"{WIJK},test_moeite,2020,veel,test_bron"), ("geweigerd", "geen getal")),
    # the file as a whole
    ("leeg bestand", lambda tmp: _csv(tmp, ""), ("geweigerd", "leeg")),
    ("tab als scheiding", lambda tmp: _csv(tmp, KOP.replace(",", "\t") + "WK034205\ttest_moeite\t2020\t1\ttest_bron\n"),
     ("geweigerd", "scheidingsteken")),
    ("afgebroken regel", lambda tmp: _csv(tmp, KOP + "WK034205,test_moe"), ("geweigerd", "niet evenveel velden")),
    ("geen UTF-8", lambda tmp: _ruw(tmp, (KOP + "WK034205,test_moeite,2020,1,test_bron\n").encode("utf-16")),
     ("geweigerd", "UTF-8")),
    ("dubbele regel", lambda tmp: _csv(tmp, KOP + "WK034205,test_moeite,2020,1,test_bron\n" * 2), ("geweigerd", "dubbel")),
    ("onbekende indicator", _en(f"{WIJK},bestaat_niet,2020,1,test_bron"), ("geweigerd", "onbekende indicator")),
    ("jaar buiten de bron", _en(f"{WIJK},test_moeite,2019,1,test_bron"), ("geweigerd", "valt buiten de jaren")),
    ("andere eenheid", lambda tmp: _csv(tmp, "gebied_code,indicator,jaar,waarde,eenheid,bron\n"
                                             "WK034205,test_moeite,2020,1,km,test_bron\n"), ("geweigerd", "wijkt af")),
    # odd files: refused before a byte is parsed, and without waiting
    ("/dev/zero", lambda tmp: Path("/dev/zero"), ("geweigerd", "apparaat")),
    ("FIFO", _fifo, ("geweigerd", "pijp")),
    ("symbolische link", _link, ("geweigerd", "symbolische link")),
    ("map", _map, ("geweigerd", "map")),
    ("te groot", _groot, ("geweigerd", f"groter dan {waardenbestand.MAX_BYTES // 1_000_000} MB")),
    ("bestaat niet", lambda tmp: tmp / "weg.csv", ("geweigerd", "bestaat niet")),
]


@pytest.mark.parametrize("maak, verwacht", [p[1:] for p in PROEVEN], ids=[p[0] for p in PROEVEN])
def test_every_bad_import_is_read_right_or_refused_with_nothing_changed(proef, tmp_path, capsys, maak, verwacht):
    data, doel = proef
    voor_bestanden, voor_db = _bestanden(data), _waarden(doel)
    invoer = maak(tmp_path)
    capsys.readouterr()
    start = time.perf_counter()
    code = main(["import", str(invoer)])
    uit = capsys.readouterr()
    assert time.perf_counter() - start < 20, "an import must never hang"
    assert "Traceback" not in uit.err + uit.out
    if verwacht[0] == "geweigerd":
        assert code == 1, uit.out
        assert verwacht[1] in uit.err
        assert "niets veranderd" in uit.err or "bestaat niet" in uit.err
        assert _bestanden(data) == voor_bestanden and _waarden(doel) == voor_db
    else:
        _, (gebied, indicator, jaar), getal = verwacht
        assert code == 0, uit.err
        con = db.open_readonly(doel)
        try:
            assert con.execute("select waarde from waarden where gebied_code = ? and indicator = ? and jaar = ?",
                               [gebied, indicator, jaar]).fetchone()[0] == getal
        finally:
            con.close()
        assert not bouw.is_verouderd(doel, data, GEO)


def test_there_are_at_least_the_43_probes_of_the_issue():
    assert len(PROEVEN) >= 43


def test_a_plausible_jump_is_shown_in_the_dry_run_with_a_warning(proef, tmp_path, capsys):
    data, doel = proef
    voor = _bestanden(data)
    invoer = _csv(tmp_path, KOP + "GM0342,test_inwoners,2023,474000,test_bron\n"
                  "WK034205,test_moeite,2020,80,test_bron\nWK034205,test_sporters,2020,41,test_bron\n")
    assert main(["import", "--dry-run", str(invoer)]) == 0
    uit = capsys.readouterr().out
    assert uit.count("let op") == 2
    assert "GM0342 test_inwoners 2023 wordt 474.000, nu 47.400" in uit and "test_moeite 2020 wordt 80, nu 18,9" in uit
    assert _bestanden(data) == voor


def test_a_new_year_far_from_the_last_one_is_warned_about_too():
    huidig = pd.DataFrame({"gebied_code": ["WK1"], "indicator": ["i"], "jaar": [2023], "waarde": [4970.0]})
    invoer = huidig.assign(jaar=[2024], waarde=[4.97], bestand=["x.csv"], regel=[2])

    class Catalogus:
        indicatoren = {"i": {"eenheid": "aantal"}}
    [melding] = uitwisseling.sprongen(invoer, huidig, Catalogus)
    assert "wordt 4,97, in 2023 4.970" in melding and melding.startswith("x.csv:2: let op")


def test_rows_of_a_public_export_that_are_hidden_are_skipped_and_keep_their_value(proef, tmp_path, capsys):
    data, doel = proef
    voor = _bestanden(data)
    main(["export", "--csv", str(tmp_path / "publiek.csv")])
    assert main(["import", str(tmp_path / "publiek.csv")]) == 0
    assert "afgeschermde regels overgeslagen" in capsys.readouterr().out
    assert _bestanden(data) == voor


# ---- all or nothing across two files --------------------------------------------------------------------------

def _twee_bronnen(data: Path) -> Path:
    """A second source with its own file (TESTGEGEVENS), so one import touches two values files."""
    from tests.unit.test_uitwisseling import _voeg_peiling_toe
    _voeg_peiling_toe(data, "    bestand: peiling.csv\n")
    (data / "waarden" / "peiling.csv").write_text(
        "gebied_code,indicator,jaar,waarde,eenheid,relatief,status,bron,citaat\n"
        "WK034202,test_inwoners,2023,3310,aantal,,,test_peiling_2023,TESTGEGEVENS\n", encoding="utf-8")
    (data / "waarden" / "test.csv").write_text((data / "waarden" / "test.csv").read_text(encoding="utf-8").replace(
        "WK034202,test_inwoners,2023,3300,aantal,,,test_bron,TESTGEGEVENS\n", ""), encoding="utf-8")
    return data / "waarden" / "peiling.csv"


def _invoer_twee(tmp_path: Path) -> Path:
    return _csv(tmp_path, KOP + "WK034205,test_moeite,2020,19.5,test_bron\n"
                "WK034202,test_inwoners,2023,3320,test_peiling_2023\n")


def _geen_resten(data: Path, doel: Path) -> None:
    verborgen = [p.name for p in data.rglob(".*") if p.is_file()]
    assert not verborgen, f"temporary files left: {verborgen}"
    assert not list(doel.parent.glob(f"{doel.name}.*")), "a staged database was left"
    assert not list(Path(tempfile.gettempdir()).glob(f"soest-import-{os.getpid()}-*"))


def test_one_of_two_targets_read_only_changes_neither(proef, tmp_path, capsys):
    data, doel = proef
    peiling = _twee_bronnen(data)
    bouw.bouw(data, GEO, doel)
    voor_bestanden, voor_db = _bestanden(data), _waarden(doel)
    peiling.chmod(0o444)
    try:
        assert main(["import", str(_invoer_twee(tmp_path))]) == 1
    finally:
        peiling.chmod(0o644)
    fout = capsys.readouterr().err
    assert "peiling.csv is alleen-lezen" in fout and "geen enkel bronbestand en niet de database" in fout
    assert _bestanden(data) == voor_bestanden and _waarden(doel) == voor_db
    _geen_resten(data, doel)


def test_a_failure_while_replacing_the_second_file_puts_the_first_back(proef, tmp_path, capsys, monkeypatch):
    data, doel = proef
    _twee_bronnen(data)
    bouw.bouw(data, GEO, doel)
    voor_bestanden, voor_db = _bestanden(data), _waarden(doel)
    echt = os.replace
    vervangen: list = []

    def tweede_faalt(bron, doel_):
        vervangen.extend([doel_] if Path(doel_).parent.name == "waarden" else [])
        if len(vervangen) == 2:
            raise OSError(errno.EACCES, "Permission denied", str(doel_))
        echt(bron, doel_)
    monkeypatch.setattr(uitwisseling.os, "replace", tweede_faalt)
    assert main(["import", str(_invoer_twee(tmp_path))]) == 1
    monkeypatch.setattr(uitwisseling.os, "replace", echt)
    fout = capsys.readouterr().err
    assert "geen toestemming" in fout and "teruggezet" in fout and "niets veranderd" in fout
    assert _bestanden(data) == voor_bestanden and _waarden(doel) == voor_db
    _geen_resten(data, doel)
    assert main(["build", "--als-verouderd"]) == 0  # nothing half to publish: the database is current
    assert "is actueel" in capsys.readouterr().out and _waarden(doel) == voor_db


def test_a_read_only_values_folder_leaves_no_staged_database(proef, tmp_path, capsys, monkeypatch):
    data, doel = proef
    voor_bestanden, voor_db = _bestanden(data), _waarden(doel)
    echt = shutil.copyfile

    def alleen_lezen(bron, doel_, *args, **kwargs):
        if Path(doel_).parent == data / "waarden":
            raise OSError(errno.EROFS, "Read-only file system", str(doel_))
        return echt(bron, doel_, *args, **kwargs)
    monkeypatch.setattr(uitwisseling.shutil, "copyfile", alleen_lezen)
    assert main(["import", str(_csv(tmp_path, KOP + "WK034205,test_moeite,2020,19.5,test_bron\n"))]) == 1
    assert "alleen-lezen schijf" in capsys.readouterr().err
    assert _bestanden(data) == voor_bestanden and _waarden(doel) == voor_db
    _geen_resten(data, doel)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder; the test above simulates it")
def test_a_really_read_only_values_folder_leaves_no_staged_database(proef, tmp_path, capsys):
    data, doel = proef
    voor_bestanden, voor_db = _bestanden(data), _waarden(doel)
    (data / "waarden").chmod(0o555)
    try:
        assert main(["import", str(_csv(tmp_path, KOP + "WK034205,test_moeite,2020,19.5,test_bron\n"))]) == 1
    finally:
        (data / "waarden").chmod(0o755)
    assert "niets veranderd" in capsys.readouterr().err
    assert _bestanden(data) == voor_bestanden and _waarden(doel) == voor_db
    _geen_resten(data, doel)


def test_a_symlinked_values_file_is_refused_not_replaced(proef, tmp_path, capsys):
    data, doel = proef
    echt = tmp_path / "elders.csv"
    shutil.move(data / "waarden" / "test.csv", echt)
    (data / "waarden" / "test.csv").symlink_to(echt)
    voor = echt.read_bytes()
    assert main(["import", str(_csv(tmp_path, KOP + "WK034205,test_moeite,2020,19.5,test_bron\n"))]) == 1
    assert "symbolische link" in capsys.readouterr().err
    assert (data / "waarden" / "test.csv").is_symlink() and echt.read_bytes() == voor


def test_an_import_killed_halfway_is_rolled_back_by_the_next_build(proef, tmp_path):
    """kill -9 between the two renames (os._exit: no finally runs); `build --als-verouderd` must not publish it."""
    data, doel = proef
    _twee_bronnen(data)
    bouw.bouw(data, GEO, doel)
    voor_bestanden, voor_db = _bestanden(data), _waarden(doel)
    script = (
        "import os, sys\n"
        "from soest_data.bronnen import uitwisseling\n"
        "from soest_data.__main__ import main\n"
        "echt, teller = os.replace, []\n"
        "def replace(a, b):\n"
        "    teller.extend([b] if os.path.basename(os.path.dirname(b)) == 'waarden' else [])\n"
        "    if len(teller) == 2: os._exit(9)\n"
        "    echt(a, b)\n"
        "uitwisseling.os.replace = replace\n"
        "sys.exit(main(['import', sys.argv[1]]))\n")
    env = {**os.environ, "SOEST_DATA": str(data), "SOEST_DB": str(doel), "SOEST_GEO": str(GEO),
                "PYTHONPATH": str(PROJECT)}
    gedood = subprocess.run([sys.executable, "-c", script, str(_invoer_twee(tmp_path))], env=env,
                            capture_output=True, timeout=120)
    assert gedood.returncode == 9
    zichtbaar = lambda bestanden: {k: v for k, v in bestanden.items() if not Path(k).name.startswith(".")}  # noqa: E731
    assert zichtbaar(_bestanden(data)) != zichtbaar(voor_bestanden), "the probe must leave a half import behind"
    herstel = subprocess.run([sys.executable, "-m", "soest_data", "build", "--als-verouderd"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert herstel.returncode == 0, herstel.stderr
    assert "teruggedraaid" in herstel.stderr
    assert _bestanden(data) == voor_bestanden and _waarden(doel) == voor_db
    assert not bouw.is_verouderd(doel, data, GEO)


def test_leftovers_of_killed_runs_are_removed_at_the_start_of_the_next(proef, tmp_path, capsys):
    data, doel = proef
    dood = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    werk = Path(tempfile.mkdtemp(prefix=f"soest-import-{dood}-"))
    (werk / "data").mkdir()
    oud_werk = Path(tempfile.mkdtemp(prefix="soest-import-"))  # an older version's name, without a process id
    nieuw_werk = Path(tempfile.mkdtemp(prefix="soest-import-"))  # … that may still be in use: too young to remove
    resten = [doel.with_name(f"{doel.name}.import"), doel.with_name(f"{doel.name}.import-{dood}"),
              data / "waarden" / f".test.csv.import-{dood}", data / "waarden" / ".test.csv.import"]
    for pad in resten:
        pad.write_bytes(b"rest")
    for pad in (oud_werk, *resten):
        os.utime(pad, (time.time() - 3600, time.time() - 3600))
    van_mij = data / "waarden" / f".test.csv.import-{os.getpid()}"  # a run that still goes on: left alone
    van_mij.write_bytes(b"loopt nog")
    voor_db = _waarden(doel)
    assert main(["import", "--dry-run", str(_csv(tmp_path, KOP + "WK034205,test_moeite,2020,19.5,test_bron\n"))]) == 0
    assert "opgeruimd" in capsys.readouterr().err
    assert not werk.exists() and not oud_werk.exists() and not any(p.exists() for p in resten)
    assert van_mij.exists() and nieuw_werk.exists()
    van_mij.unlink()
    nieuw_werk.rmdir()
    assert _waarden(doel) == voor_db


# ---- export: public by default -------------------------------------------------------------------------------

def test_export_is_public_by_default_and_full_only_when_named(proef, tmp_path, capsys):
    _, doel = proef
    assert main(["export", "--csv", str(tmp_path / "publiek.csv")]) == 0
    assert "Publieke vorm" in capsys.readouterr().out
    assert main(["export", "--volledig", "--csv", str(tmp_path / "volledig.csv")]) == 0
    uit = capsys.readouterr().out
    assert "Volledige export, zonder afscherming" in uit and "niet publiceren" in uit
    publiek = pd.read_csv(tmp_path / "publiek.csv")
    volledig = pd.read_csv(tmp_path / "volledig.csv")
    telling = publiek["eenheid"].str.startswith("aantal") & publiek["waarde"].notna()
    assert not publiek.loc[telling, "waarde"].between(1, 9).any(), "a small count in the default export"
    assert volledig["waarde"].between(1, 9).any(), "the test data has small counts to hide"
    with db.verbinding(doel) as con:  # the same values as the app shows
        app = waarden.alle_waarden(con)
    assert list(publiek["waarde"].fillna(-1)) == list(app["waarde"].fillna(-1))

"""Load test: a room (25) or a town (100) of visitors, each a websocket speaking Streamlit's own protocol.

Every session opens the app, then repeatedly asks for a random page with random (valid) URL parameters — a
BackMsg rerun_script with page_name and query_string, timed until script_finished — and waits 1–3 s (think time).
In the same run the same number of sessions loads a trivial Streamlit page, the yardstick for this machine.

Starts its own servers on loopback: one Streamlit process (--replicas 1) or scripts/serve.sh (nginx + N replicas,
--replicas 2+), and the trivial page, and measures them as they come: freshly started, nothing built ahead. The
states are drawn at random from every choice a link can hold (any 2–8 wijken, every switch, every margin, the buurt
layer), so no list of states decides what is fast. Reports errors, p50/p95/max per page, CPU per interaction, memory
(RSS).
A benchmark, not a test: targets are printed beside the figures, the exit code is 1 when one is missed.

Usage: .venv/bin/python bench/load.py --sessies 25 --duur 60 [--replicas 4] [--poort 8730] [--golven 3 --pauze 130]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.sessie import Run, Sessie  # noqa: E402
from soest_data import db, paden, waarden  # noqa: E402
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN  # noqa: E402
from soest_data.weergave.aandacht import MARGES  # noqa: E402

DOEL_P95 = 1.0  # seconds (issue 20): one process with 25 sessions, and 100 sessions through scripts/serve.sh
DOEL_MB_PER_SESSIE = 10


# How often a visitor opens each page.
GEWICHTEN = {"": 1, "kaart": 2, "wijkprofiel": 2, "opgave": 1, "vergelijken": 1, "aandacht": 1, "inwoners": 1, "data": 1}


def keuzemogelijkheden() -> dict:
    """What a link can choose, read from the database: wijken, opgaven, indicators on the map (with their years and
    whether they exist per buurt)."""
    with db.verbinding(paden.db_path()) as con:
        cat = waarden.indicatoren(con)
        wijken = sorted(waarden.gebieden(con, "wijk")["code"])
    kaart = cat[cat["wijken_met_waarde"] > 0]
    return {"wijken": wijken, "indicatoren": list(cat["id"]),
            "kaart": [(r.id, list(r.jaren) or [None], bool(r.heeft_buurten)) for r in kaart.itertuples()]}


def keuzes(rnd: random.Random, mogelijk: dict) -> tuple[str, str]:
    """A random page with random valid parameters, like a visitor clicking around: any combination of choices."""
    pagina = rnd.choices(list(GEWICHTEN), weights=list(GEWICHTEN.values()))[0]
    wijken = mogelijk["wijken"]
    schakelaars = ("&nederland=nee" if rnd.random() < 0.3 else "") + ("&buren=ja" if rnd.random() < 0.3 else "")
    if pagina == "kaart":
        indicator, jaren, buurten = rnd.choice(mogelijk["kaart"])
        jaar = rnd.choice(jaren)
        query = f"indicator={indicator}" + (f"&jaar={jaar}" if jaar else "") + \
            ("&niveau=buurt" if buurten and rnd.random() < 0.4 else "") + schakelaars
    elif pagina == "wijkprofiel":
        query = f"wijk={rnd.choice(wijken)}&opgave={rnd.choice(VIJF_OPGAVEN)}" + schakelaars
    elif pagina == "opgave":
        query = f"opgave={rnd.choice(VIJF_OPGAVEN)}" + schakelaars
    elif pagina == "vergelijken":
        query = "wijken=" + ",".join(rnd.sample(wijken, rnd.randint(2, len(wijken)))) + \
            ("&soest=ja" if rnd.random() < 0.3 else "") + schakelaars
    elif pagina == "aandacht":
        query = f"marge={rnd.choice(MARGES)}" + (f"&wijk={rnd.choice(wijken)}" if rnd.random() < 0.6 else "") + schakelaars
    elif pagina == "inwoners":
        query = rnd.choice(["", f"opgave={rnd.choice(list(OPGAVEN))}", f"wijk={rnd.choice(wijken)}"])
    elif pagina == "data":
        query = rnd.choice(["", f"indicator={rnd.choice(mogelijk['indicatoren'])}"])
    else:
        query = ""
    return pagina, query


async def bezoeker(basis: str, nummer: int, einde: float, denktijd, staten, uitslag: list[Run], triviaal: bool) -> None:
    rnd = random.Random(nummer)
    await asyncio.sleep(rnd.uniform(0, denktijd[1]))  # a room does not press enter in the same millisecond
    try:
        sessie = await Sessie.open(basis, cookie=f"soest_sessie=bezoeker{nummer}")
    except Exception as fout:  # noqa: BLE001 — any failed connect counts as an error
        uitslag.append(Run("(verbinden)", 0.0, type(fout).__name__))
        return
    try:
        while time.monotonic() < einde:
            pagina, query = ("triviaal", "") if triviaal else keuzes(rnd, staten)
            run = await sessie.run(pagina if not triviaal else "", query)
            run.pagina = pagina
            uitslag.append(run)
            if uitslag[-1].fout and uitslag[-1].fout in ("ConnectionClosedError", "ConnectionClosedOK"):
                return
            await asyncio.sleep(rnd.uniform(*denktijd))
    finally:
        await sessie.sluit()


def _rss_mb(pids: list[int]) -> float:
    totaal = 0
    for pid in pids:
        try:
            for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
                if regel.startswith("VmRSS:"):
                    totaal += int(regel.split()[1])
        except OSError:
            pass
    return totaal / 1024


def _cpu_s(pids: list[int]) -> float:
    tik = os.sysconf("SC_CLK_TCK")
    totaal = 0
    for pid in pids:
        try:
            velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            totaal += int(velden[11]) + int(velden[12])
        except OSError:
            pass
    return totaal / tik


def _wacht_op(url: str, seconden: float = 120) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            with urllib.request.urlopen(url, timeout=2) as antwoord:
                if antwoord.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} kwam niet op binnen {seconden:.0f} s")


def _streamlit(script: str, poort: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(poort), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def start(replicas: int, poort: int, werkmap: Path) -> tuple[str, list[subprocess.Popen], list[int]]:
    """The dashboard: (url, processes to stop, pids of the Streamlit processes)."""
    if replicas == 1:
        proces = _streamlit("server.py", poort)
        _wacht_op(f"http://127.0.0.1:{poort}/_stcore/health")
        return f"http://127.0.0.1:{poort}", [proces], [proces.pid]
    omgeving = {**os.environ, "PORT": str(poort), "REPLICAS": str(replicas), "SOEST_RUN": str(werkmap)}
    proces = subprocess.Popen(["bash", "scripts/serve.sh"], cwd=PROJECT, env=omgeving, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wacht_op(f"http://127.0.0.1:{poort}/gezond", 240)
    pids = [int(p.read_text()) for p in sorted(werkmap.glob("replica-*.pid"))]
    return f"http://127.0.0.1:{poort}", [proces], pids


def stop(processen: list[subprocess.Popen]) -> None:
    for proces in processen:
        try:
            os.killpg(proces.pid, signal.SIGTERM)
            proces.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proces.pid, signal.SIGKILL)


def percentiel(tijden: list[float], p: float) -> float:
    if not tijden:
        return float("nan")
    if len(tijden) == 1:
        return tijden[0]
    return statistics.quantiles(tijden, n=100, method="inclusive")[int(p) - 1]


def verloop(runs: list[Run], begin: float, stuk: float = 15.0) -> list[dict]:
    """p95 per stretch of `stuk` seconds of the wave (by when the answer came): is the tail the first visits of a
    fresh process, or the whole run?"""
    per_stuk: dict[int, list[float]] = {}
    for r in runs:
        if not r.fout:
            per_stuk.setdefault(int((r.klaar - begin) // stuk), []).append(r.seconden)
    return [{"van_s": k * stuk, "n": len(t), "p95_ms": percentiel(t, 95) * 1000} for k, t in sorted(per_stuk.items())]


def tabel(runs: list[Run]) -> list[dict]:
    rijen = []
    for pagina in sorted({r.pagina for r in runs}):
        deel = [r for r in runs if r.pagina == pagina]
        goed = [r.seconden for r in deel if not r.fout]
        rijen.append({"pagina": pagina or "start", "n": len(deel), "fouten": len(deel) - len(goed),
                      "p50_ms": percentiel(goed, 50) * 1000, "p95_ms": percentiel(goed, 95) * 1000,
                      "max_ms": max(goed, default=float("nan")) * 1000})
    goed = [r.seconden for r in runs if not r.fout]
    rijen.append({"pagina": "ALLE", "n": len(runs), "fouten": sum(1 for r in runs if r.fout),
                  "p50_ms": percentiel(goed, 50) * 1000, "p95_ms": percentiel(goed, 95) * 1000,
                  "max_ms": max(goed, default=float("nan")) * 1000})
    return rijen


async def golf(basis: str, triviaal_url: str, sessies: int, duur: float, denktijd, staten, pids, triviaal_pid):
    einde = time.monotonic() + duur
    dashboard: list[Run] = []
    triviaal: list[Run] = []
    piek = {"app": 0.0, "triviaal": 0.0}

    async def meet():
        while time.monotonic() < einde + 5:
            piek["app"] = max(piek["app"], _rss_mb(pids))
            piek["triviaal"] = max(piek["triviaal"], _rss_mb([triviaal_pid]))
            await asyncio.sleep(0.5)

    cpu_voor, triviaal_voor, generator_voor, begin = _cpu_s(pids), _cpu_s([triviaal_pid]), _eigen_cpu_s(), time.monotonic()
    await asyncio.gather(meet(), *[bezoeker(basis, i, einde, denktijd, staten, dashboard, False) for i in range(sessies)],
                         *[bezoeker(triviaal_url, 10_000 + i, einde, denktijd, staten, triviaal, True)
                           for i in range(sessies)])
    cpu = _cpu_s(pids) - cpu_voor
    # where the machine's cores went: the dashboard shares them with the yardstick and with this generator
    piek["cores"] = {"dashboard": cpu, "triviaal": _cpu_s([triviaal_pid]) - triviaal_voor,
                     "lastgenerator": _eigen_cpu_s() - generator_voor, "seconden": time.monotonic() - begin}
    piek["verloop"] = verloop(dashboard, begin)
    return dashboard, triviaal, piek, cpu


def _eigen_cpu_s() -> float:
    gebruik = resource.getrusage(resource.RUSAGE_SELF)
    return gebruik.ru_utime + gebruik.ru_stime


# Two states per page, alternated: a warm interaction is a switch between states already seen.
INTERACTIES = {
    "start": [("", ""), ("", "x=1")],
    "kaart": [("kaart", "indicator=moeite_met_rondkomen_18plus"), ("kaart", "indicator=eenzaam_18plus")],
    "wijkprofiel": [("wijkprofiel", "wijk=WK034205"), ("wijkprofiel", "wijk=WK034207&opgave=bestaanszekerheid")],
    "opgave": [("opgave", "opgave=bestaanszekerheid"), ("opgave", "opgave=gezonde_leefstijl")],
    "vergelijken": [("vergelijken", "wijken=WK034205,WK034207"), ("vergelijken", "wijken=WK034201,WK034203&soest=ja")],
    "aandacht": [("aandacht", "marge=10"), ("aandacht", "marge=20&wijk=WK034205")],
    "inwoners": [("inwoners", ""), ("inwoners", "opgave=meedoen_inclusie")],
    "data": [("data", ""), ("data", "indicator=inwoners")],
}


async def per_pagina(basis: str, pids: list[int], interacties: dict, herhaal: int = 6) -> dict[str, dict]:
    """One visitor on an idle server: server CPU and wall time per warm interaction, per page."""
    sessie = await Sessie.open(basis, cookie="soest_sessie=meten")
    uit = {}
    try:
        for naam, staten in interacties.items():
            for pagina, query in staten:
                await sessie.run(pagina, query)  # cold: fill the caches
            tijden, cpu_voor = [], _cpu_s(pids)
            for i in range(herhaal):
                run = await sessie.run(*staten[i % 2])
                tijden.append(run.seconden)
            uit[naam] = {"cpu_ms": (_cpu_s(pids) - cpu_voor) / herhaal * 1000,
                         "wand_ms": statistics.median(tijden) * 1000}
    finally:
        await sessie.sluit()
    return uit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessies", type=int, default=25)
    parser.add_argument("--duur", type=float, default=60, help="seconden per golf")
    parser.add_argument("--golven", type=int, default=1, help="herhaal de last; het geheugen mag niet groeien")
    parser.add_argument("--pauze", type=float, default=0,
                        help="seconden tussen de golven; Streamlit bewaart een gesloten sessie server.disconnectedSessionTTL "
                             "(120 s) lang, pas daarna hoort haar geheugen terug te zijn")
    parser.add_argument("--replicas", type=int, default=1)
    parser.add_argument("--poort", type=int, default=8730)
    parser.add_argument("--denktijd", type=float, nargs=2, default=(1.0, 3.0))
    parser.add_argument("--uit", type=Path, help="schrijf de uitslag ook als JSON")
    args = parser.parse_args()

    staten = keuzemogelijkheden()
    werkmap = Path(os.environ.get("TMPDIR", "/tmp")) / f"soest-load-{os.getpid()}"
    werkmap.mkdir(parents=True, exist_ok=True)
    processen = []
    try:
        triviaal = _streamlit("bench/triviaal.py", args.poort + 39)
        processen.append(triviaal)
        basis, extra, pids = start(args.replicas, args.poort, werkmap)
        processen += extra
        _wacht_op(f"http://127.0.0.1:{args.poort + 39}/_stcore/health")
        # nothing built ahead: the first visitors of every state are measured too
        rss_start = _rss_mb(pids)
        uitslagen = []
        for nummer in range(1, args.golven + 1):
            if nummer > 1:
                time.sleep(args.pauze)
            rss_voor = _rss_mb(pids)
            dashboard, triv, piek, cpu = asyncio.run(golf(basis, f"http://127.0.0.1:{args.poort + 39}", args.sessies,
                                                          args.duur, tuple(args.denktijd), staten, pids, triviaal.pid))
            uitslagen.append({"golf": nummer, "dashboard": tabel(dashboard), "triviaal": tabel(triv),
                              "rss_start_mb": rss_start, "rss_voor_mb": rss_voor, "rss_piek_mb": piek["app"],
                              "rss_eind_mb": _rss_mb(pids),
                              "rss_triviaal_piek_mb": piek["triviaal"],
                              "cpu_ms_per_interactie": cpu / max(1, len(dashboard)) * 1000,
                              "cores": piek["cores"], "verloop": piek["verloop"]})
        stil = {}  # one quiet visitor per page afterwards: the CPU of a click without a crowd
        if args.replicas == 1:
            stil = asyncio.run(per_pagina(basis, pids, INTERACTIES))
            stil |= asyncio.run(per_pagina(f"http://127.0.0.1:{args.poort + 39}", [triviaal.pid],
                                           {"triviaal": [("", ""), ("", "x=1")]}))
    finally:
        stop(processen)
    return rapport(args, uitslagen, stil)


def rapport(args, uitslagen: list[dict], stil: dict[str, dict]) -> int:
    doel = DOEL_P95
    gehaald = True
    print(f"\n## Last: {args.sessies} sessies, {args.replicas} replica('s)"
          f"{' achter nginx' if args.replicas > 1 else ''}, denktijd {args.denktijd[0]:g}–{args.denktijd[1]:g} s, "
          f"{args.duur:.0f} s per golf, {os.cpu_count()} cores")
    if stil:
        print("\n### Eén bezoeker, warme interactie (server-CPU, doel ≤ 100 ms)\n\n| pagina | CPU ms | wand ms |\n|---|---|---|")
        for naam, m in stil.items():
            print(f"| {naam} | {m['cpu_ms']:.0f} | {m['wand_ms']:.0f} |")
    for u in uitslagen:
        print(f"\n### Golf {u['golf']}\n\n| pagina | n | fouten | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|---|")
        for r in u["dashboard"] + [{**r, "pagina": f"triviaal ({r['pagina']})"} for r in u["triviaal"][-1:]]:
            print(f"| {r['pagina']} | {r['n']} | {r['fouten']} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['max_ms']:.0f} |")
        per_sessie = (u["rss_piek_mb"] - u["rss_voor_mb"]) / args.sessies
        alle = u["dashboard"][-1]
        print(f"\nRSS dashboard: start {u['rss_start_mb']:.0f} MB, voor deze golf {u['rss_voor_mb']:.0f} MB, "
              f"piek {u['rss_piek_mb']:.0f} MB, eind "
              f"{u['rss_eind_mb']:.0f} MB → {per_sessie:.1f} MB per sessie (doel ≤ {DOEL_MB_PER_SESSIE}); triviaal "
              f"piek {u['rss_triviaal_piek_mb']:.0f} MB. CPU per interactie {u['cpu_ms_per_interactie']:.0f} ms.")
        c = u["cores"]
        print(f"Cores bezet (gemiddeld over {c['seconden']:.0f} s): dashboard {c['dashboard'] / c['seconden']:.2f}, "
              f"triviale pagina {c['triviaal'] / c['seconden']:.2f}, lastgenerator {c['lastgenerator'] / c['seconden']:.2f} "
              f"(van {os.cpu_count()}).")
        print("Verloop (p95 per 15 s, naar wanneer het antwoord kwam): " + ", ".join(
            f"{v['van_s']:.0f}–{v['van_s'] + 15:.0f} s: {v['p95_ms'] / 1000:.2f} s (n={v['n']})" for v in u["verloop"]))
        print(f"p95 {alle['p95_ms'] / 1000:.2f} s (doel ≤ {doel:g} s), fouten {alle['fouten']} (doel 0)")
        gehaald &= alle["p95_ms"] / 1000 <= doel and alle["fouten"] == 0 and per_sessie <= DOEL_MB_PER_SESSIE
    if args.uit:
        args.uit.write_text(json.dumps({"argumenten": {k: str(v) for k, v in vars(args).items()},
                                        "per_pagina": stil, "golven": uitslagen}, indent=2, default=float), encoding="utf-8")
    return 0 if gehaald else 1


if __name__ == "__main__":
    sys.exit(main())

"""Command line: python -m soest_data {build,validate,export,import,vernieuw,factsheet,postcode}."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import duckdb

from soest_data import db, gegevens, gemeente, paden, scoring
from soest_data.begrippen import AFGESCHERMD
from soest_data.bronnen import bouw, postcode, uitwisseling, vernieuw
from soest_data.bronnen.probleem import BronFout, oorzaak, samengevat
from soest_data.weergave import aandacht


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m soest_data", description="Wijkprofielen: gegevensbeheer")
    keuze = argparse.ArgumentParser(add_help=False)
    keuze.add_argument("--gemeente", help="CBS-gemeentecode (GM....): de gemeente uit data/gemeenten/<code>/; standaard "
                       "SOEST_GEMEENTE of die van data/gemeente.yaml")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    b = sub.add_parser("build", parents=[keuze], help="bouw data/wijkprofielen.duckdb uit data/ en geo/")
    b.add_argument("--als-verouderd", action="store_true", help="alleen bouwen als de database ontbreekt of verouderd is")
    sub.add_parser("validate", parents=[keuze], help="controleer de bronbestanden zonder te bouwen")
    e = sub.add_parser("export", parents=[keuze], help="alle waarden als één nette tabel, zoals de app ze toont "
                       "(kleine aantallen afgeschermd)")
    e.add_argument("--csv", type=Path)
    e.add_argument("--xlsx", type=Path)
    vorm = e.add_mutually_exclusive_group()
    vorm.add_argument("--publiek", action="store_true", help="de publieke vorm (standaard): aantallen van 1 tot en met "
                      "9 en wat ze terug zou geven afgeschermd, met dezelfde regels als de app")
    vorm.add_argument("--volledig", action="store_true", help="ZONDER afscherming: ook de kleine aantallen die de app "
                      "niet toont. Alleen voor intern gebruik (bewerken en terug importeren); niet publiceren of delen")
    e.add_argument("--aandacht", type=Path, help="de wijk × opgave-telling van Aandacht per opgave als CSV")
    e.add_argument("--marge", type=int, default=round(scoring.STANDAARD_MARGE * 100),
                   help="marge in procent voor --aandacht (standaard %(default)s)")
    f = sub.add_parser("factsheet", parents=[keuze], help="factsheet als PDF: één wijk, alle wijken of één opgave")
    f.add_argument("--wijk", help="wijkcode, bijvoorbeeld WK034205")
    f.add_argument("--opgave", help="opgave, bijvoorbeeld bestaanszekerheid")
    f.add_argument("--alle", action="store_true", help="alle wijken en alle opgaven (met --map)")
    f.add_argument("--uit", type=Path, help="PDF-bestand (bij --wijk of --opgave)")
    f.add_argument("--map", type=Path, help="map voor de PDF's (bij --alle)")
    i = sub.add_parser("import", parents=[keuze], help="voeg waarden toe of vervang ze uit een CSV of .xlsx in het exportformaat")
    i.add_argument("bestand", type=Path)
    i.add_argument("--dry-run", action="store_true", help="toon alleen wat er zou veranderen")
    v = sub.add_parser("vernieuw", parents=[keuze],
                       help="haal nieuwe cijfers of grenzen op bij CBS, RIVM of PDOK (eerst een dry run)")
    v.add_argument("soort", choices=sorted(vernieuw.HALERS), help="cbs = Kerncijfers wijken en buurten, "
                   "rivm = Gezondheid per wijk en buurt, grenzen = wijk- en buurtgrenzen van PDOK")
    v.add_argument("--jaar", type=int, required=True)
    v.add_argument("--tabel", help="CBS-tabel (bv. 85984NED) als de titel niet gevonden wordt")
    v.add_argument("--dry-run", action="store_true", help="toon alleen wat er zou veranderen")
    p = sub.add_parser("postcode", parents=[keuze], help="in welke wijk ligt een postcode of adres (Mijn wijk)")
    p.add_argument("tekst", nargs="+", help="postcode (3769 of 3769 AB) of adres met huisnummer")
    p.add_argument("--offline", action="store_true", help="alleen de postcodetabel, zonder de PDOK Locatieserver")
    pub = sub.add_parser("publiceer", parents=[keuze],
                         help="de openbare editie: elke pagina als statische HTML in een map (vervangt de "
                              "map pas als alles geschreven is)")
    pub.add_argument("--uit", type=Path, required=True, help="de map van de site, bijvoorbeeld site/")
    pub.add_argument("--app", help="adres van het interactieve dashboard, voor de link 'dezelfde weergave in de app'")
    pub.add_argument("--adres", help="het openbare adres van de site zelf (https://…), voor de sitemap")
    pub.add_argument("--processen", type=int, default=os.cpu_count() or 1,
                     help="zoveel processen maken de pagina's en factsheets (standaard: één per core)")
    args = parser.parse_args(argv)
    if melding := _kies_gemeente(args.gemeente):
        print(melding, file=sys.stderr)
        return 2
    data, geo, doel = paden.data_dir(), paden.geo_dir(), paden.db_path()
    try:
        if args.opdracht in ("build", "validate", "import", "vernieuw"):
            for regel in uitwisseling.ruim_op(data, geo, doel):  # what a killed import left: rolled back, removed
                print(regel, file=sys.stderr)
        return OPDRACHTEN[args.opdracht](args, data, geo, doel)
    except BronFout as fout:
        print(f"{len(fout.problemen)} probleem/problemen gevonden; er is niets veranderd:", file=sys.stderr)
        for regel in samengevat(fout.problemen):
            print(f"  {regel}", file=sys.stderr)
        return 1
    except (db.DatabaseFout, vernieuw.VernieuwFout, uitwisseling.ImportFout) as fout:
        print(fout, file=sys.stderr)
        return 1
    except (OSError, duckdb.Error) as fout:
        # a read-only mount, a full disk, no permission: say what and where, without a traceback
        print(f"Kan niet lezen of schrijven ({_reden(fout)}). Er is niets veranderd.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken; er is niets veranderd.", file=sys.stderr)
        return 130


def _kies_gemeente(code: str | None) -> str | None:
    """--gemeente GM0307: work on that gemeente's data (data/gemeenten/GM0307/); a Dutch message when it has none."""
    if code:
        code = code.strip().upper()
        if not gemeente.CODE.match(code):
            return f"Gemeentecode '{code}' moet de vorm GM en vier cijfers hebben."
        os.environ["SOEST_GEMEENTE"] = code
    try:
        gekozen = gemeente.huidige()
    except gemeente.GemeenteFout as fout:
        return str(fout)
    if code and gekozen.code != code:
        return (f"Er zijn geen gegevens voor gemeente {code}: maak data/gemeenten/{code}/ (met gemeente.yaml) en "
                f"geo/gemeenten/{code}/, zie README.")
    return None


def _reden(fout: Exception) -> str:
    if isinstance(fout, OSError):
        return f"{oorzaak(fout)}: {fout.filename or ''}".rstrip(": ")
    return str(fout).splitlines()[0][:200]


def _gewoon_doelbestand(pad: Path) -> None:
    """Output goes to regular files only: never into a folder, device or pipe (a FIFO would hang)."""
    if pad.exists() and not pad.is_file():
        raise db.DatabaseFout(f"{pad} is geen gewoon bestand (maar een map, apparaat of pijp); kies een bestandsnaam.")


def _build(args, data: Path, geo: Path, doel: Path) -> int:
    if args.als_verouderd and not bouw.is_verouderd(doel, data, geo):
        print(f"{doel} is actueel.")
        return 0
    start = time.perf_counter()
    verslag = bouw.bouw(data, geo, doel)
    print(f"Gebouwd: {doel} in {time.perf_counter() - start:.1f} s — {verslag['indicatoren']} indicatoren, "
          f"{verslag['waarden']} waarden ({verslag['berekend']} berekend), {verslag['bronnen']} bronnen, "
          f"{verslag['gebieden']} gebieden.")
    return 0


def _validate(args, data: Path, geo: Path, doel: Path) -> int:
    problemen = bouw.valideer(data, geo)
    if problemen:
        raise BronFout(problemen)
    print("Alle bronbestanden zijn in orde.")
    return 0


def _export(args, data: Path, geo: Path, doel: Path) -> int:
    if not args.csv and not args.xlsx and not args.aandacht:
        print("Geef --csv PAD, --xlsx PAD en/of --aandacht PAD op.", file=sys.stderr)
        return 2
    if args.aandacht:
        if not 0 <= args.marge <= 100:
            print("--marge is een percentage van 0 tot en met 100.", file=sys.stderr)
            return 2
        _export_aandacht(args.aandacht, args.marge / 100, doel)
        if not args.csv and not args.xlsx:
            return 0
    for pad in (args.csv, args.xlsx):
        if pad:
            _gewoon_doelbestand(pad)
    with db.verbinding(doel) as con:
        publiek = uitwisseling.exporttabel(con, afschermen=True)
        tabel = uitwisseling.exporttabel(con, afschermen=False) if args.volledig else publiek
    if args.csv:
        args.csv.write_bytes(uitwisseling.naar_csv(tabel))
    if args.xlsx:
        uitwisseling.naar_xlsx(tabel, args.xlsx)
    afgeschermd = int((publiek["status"] == AFGESCHERMD).sum())
    print(f"{len(tabel)} waarden van {tabel['indicator'].nunique()} indicatoren geëxporteerd.")
    if args.volledig:
        print(f"Volledige export, zonder afscherming: {afgeschermd} waarden die de app afschermt (kleine aantallen "
              "en wat ze terug zou geven) staan er met hun getal in. Alleen voor intern gebruik; niet publiceren of "
              "delen.")
    else:
        print(f"Publieke vorm, zoals de app: {afgeschermd} waarden afgeschermd (kleine aantallen en wat ze terug zou "
              "geven). De volledige tabel: --volledig.")
    return 0


def _export_aandacht(pad: Path, marge: float, doel: Path) -> None:
    """The same matrix as the download on /aandacht (published figures, after disclosure control)."""
    con = db.open_readonly(doel)
    try:
        g = gegevens.laad(con)
    finally:
        con.close()
    kernset = scoring.kernsets(g.opgaven)
    tel = aandacht.telling(scoring.beoordeel_wijken(g.waarden, g.indicatoren, marge, kernset=kernset), g.wijken, kernset)
    pad.write_bytes(aandacht.matrix_csv(tel, marge))
    print(f"Aandacht per opgave: {len(tel)} wijk × opgave-vakken geëxporteerd (marge {round(marge * 100)} %).")


def _import(args, data: Path, geo: Path, doel: Path) -> int:
    if not os.path.lexists(args.bestand):
        print(f"Bestand {args.bestand} bestaat niet.", file=sys.stderr)
        return 1
    w = uitwisseling.importeer(args.bestand, data, geo, doel, dry_run=args.dry_run)
    kop = "Zou veranderen (dry run, er is niets geschreven)" if args.dry_run else "Geïmporteerd"
    overgeslagen = w.overgeslagen
    print(f"{kop}: {len(w.nieuw)} nieuw, {len(w.gewijzigd)} gewijzigd, {w.ongewijzigd} ongewijzigd"
          + (f", {overgeslagen['berekend']} berekende waarden overgeslagen (die rekent de build zelf uit)"
             if overgeslagen.get("berekend") else "")
          + (f", {overgeslagen['afgeschermd']} afgeschermde regels overgeslagen (uit een publieke export: daar staat "
             "geen getal in; de waarde blijft zoals hij was)" if overgeslagen.get("afgeschermd") else "") + ".")
    for regel in w.waarschuwingen[:50]:
        print(f"  {regel}")
    if len(w.waarschuwingen) > 50:
        print(f"  … en nog {len(w.waarschuwingen) - 50} waarschuwingen")
    for soort, frame in (("nieuw", w.nieuw), ("gewijzigd", w.gewijzigd)):
        for _, rij in frame.head(50).iterrows():
            print(f"  {soort}: {rij['gebied_code']} {rij['indicator']} {rij['jaar']} = "
                  f"{rij['waarde'] if rij['waarde'] == rij['waarde'] else rij['relatief'] or rij['status']}")
    return 0


def _factsheet(args, data: Path, geo: Path, doel: Path) -> int:
    from soest_data.weergave import factsheet  # late: WeasyPrint and vl-convert load only for this command
    if args.alle != bool(args.map) or sum(map(bool, (args.wijk, args.opgave, args.alle))) != 1 \
            or (args.uit is None) != args.alle:
        print("Geef --wijk CODE --uit BESTAND.pdf, of --opgave NAAM --uit BESTAND.pdf, of --alle --map MAP.",
              file=sys.stderr)
        return 2
    con = db.open_readonly(doel)
    try:
        g = factsheet.invoer(con.cursor())
    finally:
        con.close()
    if args.alle:
        klussen = [("wijk", w, args.map / f"wijkprofiel_{w}_{factsheet.bestandsnaam(n)}.pdf") for w, n in g.wijknamen.items()]
        klussen += [("opgave", o, args.map / f"opgave_{o}.pdf") for o in factsheet.VIJF_OPGAVEN]
    else:
        klussen = [("wijk", args.wijk.upper(), args.uit) if args.wijk else ("opgave", args.opgave, args.uit)]
    try:
        for soort, wat, pad in klussen:
            start = time.perf_counter()
            pdf = factsheet.pdf(g, soort, wat)
            pad.parent.mkdir(parents=True, exist_ok=True)
            pad.write_bytes(pdf)
            print(f"{pad}: {len(pdf) / 1024:.0f} kB in {time.perf_counter() - start:.1f} s")
    except factsheet.FactsheetFout as fout:
        print(fout, file=sys.stderr)
        return 1
    return 0


def _vernieuw(args, data: Path, geo: Path, doel: Path, haler: vernieuw.Haler | None = None) -> int:
    start = time.perf_counter()
    verslag = vernieuw.vernieuw(args.soort, args.jaar, data, geo, doel, haler or vernieuw.Haler(), gemeente.huidige().code,
                                dry_run=args.dry_run, tabel=args.tabel)
    for regel in vernieuw.verslagregels(verslag, args.dry_run):
        print(regel)
    print(f"({time.perf_counter() - start:.1f} s)")
    return 0


def _postcode(args, data: Path, geo: Path, doel: Path, haler: vernieuw.Haler | None = None) -> int:
    boek = postcode.laad(data / "postcodes" / "pc4_wijken.csv", postcode.namen_uit(data / "gebieden.csv"))
    antwoord = postcode.zoek(" ".join(args.tekst), boek, None if args.offline else haler or postcode.haler())
    print(antwoord.tekst)
    for plek in antwoord.plekken:
        print(f"  {plek.label}: /wijkprofiel?wijk={plek.wijk_code}")
    if antwoord.bron:
        print(antwoord.bron)
    return 0 if antwoord.plekken else 1


def _publiceer(args, data: Path, geo: Path, doel: Path) -> int:
    from soest_data.weergave import publiceer  # late: vl-convert and the templates load only for this command
    start = time.perf_counter()
    g = gegevens.lees(doel)  # refuses a database that does not open or fails its stamp: the old site stays
    aantal = publiceer.publiceer(g, args.uit, args.app, processen=max(args.processen, 1), db_pad=doel,
                                 adres=args.adres)
    print(f"{args.uit}: {aantal} pagina's in {time.perf_counter() - start:.0f} s")
    return 0


OPDRACHTEN = {"build": _build, "validate": _validate, "export": _export, "import": _import, "vernieuw": _vernieuw,
              "factsheet": _factsheet, "postcode": _postcode, "publiceer": _publiceer}

if __name__ == "__main__":
    sys.exit(main())

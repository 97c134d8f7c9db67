"""Factsheets as PDF: one wijk against Soest (A4 portrait, 2–4 pages) and one opgave over all wijken (A4 landscape).

Built with fpdf2 (pure Python, no system libraries; see docs/FACTSHEET.md for the choice): the text is real text,
selectable and searchable, in DejaVu Sans (it has ▲ ● ▼ ↑ ↓). The locator map is an Altair chart turned into SVG by
vl-convert and placed as a sharp PNG. Every figure comes from the same scored rows as the pages (scoring.beoordeel_wijken
→ wijkprofiel.met_woorden, passed in as `beoordeeld`); a missing figure reads "geen gegevens", never 0.
"""
from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path

import altair as alt
import geopandas as gpd
import pandas as pd
from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from soest_data import gebieden, opmaak, scoring, waarden
from soest_data.begrippen import NEDERLAND, OPGAVEN, SOEST, VIJF_OPGAVEN
from soest_data.export import grafiek_png
from soest_data.gegevens import Gegevens, laad
from soest_data.weergave import enquete, opgaveoverzicht, uitspraken, wijkprofiel

# Debian's fonts-dejavu-core (scripts/setup.sh installs it when missing).
LETTERMAP = Path("/usr/share/fonts/truetype/dejavu")
LETTERS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
KOP_KLEUR = (0, 75, 135)          # the dashboard's link blue
LIJN_GRIJS = (190, 190, 190)
KOPRIJ = FontFace(emphasis="BOLD", fill_color=(232, 238, 245))
SCHATTING = "\u00a0*"                # after an indicator's label: a model estimate (said once under each table's heading)


def telling(g: Gegevens, beoordeeld: pd.DataFrame) -> pd.DataFrame:
    """The one tally per wijk × opgave (scoring.tel_per_opgave over the kernset), as on every page."""
    return scoring.tel_per_opgave(beoordeeld, g.wijken, scoring.kernsets(g.opgaven))


def regel(marge: float) -> str:
    """The rule in one sentence (docs/METHODE.md)."""
    return (f"Een wijk wijkt af bij meer dan {opmaak.getal(marge * scoring.PROCENTPUNT_PER_MARGE, 1)} procentpunt "
            f"(percentages) of {round(marge * 100)} % van de Soester waarde (andere cijfers), en niet binnen de "
            "afronding; zorggebruik en achtergrond krijgen geen oordeel.")


def invoer(cur) -> tuple[Gegevens, pd.DataFrame, gpd.GeoDataFrame]:
    """Outside the app (the CLI): the data, scored with the same public functions the pages use, and the wijk shapes."""
    g = laad(cur)
    beoordeeld = wijkprofiel.met_woorden(scoring.beoordeel_wijken(g.waarden, g.indicatoren,
                                                            kernset=scoring.kernsets(g.opgaven)))
    return g, beoordeeld, gebieden.geodataframe(waarden.geometrie(cur, "wijk"))


def bestandsnaam(naam: str) -> str:
    """"'t Hart-Soestdijk" → 't_hart_soestdijk': safe in a file name on every system."""
    return re.sub(r"[^a-z0-9]+", "_", naam.lower()).strip("_")


class FactsheetFout(Exception):
    """A factsheet cannot be made (unknown wijk or opgave, missing font); the message is Dutch and says why."""


class _Pdf(FPDF):
    def __init__(self, kop: str, gemaakt: str, oriëntatie: str = "P"):
        super().__init__(orientation=oriëntatie, format="A4")
        for stijl, bestand in LETTERS.items():
            pad = LETTERMAP / bestand
            if not pad.exists():
                raise FactsheetFout(f"Het lettertype {pad} ontbreekt. Installeer het met: apt-get install fonts-dejavu-core")
            self.add_font("DejaVu", stijl, str(pad))
        self.kop, self.gemaakt = kop, gemaakt
        self.set_margins(15, 14, 15)
        self.set_auto_page_break(True, margin=16)
        self.set_lang("nl")
        self.set_creator("Wijkprofielen Soest")
        self.set_title(kop)
        self.set_font("DejaVu", size=9)

    def footer(self):
        self.set_y(-11)
        self.set_font("DejaVu", size=7)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, f"{self.kop} · Wijkprofielen Soest · {self.gemaakt} · pagina {self.page_no()} van {{nb}}",
                  align="C")
        self.set_text_color(0, 0, 0)

    # --- small building blocks -------------------------------------------------------------------------------------
    def titel(self, tekst: str, onder: str):
        self.set_font("DejaVu", "B", 18)
        self.set_text_color(*KOP_KLEUR)
        self.multi_cell(0, 8, tekst, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.set_font("DejaVu", size=9)
        self.multi_cell(0, 4.5, onder, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def kopje(self, tekst: str, grootte: float = 12.5, ruimte: float = 20):
        """A heading that never stands alone at the bottom of a page."""
        if self.get_y() + ruimte > self.h - self.b_margin:
            self.add_page()
        self.ln(2)
        self.set_font("DejaVu", "B", grootte)
        self.set_text_color(*KOP_KLEUR)
        self.multi_cell(0, grootte * 0.5, tekst, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.set_font("DejaVu", size=9)
        self.ln(1)

    def alinea(self, tekst: str, grootte: float = 9, stijl: str = "", breedte: float = 0):
        self.set_font("DejaVu", stijl, grootte)
        self.multi_cell(breedte, grootte * 0.48, tekst, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("DejaVu", size=9)
        self.ln(1)

    def opsomming(self, regels: list[str], grootte: float = 8.5):
        for regel in regels:
            self.alinea(f"• {regel}", grootte)

    def tabel(self, kop: list[str], rijen: list[list[str]], breedtes: tuple, grootte: float = 8,
              uitlijning: str = "LEFT"):
        """A table that breaks across pages with its header repeated; never cut off at the right."""
        self.set_font("DejaVu", size=grootte)
        self.set_draw_color(*LIJN_GRIJS)
        with self.table(col_widths=breedtes, width=min(sum(breedtes), self.epw), align="LEFT", line_height=grootte * 0.42,
                        headings_style=KOPRIJ, borders_layout="HORIZONTAL_LINES", text_align=uitlijning,
                        repeat_headings=1, padding=(0.5, 1)) as t:
            t.row(kop)
            for rij in rijen:
                t.row([str(c) for c in rij])
        self.set_font("DejaVu", size=9)
        self.ln(2)


def _datum(iso: str | None) -> str:
    if not iso:
        return "onbekend"
    try:
        return datetime.fromisoformat(iso).strftime("%d-%m-%Y")
    except ValueError:
        return iso


def _gemaakt(g: Gegevens) -> str:
    return f"gemaakt op {date.today():%d-%m-%Y}, gegevens van {_datum(g.bouwinfo.get('gebouwd_op'))}"


def _bronnen_blok(pdf: _Pdf, g: Gegevens, bron_ids) -> None:
    """Every source used, with its years and licence: a printed page must say where each figure comes from."""
    pdf.kopje("Bronnen")
    bronnen = g.bron_per_id
    rijen = []
    for bron_id in sorted(set(b for b in bron_ids if b in bronnen.index)):
        b = bronnen.loc[bron_id]
        tabel = f", tabel {b['tabel']}" if b["tabel"] else ""
        rijen.append([f"{b['uitgever']}, {b['titel']}{tabel}\n{b['url']}", str(b["jaren"] or "–"), b["licentie"]])
    breedte = pdf.epw
    pdf.tabel(["Bron", "Jaar", "Licentie"], rijen, (breedte * 0.62, breedte * 0.13, breedte * 0.25), grootte=7.5)
    pdf.alinea(f"Grenzen van wijken en buurten: {gebieden.grenzen_bron(g.bouwinfo)}. "
               f"Database gebouwd op {_datum(g.bouwinfo.get('gebouwd_op'))}; deze factsheet {_gemaakt(g)}. "
               "Ontbrekende cijfers staan er als 'geen gegevens', nooit als 0. Kleine aantallen zijn afgeschermd.",
               7.5)


def locatorkaart(vormen: gpd.GeoDataFrame, wijk: str) -> alt.Chart:
    """Soest's wijken in light grey, this wijk in blue with its name: where is it?"""
    vlakken = gebieden.rechtsom(vormen[["naam", "geometry"]].assign(deze=(vormen["code"] == wijk).to_numpy()))
    return alt.Chart(vlakken).mark_geoshape(stroke="#555555", strokeWidth=0.6).encode(
        color=alt.Color("deze:N", scale=alt.Scale(domain=[True, False], range=["#0072B2", "#F2F2F2"]), legend=None),
    ).project(type="mercator").properties(width=210, height=190, background="white")


def _kaart_png(vormen: gpd.GeoDataFrame, wijk: str) -> io.BytesIO:
    # PNG, not SVG: fpdf2's SVG reader rejects vl-convert's empty background path. 4× is sharp in print.
    return io.BytesIO(grafiek_png(locatorkaart(vormen, wijk).to_dict(), schaal=4))


# The printed judgement is short, so it fits a narrow column: the symbol and word, plus only what the numbers beside
# it do not already say (the extreme among the wijken). 'hoger dan gemiddeld' is read from the figures.
_KORT = {"het hoogst van alle wijken": "hoogste wijk", "het laagst van alle wijken": "laagste wijk",
         "geen Soester cijfer om mee te vergelijken": "geen Soester cijfer"}


def _cel_oordeel(r: pd.Series) -> str:
    """The judgement in few words: '▼ ongunstig · hoogste wijk', '● rond gemiddelde', '↑ hoger'."""
    if r["oordeel"] == scoring.ONBEKEND:
        return _KORT.get(r["woorden"], r["woorden"])
    symbool = scoring.SYMBOOL.get(r["oordeel"], "")
    return f"{symbool} · {_KORT[r['woorden']]}" if r["woorden"] in _KORT else symbool


def _tekstcel(standpunt: pd.Series | None) -> str:
    """The texts' stance in a table cell: 'aandacht ✔', 'geen aandacht ✘', 'gemengd', '–' (uitspraken.standpunten)."""
    if standpunt is None or not standpunt["profiel"]:
        return "–"
    teken = {True: " ✔", False: " ✘"}.get(standpunt["eens"], "")
    return {"geen_aandacht": "geen aandacht"}.get(standpunt["profiel"], standpunt["profiel"]) + teken


def _indicatorlabel(r: pd.Series) -> str:
    jaar = f" ({r['jaar_kort']})" if r.get("jaar_kort") else ""
    return f"{r['label']}{jaar}{SCHATTING if opmaak.is_schatting(r['modelschatting']) else ''}"


def wijkregels(beoordeeld: pd.DataFrame, wijk: str, opgave: str, nederland: pd.DataFrame | None = None
               ) -> pd.DataFrame:
    """One opgave's rows of a wijk as printed: Indicator, Wijk, Soest, NL, Oordeel (texts), plus the raw figures and
    the sources (`bron`, and `bron_nl` of the Nederland figure). `nederland`: Nederland's rows of the values; its
    figure is printed only in exactly the row's year, else '–'."""
    rijen = wijkprofiel.indicatoren_van_opgave(beoordeeld, wijk, opgave)
    nl = _nederland_bij(rijen, nederland)
    return pd.DataFrame({
        "indicator": rijen["indicator"],
        "Indicator": [_indicatorlabel(r) for _, r in rijen.iterrows()],
        "Wijk": [scoring.waarde_in_woorden(r) for _, r in rijen.iterrows()],
        # a statement ('hoger dan gemiddeld') is itself measured against Soest: there is no Soest figure to miss
        "Soest": ["gemiddelde van Soest" if pd.isna(s) and soort == "relatief" else opmaak.waarde_met_eenheid(s, e)
                  for s, e, soort in zip(rijen["soest"], rijen["eenheid"], rijen["soort"])],
        "NL": [opmaak.waarde_met_eenheid(w, e) if not pd.isna(w) else "–" for w, e in zip(nl["waarde"], rijen["eenheid"])],
        "Oordeel": [_cel_oordeel(r) for _, r in rijen.iterrows()],
        "bron": rijen["bron"], "bron_nl": nl["bron"].to_numpy(),
    })


def _nederland_bij(rijen: pd.DataFrame, nederland: pd.DataFrame | None) -> pd.DataFrame:
    """Nederland's waarde and bron for each row's (indicator, jaar), NaN where the country has no figure that year."""
    sleutels = rijen[["indicator", "jaar"]].reset_index(drop=True)
    if nederland is None or nederland.empty:
        return sleutels.assign(waarde=float("nan"), bron=None)
    nl = nederland.dropna(subset=["waarde"]).drop_duplicates(["indicator", "jaar"])[["indicator", "jaar", "waarde", "bron"]]
    return sleutels.merge(nl, on=["indicator", "jaar"], how="left")


def nederland(g: Gegevens) -> pd.DataFrame:
    """Nederland's rows of the values (the reference printed beside wijk and Soest)."""
    return g.waarden[g.waarden["gebied_code"] == NEDERLAND]


def wijk_pdf(g: Gegevens, beoordeeld: pd.DataFrame, vormen: gpd.GeoDataFrame, wijk: str,
             marge: float = scoring.STANDAARD_MARGE) -> bytes:
    """The factsheet of one wijk: key figures and map, the five opgaven at a glance, the story, per opgave the
    indicators with Soest and the judgement in words, residents' voices, sources with year and licence."""
    if wijk not in g.wijknamen:
        raise FactsheetFout(f"Onbekende wijk '{wijk}'. Kies een van: "
                            + ", ".join(f"{c} ({n})" for c, n in g.wijknamen.items()) + ".")
    kop = wijkprofiel.kop(wijk, g.gebieden, g.waarden)
    pdf = _Pdf(f"Wijkprofiel {kop.naam}", _gemaakt(g))
    pdf.alias_nb_pages()
    pdf.set_subject(f"Wijk {kop.naam} ({wijk}) naast heel Soest, per opgave van de Integrale Visie Sociaal Domein")
    pdf.add_page()
    pdf.titel(f"Wijkprofiel {kop.naam}",
              f"Wijk {wijk} van de gemeente Soest naast heel Soest, voor de vijf opgaven van de Integrale Visie "
              f"Sociaal Domein 2024-2028. Factsheet {_gemaakt(g)}.")
    verhalen = g.verhalen[g.verhalen["gebied"] == wijk]

    # --- key figures beside the map ------------------------------------------------------------------------------
    boven = pdf.get_y()
    kaartbreedte = 62
    pdf.image(_kaart_png(vormen, wijk), x=pdf.w - pdf.r_margin - kaartbreedte, y=boven, w=kaartbreedte)
    pdf.set_font("DejaVu", size=7)
    pdf.set_xy(pdf.w - pdf.r_margin - kaartbreedte, boven + kaartbreedte * 190 / 210 + 1)
    pdf.multi_cell(kaartbreedte, 3.2, f"{kop.naam} (blauw) in de gemeente Soest. Grenzen: "
                   f"{gebieden.grenzen_bron(g.bouwinfo).replace(' (vereenvoudigd)', '')}.",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_xy(pdf.l_margin, boven)
    links = pdf.epw - kaartbreedte - 6
    pdf.kopje("Kerncijfers", ruimte=0)
    achtergrond = beoordeeld[(beoordeeld["gebied_code"] == wijk) & (beoordeeld["opgave"] == "context")
                             & beoordeeld["waarde"].notna()].sort_values("volgorde")
    rijen = [["Inwoners", kop.inwoners, ""], ["Oppervlakte", kop.oppervlakte, ""],
             [f"Buurten ({len(kop.buurten)})", ", ".join(kop.buurten) or "geen gegevens", ""]]
    rijen += [[_indicatorlabel(r), scoring.waarde_in_woorden(r),
               opmaak.waarde_met_eenheid(r["soest"], r["eenheid"])] for _, r in achtergrond.iterrows()
              if r["indicator"] not in ("oppervlakte_land", "inwoners")]
    with _smal(pdf, links):
        pdf.tabel(["", kop.naam, "Soest"], rijen, (links * 0.5, links * 0.27, links * 0.23), grootte=7.5)
    pdf.set_y(max(pdf.get_y(), boven + kaartbreedte * 190 / 210 + 10))
    for _, v in verhalen[verhalen["soort"] == "voorbehoud"].iterrows():
        pdf.alinea(f"Let op: {v['tekst']}", 8, "I")

    # --- the five opgaven at a glance ----------------------------------------------------------------------------
    pdf.kopje("De vijf opgaven in één oogopslag")
    pdf.alinea(f"Per opgave: op hoeveel indicatoren van de kernset {kop.naam} gunstig (▲), rond (●) of ongunstig (▼) "
               f"uitvalt t.o.v. Soest, zoals op het dashboard. {regel(marge)}", 8)
    tel = telling(g, beoordeeld)
    standpunten = uitspraken.standpunten(tel, g.uitspraken)  # the one source of the texts' stance, as on every page
    glans = wijkprofiel.opgaven_in_een_oogopslag(tel, wijk, standpunten)
    b = pdf.epw
    pdf.tabel(["Opgave", "▲ gunstig", "● rond", "▼ ongunstig", "geen gegevens", "valt op", "wijkprofiel/Visie"],
              [[r["Opgave"], r["gunstig"], r["rond"], r["ongunstig"], r["geen gegevens"], "ja" if r["valt op"] else "nee",
                _tekstcel(uitspraken.van(standpunten, wijk, r["opgave_id"]))] for _, r in glans.iterrows()],
              (b * 0.27, b * 0.1, b * 0.1, b * 0.11, b * 0.11, b * 0.09, b * 0.22), grootte=8.5)
    pdf.alinea("Wijkprofiel/Visie: wat de wijkprofielen en de Visie over deze wijk en opgave zeggen. ✔ = tekst en "
               "telling zijn het eens, ✘ = ze verschillen; de letterlijke passages en waarom ze kunnen verschillen "
               "staan op het dashboard onder Aandacht per opgave, 'Telling en tekst'.", 7.5)

    # --- the story -----------------------------------------------------------------------------------------------
    bron_ids = set()
    verhaal = verhalen[verhalen["soort"].isin(["situatieschets", "sterk", "aandacht"])]
    if len(verhaal):
        pdf.kopje("Het verhaal van de wijk")
        for soort, kopje in (("situatieschets", None), ("sterk", "Sterke kanten"), ("aandacht", "Aandachtspunten")):
            deel = verhaal[verhaal["soort"] == soort]
            if kopje and len(deel):
                pdf.alinea(kopje, 9, "B")
            if kopje:
                pdf.opsomming(list(deel["tekst"]))
            else:
                for tekst in deel["tekst"]:
                    pdf.alinea(tekst, 8.5)
        pdf.alinea(_verhaalbron(g, verhaal), 7)
        bron_ids |= set(verhaal["bron"])

    # --- per opgave ----------------------------------------------------------------------------------------------
    # A compact NL column: Nederland in the same year and from the same source, '–' where the country has none.
    breedtes = (b * 0.40, b * 0.13, b * 0.13, b * 0.12, b * 0.22)
    nl = nederland(g)
    pdf.kopje(f"Per opgave: {kop.naam} naast Soest en Nederland", 12.5, ruimte=40)
    pdf.alinea("NL = Nederland, in hetzelfde jaar en uit dezelfde bron als de wijk; – = geen landelijk cijfer. Het "
               "oordeel gaat over de wijk ten opzichte van Soest; Nederland is alleen een referentie. "
               "* = modelschatting (RIVM/GGD), geen telling. Editie = het jaar van de CBS-tabel; het cijfer gaat over "
               "een eerder peilmoment (peildatum volgens de bron).", 8)
    for opgave in VIJF_OPGAVEN:
        regels = wijkregels(beoordeeld, wijk, opgave, nl)
        pdf.kopje(f"{OPGAVEN[opgave]}: {kop.naam} naast Soest", 11.5, ruimte=30)
        if regels.empty:
            pdf.alinea("Voor deze opgave zijn er nog geen cijfers per wijk.", 8.5)
        else:
            pdf.tabel(["Indicator (jaar)", kop.naam, "Soest", "NL", "Oordeel t.o.v. Soest"],
                      regels[["Indicator", "Wijk", "Soest", "NL", "Oordeel"]].values.tolist(), breedtes, grootte=8)
            bron_ids |= set(regels["bron"]) | set(regels["bron_nl"].dropna())
        stemmen = verhalen[(verhalen["opgave"] == opgave) & (verhalen["soort"] == "inwoners")]
        if len(stemmen):
            pdf.alinea(enquete.SAMENGEVAT, 8.5, "B")
            for _, v in stemmen.iterrows():
                pdf.alinea(enquete.stem_tekst(v), 8)
            pdf.alinea(_verhaalbron(g, stemmen), 7)
            bron_ids |= set(stemmen["bron"])
    soest_bronnen = _soest_bronnen(g, beoordeeld.loc[beoordeeld["gebied_code"] == wijk])
    _bronnen_blok(pdf, g, bron_ids | set(achtergrond["bron"]) | soest_bronnen)
    return bytes(pdf.output())


def _soest_bronnen(g: Gegevens, rijen: pd.DataFrame) -> set[str]:
    """The sources of the Soest figures printed beside the wijken: those of each row's (indicator, jaar), not of
    every year the indicator has (an earlier measurement is not printed)."""
    w = g.waarden
    soest = w.loc[w["gebied_code"] == SOEST, ["indicator", "jaar", "bron"]]
    paren = rijen[["indicator", "jaar"]].dropna().drop_duplicates()
    return set(soest.merge(paren.astype({"jaar": soest["jaar"].dtype}), on=["indicator", "jaar"])["bron"])


def _verhaalbron(g: Gegevens, verhalen: pd.DataFrame) -> str:
    titels = g.bron_per_id
    delen = []
    for bron_id, groep in verhalen.groupby("bron", sort=True):
        plekken = "; ".join(dict.fromkeys(p for p in groep["vindplaats"].fillna("") if p))
        naam = f"{titels.loc[bron_id, 'uitgever']}, {titels.loc[bron_id, 'titel']}" if bron_id in titels.index else bron_id
        delen.append(f"{naam}" + (f" ({plekken})" if plekken else ""))
    return "Bron: " + "; ".join(delen) + " — in eigen woorden samengevat."


class _smal:
    """Temporarily narrow the right margin, for a table beside the map."""
    def __init__(self, pdf: FPDF, breedte: float):
        self.pdf, self.breedte, self.oud = pdf, breedte, pdf.r_margin

    def __enter__(self):
        self.pdf.set_right_margin(self.pdf.w - self.pdf.l_margin - self.breedte)

    def __exit__(self, *exc):
        self.pdf.set_right_margin(self.oud)


def opgave_pdf(g: Gegevens, beoordeeld: pd.DataFrame, opgave: str, marge: float = scoring.STANDAARD_MARGE) -> bytes:
    """The factsheet of one opgave over all wijken (A4 landscape): ambition and goals, Soest's key figures, per wijk
    how many indicators are unfavourable, and the wijk × indicator table with Soest."""
    if opgave not in VIJF_OPGAVEN:
        raise FactsheetFout(f"Onbekende opgave '{opgave}'. Kies een van: " + ", ".join(VIJF_OPGAVEN) + ".")
    naam = OPGAVEN[opgave]
    pdf = _Pdf(f"Opgave {naam}", _gemaakt(g), "L")
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.titel(f"Opgave {naam}", f"Alle wijken van Soest naast heel Soest. Factsheet {_gemaakt(g)}.")
    tekst = opgaveoverzicht.opgave_tekst(g.opgaven, opgave)
    bron_ids = set()
    if tekst:
        pdf.alinea(tekst["ambitie"], 9.5)
        if tekst.get("doelen"):
            pdf.alinea("Doelen", 9, "B")
            pdf.opsomming(tekst["doelen"], 8.5)
        pdf.alinea(_verhaalbron(g, pd.DataFrame([{"bron": tekst["bron"], "vindplaats": tekst.get("vindplaats")}])), 7)
        bron_ids.add(tekst["bron"])
    kern = opgaveoverzicht.kerncijfers(tekst, g.waarden, g.indicatoren)
    if len(kern):
        pdf.kopje("Kerncijfers voor heel Soest")
        b = pdf.epw
        pdf.tabel(["Indicator", "Soest", "Jaar", "Nederland", "Soest t.o.v. Nederland"],
                  [[r["label"], r["soest_tekst"], r["jaar_kort"] or "–",
                    r["nederland_tekst"] or "geen gegevens", r["vergelijking"] or "–"] for _, r in kern.iterrows()],
                  (b * 0.4, b * 0.12, b * 0.08, b * 0.12, b * 0.28), grootte=8)
        bron_ids |= _soest_bronnen(g, kern)

    rijen = opgaveoverzicht.opgaverijen(beoordeeld, g.wijken, opgave)
    pdf.kopje("De wijken naast Soest")
    if rijen.empty:
        pdf.alinea("Voor deze opgave zijn er nog geen cijfers per wijk.", 9)
    else:
        pdf.alinea(f"Per wijk: bij hoeveel indicatoren van de kernset de wijk ongunstig (▼), gunstig (▲) of rond het "
                   f"gemiddelde (●) uitvalt ten opzichte van heel Soest. {regel(marge)} Meest ongunstig eerst.", 8.5)
        tel = telling(g, beoordeeld)
        pdf.opsomming([z.replace("**", "") for z in opgaveoverzicht.ongunstig_zinnen(tel, opgave)], 8)
        # the one source of the texts' stance, as on every page: per wijk one sentence
        standpunten = uitspraken.standpunten(tel, g.uitspraken)
        pdf.alinea("Wat de wijkprofielen en de Visie per wijk zeggen (letterlijke passages: dashboard, Aandacht per "
                   "opgave)", 8.5, "B")
        pdf.opsomming([f"{r['gebied_naam']}: {r['zin']}" for _, r in standpunten[standpunten["opgave"] == opgave]
                       .iterrows()], 7.5)
        cellen = opgaveoverzicht.matrixgegevens(rijen)
        kolommen = ["Soest"] + list(rijen.sort_values("gebied_code")["gebied_naam"].drop_duplicates())
        tabel = cellen.assign(cel=cellen["regel1"] + "\n" + cellen["regel2"]).pivot(
            index="rij", columns="kolom", values="cel")
        volgorde = list(rijen.sort_values("volgorde").assign(
            rij=[opgaveoverzicht.rijlabel(r) for _, r in rijen.sort_values("volgorde").iterrows()])["rij"].drop_duplicates())
        tabel = tabel.rename(columns={opgaveoverzicht.SOEST_KOLOM: "Soest"}).reindex(index=volgorde, columns=kolommen)
        pdf.kopje("Alle indicatoren per wijk", 11, ruimte=80)  # the heading goes with the table
        pdf.alinea("In elk vak het cijfer en het oordeel ten opzichte van Soest: ▲ gunstig, ▼ ongunstig, ● rond het "
                   "gemiddelde, ↑ ↓ hoger of lager zonder oordeel. 'geen gegevens' = de bron heeft geen cijfer.", 8)
        b = pdf.epw
        rest = (b * 0.74) / len(kolommen)
        # 'De Eng-Soest-Midden' breaks after its first hyphen, as above the matrix on the page, not mid-word
        pdf.tabel(["Indicator (jaar)"] + [k.replace("-", "-\n", 1) for k in kolommen],
                  [[rij] + [c if isinstance(c, str) else "geen\ngegevens" for c in tabel.loc[rij]] for rij in volgorde],
                  (b * 0.26,) + (rest,) * len(kolommen), grootte=7, uitlijning="LEFT")
        bron_ids |= set(rijen["bron"].dropna())
        bron_ids |= _soest_bronnen(g, rijen)
    stemmen = g.verhalen[(g.verhalen["opgave"] == opgave) & (g.verhalen["soort"] == "inwoners")]
    if len(stemmen):
        pdf.kopje(enquete.SAMENGEVAT)
        namen = {**g.wijknamen, SOEST: "Heel Soest"}
        for _, v in stemmen.iterrows():
            pdf.alinea(f"{namen.get(v['gebied'], v['gebied'])}: {enquete.stem_tekst(v)}", 8)
        pdf.alinea(_verhaalbron(g, stemmen), 7)
        bron_ids |= set(stemmen["bron"])
    _bronnen_blok(pdf, g, bron_ids)
    return bytes(pdf.output())

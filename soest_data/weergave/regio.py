"""Soest in de regio: Soest beside Nederland and the six neighbouring gemeenten, per opgave; and the reference values
(Nederland, buurgemeenten) that charts of wijken draw beside the Soest line. Pure pandas/Altair.

Soest is judged against Nederland with the same public rule as a wijk against Soest (scoring.kant and
scoring.oordeel, counts not judged). The comparison areas are a reference only: they never enter a ranking or a
count of wijken.
"""
from __future__ import annotations

from functools import cache

import altair as alt
import pandas as pd

from soest_data import gemeente, jaren, opmaak, scoring
from soest_data.begrippen import NEDERLAND, VERGELIJKGEMEENTE, VERGELIJKNIVEAUS
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import grafieken
from soest_data.weergave.opgaveoverzicht import met_nederland
from soest_data.weergave.sjabloon import Sjabloon, gat

NEDERLAND_NAAM = "Nederland"
BUURGEMEENTE = "buurgemeente"
EIGEN = "gemeente"  # the rol of the gemeente itself beside Nederland and the buurgemeenten
LETTER = opmaak.LETTER
TEKST = opmaak.TEKSTKLEUR
KLEUR_BUREN = "#6B6B6B"

_OORDEEL_KLEUR = {scoring.GUNSTIG: opmaak.KLEUR_GUNSTIG, scoring.ONGUNSTIG: opmaak.KLEUR_ONGUNSTIG,
                  scoring.ROND: opmaak.KLEUR_ROND, scoring.HOGER: opmaak.KLEUR_NEUTRAAL,
                  scoring.LAGER: opmaak.KLEUR_NEUTRAAL, scoring.ONBEKEND: opmaak.KLEUR_GEEN_GEGEVENS}


def rol(niveau: str) -> str | None:
    """'Nederland' for the country, 'buurgemeente' for a neighbouring gemeente, None for every other area."""
    return {"land": NEDERLAND_NAAM, VERGELIJKGEMEENTE: BUURGEMEENTE}.get(niveau)


def referentiewaarden(waarden: pd.DataFrame) -> pd.DataFrame:
    """The rows (with a number) of Nederland and the buurgemeenten, only the columns `referenties` reads: the whole
    table has ~40 columns, each copied by a filter. Works on its own result too (afgeleid keeps it per database)."""
    return waarden.loc[waarden["niveau"].isin(["land", VERGELIJKGEMEENTE]) & waarden["waarde"].notna(),
                       ["indicator", "jaar", "gebied_code", "gebied_naam", "niveau", "waarde", "eenheid", "bron",
                        "bron_titel"]]


def referenties(waarden: pd.DataFrame, paren, met_nederland: bool = True, met_buren: bool = False) -> pd.DataFrame:
    """Reference values for (indicator, jaar) pairs: Nederland and/or the buurgemeenten in exactly that year.
    `waarden`: alle_waarden, or only its reference rows (referentiewaarden, which a page state passes).

    Columns: indicator, jaar, gebied_code, gebied_naam, rol, waarde, tekst, bron, bron_titel. Only numbers; an indicator
    or year without a reference value simply has no row (never an estimate from another year).
    """
    kolommen = ["indicator", "jaar", "gebied_code", "gebied_naam", "rol", "waarde", "tekst", "bron", "bron_titel"]
    niveaus = (["land"] if met_nederland else []) + ([VERGELIJKGEMEENTE] if met_buren else [])
    sleutels = pd.DataFrame(list(dict.fromkeys((i, int(j)) for i, j in paren if not pd.isna(j))),
                            columns=["indicator", "jaar"])
    if sleutels.empty or not niveaus:
        return pd.DataFrame(columns=kolommen)
    referentie = referentiewaarden(waarden)
    deel = referentie[referentie["niveau"].isin(niveaus)].merge(sleutels, on=["indicator", "jaar"])
    return deel.assign(rol=deel["niveau"].map(rol),
                       tekst=[opmaak.waarde_met_eenheid(w, e) for w, e in zip(deel["waarde"], deel["eenheid"])]
                       )[kolommen].sort_values(["indicator", "rol", "gebied_code"]).reset_index(drop=True)


def referentiekolommen(paren: pd.DataFrame, referenties: pd.DataFrame | None) -> pd.DataFrame:
    """Table columns beside a Soest column: per row of `paren` (indicator, jaar) one column per reference area in
    `referenties` (from `referenties`; Nederland first, then the buurgemeenten A–Z), the value with its unit in exactly
    that year, '–' where the area has none. No reference rows, no columns: a column only where a value exists."""
    if referenties is None or referenties.empty:
        return pd.DataFrame(index=paren.index)
    namen = sorted(set(zip(referenties["rol"], referenties["gebied_naam"])),
                   key=lambda rn: (rn[0] != NEDERLAND_NAAM, rn[1]))
    per: dict[tuple[str, float], dict[str, str]] = {}  # plain lookups: a page asks this for every table it shows
    for i, j, naam, tekst in zip(referenties["indicator"], referenties["jaar"], referenties["gebied_naam"],
                                 referenties["tekst"]):
        per.setdefault((i, float(j)), {}).setdefault(naam, tekst)
    rijen = [per.get((i, float(j)), {}) for i, j in zip(paren["indicator"],
                                                          pd.to_numeric(paren["jaar"], errors="coerce"))]
    return pd.DataFrame({n: [r.get(n, "–") for r in rijen] for _, n in namen}, index=paren.index)


def referentie_namen(met_nederland: bool, met_buren: bool) -> str:
    """'Nederland en de zes buurgemeenten', 'Nederland', 'de zes buurgemeenten' or '' (the number from the setting)."""
    return opmaak.opsomming((["Nederland"] if met_nederland else []) + ([GEMEENTE.de_buurgemeenten] if met_buren else []))


def met_referentiebronnen(paren: pd.DataFrame, bronnen: pd.Series, referenties: pd.DataFrame | None) -> list[str]:
    """Per row of `paren` (indicator, jaar) its source title(s) in `bronnen`, with the sources of the reference values
    of that row added where they differ: a table's Bron column names every figure in the row."""
    if referenties is None or referenties.empty:
        return list(bronnen)
    per: dict[tuple[str, float], list] = {}
    for i, j, titel in zip(referenties["indicator"], referenties["jaar"], referenties["bron_titel"]):
        per.setdefault((i, float(j)), []).append(titel)
    sleutels = zip(paren["indicator"], pd.to_numeric(paren["jaar"], errors="coerce").astype(float))
    return ["; ".join(dict.fromkeys([t for t in [b, *per.get(k, [])] if isinstance(t, str) and t]))
            for b, k in zip(bronnen, sleutels)]


def nederland_per_jaar(waarden: pd.DataFrame) -> pd.Series:
    """Nederland's numbers indexed by (indicator, jaar)."""
    nl = waarden[(waarden["gebied_code"] == NEDERLAND)].dropna(subset=["waarde"])
    return nl.set_index(["indicator", "jaar"])["waarde"]


# --- Soest in de regio -----------------------------------------------------------------------------------------------

def regiowaarden(waarden: pd.DataFrame, indicatoren: pd.DataFrame, opgave: str) -> pd.DataFrame:
    """Per indicator of the opgave with a Soest number: Soest, Nederland and the buurgemeenten in Soest's latest year.

    Long format, one row per indicator × area: indicator, label, volgorde, eenheid, richting, modelschatting,
    heeft_wijken, jaar, gebied_code, gebied_naam, rol ('gemeente', 'Nederland', 'buurgemeente'), waarde, bron.
    Counts are left out (a total cannot be held against Nederland's).
    """
    cat = indicatoren[(indicatoren["opgave"] == opgave)].set_index("id")
    cat = cat[~cat["eenheid"].map(scoring.is_aantal).astype(bool)]
    eigen = gemeente.huidige().code
    soest = waarden[(waarden["gebied_code"] == eigen) & waarden["indicator"].isin(cat.index)].dropna(subset=["waarde"])
    laatste = soest.sort_values("jaar").groupby("indicator").tail(1)[["indicator", "jaar"]]
    rijen = waarden[(waarden["gebied_code"] == eigen) | waarden["niveau"].isin(VERGELIJKNIVEAUS)]
    rijen = rijen.dropna(subset=["waarde"]).merge(laatste, on=["indicator", "jaar"])
    ind = cat.loc[rijen["indicator"]]
    uit = pd.DataFrame({
        "indicator": rijen["indicator"], "label": ind["label"].to_numpy(), "volgorde": ind["volgorde"].to_numpy(),
        "eenheid": ind["eenheid"].to_numpy(),
        # care use and background get no judgement here either (scoring.wordt_beoordeeld)
        "richting": [r if scoring.wordt_beoordeeld(r, ro) else "neutraal" for r, ro in zip(ind["richting"], ind["rol"])],
        "modelschatting": [opmaak.is_schatting(x) for x in ind["modelschatting"]],
        "heeft_wijken": (ind["wijken_met_waarde"] > 0).to_numpy(),
        "jaar": rijen["jaar"].astype(int),
        "jaar_tekst": [jaren.jaar_tekst(j, m, p) for j, m, p in
                       zip(rijen["jaar"], ind["meetjaar"].to_numpy(), ind["peilperiode"].to_numpy())],
        "gebied_code": rijen["gebied_code"], "gebied_naam": rijen["gebied_naam"],
        "rol": [(EIGEN if c == eigen else rol(n)) for c, n in zip(rijen["gebied_code"], rijen["niveau"])],
        "waarde": rijen["waarde"], "bron": rijen["bron"],
    })
    return uit.sort_values(["volgorde", "gebied_code"]).reset_index(drop=True)


def regio_oordelen(regio: pd.DataFrame, marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    """One row per indicator: Soest against Nederland with the wijken's rule (scoring.kant / scoring.oordeel).

    Columns: indicator, label, volgorde, eenheid, richting, modelschatting, heeft_wijken, jaar, soest, nederland,
    kant, oordeel, vergelijking (in words), plus the buurgemeenten as {naam: waarde}.
    """
    kolommen = ["indicator", "label", "volgorde", "eenheid", "richting", "modelschatting", "heeft_wijken", "jaar",
                "jaar_tekst", "soest", "nederland", "kant", "oordeel", "vergelijking", "buren"]
    rijen = []
    for _, deel in regio.groupby("indicator", sort=False):
        eerste = deel.iloc[0]
        soest = deel.loc[deel["rol"] == EIGEN, "waarde"]
        nl = deel.loc[deel["rol"] == NEDERLAND_NAAM, "waarde"]
        soest_w = float(soest.iloc[0]) if len(soest) else float("nan")
        nl_w = float(nl.iloc[0]) if len(nl) else float("nan")
        kant = scoring.kant(soest_w, nl_w, marge, eerste["eenheid"], scoring.resolutie([soest_w, nl_w]))
        rijen.append({
            **{k: eerste[k] for k in ("indicator", "label", "volgorde", "eenheid", "richting", "modelschatting",
                                      "heeft_wijken", "jaar", "jaar_tekst")},
            "soest": soest_w, "nederland": nl_w, "kant": kant, "oordeel": scoring.oordeel(kant, eerste["richting"]),
            "vergelijking": met_nederland(soest_w, nl_w, eerste["richting"], eerste["eenheid"])
            or "geen landelijk cijfer",
            "buren": dict(zip(deel.loc[deel["rol"] == BUURGEMEENTE, "gebied_naam"],
                              deel.loc[deel["rol"] == BUURGEMEENTE, "waarde"])),
        })
    return pd.DataFrame(rijen, columns=kolommen).sort_values("volgorde").reset_index(drop=True)


def regio_zin(oordelen: pd.DataFrame) -> str:
    """'Soest scoort op 9 van de 14 indicatoren van deze opgave met een landelijk cijfer gunstiger dan Nederland, …'."""
    if oordelen.empty:
        return f"Voor deze opgave zijn er geen cijfers van heel {GEMEENTE.naam} om naast Nederland te zetten."
    tel = oordelen["oordeel"].value_counts()
    gunstig, ongunstig, rond = (int(tel.get(k, 0)) for k in (scoring.GUNSTIG, scoring.ONGUNSTIG, scoring.ROND))
    met_oordeel = gunstig + ongunstig + rond
    zonder_nl = int(oordelen["nederland"].isna().sum())
    beschrijvend = int(tel.get(scoring.HOGER, 0) + tel.get(scoring.LAGER, 0))
    if met_oordeel == 0:
        zin = "Voor geen van de indicatoren van deze opgave is een oordeel ten opzichte van Nederland mogelijk."
    else:
        zin = (f"{GEMEENTE.naam} scoort op {gunstig} van de {met_oordeel} indicatoren van deze opgave gunstiger dan Nederland, "
               f"op {ongunstig} ongunstiger en op {rond} rond het landelijk gemiddelde.")
    extra = []
    if beschrijvend:
        extra.append(f"{beschrijvend} {'indicator beschrijft' if beschrijvend == 1 else 'indicatoren beschrijven'} "
                     "alleen (hoger of lager is daar niet beter of slechter)")
    if zonder_nl:
        extra.append(f"voor {zonder_nl} {'indicator' if zonder_nl == 1 else 'indicatoren'} is er geen landelijk "
                     "cijfer uit dezelfde bron en hetzelfde jaar")
    if not extra:
        return zin
    rest = opmaak.opsomming(extra)
    return f"{zin} {rest[0].upper()}{rest[1:]}."


def regio_regels(oordelen: pd.DataFrame, oordeel: str, maximum: int = 5) -> str:
    """'moeite met rondkomen (18+), eenzaam (65+) en 2 andere' for the indicators with this judgement."""
    namen = [opmaak.in_zin(n) for n in oordelen.loc[oordelen["oordeel"] == oordeel, "label"]]
    if not namen:
        return ""
    return opmaak.opsomming(namen[:maximum] + ([f"{len(namen) - maximum} andere"] if len(namen) > maximum else []))


def regiotabel(oordelen: pd.DataFrame, buren: list[str]) -> pd.DataFrame:
    """The text alternative: per indicator Soest, Nederland, the judgement in words, each buurgemeente, a map link."""
    tabel = pd.DataFrame({
        "Indicator": [f"{lab}{' · schatting' if m else ''}" for lab, m in zip(oordelen["label"], oordelen["modelschatting"])],
        "Jaar": oordelen["jaar_tekst"],
        GEMEENTE.naam: [opmaak.waarde_met_eenheid(w, e) for w, e in zip(oordelen["soest"], oordelen["eenheid"])],
        "Nederland": [opmaak.waarde_met_eenheid(w, e) for w, e in zip(oordelen["nederland"], oordelen["eenheid"])],
        f"{GEMEENTE.naam} t.o.v. Nederland": oordelen["vergelijking"],
    })
    for naam in buren:
        tabel[naam] = [opmaak.waarde_met_eenheid(b.get(naam), e) if naam in b else "geen gegevens"
                       for b, e in zip(oordelen["buren"], oordelen["eenheid"])]
    tabel["Kaart van de wijken"] = [f"/kaart?indicator={i}" if w else None
                                    for i, w in zip(oordelen["indicator"], oordelen["heeft_wijken"])]
    return tabel


def regiografiek(regio: pd.DataFrame, oordelen: pd.DataFrame, met_buren: bool = True,
                 breedte: int = 640) -> dict:
    """One row per indicator: Soest as a large diamond (coloured by its judgement against Nederland), Nederland as a
    black tick, the buurgemeenten as grey circles (optional). Each row its own scale; the table says it in words.

    The indicator's name stands above its row, so the chart is `breedte` wide in all: the page shows a wide and a
    phone-narrow form (ui.breed_of_smal). A Vega-Lite dict (sjabloon.py)."""
    oordeel = oordelen.set_index("indicator")["oordeel"]
    # An indicator with only a Soest figure has nothing to stand beside: it stays in the table, not in the chart.
    vergeleken = set(regio.loc[regio["rol"] != EIGEN, "indicator"])
    data = regio[regio["rol"].isin([EIGEN, NEDERLAND_NAAM] + ([BUURGEMEENTE] if met_buren else []))
                 & regio["indicator"].isin(vergeleken)].assign(
        tekst=lambda d: [opmaak.waarde_met_eenheid(w, e) for w, e in zip(d["waarde"], d["eenheid"])],
        oordeel=lambda d: d["indicator"].map(oordeel),
        rij=lambda d: [f"{lab} · {j}" for lab, j in zip(d["label"], d["jaar_tekst"])],
    )[["rij", "volgorde", "gebied_naam", "rol", "waarde", "tekst", "oordeel"]]
    volgorde = list(data.sort_values("volgorde")["rij"].drop_duplicates())
    return _regiosjabloon(met_buren, breedte).vul({"regio": data}, volgorde=volgorde)


@cache
def _regiosjabloon(met_buren: bool, breedte: int) -> Sjabloon:
    x = alt.X("waarde:Q", title=None, scale=alt.Scale(zero=False, nice=False, padding=24),
              axis=alt.Axis(labelFontSize=LETTER, tickCount=4, grid=False, labelColor=TEKST))
    tooltip = [alt.Tooltip("gebied_naam:N", title="Gebied"), alt.Tooltip("tekst:N", title="Waarde")]
    basis = alt.Chart().encode(x=x, tooltip=tooltip)
    buren = basis.mark_circle(size=90, color=KLEUR_BUREN, opacity=0.6, aria=False).transform_filter(
        f"datum.rol == '{BUURGEMEENTE}'")
    nl = basis.mark_tick(color="#000000", thickness=3, size=34, aria=False).transform_filter(
        f"datum.rol == '{NEDERLAND_NAAM}'")
    soest = basis.mark_point(size=420, filled=True, stroke="#000000", strokeWidth=2, shape="diamond", aria=False).encode(
        color=alt.Color("oordeel:N", scale=alt.Scale(domain=list(_OORDEEL_KLEUR), range=list(_OORDEEL_KLEUR.values())),
                        legend=None)).transform_filter(f"datum.rol == '{EIGEN}'")
    label = basis.mark_text(dy=-20, fontSize=LETTER, fontWeight="bold", aria=False).encode(
        text=alt.Text("tekst:N")).transform_filter(f"datum.rol == '{EIGEN}'")
    delen = [f"◆ {GEMEENTE.naam} (kleur: t.o.v. Nederland)", "┃ Nederland"
             + (f"   ● {GEMEENTE.de_buurgemeenten}" if met_buren else "")]
    titel = delen if breedte < 500 else "   ".join(delen)  # two lines in the narrow form
    return Sjabloon(grafieken.stijl(alt.layer(buren, nl, soest, label, data=alt.NamedData("regio")).properties(
        width=breedte, height=44).facet(
        row=alt.Row("rij:N", sort=[gat("volgorde")], title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top",
                                      labelFontSize=LETTER, labelLimit=breedte, labelPadding=4, labelColor=TEKST)),
        spacing=14,
    ).resolve_scale(x="independent").properties(
        title=alt.TitleParams(titel, fontSize=LETTER, anchor="start", fontWeight="normal"),
        description=f"Per indicator {GEMEENTE.naam} (ruit) naast Nederland (streep)"
                    + (f" en {GEMEENTE.de_buurgemeenten} (stippen)" if met_buren else "")
                    + "; dezelfde cijfers staan in de tabel eronder.")))

"""Opgave: one of the five opgaven — ambition, goals, activities; Soest's key figures; all indicators across the wijken.

URL: ?opgave=bestaanszekerheid (the picker keeps it in sync). Texts come from data/opgaven.yaml, never from here.
"""

from functools import partial

import pandas as pd
import streamlit as st

import ui
from soest_data import opmaak, scoring, url_state
from soest_data.begrippen import OPGAVEN, VERGELIJKGEMEENTE, VIJF_OPGAVEN
from soest_data.bronnen import uitwisseling
from soest_data.weergave import grafieken, kaart, opgaveoverzicht, regio, uitspraken

ui.pagina("Opgaven")

VIJF = VIJF_OPGAVEN
LEEG = pd.DataFrame(columns=["gebied_naam", "rol", "tekst"])

g = ui.gegevens()
wijken = g.wijken
naam_van = g.wijknamen
keuze = url_state.kies(st.query_params, "opgave", VIJF, VIJF[0], "opgave")


if ui.presentatie():  # one wijk of this opgave per screen; ← and → step through the wijken
    ui.dia("pages/opgave.py", url_state.kies(st.query_params, "wijk", list(naam_van), next(iter(naam_van)),
                                             "wijk").waarde, keuze.waarde, "wijk")
    st.stop()

titel = st.empty()  # filled after the picker, so the title follows it on the same run
ui.meldingen(keuze)
# An emptied picker (None) is not written: the URL keeps the opgave on screen.
gekozen = st.segmented_control("Kies een opgave", VIJF, format_func=OPGAVEN.get,
                               **ui.url_widget("opgave_keuze", "opgave", keuze.waarde, schrijf_als=bool))
opgave = gekozen or keuze.waarde
titel.title(f"Opgave: {OPGAVEN[opgave]}")
tekst = opgaveoverzicht.opgave_tekst(g.opgaven, opgave)
pct = round(scoring.STANDAARD_MARGE * 100)
ui.factsheet_knop("opgave", opgave, OPGAVEN[opgave])
ui.presentatieknop("pages/opgave.py", opgave=opgave)
ui.inhoudsopgave([
    ("Wat we willen bereiken", "doelen"),
    ("Heel Soest", "soest"),
    ("De wijken naast Soest", "wijken"),
    ("Per indicator: de wijken op volgorde", "per-indicator"),
])

# --- what the gemeente wants -----------------------------------------------------------------------------------------
st.header("Wat we willen bereiken", anchor="doelen")
if tekst is None:
    st.markdown(f"Voor {OPGAVEN[opgave].lower()} is de beschrijving uit de Integrale Visie nog niet opgenomen.")
else:
    st.markdown(f"<p class='referentie' style='font-weight:400'>{tekst['ambitie']}</p>", unsafe_allow_html=True)
    links, rechts = st.columns(2, gap="large")
    with links:
        st.subheader("Doelen")
        st.markdown("\n".join(f"- {d}" for d in tekst.get("doelen") or []))
    with rechts:
        st.subheader("Wat we doen")
        st.markdown("\n".join(f"- {a}" for a in tekst.get("activiteiten") or []))
    draagt_bij = []
    if tekst.get("global_goals"):
        draagt_bij.append("**Global Goals:** " + " · ".join(tekst["global_goals"]))
    if tekst.get("positieve_gezondheid"):
        draagt_bij.append("**Positieve gezondheid:** " + " · ".join(tekst["positieve_gezondheid"]))
    if draagt_bij:
        st.markdown("  \n".join(draagt_bij))
    ui.verhaalbron(pd.DataFrame([{"bron": tekst["bron"], "vindplaats": tekst.get("vindplaats") or ""}]))

# --- Soest as a whole, and the stories -------------------------------------------------------------------------------
st.header("Heel Soest", anchor="soest")
kern = ui.bewaar("opgave:kern", opgave, lambda: opgaveoverzicht.kerncijfers(tekst, g.waarden, g.indicatoren))
verhalen = g.verhalen[g.verhalen["opgave"] == opgave]
st.subheader("Kerncijfers uit de Integrale Visie")
if kern.empty:
    st.markdown("Voor deze opgave zijn nog geen kerncijfers voor heel Soest opgenomen.")
for start in range(0, len(kern), 4):
    vakken = st.columns(4)
    for vak, (_, rij) in zip(vakken, kern.iloc[start:start + 4].iterrows()):
        with vak.container(border=True):
            st.metric(rij["label"], rij["soest_tekst"], help=f"{rij['label']} ({rij['eenheid']})")
            regels = [f"Soest, {rij['jaar_tekst']}" if rij["jaar"] else "Voor Soest nog geen cijfer"]
            if rij["nederland_tekst"]:
                regels.append(f"Nederland: **{rij['nederland_tekst']}** — {rij['vergelijking']}")
            st.markdown("  \n".join(regels))
met_jaar = kern.dropna(subset=["jaar"])
if len(met_jaar):
    ui.bronnen_van(met_jaar[["indicator", "jaar"]].itertuples(index=False))

st.subheader("Wat we horen en zien")
if verhalen.empty:
    st.markdown("Voor deze opgave zijn nog geen verhalen uit de wijken opgenomen.")
else:
    soorten = {"inwoners": "inwoners", "sterk": "sterk punt", "aandacht": "aandachtspunt",
               "situatieschets": "schets", "voorbehoud": "let op"}
    namen = {**naam_van, "GM0342": "Heel Soest"}
    kolommen = st.columns(2, gap="medium")
    for i, (_, v) in enumerate(verhalen.iterrows()):
        with kolommen[i % 2].container(border=True):
            st.markdown(f"**{namen.get(v['gebied'], v['gebied'])}** ({soorten.get(v['soort'], v['soort'])}): "
                        f"{v['tekst']}")
    ui.verhaalbron(verhalen)

st.markdown("**Wat de wijkprofielen en de Visie per wijk zeggen, naast de telling**")
st.markdown(ui.bewaar("opgave:standpunten", opgave, lambda: uitspraken.opgave_regels(ui.standpunten(), opgave)))

beoordeeld = ui.beoordeeld()
rijen = ui.bewaar("opgave:rijen", opgave, lambda: opgaveoverzicht.opgaverijen(beoordeeld, wijken, opgave))


def _alleen_soest() -> tuple[pd.DataFrame, list]:
    """The opgave's figures that exist only for Soest as a whole (not among the key figures), as a table."""
    ids = g.indicatoren.loc[(g.indicatoren["opgave"] == opgave) & (g.indicatoren["wijken_met_waarde"] == 0)
                            & ~g.indicatoren["id"].isin(kern["indicator"]), "id"]
    overig = opgaveoverzicht.kerncijfers({"kerncijfers": list(ids)}, g.waarden, g.indicatoren).dropna(subset=["jaar"])
    return (pd.DataFrame({"Indicator": overig["label"], "Soest": overig["soest_tekst"],
                          "Nederland": overig["nederland_tekst"].replace("", "–"), "Jaar": overig["jaar_tekst"]}),
            list(overig[["indicator", "jaar"]].itertuples(index=False)))


alleen_soest, alleen_soest_jaren = ui.bewaar("opgave:alleen_soest", opgave, _alleen_soest)
if len(alleen_soest):
    with st.expander(f"Nog {len(alleen_soest)} cijfers die alleen voor heel Soest bestaan"):
        ui.tabel(alleen_soest, f"opgave_{opgave}_alleen_soest", "Download deze tabel")
        ui.bronnen_van(alleen_soest_jaren)

# --- Soest in de regio -----------------------------------------------------------------------------------------------
st.header("Soest in de regio")
regiowaarden, oordelen = ui.soest_in_de_regio(opgave)
buren = list(g.gebieden.loc[g.gebieden["niveau"] == VERGELIJKGEMEENTE, "naam"])
st.markdown(f"Heel Soest naast **Nederland** en de zes buurgemeenten ({opmaak.opsomming(buren)}): per indicator het "
            "laatste jaar met een Soester cijfer, uit dezelfde bron en hetzelfde jaar. Soest wordt beoordeeld zoals een "
            f"wijk ten opzichte van Soest: meer dan {opmaak.getal(scoring.STANDAARD_MARGE * scoring.PROCENTPUNT_PER_MARGE, 1)} "
            f"procentpunt (percentages) of {pct} % (andere cijfers) verschil met Nederland is gunstiger of ongunstiger. "
            "Aantallen vergelijken we niet (een grotere gemeente heeft vanzelf meer).")


def _regio_in_woorden() -> tuple[str, list[str], pd.DataFrame, list]:
    regels = [f"- {woord}: {regio.regio_regels(oordelen, oordeel)}." for woord, oordeel in
              (("▲ Gunstiger dan Nederland", scoring.GUNSTIG), ("▼ Ongunstiger dan Nederland", scoring.ONGUNSTIG))
              if regio.regio_regels(oordelen, oordeel)]
    return (regio.regio_zin(oordelen), regels, regio.regiotabel(oordelen, buren),
            list(oordelen[["indicator", "jaar"]].itertuples(index=False)))


regiozin, regels, regiotabel, regiojaren = ui.bewaar("opgave:regio", opgave, _regio_in_woorden)
st.markdown(f"**{regiozin}**")
if regels:
    st.markdown("\n".join(regels))
if len(oordelen):
    # the builders' arguments as lambdas: evaluated only when the chart is not cached yet, not on every rerun
    regiobeeld = ui.grafiekvorm("regio", opgave, lambda: regio.regiografiek(regiowaarden, oordelen[["indicator",
                                                                                                 "oordeel"]]))
    ui.breed_of_smal("regio", regiobeeld, ui.grafiekvorm("regio-smal", opgave, lambda: regio.regiografiek(
        regiowaarden, oordelen[["indicator", "oordeel"]], breedte=300)),
                     alt=f"Soest naast Nederland en de zes buurgemeenten voor {len(oordelen)} indicatoren. "
                         + regiozin + " De tabel eronder bevat alle cijfers.")
    ui.grafiek_download(regiobeeld, f"{OPGAVEN[opgave]}: Soest naast Nederland en de buurgemeenten", oordelen["indicator"],
                        f"opgave_{opgave}_regio")
    with st.expander("Soest in de regio als tabel, met een link naar de kaart van de wijken"):
        ui.tabel(regiotabel, f"opgave_{opgave}_regio", "Download deze tabel",
                 indicator_ids=oordelen["indicator"],
                 column_config={"Kaart van de wijken": st.column_config.LinkColumn(
                     "Kaart van de wijken", display_text="naar de kaart")})
    ui.bronnen_van(regiojaren)

# --- the wijken against Soest ----------------------------------------------------------------------------------------
st.header("De wijken naast Soest", anchor="wijken")
if rijen.empty:
    st.markdown("Voor deze opgave zijn er nog geen cijfers per wijk.")
    st.stop()
st.markdown(f"Per wijk: bij hoeveel indicatoren van de **kernset** (★, één per onderwerp uit de doelen) de wijk "
            f"**ongunstig** (▼), **gunstig** (▲) of **rond het gemiddelde** (●) uitvalt ten opzichte van heel Soest — "
            f"dezelfde telling als op [Aandacht per opgave](/aandacht). Een wijk wijkt af bij meer dan "
            f"{opmaak.getal(scoring.STANDAARD_MARGE * scoring.PROCENTPUNT_PER_MARGE, 1)} procentpunt (percentages) of "
            f"{round(scoring.STANDAARD_MARGE * 100)} % van de Soester waarde (overige cijfers). Meest ongunstig eerst.")
volgorde = ui.bewaar("opgave:volgorde", opgave, opgaveoverzicht.indicatorvolgorde, rijen)
zinnen = ui.bewaar("opgave:zinnen", opgave, lambda: opgaveoverzicht.ongunstig_zinnen(ui.telling(), opgave))
st.markdown("\n".join(f"- {z}" for z in zinnen))

st.subheader("Alle indicatoren in één overzicht")
st.markdown("Elke rij is een indicator, elke kolom een wijk. In elk vak het cijfer en de positie ten opzichte van "
            "Soest, in een teken én een woord. De kleur herhaalt alleen wat er staat. *schatting* = modelschatting "
            "(een berekende schatting, geen telling). ★ = telt mee in de telling (kernset). Zorggebruik (zoals jeugdhulp) "
            "staat erbij zonder oordeel: veel gebruik kan veel behoefte betekenen, of dat hulp goed gevonden wordt.")
matrixgrafiek = ui.grafiekvorm("opgavematrix", opgave, opgaveoverzicht.matrixgrafiek, rijen)
ui.breed_of_smal("opgavematrix", matrixgrafiek, ui.grafiekvorm("opgavematrix-smal", opgave, opgaveoverzicht.matrixstapel,
                                                               rijen), 1400,
                 alt=f"Overzicht van {len(volgorde)} indicatoren van {OPGAVEN[opgave].lower()} per wijk. "
                    + " ".join(z.replace("**", "") for z in zinnen) + " De tabel eronder bevat alle vakken.")
ui.grafiek_download(matrixgrafiek, f"{OPGAVEN[opgave]}: alle indicatoren per wijk", rijen["indicator"].unique(),
                    f"opgave_{opgave}_overzicht")
ui.legenda(opgaveoverzicht.legenda())
matrixtabel = ui.bewaar("opgave:matrixtabel", opgave, lambda: opgaveoverzicht.matrixtabel(
    rijen, regio.nederland_per_jaar(g.waarden)))
with st.expander("Het overzicht als tabel, met Nederland"):
    ui.tabel(matrixtabel, f"opgave_{opgave}_overzicht", "Download deze tabel",
             indicator_ids=rijen["indicator"].unique())
ui.bronnen_van(rijen.drop_duplicates("indicator")[["indicator", "jaar"]].itertuples(index=False))

# --- per indicator ---------------------------------------------------------------------------------------------------
st.header("Per indicator: de wijken op volgorde", anchor="per-indicator")
st.markdown("Van hoog naar laag, met het Soester gemiddelde als stippellijn. Blauw = gunstig, oranje = ongunstig, "
            "grijs = rond het gemiddelde, paars = hoger of lager zonder oordeel; wijs een balk aan voor het oordeel "
            "in woorden. Nederland staat er als fijne stippellijn bij waar er een landelijk cijfer is; de "
            "buurgemeenten als dunne grijze lijnen.")
met_nederland, met_buren = ui.referentiekeuze("opgave_referentie")
referentiekeuze = (opgave, met_nederland, met_buren)


def _referenties_per_indicator() -> dict:
    referenties = ui.referenties(rijen[["indicator", "jaar"]].dropna().itertuples(index=False), met_nederland, met_buren)
    return {(i, int(j)): d for (i, j), d in referenties.groupby(["indicator", "jaar"], sort=False)}


referenties = ui.bewaar("opgave:referenties", referentiekeuze, _referenties_per_indicator)
delen = ui.bewaar("opgave:delen", opgave, lambda: dict(tuple(rijen.groupby("indicator", sort=False))))


def _paneel(indicator_id: str) -> dict:
    """The words of one indicator's panel in one markdown block (fewer elements per run), and its chart's inputs."""
    deel = delen[indicator_id]
    eerste = deel.iloc[0]
    jaar = None if pd.isna(eerste["jaar"]) else int(eerste["jaar"])
    kop = f"**{eerste['label']}**" + (f" — {jaar}" if jaar else "")
    if opmaak.is_schatting(eerste["modelschatting"]):
        kop += " · *modelschatting*"
    if eerste["soort"] == "relatief":
        return {"jaar": jaar, "tekst": "\n\n".join([
            kop, "Uitspraken uit de wijkprofielen, ten opzichte van het Soester gemiddelde:",
            "\n".join(f"- {z}" for z in opgaveoverzicht.relatief_zinnen(rijen, indicator_id))])}
    zin = kaart.samenvatting(deel, eerste["soest"], eerste["eenheid"])
    ref = referenties.get((indicator_id, jaar), LEEG)
    regels = [kop, zin] + ([" · ".join(f"{n}{' (fijne stippellijn)' if r == 'Nederland' else ''}: {t}"
                                       for n, r, t in zip(ref["gebied_naam"], ref["rol"], ref["tekst"]))]
                           if len(ref) else [])
    return {"jaar": jaar, "tekst": "\n\n".join(regels), "deel": deel, "soest": eerste["soest"],
            "eenheid": eerste["eenheid"], "referenties": ref, "alt": f"{eerste['label']}: {zin}"}


for indicator_id in ui.in_kolommen(volgorde, 2):
    paneel = ui.bewaar("opgave:paneel", (*referentiekeuze, indicator_id), _paneel, indicator_id)
    with st.container(border=True):
        st.markdown(paneel["tekst"])
        if "deel" in paneel:
            ui.grafiek("opgave:staaf", (*referentiekeuze, indicator_id), partial(
                grafieken.wijkstaaf, hoogte_per_wijk=38, referenties=paneel["referenties"]), paneel["deel"],
                paneel["soest"], paneel["eenheid"], alt=paneel["alt"])
        ui.bronvermelding(indicator_id, paneel["jaar"])

# --- trends ----------------------------------------------------------------------------------------------------------
reeksen = ui.bewaar("opgave:reeksen", opgave, lambda: opgaveoverzicht.trendreeksen(g.waarden, volgorde, wijken))
if len(reeksen):
    st.header("Door de jaren heen")
    st.markdown("Indicatoren met cijfers uit meer dan één jaar. De dikke zwarte lijn is heel Soest; de dunne grijze "
                "lijnen zijn de acht wijken (wijs een lijn aan voor de naam)"
                + ("; Nederland is de zwarte stippellijn met open vierkantjes" if met_nederland else "")
                + ("; de buurgemeenten zijn de grijze streepjeslijnen" if met_buren else "")
                + ". De tabel zegt per wijk hoe het veranderde.")
    lijnen = ui.bewaar("opgave:referentielijnen", referentiekeuze, lambda: dict(tuple(ui.referenties(
        reeksen[["indicator", "jaar"]].itertuples(index=False), met_nederland, met_buren).groupby("indicator"))))
    for indicator_id, label, reeks in ui.in_kolommen(ui.bewaar("opgave:panelen", opgave, lambda: [
            (i, r["indicator_label"].iloc[0], r) for i, r in reeksen.groupby("indicator", sort=False)]), 3):
        ui.grafiek("opgave:trend", (*referentiekeuze, indicator_id), partial(
            opgaveoverzicht.trendgrafiek, titel=label, referenties=lijnen.get(indicator_id)), reeks,
            alt=f"{label}: heel Soest en de acht wijken door de jaren; de tabel 'De ontwikkeling als tabel' zegt per "
                "wijk hoe het veranderde.",
            download=(f"{OPGAVEN[opgave]}: {label} door de jaren", [indicator_id],
                      f"opgave_{opgave}_{indicator_id}_ontwikkeling"))
    with st.expander("De ontwikkeling als tabel"):
        ui.tabel(ui.bewaar("opgave:trendtabel", opgave, opgaveoverzicht.trendtabel, reeksen),
                 f"opgave_{opgave}_ontwikkeling", "Download deze tabel")
    ui.bronnen_van(ui.bewaar("opgave:trendjaren", opgave, lambda: list(
        reeksen[["indicator", "jaar"]].drop_duplicates().itertuples(index=False))))

# --- download --------------------------------------------------------------------------------------------------------


def _alle_cijfers() -> pd.DataFrame:
    ids = list(g.indicatoren.loc[g.indicatoren["opgave"] == opgave, "id"])
    return g.waarden.loc[g.waarden["indicator"].isin(ids) & g.waarden["niveau"].isin(
        ["gemeente", "wijk", "land", VERGELIJKGEMEENTE]), uitwisseling.EXPORTKOLOMMEN]


ui.download(ui.bewaar("opgave:download", opgave, _alle_cijfers), f"opgave_{opgave}",
            f"Download alle cijfers van {OPGAVEN[opgave].lower()}, met Nederland en de buurgemeenten")

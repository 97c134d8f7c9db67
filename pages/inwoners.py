"""Inwoners aan het woord: the resident survey (n, caveats, every figure as a chart and in words) and what residents
said per opgave and per wijk. Filters in the URL: ?opgave=meedoen_inclusie&wijk=WK034205."""
from html import escape

import pandas as pd
import streamlit as st

import ui
from soest_data import opmaak, url_state
from soest_data.begrippen import SOEST, VIJF_OPGAVEN
from soest_data.weergave import enquete

ui.pagina("Inwoners aan het woord")

g = ui.gegevens()
wijken = g.wijken
naam_van = {SOEST: "Heel Soest", **g.wijknamen}
OPGAVE_KEUZES = [*VIJF_OPGAVEN, enquete.ALGEMEEN]

opgave_keuze = url_state.kies(st.query_params, "opgave", OPGAVE_KEUZES, None, "opgave")
wijk_keuze = url_state.kies(st.query_params, "wijk", list(naam_van), None, "wijk")


def _bronregel(bron_id: str | None, vindplaats: str | None, extra: str = "") -> None:
    """Source line in the shared 'bron' style: publisher and title linked, where in the document."""
    bronnen = g.bron_per_id
    if bron_id in bronnen.index:
        b = bronnen.loc[bron_id]
        tekst = (f"Bron: <a href=\"{escape(str(b['url']))}\">{escape(str(b['uitgever']))}, "
                 f"{escape(str(b['titel']))}</a>")
    else:
        tekst = "Bron: onbekend"
    if vindplaats:
        tekst += f", {escape(str(vindplaats))}"
    st.markdown(f"<div class='bron'>{tekst}{escape(extra)}</div>", unsafe_allow_html=True)


st.title("Inwoners aan het woord")
ui.meldingen_van(opgave_keuze, wijk_keuze)
st.markdown("**Tellen én vertellen.** Naast de cijfers per wijk staat wat inwoners zelf zeggen: in een enquête en in "
            "de gesprekken en meedenkdiners voor de Integrale Visie Sociaal Domein.")

opgave = st.selectbox("Laat zien voor opgave", [None, *OPGAVE_KEUZES],
                      format_func=lambda o: "Alle opgaven" if o is None else enquete.opgave_naam(o),
                      **ui.url_widget("inwoners_opgave", "opgave", opgave_keuze.waarde))

# --- the survey ----------------------------------------------------------------------------------------------------
e = g.enquete or {}
vragen = ui.bewaar("inwoners:vragen", (), lambda: enquete.vragen(e))
totaal = e.get("n")
st.header(f"De enquête '{e.get('titel', 'Zorgen voor elkaar in Soest-Soesterberg')}'")
if vragen.empty:
    st.markdown("De uitkomsten van de enquête zijn nog niet opgenomen in de gegevens.")
else:
    st.markdown(
        f"**{opmaak.getal(totaal) if totaal else 'Een onbekend aantal'} inwoners** vulden de vragenlijst in"
        f"{' (' + str(e['periode']) + ')' if e.get('periode') else ''}. "
        f"{e.get('uitvoerder', 'Een onderzoeksbureau')} verzamelde de uitkomsten voor de gemeente. "
        "Hieronder staat elk cijfer dat het rapport in de tekst noemt; bij elke vraag staat hoeveel deelnemers hem "
        "beantwoordden.")
    with st.container(border=True):
        st.markdown("**Lees dit eerst**")
        st.markdown("\n".join(f"- {v}" for v in enquete.voorbehouden(e)))
        per_wijk = ui.bewaar("inwoners:per_wijk", (), lambda: enquete.per_wijk(e, g.gebieden))
        genoemd = per_wijk.dropna(subset=["aandeel"])
        if len(genoemd):
            st.markdown("- **Niet elke wijk deed evenveel mee.** " + ", ".join(
                f"{r['Wijk']} {r['Deel van de deelnemers']}" for _, r in genoemd.iterrows())
                + " van de deelnemers; de andere wijken noemt het rapport niet apart.")

    enquetebron = "Bron: " + " (".join(ui.bron_en_licentie(e.get("bron"))) + ")"
    st.subheader("Waar de deelnemers wonen")
    links, rechts = st.columns(2, gap="large")
    with links:
        if len(genoemd):
            ui.grafiek("enquete:wijken", (), enquete.wijkgrafiek, per_wijk, download=(
                "Waar de deelnemers aan de enquête wonen", (), "enquete_deelnemers_per_wijk", enquetebron))
    with rechts:
        ui.tabel(ui.bewaar("inwoners:per_wijk_tabel", (), lambda: per_wijk[["Wijk", "Deel van de deelnemers"]]),
                 "enquete_deelnemers_per_wijk", "Download deze tabel",
                 bron_id=e.get("bron"))
    _bronregel(e.get("bron"), e.get("vindplaats"))

    getoond = ui.bewaar("inwoners:getoond", opgave,
                        lambda: vragen if opgave is None else vragen[vragen["opgave"] == opgave])


    def _vraag(rijen: pd.DataFrame) -> tuple[str, str]:
        """A question's words in one block (fewer elements per run), and its answers in words."""
        eerste = rijen.iloc[0]
        kop = [f"**{eerste['vraag']}**", enquete.n_tekst(eerste["n"], totaal)] + (
            ["*Meerdere antwoorden mogelijk: samen meer dan 100 %.*"] if eerste["meerdere_antwoorden"] else [])
        return "\n\n".join(kop), "In woorden: " + "; ".join(
            f"{a}: {t}" for a, t in zip(rijen["antwoord"], rijen["waarde_tekst"])) + "."

    per_vraag = ui.bewaar("inwoners:per_vraag", opgave, lambda: [
        (groep, [(nr, rijen, rijen.iloc[0]["vraag"], *_vraag(rijen)) for nr, rijen in getoond[
            getoond["opgave"] == groep].groupby("vraag_nr", sort=False)])
        for groep in enquete.opgaven_in_volgorde(getoond)])
    if getoond.empty:
        st.markdown(f"Geen vragen uit de enquête bij de opgave {enquete.opgave_naam(opgave)}. "
                    "Kies 'Alle opgaven' om alle vragen te zien.")
    for groep, vragen_van_groep in per_vraag:
        st.subheader(enquete.opgave_naam(groep))
        for nr, rijen, vraag, kop, in_woorden in vragen_van_groep:
            with st.container(border=True):
                tekst, grafiek = st.columns([2, 3], gap="large")
                with tekst:
                    st.markdown(kop)
                    st.caption(in_woorden)
                with grafiek:
                    ui.grafiek("enquete:vraag", (groep, nr), enquete.vraaggrafiek, rijen,
                               download=(vraag, (), f"enquete_{nr}", enquetebron))

    with st.expander("Alle uitkomsten van de enquête als tabel"):
        tabel = ui.bewaar("inwoners:tabel", opgave, lambda: enquete.alle_vragen_tabel(getoond, totaal).drop(
            columns=["Waarde", "Eenheid"]))
        ui.tabel(tabel, f"enquete_{opgave or 'alle'}")
    ui.download(ui.bewaar("inwoners:alle", (), lambda: enquete.alle_vragen_tabel(vragen, totaal).assign(
                    Vindplaats=e.get("vindplaats", ""))),
                "enquete_zorgen_voor_elkaar", "Download alle uitkomsten van de enquête", bron_id=e.get("bron"))
    _bronregel(e.get("bron"), e.get("vindplaats"), " · cijfers zoals het rapport ze in de tekst noemt")

# --- what residents said -------------------------------------------------------------------------------------------
st.header("Wat we hoorden")
st.markdown("Wat inwoners vertelden in de meedenkdiners, gesprekken en bijeenkomsten, per opgave en, waar de Visie "
            "dat zegt, per wijk. In eigen woorden samengevat, met de plek in het document.")
gebied = st.selectbox("Laat zien voor wijk", [None, *naam_van],
                      format_func=lambda c: "Alle wijken en heel Soest" if c is None else naam_van[c],
                      **ui.url_widget("inwoners_wijk", "wijk", wijk_keuze.waarde))
stemmen = ui.bewaar("inwoners:stemmen", (opgave, gebied), enquete.stemmen, g.verhalen, opgave, gebied)
if stemmen.empty:
    keuze = " en ".join(t for t in (enquete.opgave_naam(opgave) if opgave else "",
                                    naam_van[gebied] if gebied else "") if t)
    st.markdown(f"Voor {keuze or 'deze keuze'} zijn nog geen uitspraken van inwoners opgenomen.")
for groep, deel, regels in ui.bewaar("inwoners:stemmen_per_opgave", (opgave, gebied), lambda: [
        (o, d, "\n".join(f"- {enquete.stem_regel(v, naam_van)}" for _, v in d.iterrows()))
        for o in enquete.opgaven_in_volgorde(stemmen) for d in [stemmen[stemmen["opgave"] == o]]]):
    st.subheader(enquete.opgave_naam(groep))
    st.markdown(regels)
    ui.verhaalbron(deel)

st.page_link("pages/aandacht.py", label="Naast de cijfers: aandacht per opgave", icon=":material/priority_high:",
             query_params={"wijk": gebied} if gebied and gebied != SOEST else None)

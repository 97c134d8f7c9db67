"""Inwoners aan het woord: the resident survey (n, caveats, every figure as a chart and in words) and what residents
said per opgave and per wijk. Filters in the URL: ?opgave=meedoen_inclusie&wijk=WK034205."""
from html import escape

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
ui.meldingen(opgave_keuze, wijk_keuze)
st.markdown("**Tellen én vertellen.** Naast de cijfers per wijk staat wat inwoners zelf zeggen: in een enquête en in "
            "de gesprekken en meedenkdiners voor de Integrale Visie Sociaal Domein.")

opgave = st.selectbox("Laat zien voor opgave", [None, *OPGAVE_KEUZES],
                      format_func=lambda o: "Alle opgaven" if o is None else enquete.opgave_naam(o),
                      **ui.url_widget("inwoners_opgave", "opgave", opgave_keuze.waarde))

# --- the survey ----------------------------------------------------------------------------------------------------
e = g.enquete or {}
vragen = enquete.vragen(e)
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
        per_wijk = enquete.per_wijk(e, g.gebieden)
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
            wijkgrafiek = enquete.wijkgrafiek(per_wijk)
            st.altair_chart(wijkgrafiek, width="stretch")
            ui.grafiek_download(wijkgrafiek, "Waar de deelnemers aan de enquête wonen", (), "enquete_deelnemers_per_wijk",
                                bronregel=enquetebron)
    with rechts:
        ui.tabel(per_wijk[["Wijk", "Deel van de deelnemers"]], "enquete_deelnemers_per_wijk", "Download deze tabel",
                 bron_id=e.get("bron"))
    _bronregel(e.get("bron"), e.get("vindplaats"))

    getoond = vragen if opgave is None else vragen[vragen["opgave"] == opgave]
    if getoond.empty:
        st.markdown(f"Geen vragen uit de enquête bij de opgave {enquete.opgave_naam(opgave)}. "
                    "Kies 'Alle opgaven' om alle vragen te zien.")
    for groep in enquete.opgaven_in_volgorde(getoond):
        st.subheader(enquete.opgave_naam(groep))
        deel = getoond[getoond["opgave"] == groep]
        for nr in dict.fromkeys(deel["vraag_nr"]):
            rijen = deel[deel["vraag_nr"] == nr]
            eerste = rijen.iloc[0]
            with st.container(border=True):
                tekst, grafiek = st.columns([2, 3], gap="large")
                with tekst:
                    st.markdown(f"**{eerste['vraag']}**")
                    st.markdown(enquete.n_tekst(eerste["n"], totaal))
                    if eerste["meerdere_antwoorden"]:
                        st.markdown("*Meerdere antwoorden mogelijk: samen meer dan 100 %.*")
                    st.caption("In woorden: " + "; ".join(f"{a}: {t}" for a, t in zip(rijen["antwoord"],
                                                                                       rijen["waarde_tekst"])) + ".")
                with grafiek:
                    vraaggrafiek = enquete.vraaggrafiek(rijen)
                    st.altair_chart(vraaggrafiek, width="stretch")
                    ui.grafiek_download(vraaggrafiek, eerste["vraag"], (), f"enquete_{nr}", bronregel=enquetebron)

    with st.expander("Alle uitkomsten van de enquête als tabel"):
        tabel = enquete.alle_vragen_tabel(getoond, totaal)
        ui.tabel(tabel.drop(columns=["Waarde", "Eenheid"]), f"enquete_{opgave or 'alle'}")
    ui.download(enquete.alle_vragen_tabel(vragen, totaal).assign(Vindplaats=e.get("vindplaats", "")),
                "enquete_zorgen_voor_elkaar", "Download alle uitkomsten van de enquête", bron_id=e.get("bron"))
    _bronregel(e.get("bron"), e.get("vindplaats"), " · cijfers zoals het rapport ze in de tekst noemt")

# --- what residents said -------------------------------------------------------------------------------------------
st.header("Wat we hoorden")
st.markdown("Wat inwoners vertelden in de meedenkdiners, gesprekken en bijeenkomsten, per opgave en, waar de Visie "
            "dat zegt, per wijk. In eigen woorden samengevat, met de plek in het document.")
gebied = st.selectbox("Laat zien voor wijk", [None, *naam_van],
                      format_func=lambda c: "Alle wijken en heel Soest" if c is None else naam_van[c],
                      **ui.url_widget("inwoners_wijk", "wijk", wijk_keuze.waarde))
stemmen = enquete.stemmen(g.verhalen, opgave, gebied)
if stemmen.empty:
    keuze = " en ".join(t for t in (enquete.opgave_naam(opgave) if opgave else "",
                                    naam_van[gebied] if gebied else "") if t)
    st.markdown(f"Voor {keuze or 'deze keuze'} zijn nog geen uitspraken van inwoners opgenomen.")
for groep in enquete.opgaven_in_volgorde(stemmen):
    deel = stemmen[stemmen["opgave"] == groep]
    st.subheader(enquete.opgave_naam(groep))
    st.markdown("\n".join(f"- {enquete.stem_regel(v, naam_van)}" for _, v in deel.iterrows()))
    ui.verhaalbron(deel)

st.page_link("pages/aandacht.py", label="Naast de cijfers: aandacht per opgave", icon=":material/priority_high:",
             query_params={"wijk": gebied} if gebied and gebied != SOEST else None)

"""The one renderer: a page's Inhoud (soest_data.weergave.blokken) drawn with Streamlit elements.

Pages hand over their content and, by name, the interactive parts (`Plek`) only they know; everything else about
drawing (tables that print whole, charts in a wide and a narrow form, downloads made on a click from the database the
page was drawn from, source lines, plain-text notices) lives here.
"""
from __future__ import annotations

import base64
import itertools
import re
import weakref
from collections.abc import Callable, Mapping
from html import escape
from types import SimpleNamespace

import pandas as pd
import pyarrow as pa
import streamlit as st

from soest_data import export, opmaak
from soest_data.gegevens import Gegevens
from soest_data.weergave import bronregels
from soest_data.weergave.blokken import (
    RIJEN_PER_PAGINA,
    RIJEN_ZONDER_PAGINAS,
    SCHERM,
    Alleen,
    Beelddownload,
    Bestand,
    BreedOfSmal,
    Bron,
    Download,
    Figuur,
    Inhoud,
    Kaart,
    Kader,
    Kerncijfer,
    Kolommen,
    Kop,
    Legenda,
    Link,
    Melding,
    Opgavekaartjes,
    Plek,
    Raster,
    Tabbladen,
    Tabel,
    Tekst,
    Uitklap,
    Wijklinks,
)


def toon(inhoud: Inhoud, g: Gegevens, meldingen=(), plekken: Mapping[str, Callable[[], None]] | None = None) -> None:
    """The page: its title, the link's notices (plain text), its contents list, then every block in order."""
    st.title(inhoud.titel)
    for tekst in meldingen:
        melding(tekst)
    if inhoud.kopjes:
        inhoudsopgave(inhoud.kopjes)
    blokken(inhoud.blokken, g, plekken or {})


def blokken(reeks, g: Gegevens, plekken: Mapping[str, Callable[[], None]]) -> None:
    teller = itertools.count()
    for blok in reeks:
        _teken(blok, g, plekken, teller)


def _teken(blok, g: Gegevens, plekken, teller) -> None:
    match blok:
        case Kop(tekst, niveau, anker):
            (st.header if niveau <= 2 else st.subheader)(tekst, anchor=anker or False)
        case Tekst(tekst, klein, kader, groot):
            if groot:
                st.markdown(f"<p class='referentie' style='font-weight:400'>{md_naar_html(tekst)}</p>",
                            unsafe_allow_html=True)
            elif kader:
                {"info": st.info, "waarschuwing": st.warning}[kader](tekst, icon=":material/info:")
            else:
                (st.caption if klein else st.markdown)(tekst)
        case Link(label, pagina, query, icoon):
            st.page_link(pagina, label=label, icon=icoon, query_params=dict(query) or None)
        case Bestand(data, bestandsnaam, label, mime):
            st.download_button(label, data, file_name=bestandsnaam, mime=mime, key=f"download-{bestandsnaam}",
                               icon=":material/download:", on_click="ignore")
        case Melding(tekst, soort):
            melding(tekst, soort)
        case Bron(regel):
            bronregel(regel)
        case Download():
            download(g, blok)
        case Tabel():
            tabel(g, blok)
        case Figuur():
            figuur(g, blok, f"f{next(teller)}")
        case Kaart():
            with st.container(key=blok.vak):
                kies = {"on_select": "rerun", "selection_mode": "single-object", "key": blok.sleutel} \
                    if blok.sleutel else {}
                st.pydeck_chart(_VasteKaart(blok.json, blok.tooltip), height=blok.hoogte, width="stretch",
                                alt=blok.alt, **kies)
        case Beelddownload():
            grafiek_download(g, blok)
        case Legenda(rijen, smal, vanaf):
            if smal is None:
                legenda(rijen)
            else:
                for vorm, deel in (("breed", rijen), ("smal", smal.rijen)):
                    with st.container(key=f"{vorm}{vanaf}-legenda{next(teller)}"):
                        legenda(deel)
        case Kerncijfer(label, waarde, hulp, regels):
            with st.container(border=True):
                st.metric(label, waarde, help=hulp)
                if regels:
                    st.markdown("  \n".join(regels))
        case Opgavekaartjes(rijen, per_rij):
            for rij in in_kolommen(rijen, per_rij):
                with st.container(border=True, height="stretch"):
                    opgavekaart(rij)
        case Wijklinks(wijken, kolommen):
            wijkknoppen(wijken, kolommen)
        case Uitklap(titel, binnen, open_, op_verzoek):
            if op_verzoek:  # sent only when asked: until then neither the blocks nor their library reach the phone
                if st.toggle(titel, value=open_, key=f"op-verzoek-{titel}"):
                    with st.container(border=True):
                        for deel in binnen:
                            _teken(deel, g, plekken, teller)
                return
            with st.expander(titel, expanded=open_):
                for deel in binnen:
                    _teken(deel, g, plekken, teller)
        case BreedOfSmal(breed, smal, vanaf):
            nummer = next(teller)
            for vorm, deel in (("breed", breed), ("smal", smal)):
                with st.container(key=f"{vorm}{vanaf}-deel{nummer}"):
                    for b in deel:
                        _teken(b, g, plekken, teller)
        case Tabbladen(delen, plek):
            for tab, (_, binnen) in zip(plekken[plek]([titel for titel, _ in delen]), delen):
                with tab:
                    for deel in binnen:
                        _teken(deel, g, plekken, teller)
        case Alleen(op, binnen):  # stijl.css leaves 'scherm-' out of a print and shows 'afdruk-' only on paper
            with st.container(key=f"{'scherm' if op == SCHERM else 'afdruk'}-alleen{next(teller)}"):
                for deel in binnen:
                    _teken(deel, g, plekken, teller)
        case Kader(binnen):
            with st.container(border=True):
                for deel in binnen:
                    _teken(deel, g, plekken, teller)
        case Kolommen(delen, breedtes, sleutel):
            houder = st.container(key=sleutel) if sleutel else st  # a container only where the style sheet needs it
            for vak, deel in zip(houder.columns(list(breedtes or [1] * len(delen)), gap="large"), delen):
                with vak:
                    for b in deel:
                        _teken(b, g, plekken, teller)
        case Raster(delen, per_rij):
            for deel in in_kolommen(delen, per_rij):
                for b in deel:
                    _teken(b, g, plekken, teller)
        case Plek(naam):
            plekken[naam]()
        case _:
            raise TypeError(f"onbekend blok: {type(blok).__name__}")


def melding(tekst: str, soort: str = "info") -> None:
    """A notice as escaped plain text: it may quote a link, and nothing a visitor types is ever markdown (st.info
    would link an address and draw :skull: as an emoji)."""
    klasse = "melding" if soort == "info" else f"melding {soort}"
    st.html(f"<div class='{klasse}'>{escape(tekst)}</div>")


def md_naar_html(tekst: str) -> str:
    """Our own source-line markdown (links and bold only) as HTML, everything else escaped."""
    tekst = escape(tekst, quote=False)
    tekst = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r'<a href="\2">\1</a>', tekst)
    return re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", tekst)


def bronregel(regel: str) -> None:
    st.markdown(f"<div class='bron'>{md_naar_html(regel)}</div>", unsafe_allow_html=True)


def download(g: Gegevens, blok: Download) -> None:
    """Every view ends with a download of exactly what it shows, as Excel (.xlsx) and as CSV for Dutch Excel, with
    readable column names and source and licence on every row. The file is made only on a click, from `g`: the
    database this page was drawn from, whatever has been imported since."""
    def tabel_() -> pd.DataFrame:
        return bronregels.downloadtabel(g, blok.frame, blok.indicator_ids, blok.bron_id)
    stam = blok.bestandsnaam.removesuffix(".csv")
    with st.popover(blok.label, icon=":material/download:"):
        st.download_button("Excel (.xlsx)", lambda: export.xlsx(tabel_(), blok.label), file_name=f"{stam}.xlsx",
                           mime=export.XLSX_MIME, key=f"download-{stam}-xlsx", on_click="ignore", width="stretch")
        st.download_button("CSV voor Nederlandse Excel", lambda: export.csv_excel(tabel_()), file_name=f"{stam}.csv",
                           mime=export.CSV_MIME, key=f"download-{stam}-csv", on_click="ignore", width="stretch")
        st.caption("Met leesbare kolomnamen, en bron en licentie op elke regel.")


def tabel(g: Gegevens, blok: Tabel, **opties):
    """A table on screen (st.dataframe), the same table whole on paper (a print-only HTML copy: the on-screen grid
    prints only its visible rows), and its download. `plat`: every row and column visible (st.table). Returns
    st.dataframe's value (for row selection)."""
    frame, begin = _rijen_op_scherm(blok)
    tabel_ = als_arrow(frame)
    waarde = None
    if blok.plat:
        if blok.afdruk_kop:
            st.markdown(f"**{blok.afdruk_kop}**")
        st.table(tabel_, hide_index=True)
    else:
        if blok.linkkolommen:
            opties["column_config"] = {k: st.column_config.LinkColumn(k, display_text=t or None)
                                      for k, t in blok.linkkolommen}
        if blok.sleutel:
            opties |= {"on_select": "rerun", "selection_mode": "single-row", "key": blok.sleutel}
        waarde = st.dataframe(tabel_, hide_index=True, width="stretch", **opties)
        if begin and waarde is not None and waarde.selection.rows:  # a row of this page: its row in the whole table
            waarde = SimpleNamespace(selection=SimpleNamespace(rows=[begin + r for r in waarde.selection.rows]))
        with st.container(key=f"afdruk-{blok.naam}"):
            if blok.afdruk_kop:
                st.markdown(f"**{blok.afdruk_kop}**")
            st.table(tabel_, hide_index=True, border="horizontal")
    if blok.download is not None:
        download(g, blok.download)
    return waarde


def _rijen_op_scherm(blok: Tabel) -> tuple[pd.DataFrame, int]:
    """A long table's rows a page at a time, with a picker above it (every row stays reachable; the download holds
    them all): the rows to send and the position of the first."""
    rijen = len(blok.frame)
    if rijen <= RIJEN_ZONDER_PAGINAS:
        return blok.frame, 0
    paginas = {f"Rijen {opmaak.getal(b + 1)}–{opmaak.getal(min(b + RIJEN_PER_PAGINA, rijen))} van "
               f"{opmaak.getal(rijen)}": b for b in range(0, rijen, RIJEN_PER_PAGINA)}
    keuze = st.selectbox("Welke rijen", list(paginas), key=f"rijen-{blok.naam}")
    begin = paginas[keuze]
    return blok.frame.iloc[begin:begin + RIJEN_PER_PAGINA], begin


_per_object: dict[int, tuple[weakref.ref, object]] = {}


def _eenmaal(obj, maak: Callable):
    """maak(obj) once per live object (by identity; forgotten with the object). The frames and figures a page shows
    come from its cached content, so what Streamlit would convert on every run is converted once here."""
    bekend = _per_object.get(id(obj))
    if bekend is not None and bekend[0]() is obj:
        return bekend[1]
    waarde = maak(obj)
    sleutel = id(obj)
    _per_object[sleutel] = (weakref.ref(obj, lambda _: _per_object.pop(sleutel, None)), waarde)
    return waarde


def als_arrow(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """The frame as an Arrow table (st.dataframe and st.table convert pandas to Arrow on every run: most of their
    cost). A frame Arrow cannot take as is goes to Streamlit unchanged."""
    def maak(f: pd.DataFrame):
        try:
            return pa.Table.from_pandas(f)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            return f
    return _eenmaal(frame, maak)


def _met_arrow(blok: Figuur) -> dict:
    """The chart's spec with each named dataset as Arrow IPC bytes. Streamlit turns records into a pandas frame and
    then Arrow on every run (two thirds of a chart's cost) but passes bytes on as they are. Only flat rows are
    converted; anything else (geometry) stays as Streamlit expects it."""
    def maak(b: Figuur) -> dict:
        spec = dict(b.spec)
        if "datasets" in spec:
            spec["datasets"] = {naam: _arrow_bytes(rijen) for naam, rijen in spec["datasets"].items()}
        return spec
    return _eenmaal(blok, maak)


_PLAT = (str, int, float, bool, type(None))


def _arrow_bytes(rijen):
    if not (isinstance(rijen, list) and rijen and all(
            isinstance(r, dict) and all(isinstance(w, _PLAT) for w in r.values()) for r in rijen)):
        return rijen
    try:
        tabel_ = pa.Table.from_pandas(pd.DataFrame(rijen))
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return rijen
    uit = pa.BufferOutputStream()
    with pa.ipc.new_stream(uit, tabel_.schema) as schrijver:
        schrijver.write_table(tabel_)
    return uit.getvalue().to_pybytes()


def figuur(g: Gegevens, blok: Figuur, sleutel: str) -> None:
    """A chart; with a narrow form, both are sent and CSS shows one by the window's width (the server does not know
    the screen; the hidden one is display:none, so screen readers skip it too). A still picture (`svg`) is shown as
    it is, with its text alternative. Then its download, if it has one."""
    if blok.svg is not None:  # as an <img> (st.html strips inline SVG), with the text alternative as its alt
        bron = base64.b64encode(blok.svg.encode("utf-8")).decode("ascii")
        st.html(f"<img class='stil' src='data:image/svg+xml;base64,{bron}' alt='{escape(blok.alt)}'>")
    elif blok.smal is None:
        st.vega_lite_chart(spec=_met_arrow(blok), width="stretch", alt=blok.alt)
    else:
        naam = blok.bestandsnaam or sleutel
        for vorm, deel in (("breed", blok), ("smal", blok.smal)):
            with st.container(key=f"{vorm}{blok.vanaf}-{naam}"):
                st.vega_lite_chart(spec=_met_arrow(deel), width="stretch", alt=deel.alt)
    if blok.bestandsnaam:
        grafiek_download(g, blok)


def grafiek_download(g: Gegevens, blok: Figuur | Beelddownload) -> None:
    """The chart as PNG and SVG, with its title and source line in the picture (made by vl-convert on a click)."""
    def volledig() -> dict:
        spec = blok.maak() if isinstance(blok, Beelddownload) else blok.spec
        bronregel = getattr(blok, "bronregel", None) or bronregels.bronregel_tekst(g, blok.indicator_ids)
        return export.grafiek_met_bron(spec, blok.titel or blok.alt, bronregel)
    naam = blok.bestandsnaam
    with st.popover("Download deze grafiek", icon=":material/image:"):
        st.download_button("PNG (afbeelding)", lambda: export.grafiek_png(volledig()), file_name=f"{naam}.png",
                           mime="image/png", key=f"grafiek-{naam}-png", on_click="ignore", width="stretch")
        st.download_button("SVG (scherp op elk formaat)", lambda: export.grafiek_svg(volledig()),
                           file_name=f"{naam}.svg", mime="image/svg+xml", key=f"grafiek-{naam}-svg", on_click="ignore",
                           width="stretch")
        st.caption("Met titel en bronregel in het beeld.")


def in_kolommen(delen, per_rij: int):
    """Each of `delen` inside its own column, `per_rij` to a row (on a phone Streamlit stacks them)."""
    delen = list(delen)
    for start in range(0, len(delen), per_rij):
        for vak, deel in zip(st.columns(per_rij, gap="large"), delen[start:start + per_rij]):
            with vak:
                yield deel


class _VasteKaart:
    """A pydeck map already serialised. st.pydeck_chart asks a Deck only for to_json(), its tooltip, width and
    layers."""

    layers = None
    mapbox_key = None
    width = None

    def __init__(self, json_: str, tooltip) -> None:
        self._json = json_
        self._tooltip = tooltip

    def to_json(self) -> str:
        return self._json


def legenda(rijen) -> None:
    """Colour swatch + words per class; the words carry the meaning, the colour only repeats it."""
    regels = "".join(f"<li><span class='vak' style='background:{escape(k)}'></span>{escape(b)}</li>" for k, b in rijen)
    st.markdown(f"<ul class='legenda'>{regels}</ul>", unsafe_allow_html=True)


def wijkknoppen(wijken, kolommen: int = 4) -> None:
    """One link per wijk to its profile: reachable by keyboard, shareable."""
    vakken = st.columns(kolommen)
    for i, (code, naam) in enumerate(wijken):
        vakken[i % kolommen].page_link("pages/wijkprofiel.py", label=naam, icon=":material/location_city:",
                                       query_params={"wijk": code})


def opgavekaart(rij) -> None:
    """One opgave of a wijk as a card (a row of wijkprofiel.opgaven_in_een_oogopslag): a coloured band for the
    balance (orange more unfavourable, blue more favourable, grey even) and the counts with symbols and words."""
    ongunstig, gunstig, rond = int(rij["ongunstig"]), int(rij["gunstig"]), int(rij["rond"])
    kleur, woord = (("#D55E00", "meer ongunstig dan gunstig") if ongunstig > gunstig else
                    ("#0072B2", "meer gunstig dan ongunstig") if gunstig > ongunstig else ("#9E9E9E", "in evenwicht"))
    st.markdown(
        f"<div class='kaartje' style='border-left-color:{kleur}'><strong>{escape(rij['Opgave'])}</strong>"
        f"<div class='telling'><span class='ongunstig'>▼ {ongunstig}</span> ongunstig<br>"
        f"● {rond} rond gemiddelde<br><span class='gunstig'>▲ {gunstig}</span> gunstig</div>"
        f"<small>{woord}" + (f", {int(rij['met oordeel'])} van de {int(rij['kernset'])} cijfers van de kernset met een "
                             "oordeel" if rij.get("met oordeel") else "")
        + ("</small><br><strong>▼ valt op</strong>" if rij.get("valt op") else "</small>")
        + (f"<br><small>{rij['tekst_html']}</small>" if rij.get("tekst_html") else "") + "</div>",
        unsafe_allow_html=True)


def inhoudsopgave(kopjes) -> None:
    """An in-page contents list for a long page: (title, anchor) per section, each a jump link."""
    links = "".join(f"<li><a href='#{escape(anker)}'>{escape(titel)}</a></li>" for titel, anker in kopjes)
    st.markdown(f"<nav class='inhoud' aria-label='Op deze pagina'><strong>Op deze pagina:</strong><ul>{links}</ul></nav>",
                unsafe_allow_html=True)

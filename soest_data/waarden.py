"""Read queries on the built database. Every function takes a connection (or cursor) first; SQL is parameterised."""
from __future__ import annotations

import json

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from soest_data import onthulling


def indicatoren(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The catalogue, with per indicator the years and levels that really have values."""
    # aggregated per indicator first, then joined to the catalogue: 7× faster at 400 wijken than one big group by
    return con.execute("""
        with per as (
            select w.indicator,
                   list_sort(list(distinct w.jaar)) as jaren,
                   count(distinct w.gebied_code) filter (where g.niveau = 'wijk'
                       and (w.waarde is not null or w.relatief <> '')) as wijken_met_waarde,
                   bool_or(g.niveau = 'buurt') filter (where w.waarde is not null) as heeft_buurten,
                   bool_or(g.niveau = 'land') filter (where w.waarde is not null) as heeft_nederland
            from waarden w join gebieden g on g.code = w.gebied_code
            group by w.indicator)
        select i.*, coalesce(per.jaren, []) as jaren, coalesce(per.wijken_met_waarde, 0) as wijken_met_waarde,
               per.heeft_buurten, per.heeft_nederland
        from indicatoren i left join per on per.indicator = i.id
        order by i.volgorde
    """).df().assign(heeft_buurten=lambda d: d["heeft_buurten"].fillna(False).astype(bool),
                     heeft_nederland=lambda d: d["heeft_nederland"].fillna(False).astype(bool))


def bronnen(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("select * from bronnen order by id").df()


def gebieden(con: duckdb.DuckDBPyConnection, niveau: str | None = None) -> pd.DataFrame:
    return con.execute(
        "select code, naam, niveau, ouder from gebieden where ? is null or niveau = ? order by code",
        [niveau, niveau]).df()


def geometrie(con: duckdb.DuckDBPyConnection, niveau: str) -> pd.DataFrame:
    return con.execute("select code, naam, ouder, geometrie from gebieden where niveau = ? order by code",
                       [niveau]).df()


WAARDEKOLOMMEN = ("gebied_code", "gebied_naam", "niveau", "ouder", "indicator", "indicator_label", "opgave", "jaar",
                  "waarde", "eenheid", "relatief", "status", "bron", "bron_titel", "bron_uitgever", "bron_url",
                  "licentie", "berekend", "citaat", "meetjaar", "peilperiode", "wijziging_jaar", "wijziging_uitleg")


def alle_waarden(con: duckdb.DuckDBPyConnection, afschermen: bool = True,
                 catalogus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every value with its area, indicator and source labels; by default after disclosure control (which reads the
    catalogue: pass it when already loaded)."""
    # The values alone come from DuckDB (through Arrow); their labels are looked up in the three small tables, so a
    # label is one Python string shared by all its rows. Joined in SQL, every row carried its own copies: at 400
    # wijken 0,8 s and 730 MB for this frame, now 0,5 s and 240 MB (bench/groot.py).
    rijen = con.sql("""
        select w.gebied_code, w.indicator, w.jaar, w.waarde, w.eenheid, w.relatief, w.status, w.bron, w.berekend,
               w.citaat
        from waarden w
        join gebieden g on g.code = w.gebied_code
        join indicatoren i on i.id = w.indicator
        join bronnen b on b.id = w.bron  -- every row below has its three labels
        order by i.volgorde, g.niveau, w.gebied_code, w.jaar
    """).to_arrow_table()
    kolommen = {naam: _teksten(kolom) if pa.types.is_string(kolom.type) or pa.types.is_large_string(kolom.type)
                else kolom.to_numpy() for naam, kolom in zip(rijen.column_names, rijen.columns)}
    for sleutel, tabel in (
            ("gebied_code", "select code, naam as gebied_naam, niveau, ouder from gebieden"),
            ("indicator", "select id, label as indicator_label, opgave, meetjaar, peilperiode, wijziging_jaar, "
                          "wijziging_uitleg from indicatoren"),
            ("bron", "select id, titel as bron_titel, uitgever as bron_uitgever, url as bron_url, licentie from bronnen")):
        labels = con.sql(tabel).df()
        plek = pd.Index(labels.iloc[:, 0]).get_indexer(kolommen[sleutel])
        kolommen |= {naam: labels[naam].to_numpy(dtype=object if labels[naam].dtype == "str" else None)[plek]
                     for naam in labels.columns[1:]}
    frame = pd.DataFrame({naam: kolommen[naam] for naam in WAARDEKOLOMMEN})
    frame = frame.astype({naam: "str" for naam in WAARDEKOLOMMEN if frame[naam].dtype == object})
    if not afschermen:
        return frame
    return onthulling.pas_toe(frame, catalogus if catalogus is not None else indicatoren(con))


def _teksten(kolom: pa.ChunkedArray) -> np.ndarray:
    """A text column as Python strings, one object per distinct text (missing: NaN, as pandas has it)."""
    codes = kolom.combine_chunks().dictionary_encode()
    woorden = np.asarray([*codes.dictionary.to_pylist(), np.nan], dtype=object)
    return woorden[codes.indices.fill_null(len(codes.dictionary)).to_numpy()]


def waarden(con: duckdb.DuckDBPyConnection, indicator: str, niveau: str = "wijk", jaar: int | None = None
            ) -> pd.DataFrame:
    """Values of one indicator at one level (and year), including Soest and areas without a value."""
    frame = alle_waarden(con)
    kies = (frame["indicator"] == indicator) & (frame["niveau"].isin([niveau, "gemeente"]))
    if jaar is not None:
        kies &= frame["jaar"] == jaar
    return frame[kies].reset_index(drop=True)


def verhalen(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("select * from verhalen").df()


def opgaven(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return [json.loads(r[0]) for r in con.execute("select gegevens from opgaven order by volgorde").fetchall()]


def uitspraken(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """What the wijkprofielen say per wijk × opgave: gebied, opgave, oordeel and citaten (list of tekst, vindplaats)."""
    frame = con.execute("select gebied, opgave, oordeel, citaten from uitspraken order by opgave, gebied").df()
    return frame.assign(citaten=[json.loads(c) for c in frame["citaten"]])


def bouwinfo(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("select sleutel, waarde from bouwinfo").fetchall())


def enquete(con: duckdb.DuckDBPyConnection, afschermen: bool = True) -> dict:
    """The resident survey; by default after disclosure control (onthulling rule 5)."""
    ruw = json.loads(bouwinfo(con).get("enquete") or "{}")
    return onthulling.enquete(ruw) if afschermen else ruw

"""Read queries on the built database. Every function takes a connection (or cursor) first; SQL is parameterised."""
from __future__ import annotations

import json

import duckdb
import pandas as pd

from soest_data import onthulling


def indicatoren(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The catalogue, with per indicator the years and levels that really have values."""
    return con.execute("""
        select i.*,
               coalesce(list_sort(list_distinct(list(w.jaar) filter (where w.jaar is not null))), []) as jaren,
               count(distinct w.gebied_code) filter (where g.niveau = 'wijk'
                   and (w.waarde is not null or w.relatief <> '')) as wijken_met_waarde,
               bool_or(g.niveau = 'buurt') filter (where w.waarde is not null) as heeft_buurten,
               bool_or(g.niveau = 'land') filter (where w.waarde is not null) as heeft_nederland
        from indicatoren i
        left join waarden w on w.indicator = i.id
        left join gebieden g on g.code = w.gebied_code
        group by all
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


def alle_waarden(con: duckdb.DuckDBPyConnection, afschermen: bool = True) -> pd.DataFrame:
    """Every value with its area, indicator and source labels; by default after disclosure control."""
    frame = con.execute("""
        select w.gebied_code, g.naam as gebied_naam, g.niveau, g.ouder, w.indicator, i.label as indicator_label,
               i.opgave, w.jaar, w.waarde, w.eenheid, w.relatief, w.status, w.bron, b.titel as bron_titel,
               b.uitgever as bron_uitgever, b.url as bron_url, b.licentie, w.berekend, w.citaat, i.meetjaar,
               i.peilperiode, i.wijziging_jaar, i.wijziging_uitleg
        from waarden w
        join gebieden g on g.code = w.gebied_code
        join indicatoren i on i.id = w.indicator
        join bronnen b on b.id = w.bron
        order by i.volgorde, g.niveau, w.gebied_code, w.jaar
    """).df()
    return onthulling.pas_toe(frame, indicatoren(con)) if afschermen else frame


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


def enquete(con: duckdb.DuckDBPyConnection) -> dict:
    return json.loads(bouwinfo(con).get("enquete") or "{}")

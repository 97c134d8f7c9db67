"""A requests.Session that answers from recorded responses in tests/fixtures/opnames/, so no test goes online.

`opname_sessie({"85984NED/UntypedDataSet": "cbs/85984NED_UntypedDataSet_geheim.json"})` swaps one answer for a
variant; `opname_sessie(offline=True)` behaves like a machine without network.
"""
from __future__ import annotations

from pathlib import Path

import requests
from requests.adapters import BaseAdapter

OPNAMES = Path(__file__).resolve().parent / "fixtures" / "opnames"
STANDAARD = {
    "ODataApi/OData/85984NED/TableInfos": "cbs/85984NED_TableInfos.json",
    "ODataApi/OData/85984NED/DataProperties": "cbs/85984NED_DataProperties.json",
    "ODataApi/OData/85984NED/UntypedDataSet": "cbs/85984NED_UntypedDataSet.json",
    "ODataApi/OData/50090NED/TableInfos": "rivm/50090NED_TableInfos.json",
    "ODataApi/OData/50090NED/UntypedDataSet": "rivm/50090NED_UntypedDataSet_2020.json",
    "cbs/wijkenbuurten/2024/wfs/v1_0": "pdok/wijkenbuurten_2024_buurten.json",
}


class _Opnamen(BaseAdapter):
    def __init__(self, opnamen: dict[str, str], offline: bool):
        super().__init__()
        self.opnamen, self.offline, self.gevraagd = opnamen, offline, []

    def send(self, request, **kwargs):
        self.gevraagd.append(request.url)
        if self.offline:
            raise requests.ConnectionError("geen netwerk (test)")
        pad = requests.utils.urlparse(request.url).path.strip("/")
        antwoord = requests.Response()
        antwoord.url, antwoord.request = request.url, request
        bestand = next((b for sleutel, b in self.opnamen.items() if pad.endswith(sleutel)), None)
        if bestand is None:
            antwoord.status_code, antwoord._content = 404, b"{}"
        else:
            antwoord.status_code, antwoord._content = 200, (OPNAMES / bestand).read_bytes()
        return antwoord

    def close(self):
        pass


def opname_sessie(varianten: dict[str, str] | None = None, offline: bool = False) -> requests.Session:
    sessie = requests.Session()
    sessie.trust_env = False
    adapter = _Opnamen({**(varianten or {}), **STANDAARD}, offline)  # a variant is matched before the default
    sessie.mount("https://", adapter)
    sessie.mount("http://", adapter)
    sessie.adapter = adapter
    return sessie

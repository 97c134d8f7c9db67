"""A Streamlit browser session without a browser: one websocket speaking Streamlit's own protocol.

The browser sends a BackMsg `rerun_script` (page name + query string) and the server streams ForwardMsgs until
`script_finished`. We do the same, time it, and keep what the page sent (for the traceback test). Used by
bench/load.py and tests/app/test_publiek.py.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

KLAAR = ForwardMsg.ScriptFinishedStatus


@dataclass
class Run:
    pagina: str
    seconden: float
    fout: str | None = None  # None = fine; otherwise why this interaction failed
    uitzonderingen: list = field(default_factory=list)  # Exception protos the page showed
    teksten: list[str] = field(default_factory=list)  # markdown bodies the page showed
    klaar: float = field(default_factory=time.monotonic)  # when the answer was complete


class Sessie:
    """One visitor: `await Sessie.open(url)`, then `await sessie.run("kaart", "indicator=…")`, `await sessie.sluit()`."""

    def __init__(self, ws) -> None:
        self.ws = ws

    @classmethod
    async def open(cls, basis: str, cookie: str | None = None, timeout: float = 30) -> Sessie:
        url = basis.replace("http://", "ws://").replace("https://", "wss://").rstrip("/") + "/_stcore/stream"
        koppen = {"Cookie": cookie} if cookie else {}
        ws = await websockets.connect(url, subprotocols=["streamlit"], additional_headers=koppen,
                                      max_size=None, open_timeout=timeout, ping_interval=None)
        return cls(ws)

    async def run(self, pagina: str, query: str = "", timeout: float = 120) -> Run:
        bericht = BackMsg()
        bericht.rerun_script.query_string = query
        bericht.rerun_script.page_name = pagina
        begin = time.perf_counter()
        uitzonderingen, teksten = [], []
        try:
            await self.ws.send(bericht.SerializeToString())
            while True:
                ruw = await asyncio.wait_for(self.ws.recv(), timeout=max(0.1, begin + timeout - time.perf_counter()))
                msg = ForwardMsg()
                msg.ParseFromString(ruw)
                soort = msg.WhichOneof("type")
                if soort == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    element = msg.delta.new_element
                    if element.WhichOneof("type") == "exception":
                        uitzonderingen.append(element.exception)
                    elif element.WhichOneof("type") == "markdown":
                        teksten.append(element.markdown.body)
                elif soort == "script_finished":
                    if msg.script_finished == KLAAR.FINISHED_EARLY_FOR_RERUN:
                        continue
                    fout = None if msg.script_finished in (KLAAR.FINISHED_SUCCESSFULLY,
                                                          KLAAR.FINISHED_FRAGMENT_RUN_SUCCESSFULLY) else "compileerfout"
                    if uitzonderingen and not fout:
                        fout = "uitzondering op de pagina"
                    return Run(pagina, time.perf_counter() - begin, fout, uitzonderingen, teksten)
        except (TimeoutError, websockets.ConnectionClosed, OSError) as reden:
            return Run(pagina, time.perf_counter() - begin, type(reden).__name__, uitzonderingen, teksten)

    async def sluit(self) -> None:
        await self.ws.close()

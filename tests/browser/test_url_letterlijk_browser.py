"""Text from the URL is never markdown, in the real browser: a plain address, a www. form, mailto:, an emoji or
material shortcode, markdown and HTML in every URL parameter of every page (url_state.PARAMETERS). No link, image
or icon comes of it, and the notice shows the text as typed (ui.meldingen renders plain text)."""
from __future__ import annotations

from urllib.parse import urlencode

import pytest

from soest_data import url_state
from tests.browser.conftest import draaiende_app, wacht_op_app
from tests.conftest import snel_en_traag

pytestmark = pytest.mark.browser

VORMEN = [
    "http://evil.example/login", "www.evil.example", "mailto:x@evil.example", "x@evil.example", ":skull: :smile:",
    ":material/warning:", "[Log in](https://evil.example) **vet**", "<img src=x onerror=alert(1)><b>vet</b>",
]
# The wijkprofiel without a known wijk only asks for one (and quotes nothing): its other keys are tried with a wijk.
VAST = {"wijkprofiel": {"wijk": "WK034205"}}
GEVALLEN = [(pad, sleutels) for pad, sleutels in url_state.PARAMETERS.items() if sleutels]
GEVALLEN += [("wijkprofiel", ("wijk",))]

# Everything on the page that a shortcode, an address or markup could have become.
VREEMD = """() => {
    const a = [...document.querySelectorAll('a')].map(e => e.getAttribute('href') || '')
        .filter(h => h.includes('evil') || h.startsWith('mailto:'));
    const img = [...document.querySelectorAll('img')].map(e => e.getAttribute('src') || '')
        .filter(s => s === 'x' || s.includes('evil'));
    const icoon = [...document.querySelectorAll('[data-testid="stIconMaterial"], [data-testid="stIconEmoji"]')]
        .map(e => e.textContent).filter(t => /warning|skull|smile|💀|😄/.test(t));
    const emoji = /💀|😄/.test(document.body.innerText) ? ['emoji'] : [];
    const opmaak = [...document.querySelectorAll('.melding *')].map(e => e.tagName);
    return [...a, ...img, ...icoon, ...emoji, ...opmaak];
}"""


@pytest.fixture(scope="module")
def fixture_url(fixture_db):
    with draaiende_app(fixture_db) as url:
        yield url


@pytest.mark.parametrize(("pad", "sleutels"), snel_en_traag(GEVALLEN, [("opgave", url_state.PARAMETERS["opgave"])]))
def test_url_text_stays_plain_text_in_every_parameter(fixture_url, pagina, pad, sleutels):
    for vorm in VORMEN:
        query = {**VAST.get(pad, {}), **dict.fromkeys(sleutels, vorm)} if sleutels != ("wijk",) else {"wijk": vorm}
        pagina.goto(f"{fixture_url}/{pad}?{urlencode(query)}")
        gevraagd = pad == "wijkprofiel" and query.get("wijk") == vorm  # an unknown wijk: asked for, not quoted
        # each parameter's notice (a year's only when the indicator has years); the notices come before the run ends
        verwacht = 0 if gevraagd else len([s for s in sleutels if s != "jaar"])
        pagina.wait_for_function(f"() => document.querySelectorAll('.melding').length >= {verwacht}", timeout=60_000)
        wacht_op_app(pagina)
        assert pagina.evaluate(VREEMD) == [], (pad, vorm)
        meldingen = pagina.locator(".melding").all_inner_texts()
        # the text as typed, between quotes (a year's notice cuts it at 10 characters)
        assert all(any(url_state.letterlijk(vorm, n) in m for n in (10, 40, 60)) for m in meldingen), meldingen

(() => {
  document.documentElement.lang = "nl";
  if (window.__soestNederlands) return;
  window.__soestNederlands = true;
  const [NL, BEGIN] = __VERTALINGEN__;
  const nl = (v) => {
    if (NL[v]) return NL[v];
    for (const [en, nl_] of Object.entries(BEGIN)) if (v.startsWith(en)) return nl_ + v.slice(en.length);
    return null;
  };
  const vertaal = (wortel) => {
    if (document.documentElement.lang !== "nl") document.documentElement.lang = "nl";
    for (const el of wortel.querySelectorAll("[aria-label],[title],[placeholder],[aria-roledescription]")) {
      for (const attr of ["aria-label", "title", "placeholder", "aria-roledescription"]) {
        const v = el.getAttribute(attr);
        const vertaald = v && nl(v);
        if (vertaald) el.setAttribute(attr, vertaald);
      }
    }
    // A table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): a focusable, named region.
    for (const el of wortel.querySelectorAll('[data-testid="stTable"], [data-testid="stTable"] *')) {
      const o = getComputedStyle(el).overflowX;
      if ((o === "auto" || o === "scroll") && !el.hasAttribute("tabindex")) {
        el.tabIndex = 0;
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", "Tabel; schuif opzij voor meer kolommen");
      }
    }
    const loop = document.createTreeWalker(wortel, NodeFilter.SHOW_TEXT);
    for (let n = loop.nextNode(); n; n = loop.nextNode()) {
      const t = n.nodeValue.trim();
      const vertaald = t && nl(t);
      if (vertaald) n.nodeValue = n.nodeValue.replace(t, vertaald);
    }
  };
  let gepland = false;
  new MutationObserver(() => {
    if (gepland) return;
    gepland = true;
    requestAnimationFrame(() => { gepland = false; vertaal(document.body); });
  }).observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true,
                                         attributeFilter: ["lang", "aria-label", "title", "placeholder",
                                                           "aria-roledescription"]});
  vertaal(document.body);
})();

"""One content model per page: `staat_uit(params, g)` turns a link into a validated, frozen state (with friendly
notices for what it could not use), `bouw(g, staat)` makes the page's Inhoud. Pure: no Streamlit, no I/O."""

"""One content model per page: `staat_uit(params, g)` turns a link into a validated, frozen state (with friendly
notices for what it could not use), `bouw(g, staat)` makes the page's Inhoud. Pure: no Streamlit, no I/O."""


def alle() -> dict:
    """Every page module by name, imported: what their `per_database(vooraf=…)` declare is then known to
    afgeleid.voor_iedereen, whichever page a process happened to open first."""
    import importlib
    import pkgutil
    return {info.name: importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)}

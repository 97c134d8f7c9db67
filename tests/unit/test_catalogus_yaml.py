"""The catalogue has no YAML anchors: a copied block with `*id001` would point at nothing or share a list silently."""
from pathlib import Path

from soest_data.bronnen.catalogus import lees_yaml
from tests.conftest import ECHTE_DATA


def test_an_anchor_or_alias_is_refused_with_its_line(tmp_path):
    pad = tmp_path / "kopie.yaml"
    pad.write_text("indicatoren:\n- id: a\n  bronnen: &id001\n  - x\n- id: b\n  bronnen: *id001\n", encoding="utf-8")
    problemen = []
    assert lees_yaml(pad, problemen) == {}
    assert problemen[0].regel == 3
    assert "YAML-ankers" in problemen[0].melding


def test_no_file_in_data_uses_anchors():
    for pad in sorted(Path(ECHTE_DATA).rglob("*.yaml")):
        problemen = []
        lees_yaml(pad, problemen)
        assert problemen == [], pad

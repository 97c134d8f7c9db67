"""The lock files agree with the pins: every package pinned in requirements*.txt is locked at that version."""
import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def _pins(pad: Path) -> dict[str, str]:
    pins = {}
    for regel in pad.read_text(encoding="utf-8").splitlines():
        gevonden = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)", regel)
        if gevonden:
            naam = re.sub(r"\[.*\]", "", gevonden.group(1))
            pins[re.sub(r"[-_.]+", "-", naam).lower()] = gevonden.group(2)
    return pins


def test_every_pin_is_locked_at_the_same_version():
    for naam in ("requirements", "requirements-dev"):
        gepind = _pins(PROJECT / f"{naam}.txt")
        if naam == "requirements-dev":
            gepind |= _pins(PROJECT / "requirements.txt")
        op_slot = _pins(PROJECT / f"{naam}.lock")
        afwijkend = {p: (v, op_slot.get(p)) for p, v in gepind.items() if op_slot.get(p) != v}
        assert not afwijkend, f"{naam}.lock loopt achter op {naam}.txt (draai bash scripts/lock.sh): {afwijkend}"

"""A problem found in a source or import file, reported as file + line + plain message."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Probleem:
    bestand: str
    regel: int | None
    melding: str

    def __str__(self) -> str:
        plek = f"{self.bestand}:{self.regel}" if self.regel else self.bestand
        return f"{plek}: {self.melding}"


class BronFout(Exception):
    """Raised when sources or an import file are invalid; carries every problem found."""

    def __init__(self, problemen: list[Probleem]):
        self.problemen = problemen
        super().__init__("\n".join(str(p) for p in problemen))


def samengevat(problemen: list[Probleem], per_melding: int = 3, hoogstens: int = 60) -> list[str]:
    """Lines to show a person: a message repeated on many rows is shown a few times and then counted, so one
    wrong column in a 5,000-row import does not bury the other problems."""
    gezien: dict[tuple[str, str], int] = {}
    regels: list[str] = []
    for p in problemen:
        sleutel = (p.bestand, p.melding)
        gezien[sleutel] = gezien.get(sleutel, 0) + 1
        if gezien[sleutel] <= per_melding and len(regels) < hoogstens:
            regels.append(str(p))
    for (bestand, melding), aantal in gezien.items():
        if aantal > per_melding:
            regels.append(f"{bestand}: nog {aantal - per_melding} keer: {melding}")
    getoond = sum(min(a, per_melding) for a in gezien.values())
    if getoond > hoogstens:
        regels.append(f"… en nog {getoond - hoogstens} andere problemen")
    return regels

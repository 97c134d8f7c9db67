"""A problem found in a source or import file, reported as file + line + plain message."""
import errno
from dataclasses import dataclass

# Why a file could not be read or written, in Dutch (the system's own text is English).
OORZAKEN = {errno.EACCES: "geen toestemming", errno.EPERM: "geen toestemming", errno.EROFS: "alleen-lezen schijf",
            errno.ENOSPC: "de schijf is vol", errno.EDQUOT: "de schijfruimte (quotum) is op",
            errno.ENOENT: "bestaat niet", errno.EISDIR: "is een map", errno.ENOTDIR: "een deel van het pad is geen map",
            errno.ELOOP: "is een symbolische link", errno.EBUSY: "is in gebruik", errno.EXDEV: "ander bestandssysteem"}


def oorzaak(fout: OSError) -> str:
    return OORZAKEN.get(fout.errno, fout.strerror or type(fout).__name__)


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

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

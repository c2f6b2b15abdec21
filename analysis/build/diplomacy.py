"""Build data/diplomacy/ from the gathered diplomacy sources. (Being implemented.)"""

from pathlib import Path


def build(sources: Path, out: Path, log=print) -> list[Path]:
    """Write the diplomacy tables and sidecars under ``out``; return the files written."""
    return []

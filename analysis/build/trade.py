"""Build data/trade/ from the gathered trade sources. (Being implemented.)"""

from pathlib import Path


def build(sources: Path, out: Path, log=print) -> list[Path]:
    """Write the trade tables and sidecars under ``out``; return the files written."""
    return []

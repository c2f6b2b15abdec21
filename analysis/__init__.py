"""ties — a data-backed briefing on India–Russia relations.

Data flows one way: ``seeds/`` and ``data/`` → ``analysis`` → ``notebooks/`` → ``reports/``.
"""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root (the folder holding seeds/, data/, notebooks/ …).
ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
#: How an article file is named (seeds/NAME.txt); any other file is refused unread.
ARTICLE_SUFFIXES = (".txt", ".text", ".md")
DATA_DIR = ROOT / "data"
NOTEBOOKS_DIR = ROOT / "notebooks"
REPORTS_DIR = ROOT / "reports"

"""``ties data build``: derive the tidy tables in data/ from the gathered source material.

The source material lives outside the repository (``../shared/sources`` beside the checkout, or
``$TIES_SOURCES``); the build is re-runnable and writes only under data/.

One step per group of data/ (OWID-style: code and metadata side by side):

- ``trade.py`` / ``diplomacy.py``: ``run()`` calls one function per table, named for the table;
- ``<step>.meta.yml``: each table's sidecar prose (title, description, coverage, gaps, notes,
  licence) and column schema;
- ``<step>_sources.yml``: the register of sources a table's ``source_id`` can name;
- ``facts/``: hand-typed facts that are not staged in the sources (UN membership, groupings,
  arms imports, the roll-call panel), each row citing a register entry;
- ``tables.py``: the one writer of a CSV and its sidecar; ``catalogue.py``: data/README.md.

``ties data update`` brings one newer official file into data/ without a rebuild (the only command
that may use the network, and only for a URL given with ``--from``):

- ``unga_un.py``: the UN Digital Library's General Assembly voting data (2024 and 2025-26 layouts)
  extends the roll-call panel after the last unvotes roll call; ``tradestat.py``: TradeStat
  country-wise and commodity-wise reports (the layouts staged under ``sources/trade/raw``);
- ``update.py``: checks every table of the result against its sidecar, swaps data/ in whole, and
  appends rows added, revised and removed (old and new values) to ``data/CHANGELOG.md``.

An update works on data/ as it is; a later ``ties data build`` rewrites the tables from the staged
sources, so run the update again after a rebuild (``ties data build && ties data update unga
--from FILE``).
"""

from __future__ import annotations

import os
from pathlib import Path

from analysis import DATA_DIR, ROOT
from analysis.errors import DataError


def default_sources_dir() -> Path:
    """Where the gathered source material is: $TIES_SOURCES, else ../shared/sources."""
    return Path(os.environ.get("TIES_SOURCES") or ROOT.parent / "shared" / "sources")


def build_all(sources_dir: Path | None = None, data_dir: Path | None = None,
              only: str | None = None, log=print) -> list[Path]:
    """Rebuild every table (or only the ``trade`` / ``diplomacy`` group); returns files written."""
    from analysis.derive import diplomacy, trade

    src = Path(sources_dir or default_sources_dir())
    out = Path(data_dir or DATA_DIR)
    if not src.is_dir():
        raise DataError(f"{src}: source folder not found (set --sources or $TIES_SOURCES)")
    written: list[Path] = []
    for group, module in (("trade", trade), ("diplomacy", diplomacy)):
        if only and only != group:
            continue
        log(f"building data/{group}/ from {src / group}")
        written += module.run(src / group, out / group, log=log)
    from analysis.derive.catalogue import write_catalogue

    written.append(write_catalogue(out))
    log(f"wrote the catalogue {out / 'README.md'}")
    if (out / "CHANGELOG.md").exists():
        log(f"note: {out / 'CHANGELOG.md'} lists changes made by `ties data update`; this build "
            "rewrote the tables from the staged sources, so run those updates again")
    return written

"""Citations that read like a publication: a short source line under each chart and table
("Sources: Islamabad Herald (2024) [1]; Department of Commerce (2026) [2, 3]") pointing into one
numbered list of references at the end of the report (publisher, title, date, address).

One :class:`Bibliography` per report (the notebook makes it once): :meth:`Bibliography.cite`
numbers each source the first time it is cited and returns the short line; showing the
bibliography (``display(bib)``) prints the list and tells the page which data tables the report
read (so its "About this report" lists only those). Every field from a sidecar is escaped.
"""
from __future__ import annotations

import re

from analysis.display import escape

#: MIME type of the note that tells the report page which data tables were read.
TABLES_MIME = "application/vnd.ties.tables+json"


def short_name(source: dict) -> str:
    """A source cited by its short name: the publisher up to the first comma or bracket, and
    the year of publication (else of retrieval): "Islamabad Herald (2024)"."""
    publisher = re.split(r"\s*[(,;]", str(source.get("publisher", "")).strip())[0] or "Unknown"
    year = str(source.get("published") or source.get("retrieved") or "")[:4]
    return f"{publisher} ({year})" if year else publisher


class Bibliography:
    """The numbered references of one report, in the order they are first cited."""

    def __init__(self):
        self.entries: list[dict] = []
        self._numbers: dict[tuple[str, str], int] = {}
        self.tables: list[str] = []

    def number(self, table: str, source: dict) -> int:
        """The reference number of ``source`` (a sidecar source entry) of data table ``table``."""
        key = (str(source.get("publisher")), str(source.get("title")))
        if key not in self._numbers:
            self.entries.append(dict(source))
            self._numbers[key] = len(self.entries)
        self.read(table)
        return self._numbers[key]

    def read(self, *tables: str) -> None:
        """Record data tables the report read (listed with checksums in "About this report")."""
        for t in tables:
            if t not in self.tables:
                self.tables.append(t)

    def cite(self, *tables, used_ids=None, prefix: str = "Sources") -> str:
        """A short source line (plain text, no Markdown) for data tables given by name
        (``"trade/bilateral_fy"``) or as loaded DataFrames; ``used_ids`` limits it to the sources
        behind the rows shown. Sources with the same short name share one entry in the line."""
        from analysis.datasets import load_table

        used = None if used_ids is None else {i for i in used_ids if isinstance(i, str)}
        by_name: dict[str, list[int]] = {}
        for t in tables:
            df = load_table(t) if isinstance(t, str) else t
            meta = df.attrs["meta"]
            table_name = t if isinstance(t, str) else meta.name
            self.read(table_name)
            for s in meta.sources:
                if used is not None and s["id"] not in used:
                    continue
                n = self.number(table_name, s)
                nums = by_name.setdefault(short_name(s), [])
                if n not in nums:
                    nums.append(n)
        if not by_name:
            return "Source: none (no rows shown)."
        label = prefix if len(by_name) > 1 or prefix != "Sources" else "Source"
        return f"{label}: " + "; ".join(
            f"{k} [{', '.join(map(str, sorted(v)))}]" for k, v in by_name.items()) + "."

    def note(self, *tables, used_ids=None):
        """:meth:`cite` as a small-print Markdown line (escaped) for under a table."""
        from analysis.display import note

        return note(escape(self.cite(*tables, used_ids=used_ids)))

    def markdown(self) -> str:
        """The numbered list of references (Markdown, every field escaped)."""
        if not self.entries:
            return "No data source was cited."
        lines = []
        for i, s in enumerate(self.entries, 1):
            dates = []
            if s.get("published"):
                dates.append(f"published {escape(s['published'])}")
            if s.get("retrieved"):
                dates.append(f"retrieved {escape(s['retrieved'])}")
            # a web address only: a "document" note names files and ids internal to the project
            where = next((str(w) for w in (s.get("url"), s.get("document"))
                          if w and re.match(r"https?://\S+$", str(w))), "")
            link = f" <{where}>" if where else ""
            lines.append(f"{i}. <span id=\"ref-{i}\"></span>{escape(s.get('publisher', ''))}: "
                         f"*{escape(s.get('title', ''))}*"
                         + (f" ({'; '.join(dates)})" if dates else "") + f".{link}")
        return "\n".join(lines)

    def _repr_mimebundle_(self, include=None, exclude=None):
        from analysis.display import escape_dollars

        return {"text/markdown": escape_dollars(self.markdown()),
                "text/plain": f"{len(self.entries)} references",
                TABLES_MIME: {"tables": list(self.tables)}}


_CURRENT: Bibliography | None = None


def new() -> Bibliography:
    """Start the bibliography of a new report (the notebook calls this once, at the top)."""
    global _CURRENT
    _CURRENT = Bibliography()
    return _CURRENT


def current() -> Bibliography:
    """The bibliography of the report being made (a new one if none was started), so that
    library functions writing source lines cite into the same numbered list."""
    return _CURRENT if _CURRENT is not None else new()

"""Markdown helpers for reports: text shown through IPython's Markdown renderer."""
from __future__ import annotations

from IPython.display import Markdown


def escape_dollars(text: str) -> str:
    """Escape "$" so that Markdown renderers do not start LaTeX maths (e.g. "US$ 4.3 bn")."""
    return text.replace("$", r"\$")


def md(text: str) -> Markdown:
    """Markdown object of `text` with "$" escaped, ready for `display`."""
    return Markdown(escape_dollars(text))


def note(text: str) -> Markdown:
    """A small-print line (source line, table note) as Markdown with "$" escaped."""
    return md(f"<small>{text}</small>")


# On-screen column headings for the library's tidy column names (units stay in the heading).
HEADINGS = {
    "fiscal_year": "fiscal year",
    "partner_total_usd_mn": "with the partner, US$ mn",
    "world_total_usd_mn": "India's world total, US$ mn",
    "share_pct": "share, %",
    "n_partners": "partners covered",
    "value_usd_mn": "value, US$ mn",
    "share_as_stated": "share as stated, %",
    "source_id": "source",
    "source_ids": "sources",
    "value_claimed": "claimed",
    "value_computed": "computed",
    "hhi_export": "HHI, exports",
    "hhi_import": "HHI, imports",
    "hs27_import_share_pct": "HS 27 share of imports, %",
}


def readable(df):
    """``df`` with on-screen headings (HEADINGS) for its columns and index names, for display;
    names not listed stay as they are."""
    out = df.rename(columns=lambda c: HEADINGS.get(c, c))
    return out.rename_axis(index=[HEADINGS.get(n, n) for n in out.index.names])

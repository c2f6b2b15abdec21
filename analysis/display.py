"""How reports show text and tables: one escaper for Markdown, Markdown objects ready for
``display``, and on-screen headings for the library's tidy column names.

Two kinds of text reach a report's Markdown. Text the library writes (``**bold**`` findings) is
Markdown on purpose: :func:`md` shows it with only ``$`` escaped, so Jupyter's MathJax never
pairs two "US$" into a formula. Text that comes from outside — an article, a file name, a data
table, a sidecar — goes through :func:`escape` first, which makes every character literal.
"""
from __future__ import annotations

import html
import re

# Markdown's special characters; "_" only where it could open or close emphasis (not inside a
# word, so a bare URL such as https://example.org/a_b stays a working link)
_MD_SPECIAL = re.compile(r"([\\`*\[\]{}#|~$]|(?<!\w)_|_(?!\w))")


def escape_dollars(text: str) -> str:
    """Escape "$" so that Markdown renderers do not start LaTeX maths (e.g. "US$ 4.3 bn")."""
    return re.sub(r"(?<!\\)\$", r"\\$", text)


def escape(text: object) -> str:
    """``text`` made literal inside Markdown (and the HTML it becomes): Markdown's special
    characters are backslash-escaped and ``<``, ``>``, ``&`` become entities, so nothing an
    article or a file contains turns into markup, a formula or a script."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def md(text: str):
    """Markdown object of library-written ``text`` with "$" escaped, ready for ``display``."""
    from IPython.display import Markdown  # here, so that `ties article` starts without IPython

    return Markdown(escape_dollars(text))


def table(df, *, index: bool = False, **formats):
    """``df`` as a report table (pandas Styler): every cell's text HTML-escaped (pandas does
    not escape by default), ``–`` for a missing value, the index hidden unless ``index``;
    ``formats`` go to ``Styler.format`` (e.g. ``precision=1``)."""
    styler = df.style.format(escape="html", na_rep="–", **formats)
    return styler if index else styler.hide(axis="index")


def note(text: str):
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

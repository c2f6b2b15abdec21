"""How reports show text, numbers and tables: one escaper for Markdown, Markdown objects ready
for ``display``, one number formatter for people, and on-screen headings for the library's tidy
column names.

Numbers for people (:func:`number`, :func:`usd_bn`, :func:`percent`): thousands separators,
a true minus sign (U+2212), ``–`` for a missing value, a stated number of decimals; tables shown
with :func:`table` use the same rules in every cell.

Two kinds of text reach a report's Markdown. Text the library writes (``**bold**`` findings) is
Markdown on purpose: :func:`md` shows it with only ``$`` escaped. Text that comes from outside —
an article, a file name, a data table, a sidecar — goes through :func:`escape` first, which makes
every character literal.

JupyterLab typesets maths in the rendered page, after Markdown has turned each escaped
``$`` back into a plain one: two "US$" in one paragraph or table cell became a formula there. So every Markdown output
and report table sits in an element of class :data:`NO_MATHS`, which MathJax skips (JupyterLab
4's MathJax 3 reads ``mathjax_ignore``, older front ends ``tex2jax_ignore``).
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


NO_MATHS = "mathjax_ignore tex2jax_ignore"  # classes MathJax 3 / MathJax 2 do not typeset


def md(text: str):
    """Markdown object of library-written ``text`` with "$" escaped, inside an element MathJax
    skips (:data:`NO_MATHS`), ready for ``display``."""
    from IPython.display import Markdown  # here, so that `ties article` starts without IPython

    return Markdown(f'<div class="{NO_MATHS}">\n\n{escape_dollars(text)}\n\n</div>')


MINUS = "\u2212"  # a true minus sign: a hyphen reads as a dash and breaks at line ends
MISSING = "–"  # shown where no source gives a value


def _missing(value) -> bool:
    """Whether ``value`` is one missing value (None, NaN, pd.NA, NaT)."""
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array is not one missing value
        return False


def number(value, decimals: int = 0, *, sign: bool = False) -> str:
    """``value`` for people: thousands separators, ``decimals`` places, a true minus sign,
    ``–`` when missing; ``sign`` puts "+" before positive values. 844156.5 → "844,156";
    -57200.0 → "−57,200"."""
    if _missing(value):
        return MISSING
    text = f"{float(value):{'+' if sign else ''},.{decimals}f}"
    if text.lstrip("+-").strip("0.,") == "":  # "−0" and "+0.0" read as plain zero
        text = text.lstrip("+-")
    return text.replace("-", MINUS)


def usd_bn(value_usd_mn, decimals: int = 1) -> str:
    """A US$ million amount in billions for prose, one decimal by default: 65700 → "US$ 65.7 bn",
    -57200 → "US$ −57.2 bn"; "not available" when missing."""
    if _missing(value_usd_mn):
        return "not available"
    return f"US$ {number(float(value_usd_mn) / 1000, decimals)} bn"


def percent(value, decimals: int = 0, *, sign: bool = False) -> str:
    """A percentage for people with a stated precision: 12.345 → "12 %" (``decimals=0``)."""
    if _missing(value):
        return MISSING
    return f"{number(value, decimals, sign=sign)} %"


def is_year_column(name) -> bool:
    """Whether a column holds years (shown without thousands separators)."""
    text = str(name).lower()
    return any(w in text for w in ("year", "since", "joined", "session"))


def table(df, *, index: bool = False, decimals: int | dict | None = None, **formats):
    """``df`` as a report table (pandas Styler) with numbers for people: every cell's text
    HTML-escaped (pandas does not escape by default), numbers with thousands separators and a
    true minus sign (years excepted), ``–`` for a missing value, one header row (the index name
    goes into the corner above the row labels), the index hidden unless ``index``.

    In HTML the table is followed by a link to download its data as CSV (hidden in print).

    ``decimals``: places for every number (default 0), or a mapping column → places (key
    ``None`` for the rest); a column of whole numbers shows none. ``precision=`` (Styler's
    word) is accepted for the default.
    """
    import pandas as pd

    raw = df.reset_index() if index else df
    df = df.copy()
    if index and df.index.nlevels == 1 and df.index.name is not None:
        df.columns = pd.Index(list(df.columns), name=df.index.name)
        df.index.name = None
    elif isinstance(df.columns, pd.Index) and df.columns.nlevels == 1:
        df.columns.name = None
    default = formats.pop("precision", 0)
    if isinstance(decimals, dict):
        places = dict(decimals)
        default = places.pop(None, default)
    else:
        places, default = {}, default if decimals is None else decimals
    given = formats.get("formatter")
    given = set(given) if isinstance(given, dict) else set(df.columns) if given else set()
    styler = _report_table_class()(df, raw).format(escape="html", na_rep=MISSING, **formats)
    for col in df.columns:
        if col in given:  # the caller's own formatter wins ("{:g}" for values as written)
            continue
        kind = df[col].dtype.kind
        if kind in "iu" and is_year_column(col):
            styler = styler.format(lambda v: MISSING if _missing(v) else str(int(v)), subset=[col])
        elif kind in "iuf":
            d = places.get(col, default)
            values = df[col].dropna()
            if kind == "f" and len(values) and (values.round(d) == values.round()).all():
                d = 0  # whole numbers never print as "65,700.0"
            styler = styler.format(lambda v, d=d: number(v, d), subset=[col])
        elif kind == "O":
            styler = styler.format(_cell, subset=[col])
    # the report's look in JupyterLab too: words from the left, row labels on one line (one rule
    # per column, not per cell, so the page stays small)
    text_cols = [c for c in df.columns if df[c].dtype.kind == "O"]
    styler = styler.set_table_styles(
        [{"selector": "th.row_heading", "props": "text-align: left; white-space: nowrap;"},
         {"selector": "th.index_name", "props": "text-align: left;"},  # over the row labels
         {"selector": "caption", "props": "caption-side: top; text-align: left; "
                                          "font-weight: bold;"}],
        overwrite=False)
    if text_cols and df.columns.is_unique:
        # headings over words start where the words do; short labels ("FY2023-24", "full
        # year") stay on one line
        styler = styler.set_table_styles(
            {c: [{"selector": "td", "props": "text-align: left;" + (
                " white-space: nowrap;" if _short(df[c]) else "")},
                 {"selector": "th", "props": "text-align: left;"}] for c in text_cols},
            overwrite=False)
    styler = styler.format_index(escape="html", axis="columns")
    if index:
        styler = styler.format_index(escape="html", axis="index")
    return styler if index else styler.hide(axis="index")


def csv_link(data, name: str, what: str = "table") -> str:
    """HTML link that downloads ``data`` (a DataFrame) as ``<name>.csv``, embedded in the page
    as a data: URI so the report stays one offline file."""
    import base64

    file = re.sub(r"[^A-Za-z0-9_.-]+", "-", str(name)).strip("-")[:80] or what
    b64 = base64.b64encode(data.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return (f'<a download="{file}.csv" href="data:text/csv;charset=utf-8;base64,'
            f'{b64.decode("ascii")}">Download the data behind this {what} (CSV, '
            f"{len(data):,} row{'' if len(data) == 1 else 's'})</a>")


_REPORT_TABLE = None


def _report_table_class():
    """The Styler subclass of report tables (made on first use: pandas loads lazily here)."""
    global _REPORT_TABLE
    if _REPORT_TABLE is None:
        from pandas.io.formats.style import Styler

        class ReportTable(Styler):
            """A report table that offers the numbers behind it as CSV under it (HTML only)."""

            def __init__(self, data, raw=None, **kwargs):
                super().__init__(data, **kwargs)
                self.raw = data if raw is None else raw

            def _repr_html_(self) -> str:
                name = re.sub(r"\s*\(.*", "", str(self.caption or "table"))[:60]
                return (f'<div class="{NO_MATHS}">' + super()._repr_html_()
                        + '<p class="table-data">' + csv_link(self.raw, name) + "</p></div>")

        _REPORT_TABLE = ReportTable
    return _REPORT_TABLE


_LABEL = re.compile(r"FY\d{4}-\d{2}|\d{1,2} \w{3} \d{4}")  # fiscal years, dates


def _short(column, longest: int = 8) -> bool:
    """Whether a column of words holds only labels that should not break: fiscal years, dates,
    or words of at most ``longest`` characters (more would push wide tables past the column)."""
    values = [str(v) for v in column.dropna()]
    return bool(values) and all(len(v) <= longest or _LABEL.fullmatch(v) for v in values)


def _cell(value) -> str:
    """An object cell: numbers formatted for people, text escaped, ``–`` when missing."""
    if _missing(value):
        return MISSING
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number(value)
    if isinstance(value, float):
        return number(value, 0 if value.is_integer() else 1)
    return html.escape(str(value), quote=False)


def note(text: str):
    """A small-print line (source line, table note) as Markdown with "$" escaped, marked
    ``source-note`` so that print keeps it on the page of the table or chart above it."""
    return md(f'<div class="source-note">\n\n<small>{text}</small>\n\n</div>')


# On-screen column headings for the library's tidy column names (units stay in the heading).
HEADINGS = {
    "fiscal_year": "fiscal year",
    "export": "exports",
    "import": "imports",
    "total": "total",
    "balance": "balance",
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

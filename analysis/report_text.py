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

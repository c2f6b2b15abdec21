"""One house style for charts: a title that states the finding, units on the axes,
a caption, a short source line, alt text, and the data behind the chart.

Figures are drawn at the printed column width (:data:`WIDTH_IN`) and shown at 100 %, so the
point sizes of the style are the printed ones. :func:`show` wraps a figure for ``display``: an
``<img>`` with alt text (its title and caption) at its print size, and a link to download the
data behind it as CSV (embedded in the page, so the HTML stays one offline file).

Chart functions build their figures with :func:`figure`, which takes them out of pyplot's list of
open figures at once: in a notebook a chart is drawn once, when the cell shows it
(``display(fig)`` or the cell's last expression), not again by pyplot's redraw-after-each-cell
hook.
"""

from __future__ import annotations

import base64
import html
import io
import re
import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.backends.backend_agg import FigureCanvasAgg

STYLE = Path(__file__).with_name("ties.mplstyle")
CAPTION_FONTSIZE = 7.5  # points
WIDTH_IN = 6.5  # the printed column: the A4 text block is 174 mm (6.85 in) wide
CSS_PX_PER_IN = 96
PNG_DPI = 200  # sharp in print, and a quarter of the pixels of the former 2× PNGs
CAPTION_SLACK = 0.92  # fill at most this share of the figure width (proportional-font margin)


def use_style() -> None:
    """Apply the house matplotlib style (call once at the top of a notebook)."""
    plt.style.use(STYLE)


def figure(figsize: tuple[float, float] | None = None):
    """A new figure with one axes, in the house style: ``(fig, ax)``.

    ``figsize`` is in inches (default: the style's). The figure is closed in pyplot straight
    away (it can still be shown and saved), so the notebook's inline backend neither redraws it
    after each cell nor keeps it open; show it with ``display(fig)``.
    """
    use_style()
    fig = plt.figure(figsize=figsize)  # via pyplot: loads the notebook's backend and display hooks
    plt.close(fig)
    FigureCanvasAgg(fig)  # a closed figure keeps a plain canvas; Agg measures text for annotate()
    return fig, fig.subplots()


def annotate(fig, *, caption: str, source: str, note: str | None = None) -> None:
    """Put the caption, an optional note on gaps, and the source line under a figure.

    The text starts below the lowest tick label or axis label, so rotated labels never
    run into it, and level with the leftmost label; each paragraph is wrapped to the width.
    """
    paragraphs = [caption] + ([f"Note: {note}"] if note else []) + [source]
    fig.ties_caption = " ".join([caption] + ([f"Note: {note}"] if note else []))
    renderer = fig.canvas.get_renderer()
    to_fig = fig.transFigure.inverted()
    boxes = [ax.get_tightbbox(renderer) for ax in fig.axes if ax.get_visible()]
    top = min([0.0, *(to_fig.transform((0, b.y0))[1] for b in boxes)])
    left = min([0.0, *(to_fig.transform((b.x0, 0))[0] for b in boxes)])  # long tick labels
    text = fig.text(left, top - 0.02, "", ha="left", va="top", fontsize=CAPTION_FONTSIZE,
                    color="#444444", transform=fig.transFigure)
    width_px = (1.0 - left) * fig.get_figwidth() * fig.dpi * CAPTION_SLACK
    text.set_text("\n".join(_wrap(p, text, renderer, width_px) for p in paragraphs))


def _wrap(paragraph: str, text, renderer, width_px: float) -> str:
    """``paragraph`` broken into lines of at most about ``width_px`` pixels in ``text``'s font.

    Measures the paragraph once and wraps by characters in proportion (matplotlib's own
    ``wrap=True`` measures every candidate line at every draw, which made charts slow).
    """
    if not paragraph:
        return paragraph
    w, _, _ = renderer.get_text_width_height_descent(paragraph, text.get_fontproperties(),
                                                     ismath=False)
    if w <= width_px:
        return paragraph
    chars = max(20, int(len(paragraph) * width_px / w))
    return textwrap.fill(paragraph, width=chars, break_on_hyphens=False)


# --- showing a chart: alt text and the data behind it -----------------------------------------

def alt_text(fig) -> str:
    """Alt text for a figure: the titles of its axes (the finding), then the caption and note
    given to :func:`annotate`."""
    titles = [ax.get_title(loc=loc) for ax in fig.axes for loc in ("left", "center")]
    parts = [" ".join(t.split()) for t in titles if t.strip()]
    caption = getattr(fig, "ties_caption", "")
    text = ". ".join(p.rstrip(".") for p in parts) + ("." if parts else "")
    return " ".join(f"{text} {caption}".split()) or "Chart"


class Chart:
    """A figure as a report shows it (from :func:`show`): the PNG at its print size with alt
    text, the data behind it as a CSV download link, and optional hover values (an image map:
    each x range of the first axes shows its text when the pointer rests on it; no script)."""

    def __init__(self, fig, data, name: str, alt: str | None = None, hover=None):
        self.fig, self.data, self.name = fig, data, _file_name(name)
        self.alt = alt or alt_text(fig)
        self.hover = list(hover or [])

    def png(self) -> tuple[bytes, int, int]:
        """The PNG and its width and height in CSS pixels (1/96 in) at print size."""
        buf = io.BytesIO()
        dpi = PNG_DPI
        self.fig.savefig(buf, format="png", dpi=dpi)
        data = buf.getvalue()
        w, h = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        return data, round(w / dpi * CSS_PX_PER_IN), round(h / dpi * CSS_PX_PER_IN)

    def csv(self) -> str:
        """The data behind the chart as CSV text (UTF-8, comma-separated, header row)."""
        return self.data.to_csv(index=False, lineterminator="\n")

    def _repr_mimebundle_(self, include=None, exclude=None):
        """The figure as HTML (image with alt text, CSV link) and as a plain PNG with its alt
        text and print width in the output's metadata, for front ends that show only images."""
        png, w, h = self.png()
        b64 = base64.b64encode(png).decode("ascii")
        return ({"text/html": self._html(b64, w, h), "image/png": b64, "text/plain": self.alt},
                {"image/png": {"width": w, "height": h, "alt": self.alt}})

    def _repr_html_(self) -> str:
        png, w, h = self.png()
        return self._html(base64.b64encode(png).decode("ascii"), w, h)

    def _html(self, b64: str, w: int, h: int) -> str:
        from analysis.display import csv_link

        src = "data:image/png;base64," + b64
        alt = html.escape(self.alt)
        areas = self._areas()
        usemap = f' usemap="#map-{self.name}"' if areas else ""
        return (f'<figure class="ties-chart">'
                f'<img src="{src}" alt="{alt}" width="{w}" height="{h}"{usemap}>{areas}'
                f'<figcaption class="chart-data">{csv_link(self.data, self.name, "chart")}'
                f'</figcaption></figure>')

    def areas(self) -> list[tuple[tuple[int, int, int, int], str]]:
        """The hover rectangles in CSS pixels of the shown image, (left, top, right, bottom),
        each with its text: the figure's x range over the full height of its first axes."""
        import matplotlib

        if not self.hover:
            return []
        fig, ax = self.fig, self.fig.axes[0]
        box = fig.get_tightbbox(fig.canvas.get_renderer()).padded(
            matplotlib.rcParams["savefig.pad_inches"])
        y0, y1 = ax.get_ylim()
        out = []
        for x0, x1, text in self.hover:
            (px0, py0), (px1, py1) = ax.transData.transform([(x0, y0), (x1, y1)])
            left, right = sorted(((px0 / fig.dpi - box.x0) * CSS_PX_PER_IN,
                                  (px1 / fig.dpi - box.x0) * CSS_PX_PER_IN))
            top, bottom = sorted(((box.y1 - py0 / fig.dpi) * CSS_PX_PER_IN,
                                  (box.y1 - py1 / fig.dpi) * CSS_PX_PER_IN))
            out.append(((round(left), round(top), round(right), round(bottom)), str(text)))
        return out

    def _areas(self) -> str:
        rects = self.areas()
        if not rects:
            return ""
        return (f'<map name="map-{self.name}">' + "".join(
            f'<area shape="rect" coords="{",".join(map(str, c))}" alt="{html.escape(t)}" '
            f'title="{html.escape(t)}">' for c, t in rects) + "</map>")

    def __repr__(self) -> str:
        return self.alt


def show(fig, data, name: str, alt: str | None = None, hover=None) -> Chart:
    """``fig`` ready for ``display``: alt text (default :func:`alt_text`), ``data`` (a
    DataFrame, the numbers drawn) offered as ``<name>.csv``, and ``hover``: (x from, x to, text)
    in the data coordinates of the first axes, shown when the pointer rests there."""
    return Chart(fig, data, name, alt, hover)


def _file_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", str(name)).strip("-") or "chart"

"""One house style for charts: a title that states the finding, units on the axes,
a caption, and a source line built from the data's sidecar.

Chart functions build their figures with :func:`figure`, which takes them out of pyplot's list of
open figures at once: in a notebook a chart is drawn once, when the cell shows it
(``display(fig)`` or the cell's last expression), not again by pyplot's redraw-after-each-cell
hook.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.backends.backend_agg import FigureCanvasAgg

STYLE = Path(__file__).with_name("ties.mplstyle")
CAPTION_FONTSIZE = 8  # points
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

"""One house style for charts: a title that states the finding, units on the axes,
a caption, and a source line built from the data's sidecar."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt

STYLE = Path(__file__).with_name("ties.mplstyle")


def use_style() -> None:
    """Apply the house matplotlib style (call once at the top of a notebook)."""
    plt.style.use(STYLE)


def annotate(fig, *, caption: str, source: str, note: str | None = None) -> None:
    """Put the caption, an optional note on gaps, and the source line under a figure.

    The text starts below the lowest tick label or axis label, so rotated labels never
    run into it.
    """
    lines = [caption]
    if note:
        lines.append(f"Note: {note}")
    lines.append(source)
    renderer = fig.canvas.get_renderer()
    bottoms = [ax.get_tightbbox(renderer).y0 for ax in fig.axes if ax.get_visible()]
    top = min([0.0, *(fig.transFigure.inverted().transform((0, y))[1] for y in bottoms)])
    fig.text(0.0, top - 0.02, "\n".join(lines), ha="left", va="top", fontsize=8,
             color="#444444", wrap=True, transform=fig.transFigure)

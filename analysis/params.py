"""Each notebook's parameter contract: names, types, defaults and allowed values.

Declared once here; the notebooks' ``parameters`` cells carry the same defaults, and
``ties render`` checks values against these declarations before any kernel starts.

Types: ``str``, ``int``, ``path`` (a file path, or None for the default), ``iso3`` (one code),
``iso3_list`` (a list of codes), ``fiscal_year`` (``FY2023-24``), ``year`` (calendar year, int),
``choice`` (one of ``choices``).
``choices`` names a function ``"module:function"`` returning the allowed values, read from the data
when a check needs them (so adding a partner to data/ needs no change here).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any
    help: str
    choices: str | None = None


CONTRACTS: dict[str, tuple[Param, ...]] = {
    "article_brief": (
        Param("article_path", "path", None,
              "article text file (UTF-8); None means the seed article in seeds/"),
    ),
    "trade_imbalance": (
        Param("partner", "iso3", "RUS", "trade partner, ISO 3166 alpha-3",
              choices="analysis.trade:available_partners"),
        Param("reporter", "iso3", "IND", "reporting country, ISO 3166 alpha-3",
              choices="analysis.trade:available_reporters"),
        Param("fy_from", "fiscal_year", "FY2017-18", "first Indian fiscal year (April–March)",
              choices="analysis.trade:available_fiscal_years"),
        Param("fy_to", "fiscal_year", "FY2025-26", "last Indian fiscal year (April–March)",
              choices="analysis.trade:available_fiscal_years"),
        Param("top_n", "int", 10, "number of HS chapters shown in composition tables"),
        Param("compare_with", "iso3_list", ["CHN", "USA", "ARE", "SAU"],
              "comparison partners, ISO 3166 alpha-3",
              choices="analysis.trade:available_partners"),
    ),
    "diplomatic_positioning": (
        Param("country", "iso3", "IND", "country whose position is measured, ISO alpha-3",
              choices="analysis.diplomacy:available_countries"),
        Param("counterparts", "iso3_list", ["RUS", "USA", "CHN"],
              "countries compared with, ISO alpha-3",
              choices="analysis.diplomacy:available_countries"),
        Param("year_from", "year", 1992, "first calendar year of the UNGA roll-call panel"),
        Param("year_to", "year", 2019, "last calendar year (the roll-call panel ends in 2019)"),
        Param("resolutions", "choice", "ukraine", "named set of resolutions",
              choices="analysis.diplomacy:available_resolution_sets"),
    ),
}

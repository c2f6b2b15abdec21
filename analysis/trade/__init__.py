"""India's merchandise trade with a partner, by Indian fiscal year (US$ million).

Rooms, each one idea (imports point down this list):

- ``series``: the allowed partners, reporters and years; one value per fiscal year and flow
  (the choice rule is in its docstring); balance, cover ratio, growth, CAGR, headline numbers;
- ``rank``: every partner's total in a year, the partner's share of India's trade and its rank;
- ``composition``: HS 2-digit chapters, the largest chapters, concentration (HHI);
- ``evidence``: what a verdict rests on: verdict words, kinds of evidence, the one status
  rule, uncertainty bands and rounding;
- ``claims``: an article's trade claims checked against the chosen series;
- ``report``: the report's wording, tables as shown and source notes;
- ``charts``: the report's figures (imports matplotlib; not loaded by ``import analysis.trade``).

The computing functions are re-exported here, so ``from analysis import trade`` then
``trade.bilateral_series(...)`` works; wording and charts are used as ``trade.report`` and
``from analysis.trade import charts``.
"""

from analysis.trade import report  # wording, built from the rooms above
from analysis.trade.claims import CLAIM_COLUMNS, check_claims
from analysis.trade.composition import (
                                        MINERAL_FUELS,
                                        composition,
                                        composition_years,
                                        concentration,
                                        hhi,
                                        hhi_from_values,
                                        mineral_fuels_share,
                                        top_chapters,
)
from analysis.trade.rank import partner_share, partner_totals, rank_year
from analysis.trade.series import (
                                        FLOWS,
                                        HALF_WIDTH,
                                        SERIES_COLUMNS,
                                        STATUS_RANK,
                                        Choice,
                                        available_fiscal_years,
                                        available_partners,
                                        available_reporters,
                                        bilateral_series,
                                        bilateral_wide,
                                        cagr,
                                        check_partner,
                                        check_reporter,
                                        chosen,
                                        cover_ratio,
                                        fiscal_years,
                                        headline,
                                        stated_figures,
                                        trade_balance,
                                        used_source_ids,
                                        yoy_growth,
)

__all__ = [
    "CLAIM_COLUMNS", "FLOWS", "HALF_WIDTH", "MINERAL_FUELS", "SERIES_COLUMNS", "STATUS_RANK",
    "Choice", "available_fiscal_years", "available_partners", "available_reporters",
    "bilateral_series", "bilateral_wide", "cagr", "check_claims", "check_partner",
    "check_reporter", "chosen", "composition", "composition_years", "concentration",
    "cover_ratio", "fiscal_years", "headline", "hhi", "hhi_from_values", "mineral_fuels_share",
    "partner_share", "partner_totals", "rank_year", "report", "stated_figures", "top_chapters",
    "trade_balance", "used_source_ids", "yoy_growth",
]

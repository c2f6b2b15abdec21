"""Diplomatic positioning: UN General Assembly votes, agreement measures, groupings, claim checks.

Rooms (imports point downward: votes ← agreement, memberships ← claims, report; charts draws):

- ``votes``       tables, allowed values, resolution sets, roll calls, votes, Ukraine votes,
                  abstention
- ``agreement``   percent / half agreement, Cohen's κ, agreement tables, by year
- ``memberships`` who belonged to which grouping on a date (codes from ``analysis.groupings``)
- ``claims``      what an article says that these data can test
- ``report``      display tables, findings and Markdown summaries with computed numbers, sources
- ``charts``      the agreement-by-year chart (title and caption passed in by the notebook)

``from analysis import diplomacy as dip`` gives the public names of every room.
"""

from analysis.diplomacy.agreement import (
    agreement,
    agreement_by_year,
    agreement_kappa,
    agreement_table,
    half_agreement,
    percent_agreement,
)
from analysis.diplomacy.charts import MEASURE_LABELS, plot_agreement_by_year
from analysis.diplomacy.claims import article_groupings, check_claims
from analysis.diplomacy.memberships import (
    as_date,
    groupings_as_of,
    groupings_table,
    member_since,
    membership,
    shared_groupings,
)
from analysis.diplomacy.report import (
    SOURCE_TABLES,
    abstention_summary,
    agreement_display,
    agreement_finding,
    alignment_summary,
    groupings_source_line,
    panel_coverage,
    set_agreement_summary,
    source_items,
    ukraine_display,
    ukraine_gaps_note,
    ukraine_source_line,
    vote_label,
    votes_source_line,
)
from analysis.diplomacy.votes import (
    ISSUE_SETS,
    VOTES,
    abstention_rate,
    available_countries,
    available_resolution_sets,
    check_country,
    check_resolution_set,
    check_years,
    counterparts_for,
    describe_resolution_set,
    last_session,
    missing_ukraine_resolutions,
    resolution_number,
    roll_calls,
    table,
    ukraine_votes,
    vote_status,
    votes,
    year_coverage,
)

__all__ = [  # every room's public names
    "ISSUE_SETS", "MEASURE_LABELS", "SOURCE_TABLES", "VOTES", "abstention_rate",
    "abstention_summary", "agreement", "agreement_by_year", "agreement_display",
    "agreement_finding", "agreement_kappa", "agreement_table", "alignment_summary",
    "article_groupings", "as_date", "available_countries", "available_resolution_sets",
    "check_claims", "check_country", "check_resolution_set", "check_years", "counterparts_for",
    "describe_resolution_set", "groupings_as_of", "groupings_source_line", "groupings_table",
    "half_agreement", "last_session", "member_since", "membership",
    "missing_ukraine_resolutions", "panel_coverage", "resolution_number",
    "percent_agreement", "plot_agreement_by_year", "roll_calls", "set_agreement_summary",
    "shared_groupings", "source_items", "table", "ukraine_display", "ukraine_gaps_note",
    "ukraine_source_line",
    "ukraine_votes", "vote_label", "vote_status", "votes", "votes_source_line", "year_coverage"
]

"""What changed since the last report: key figures of real data compared, in words.

The "previous report" is the data as they stood before a real revision: a copy of data/ without
the rows that arrived later (TradeStat's final FY2024-25 China totals, which replaced the PTI
provisional ones of April 2025; the FY2025-26 rows; the ES-11/7 vote of February 2025).
"""

import math
import shutil
from pathlib import Path

import pytest

import analysis.datasets as datasets
from analysis import DATA_DIR, changes
from analysis.article import load_article
from analysis.article.report import key_figures as article_figures
from analysis.diplomacy.report import key_figures as diplomacy_figures
from analysis.trade.report import key_figures as trade_figures

RANGE = ("FY2017-18", "FY2025-26")
SINCE = "2026-11-18T05:30:02+00:00"


def earlier_data(tmp_path: Path, table: str, dropped) -> Path:
    """A copy of data/ without the rows of ``table`` (e.g. "trade/bilateral_fy") for which
    ``dropped(line)`` is true: the data as they stood before those rows were published."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / f"{table}.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [lines[0]] + [line for line in lines[1:] if not dropped(line)]
    assert len(kept) < len(lines)
    path.write_text("".join(kept), encoding="utf-8")
    return data


def figures_from(data: Path, monkeypatch, compute):
    """``compute()`` with the library reading ``data`` instead of data/."""
    monkeypatch.setattr(datasets, "DATA_DIR", data)
    datasets.clear_cache()
    try:
        return compute()
    finally:
        monkeypatch.undo()
        datasets.clear_cache()


def before_final_and_fy2025_26(line: str) -> bool:
    """China's FY2025-26 rows, and TradeStat's final FY2024-25 China rows."""
    return line.startswith("IND,CHN,FY2025-26,") or (
        line.startswith("IND,CHN,FY2024-25,") and ",TRADESTAT_HS2_RU," in line)


@pytest.fixture(scope="module")
def china():
    return trade_figures("CHN", "IND", *RANGE)


def test_key_figures_of_the_china_report_state_the_latest_two_years(china):
    shown = {f["key"]: (f["text"], f["status"]) for f in china}
    assert [f["key"] for f in china][:2] == ["latest_fy", "total:FY2025-26"]
    assert shown["latest_fy"] == ("FY2025-26", None)
    assert shown["total:FY2025-26"] == ("US$ 151.1 bn", "provisional")
    assert shown["balance:FY2025-26"] == ("US$ −112.2 bn", "provisional")
    assert shown["export:FY2024-25"] == ("US$ 14.3 bn", "final")
    assert shown["rank:FY2025-26"] == ("no. 1 of 38", None)
    assert not any(k.endswith("FY2023-24") for k in shown)
    for f in china:
        assert list(f) == list(changes.FIELDS) and f["label"] and f["unit"]


def test_first_report_and_unchanged_figures_say_nothing(china):
    assert changes.compare(None, china) == [] and changes.compare([], china) == []
    assert changes.compare(china, china) == []
    assert changes.markdown([], SINCE) == ""
    assert changes.summary_line("trade_imbalance--partner=CHN", []) is None


def test_a_new_fiscal_year_and_final_figures_replacing_provisional_ones(tmp_path, monkeypatch,
                                                                        china):
    data = earlier_data(tmp_path, "trade/bilateral_fy", before_final_and_fy2025_26)
    old = figures_from(data, monkeypatch, lambda: trade_figures("CHN", "IND", *RANGE))
    assert {f["key"]: f["text"] for f in old}["latest_fy"] == "FY2024-25"

    found = changes.compare(old, china)
    assert [(c["kind"], c["key"]) for c in found] == [
        ("new period", "latest_fy"), ("revised", "total:FY2024-25"),
        ("revised", "export:FY2024-25"), ("revised", "import:FY2024-25"),
        ("revised", "balance:FY2024-25")]
    assert [f["key"] for f in found[0]["figures"]] == [
        "total:FY2025-26", "export:FY2025-26", "import:FY2025-26", "balance:FY2025-26",
        "rank:FY2025-26"]
    exports = found[2]
    assert (exports["old"]["value"], exports["old"]["status"]) == (14250.0, "provisional")
    assert (exports["new"]["value"], exports["new"]["status"]) == (14252.2, "final")

    md = changes.markdown(found, SINCE)
    assert md.startswith('<section class="what-changed"') and md.endswith("</section>")
    assert "**What changed since the last report (18 November 2026)**" in md
    assert ("- **Latest fiscal year covered**: FY2025-26 (was FY2024-25), new figures: total "
            "trade US\\$ 151.1 bn, exports US\\$ 19.5 bn, imports US\\$ 131.6 bn, balance "
            "US\\$ −112.2 bn (all provisional), rank among India's partners covered no. 1 of 38"
            ) in md
    # four figures of one year, final where they were provisional: one item; where a figure
    # reads the same at the report's rounding, it is said more precisely
    assert ("- **FY2024-25** (final, was provisional): total trade US\\$ 127,699.6 mn (was "
            "US\\$ 127,700.0 mn), exports US\\$ 14.3 bn (was US\\$ 14.2 bn), imports "
            "US\\$ 113.4 bn (was US\\$ 113.5 bn), balance US\\$ −99,195.2 mn (was "
            "US\\$ −99,200.0 mn)\n") in md
    assert md.count("\n- ") == 2
    assert "FY2023-24" not in md  # the year that rolled out of the list is no removal
    assert "$" not in md.replace("\\$", "")

    assert changes.summary_line("trade_imbalance--partner=CHN", found) == (
        "[trade_imbalance--partner=CHN] latest fiscal year covered: FY2025-26 (was FY2024-25), "
        "total trade US$ 151.1 bn (provisional); FY2024-25 (final, was provisional): total "
        "trade US$ 127,699.6 mn (was US$ 127,700.0 mn) and 3 more figures")
    one = [c for c in found if c["key"] == "export:FY2024-25"]  # a single revision
    assert changes.summary_line("x", one) == (
        "[x] FY2024-25 exports: US$ 14.3 bn, final (was US$ 14.2 bn, provisional)")


def test_figures_that_leave_the_data_are_removals(tmp_path, monkeypatch, china):
    """The other way round (a fiscal year withdrawn from the data): told, not hidden."""
    data = earlier_data(tmp_path, "trade/bilateral_fy", before_final_and_fy2025_26)
    later = figures_from(data, monkeypatch, lambda: trade_figures("CHN", "IND", *RANGE))
    found = changes.compare(china, later)
    kinds = {(c["kind"], c["key"]) for c in found}
    assert ("revised", "latest_fy") in kinds
    assert {("removed", f"{flow}:FY2025-26") for flow in ("total", "export", "import",
                                                          "balance")} <= kinds
    md = changes.markdown(found, None)
    assert "**What changed since the last report**" in md
    assert ("- **FY2025-26 imports** (no longer in the data): was US\\$ 131.6 bn (provisional)"
            in md)


def test_a_new_vote_is_added_and_the_abstentions_revised(tmp_path, monkeypatch):
    def compute():
        return diplomacy_figures("IND", ["RUS", "USA", "CHN"], 1992, 2019)

    data = earlier_data(tmp_path, "diplomacy/ukraine_votes",
                        lambda line: line.startswith("A/RES/ES-11/7,"))
    (data / "diplomacy" / "ukraine_resolutions.csv").write_text("".join(
        line for line in (DATA_DIR / "diplomacy" / "ukraine_resolutions.csv").read_text(
            encoding="utf-8").splitlines(keepends=True)
        if not line.startswith("A/RES/ES-11/7,")), encoding="utf-8")
    old = figures_from(data, monkeypatch, compute)
    new = compute()
    assert {f["key"]: f["text"] for f in new}["agreement:USA"] == "30.1 %"
    found = changes.compare(old, new)
    assert [(c["kind"], c["key"]) for c in found] == [
        ("revised", "ukraine:abstained"), ("added", "ukraine:A/RES/ES-11/7")]
    md = changes.markdown(found, SINCE)
    assert ("- **India's abstentions on the Ukraine resolutions**: 10 of 14 (was 9 of 13)"
            in md)
    assert "- **India's vote on ES-11/7** (new): Abstain" in md
    assert changes.summary_line("diplomatic_positioning", found) == (
        "[diplomatic_positioning] India's abstentions on the Ukraine resolutions: 10 of 14 (was "
        "9 of 13); India's vote on ES-11/7 (new): Abstain")


def test_article_figures_compare_two_articles_and_escape_their_text(seed, second):
    found = changes.compare(article_figures(seed), article_figures(second))
    figures = next(c for c in found if c["key"] == "money_percent")
    assert figures["old"]["text"] == "33% (FY2023-24); $65.7 billion (FY2023-24)"
    md = changes.markdown(found, SINCE)
    assert "(was 33% (FY2023-24); \\$65.7 billion (FY2023-24))" in md
    assert "- **Quantitative statements**: 25 (was 14)" in md
    hostile = load_article(Path(__file__).parent / "fixtures" / "article_hostile_markup.txt")
    md = changes.markdown(changes.compare(
        [changes.figure("title", "headline", "", "text", "")],
        [changes.figure("title", "headline", hostile.title, "text", hostile.title)]), SINCE)
    assert "<script>" not in md and "&lt;script&gt;" in md and "\\$5 Billion" in md


def test_a_figure_is_a_finite_value():
    with pytest.raises(ValueError, match="total:FY2025-26"):
        changes.figure("total:FY2025-26", "total trade", math.nan, "usd_mn", "–")


def test_a_hand_edited_previous_manifest_is_read_for_what_it_still_holds(china):
    broken = [{"key": 1}, "text", None, {**china[1], "label": None}]
    assert changes.compare(broken, china) == []
    kept = broken + [{**china[1], "value": 150000.0, "text": "US$ 150.0 bn"}]
    assert [(c["kind"], c["key"]) for c in changes.compare(kept, china)][0] == (
        "revised", "total:FY2025-26")


def test_a_move_smaller_than_the_report_shows_is_not_a_change(china):
    """FY2024-25 exports 14,252.2 read as 14,252.3 (same text, same status): nothing to tell."""
    nudged = [{**f, "value": f["value"] + 0.1} if f["key"] == "export:FY2024-25" else f
              for f in china]
    assert changes.compare(china, nudged) == []


def test_the_verdicts_figure_counts_the_words_a_reader_sees():
    import pandas as pd

    checked = pd.DataFrame({"verdict": ["confirmed", "confirmed", "differs", "cannot check"],
                            "verdict_text": ["confirmed by official data",
                                             "consistent with figures as reported", "", ""]})
    f = changes.verdicts_figure(checked, "verdicts on the article's trade figures")
    assert f["key"] == "verdicts" and f["text"] == (
        "1 cannot check, 1 confirmed by official data, 1 consistent with figures as reported, "
        "1 differs")
    assert changes.verdicts_figure(checked.iloc[0:0], "none") is None
    assert changes.verdicts_figure(None, "none") is None


def test_key_figures_in_reads_the_last_handover_and_nothing_else():
    import nbformat

    def nb_with(*bundles):
        cell = nbformat.v4.new_code_cell("display(...)")
        cell.outputs = [nbformat.v4.new_output("display_data", data=b) for b in bundles]
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"), cell])

    old = [changes.figure("latest_fy", "latest fiscal year covered", "FY2024-25", "period",
                          "FY2024-25")]
    new = [changes.figure("latest_fy", "latest fiscal year covered", "FY2025-26", "period",
                          "FY2025-26")]
    nb = nb_with(changes.key_figures_output(old), {"text/plain": "x"},
                 changes.key_figures_output(new))
    assert changes.key_figures_in(nb) == new
    assert changes.key_figures_in(nb_with({"text/plain": "x"})) == []
    assert changes.key_figures_in(nb_with({changes.KEY_FIGURES_MIME: {"figures": "junk"}})) == []


def test_the_exporters_name_the_same_handover_type():
    from analysis import exporters

    assert exporters.KEY_FIGURES_MIME == changes.KEY_FIGURES_MIME

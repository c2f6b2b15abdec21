"""data/diplomacy/: every table loads and validates (the rebuild: test_derive_rebuild.py)."""

from analysis.datasets import list_tables, load_table
from analysis.derive.diplomacy import PANEL

TABLES = ["groupings", "india_arms_imports", "ukraine_resolutions", "ukraine_votes",
          "un_membership", "unga_panel_countries", "unga_roll_call_issues", "unga_roll_calls",
          "unga_votes_panel"]


def test_all_tables_present_and_valid():
    assert [t for t in list_tables() if t.startswith("diplomacy/")] == \
        [f"diplomacy/{t}" for t in TABLES]
    for t in TABLES:
        df = load_table(f"diplomacy/{t}")
        assert len(df) > 0, t
        meta = df.attrs["meta"]
        for s in meta.sources:
            assert s.get("url") or s.get("document")


def test_panel_covers_the_required_countries_and_vote_categories(data_dir):
    v = load_table("diplomacy/unga_votes_panel")
    required = {"IND", "RUS", "CHN", "USA", "GBR", "FRA", "BRA", "ZAF", "JPN", "DEU", "PAK", "UKR"}
    assert required <= set(v["iso3"]) == set(PANEL)
    assert set(v["vote"]) == {"yes", "no", "abstain"}
    rc = load_table("diplomacy/unga_roll_calls")
    assert len(rc) == 6203 and rc["date"].max().strftime("%Y-%m-%d") == "2020-01-14"
    assert set(v["rcid"]) <= set(rc["rcid"])
    size = sum(p.stat().st_size for p in (data_dir / "diplomacy").iterdir())
    assert size < 4_000_000


def test_seat_continuity_is_explicit():
    m = load_table("diplomacy/unga_panel_countries")
    deu = m[m["iso3"] == "DEU"].set_index("source_country")
    assert set(deu.index) == {"Federal Republic of Germany", "Germany"}
    assert deu.loc["Federal Republic of Germany", "last_vote"].year == 1990
    rus = m[m["iso3"] == "RUS"].iloc[0]
    assert rus["first_vote"].year == 1946 and "Soviet Union" in rus["note"]
    assert m[m["iso3"] == "CHN"].iloc[0]["first_vote"].year == 1971


def test_every_grouping_fact_is_cited():
    g = load_table("diplomacy/groupings")
    ids = {s["id"] for s in g.attrs["meta"].sources}
    assert set(g["source_id"]) <= ids
    assert set(g["grouping"]) == {"SCO", "BRICS", "G20", "EAS", "QUAD", "UNSC_P5"}
    brics = set(g.loc[g["grouping"] == "BRICS", "iso3"])
    assert {"EGY", "ETH", "IRN", "ARE", "IDN"} <= brics and "SAU" not in brics
    assert any("Saudi Arabia" in gap for gap in g.attrs["meta"].gaps)


def test_ukraine_tables_agree():
    res = load_table("diplomacy/ukraine_resolutions")
    votes = load_table("diplomacy/ukraine_votes")
    assert set(votes["resolution"]) <= set(res["resolution"])
    assert (res["yes"] > res["no"]).all()

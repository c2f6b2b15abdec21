"""Claims an article makes that the diplomacy data can test: hand-built articles and the seed."""

from pathlib import Path

from analysis import diplomacy as dip
from analysis.article import Article, Entity, load_article

TEXT = ("Bilateral Engagements: Status review within groupings such as the Shanghai Cooperation "
        "Organization, G20, BRICS, the United Nations, and the East Asia Summit. India has "
        "maintained a neutral stance, urging both sides to end the conflict without outright "
        "criticizing Russia. India has relied heavily on Russia for military equipment. Modi "
        "skipped the meeting, signaling strained relations with China.")


def article(text=TEXT, entities=None, sentences=None):
    names = [("Shanghai Cooperation Organization", "SCO"), ("G20", "G20"), ("BRICS", "BRICS"),
             ("United Nations", "UN"), ("East Asia Summit", "EAS")]
    if entities is None:
        entities = tuple(Entity(n, "grouping", c, ((text.index(n), text.index(n) + len(n)),))
                         for n, c in names)
    if sentences is None:
        sentences = tuple(x.strip() + "." for x in text.split(".") if x.strip())
    return Article(path=Path("fixture.txt"), title="t", byline="b", paragraphs=(text,),
                   key_points=(), background=(), text=text, sentences=sentences, claims=(),
                   entities=entities)


def test_check_claims_on_a_hand_built_article():
    t = dip.check_claims(article())
    assert list(t.columns) == ["claim", "evidence", "verdict", "reason"]
    neutral = t[t["claim"].str.contains("neutral")].iloc[0]
    assert neutral["verdict"] == "supported"
    assert "abstained on 6 of the 6 ES-11" in neutral["evidence"]
    groups = t[t["claim"].str.contains("both belong")]
    assert len(groups) == 5 and set(groups["verdict"]) == {"supported"}
    arms = t[t["claim"].str.contains("military equipment")].iloc[0]
    assert arms["verdict"] == "supported" and "36%" in arms["evidence"]
    china = t[t["claim"].str.contains("China")].iloc[-1]
    assert china["verdict"] == "cannot check"


def test_check_claims_flags_a_grouping_russia_is_not_in():
    text = "India and Russia meet in the Quad."
    t = dip.check_claims(article(text, entities=(Entity("Quad", "grouping", "QUAD", ((28, 32),)),)))
    assert t["verdict"].tolist() == ["contradicted"]
    assert "both belong to the Quad (named" in t["claim"].iloc[0]


def test_check_claims_reads_the_text_when_no_grouping_entities():
    t = dip.check_claims(article(entities=(), sentences=()))
    assert len(t[t["claim"].str.contains("both belong")]) == 5


def test_article_groupings_keep_only_those_with_membership_data():
    text = "They met at the UN Security Council, in NATO talks and at the SCO summit."
    a = article(text, entities=())
    assert dip.article_groupings(a) == ["SCO"]  # the Security Council is not the UN itself
    uncoded = (Entity("Group of Twenty", "grouping", None, ((0, 15),)),)
    assert dip.article_groupings(article("x", entities=uncoded)) == ["G20"]


def test_check_claims_on_the_seed_article():
    t = dip.check_claims(load_article())
    assert t["verdict"].tolist() == ["supported"] * 7 + ["cannot check"]
    assert t["claim"].iloc[0].startswith("India has maintained a neutral stance")
    named = t["claim"].str.extract(r"belong to the (.+?) \(")[0].dropna().tolist()
    assert named == ["Shanghai Cooperation Organisation", "G20", "BRICS", "United Nations",
                     "East Asia Summit"]


# ---- check_votes: votes on named resolutions and tallies, as of the article's date ----------

import datetime as dt  # noqa: E402


def dated(tmp_path, body, published):
    path = tmp_path / "vote.txt"
    path.write_text(f"Assembly Vote\n\n{body}\n", encoding="utf-8")
    (tmp_path / "vote.meta.yml").write_text(f"published: {published}\n", encoding="utf-8")
    return load_article(path)


def test_a_vote_on_a_named_resolution(tmp_path):
    a = dated(tmp_path, "India abstained on resolution ES-11/1 in the General Assembly, while "
                        "Russia voted against it.", "2022-03-05")
    rows = {r["partner"]: r for r in dip.claims.check_votes(a)}
    assert rows["IND"]["verdict"] == "confirmed" and "ES-11/1" in rows["IND"]["reason"]
    assert rows["RUS"]["verdict"] == "confirmed" and rows["RUS"]["computed"] == "no"


def test_the_resolution_is_found_from_the_articles_date_and_a_wrong_vote_differs(tmp_path):
    a = dated(tmp_path, "India voted in favour of the UN resolution on Thursday.", "2023-02-25")
    (row,) = dip.claims.check_votes(a)
    assert row["verdict"] == "differs" and row["computed"] == "abstain"
    assert "ES-11/6" in row["reason"]


def test_tallies_and_unknown_votes(tmp_path):
    a = dated(tmp_path, "The Assembly adopted the resolution with 141 votes in favour, 5 against "
                        "and 35 abstentions. Fiji voted in favour of the resolution.",
              "2022-03-03")
    rows = dip.claims.check_votes(a)
    tallies = {r["measure"]: r["verdict"] for r in rows if r["measure"].startswith("votes_")}
    assert tallies["votes_yes"] == "confirmed" and tallies["votes_abstain"] == "confirmed"
    fiji = next(r for r in rows if r["partner"] == "FJI")
    assert fiji["verdict"] == "cannot check" and "no source" in fiji["reason"]
    assert a.published == dt.date(2022, 3, 3)


def test_a_security_council_vote_is_not_read_as_the_assemblys(tmp_path):
    a = dated(tmp_path, "It follows a Security Council draft on which India abstained.",
              "2022-10-13")
    assert dip.claims.check_votes(a) == []


def test_a_tally_written_yes_no_abstain(tmp_path):
    a = dated(tmp_path, "Resolution ES-11/1 was adopted 141-5-35 in the Assembly.", "2022-03-05")
    (row,) = [r for r in dip.claims.check_votes(a) if r["measure"] == "tally"]
    assert (row["claimed"], row["computed"], row["verdict"]) == ("141-5-35", "141-5-35",
                                                                "confirmed")


def test_votes_and_tallies_say_where_they_were_read(tmp_path):
    a = dated(tmp_path, "India abstained on resolution ES-11/1 in the General Assembly, which "
                        "was adopted 141-5-35.", "2022-03-05")
    rows = dip.claims.check_votes(a)
    vote = next(r for r in rows if r["measure"] == "vote")
    assert "; as reported by " in vote["reason"]  # the ES-11 votes come from news reports
    tally = next(r for r in rows if r["measure"] == "tally")
    assert "(as reported by " in tally["reason"]
    assert dip.claims._as_recorded("unga_panel_countries", "UNVOTES") == \
        "the UN roll-call record"
    assert dip.claims._as_recorded("ukraine_votes", "NO_SUCH_ID") == "source not listed"

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
    assert "abstained on 4 of the 4 ES-11" in neutral["evidence"]
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

"""analysis.article.report: the tables and Markdown the article brief shows."""

from analysis.article import (
    bullets_markdown,
    claim_sentences,
    claims_summary,
    claims_table,
    entities_table,
    header_markdown,
    load_article,
)

from article_helpers import HOSTILE


def test_claims_table_columns_and_rows(seed):
    table = claims_table(seed)
    assert list(table.columns) == [
        "kind", "text", "value", "unit", "scale", "period", "start", "end", "sentence"]
    assert len(table) == len(seed.claims)
    row = table[table.text == "$65.7 billion"].iloc[0]
    assert (row.kind, row.value, row.period) == ("money", 65.7, "FY2023-24")
    assert seed.sentences[row.sentence].endswith("$65.7 billion.")
    assert table.start.is_monotonic_increasing


def test_entities_table(seed):
    table = entities_table(seed)
    assert list(table.columns) == ["kind", "name", "code", "mentions", "first"]
    assert table.set_index("name").loc["Russia", "code"] == "RUS"
    assert table.set_index("code").loc["SCO", "name"] == "Shanghai Cooperation Organisation"
    assert list(table.kind.unique()) == ["country", "person", "grouping", "event"]


def test_claim_sentences(seed):
    table = claim_sentences(seed)
    assert list(table.columns) == ["sentence", "claims", "text"]
    assert table.claims.sum() == len(seed.claims)
    row = table[table.text.str.contains("65.7")].iloc[0]
    assert row.claims == 3  # 33%, the fiscal year, $65.7 billion


def test_markdown_helpers_escape_dollars(seed, second):
    summary = claims_summary(seed)
    assert f"**{len(seed.claims)}** quantitative statements" in summary
    assert "**\\$65.7 billion (FY2023-24)**" in summary and "**33% (FY2023-24)**" in summary
    assert "\\$" in header_markdown(second) and "by Mara Ellison" in header_markdown(second)
    bullets = bullets_markdown(second.background)
    assert bullets.startswith("- **Past Disputes:** Relations cooled")
    assert "\\$60-65 billion" in bullets
    assert bullets_markdown((), empty="none here") == "none here"


def test_markdown_shows_article_markup_as_text():
    article = load_article(HOSTILE)
    header = header_markdown(article)
    assert header.startswith(
        "## Pulse Traders Eye \\$5 Billion &lt;script&gt;alert(1)&lt;/script&gt; As Talks")
    assert "article_hostile_markup.txt" in header  # "_" inside a word never starts emphasis
    points = bullets_markdown(article.key_points)
    assert "- **Target &lt;script&gt;alert(1)&lt;/script&gt;:** \\$5 billion" in points
    assert "with \\`fast-track\\` customs" in points
    assert "&lt;img src=x onerror=alert(1)&gt;" in points
    history = bullets_markdown(article.background)
    assert "\\`\\$PATH\\` \\$\\{HOME\\}" in history
    for markdown in (header, points, history, claims_summary(article)):
        assert "<" not in markdown
        assert markdown.count("$") == markdown.count("\\$")
        assert markdown.count("`") == markdown.count("\\`")


def test_summary_of_an_article_without_figures(tmp_path):
    path = tmp_path / "quiet.txt"
    path.write_text("Quiet Day\n\nNothing was signed and nobody spoke.\n", encoding="utf-8")
    assert claims_summary(load_article(path)) == "The article states no quantitative claims."


def test_header_names_outlet_and_publication_date_from_the_sidecar(seed):
    from pathlib import Path

    header = header_markdown(seed)
    assert "published 2024-07-08" in header
    china = load_article(Path(__file__).parent / "fixtures" / "article_china_trade.txt")
    assert "*by Ravi Menon*, Test Fixture Weekly, published 2025-04-20" in header_markdown(china)


def test_article_record_is_plain_json_data(seed):
    import json

    from analysis.article import article_record

    record = json.loads(json.dumps(article_record(seed)))
    assert record["article"]["published"] == "2024-07-08"
    money = next(c for c in record["claims"] if c["kind"] == "money")
    assert (money["measure"], money["partner"], money["qualifier"]) == ("total_trade", "RUS", None)
    assert {e["code"] for e in record["entities"] if e["kind"] == "grouping"} >= {"SCO", "BRICS"}

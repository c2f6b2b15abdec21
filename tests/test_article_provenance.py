"""The cache key covers the article a report reads: its text and its sidecar (issue 10)."""

from pathlib import Path

from analysis.provenance import article_change, article_digest, cache_key, fingerprint

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "article_brief.ipynb"


def test_editing_a_figure_or_the_sidecar_changes_the_key_and_says_why(tmp_path):
    article = tmp_path / "piece.txt"
    article.write_text("Title\n\nTrade was $5 billion in 2022-23.\n", encoding="utf-8")
    shared = {"data": {}, "packages": {}, "library": "x"}
    before = fingerprint(NOTEBOOK, {"article": str(article)}, ("html",), shared)
    article.write_text("Title\n\nTrade was $6 billion in 2022-23.\n", encoding="utf-8")
    after = fingerprint(NOTEBOOK, {"article": str(article)}, ("html",), shared)
    assert cache_key(before) != cache_key(after)
    assert article_change(before, after).endswith("piece.txt (text)")
    (tmp_path / "piece.meta.yml").write_text("published: 2023-05-01\n", encoding="utf-8")
    dated = fingerprint(NOTEBOOK, {"article": str(article)}, ("html",), shared)
    assert article_change(after, dated).endswith("(sidecar)")
    assert article_change(dated, dated) is None


def test_the_default_article_is_the_seed_and_other_notebooks_carry_no_article():
    seed = article_digest(None)
    assert seed["file"] == "seeds/000_dc0b2ade85a12fc9.txt"
    assert seed["text"] and seed["sidecar"]
    shared = {"data": {}, "packages": {}, "library": "x"}
    assert "article" not in fingerprint(NOTEBOOK, {"partner": "RUS"}, ("html",), shared)

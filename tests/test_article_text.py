"""analysis.article.text: finding and reading the file, its layout and its sentences."""

import os

import pytest

from analysis import ROOT
from analysis.article import DEFAULT_ARTICLE, load_article, locate
from analysis.article.text import parse_layout, sentence_spans
from analysis.errors import ArticleError

from article_helpers import claim

# --- layout -----------------------------------------------------------------------------------

def test_seed_layout(seed):
    assert seed.path == DEFAULT_ARTICLE
    assert seed.title.startswith("India’s Modi To Meet Putin In Moscow")
    assert seed.byline == "Jibran Munaf"  # the name is on two lines in the file
    assert len(seed.paragraphs) == 3
    assert seed.paragraphs[0].startswith("India’s Prime Minister Narendra Modi")
    assert [label for label, _ in seed.key_points] == [
        "Significance of the Meeting", "Agenda", "Bilateral Engagements", "Human Trafficking Issue"]
    assert [label for label, _ in seed.background] == [
        "Russia-Ukraine Conflict", "Economic Ties", "Historical Ties",
        "Modi’s Relations with China"]
    economic = dict(seed.background)["Economic Ties"]
    assert economic.startswith("India’s bilateral trade with Russia increased by 33%")
    assert [h for h, _ in seed.sections] == ["Key Points", "Background and Context"]


def test_second_article_layout(second):
    assert second.title.startswith("Japan And Vietnam Sign Chip Pact")
    assert second.byline == "Mara Ellison"  # "By " removed
    assert [label for label, _ in second.key_points] == [
        "Investment", "Regional Forums", "Indian Partner"]
    assert [label for label, _ in second.background] == ["Past Disputes", "Growth Targets"]


def test_layout_on_a_small_text(tmp_path):
    text = ("A Title\n\nBy Ann Lee\nAnn Lee\n\nFirst paragraph, on\ntwo lines.\n\n"
            "Highlights\n\n- One: first point\n- a bullet without label\n")
    layout = parse_layout(tmp_path / "x.txt", text)
    assert (layout.title, layout.byline) == ("A Title", "Ann Lee")  # repeated line once
    assert layout.paragraphs == ("First paragraph, on two lines.",)
    assert layout.key_points == (("One", "first point"), ("", "a bullet without label"))
    assert layout.background == ()
    # the heading over the list is read too (a period it names is the items')
    assert [text[a:b] for a, b in layout.units] == [
        "A Title", "First paragraph, on\ntwo lines.", "Highlights", "One: first point",
        "a bullet without label"]


def test_a_short_subheading_is_not_a_byline(tmp_path):
    path = tmp_path / "sub.txt"
    path.write_text("A Title\n\nwhat the talks mean for trade\n\nTrade rose 5%.\n",
                    encoding="utf-8")
    assert load_article(path).byline == ""


# --- sentences --------------------------------------------------------------------------------

def test_sentences_are_exact_slices_of_the_text(seed):
    assert len(seed.sentences) == len(seed.sentence_spans)
    for sentence, (start, end) in zip(seed.sentences, seed.sentence_spans):
        assert seed.text[start:end] == sentence
    assert seed.sentences[0] == seed.title
    assert ("Economic Ties: India’s bilateral trade with Russia increased by 33% in the "
            "financial year ended March 2024, reaching an all-time high of $65.7 billion."
            in seed.sentences)
    # the bullet's second sentence is its own sentence
    assert "However, trade remains imbalanced, with India importing significantly more from " \
           "Russia than it exports." in seed.sentences


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Mr. Rao met the U.S. envoy. Trade hit Rs. 5 crore. J. Doe left."
    spans = sentence_spans(text, [(0, len(text))])
    assert [text[a:b] for a, b in spans] == [
        "Mr. Rao met the U.S. envoy.", "Trade hit Rs. 5 crore.", "J. Doe left."]


# --- finding the file -------------------------------------------------------------------------

def test_locate_reads_a_relative_path_from_the_project_root(tmp_path, monkeypatch):
    relative = DEFAULT_ARTICLE.relative_to(ROOT)  # seeds/NAME.txt
    monkeypatch.chdir(tmp_path)  # as papermill runs the brief in notebooks/
    assert locate(str(relative)) == str(DEFAULT_ARTICLE)
    assert locate(None) is None and locate("None") is None
    assert locate(str(DEFAULT_ARTICLE)) == str(DEFAULT_ARTICLE)
    # a file in the working directory wins; a path found nowhere comes back as given
    (tmp_path / "seeds").mkdir()
    (tmp_path / relative).write_text("Local\n\nA paragraph.\n", encoding="utf-8")
    assert locate(str(relative)) == str(relative)
    assert locate("no/such/file.txt") == "no/such/file.txt"
    assert os.getcwd() == str(tmp_path)


# --- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"  \n\n \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"caf\xe9 au lait\n\nA paragraph.\n", "not UTF-8"),
    (b"word " * 200, "no title line"),
    (b"Only A Title\n", "no article structure"),
    (b"A Title\n\nAn Author\n", "no article structure"),
])
def test_bad_files_raise_article_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message) as info:
        load_article(path)
    assert str(path) in str(info.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ArticleError, match="not found") as info:
        load_article(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)
    with pytest.raises(ArticleError, match="not a file"):
        load_article(tmp_path)


def test_windows_line_endings_and_bom(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffA Title\r\n\r\nTrade rose 5% to $2 billion in 2023.\r\n".encode())
    article = load_article(path)
    assert article.title == "A Title"
    assert article.byline == ""
    assert claim(article, "$2 billion").period == "2023"


# --- sidecars, size, sub-headings (issue 10) ------------------------------------------------

def test_sidecar_gives_metadata_and_publication_date(tmp_path):
    import datetime as dt

    from analysis.article import load_article

    path = tmp_path / "note.txt"
    path.write_text("A Title\n\nSome paragraph with $5 billion in it.\n", encoding="utf-8")
    (tmp_path / "note.meta.yml").write_text(
        "title: A Title\noutlet: Example Daily\nurl: https://example.org/x\n"
        "published: 2023-04-17\nretrieved: 2026-01-02\n", encoding="utf-8")
    a = load_article(path)
    assert a.meta["outlet"] == "Example Daily" and a.published == dt.date(2023, 4, 17)
    assert load_article(path, published="2020-01-01").published == dt.date(2020, 1, 1)


def test_bad_sidecar_or_date_names_the_file(tmp_path):
    from analysis.article import load_article
    from analysis.errors import ArticleError

    path = tmp_path / "note.txt"
    path.write_text("A Title\n\nSome paragraph.\n", encoding="utf-8")
    (tmp_path / "note.meta.yml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="note.meta.yml: expected a mapping"):
        load_article(path)
    (tmp_path / "note.meta.yml").write_text("published: soon\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="note.meta.yml: published='soon' is not a date"):
        load_article(path)


def test_a_file_over_two_megabytes_is_refused_by_name(tmp_path):
    from analysis.article import load_article
    from analysis.errors import ArticleError

    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + "word " * 500_000, encoding="utf-8")
    with pytest.raises(ArticleError, match=r"big.txt: too large for an article"):
        load_article(big)


def test_plain_paragraphs_and_a_subheading_with_a_figure(tmp_path):
    from analysis.article import load_article

    path = tmp_path / "plain.txt"
    path.write_text("Plain Title Here\n\nStaff\n\nFirst paragraph says trade grew.\n\n"
                    "EXPORTS TOUCH $7 BILLION\n\nA second paragraph follows.\n", encoding="utf-8")
    a = load_article(path)
    assert len(a.paragraphs) == 2
    assert "EXPORTS TOUCH $7 BILLION" in a.sentences
    assert [c.text for c in a.claims if c.kind == "money"] == ["$7 BILLION"]


def test_seed_articles_lists_the_collection():
    from analysis.article import seed_articles

    names = [p.name for p in seed_articles()]
    assert "000_dc0b2ade85a12fc9.txt" in names


def test_a_by_line_over_summary_bullets_is_still_a_byline(tmp_path):
    from analysis.article import load_article

    path = tmp_path / "wire.txt"
    path.write_text("Leaders Meet\n\nBy Ravi Menon and Asha Rao\n\n  • Talks held\n  • Deals signed"
                    "\n\nRavi Menon and Asha Rao report that the talks went well.\n",
                    encoding="utf-8")
    a = load_article(path)
    assert a.byline == "Ravi Menon and Asha Rao"
    assert {e.name for e in a.entities_of("person")} >= {"Ravi Menon", "Asha Rao"}


def test_a_file_not_named_as_an_article_is_refused_unread(tmp_path):
    path = tmp_path / "passwd"
    path.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="passwd: not an article file; expected a UTF-8 text "
                                           "file named like seeds/NAME.txt"):
        load_article(path)

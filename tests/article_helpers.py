"""Shared by the tests of analysis.article: the fixture articles and lookups by exact text."""

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
#: An invented article in another topic and other number formats (see fixtures/README.md).
SECOND = FIXTURES / "article_japan_vietnam.txt"
#: An invented article whose text holds HTML, Markdown and "$" that must show as written.
HOSTILE = FIXTURES / "article_hostile_markup.txt"


def claim(article, text):
    """The one claim whose text is exactly ``text``."""
    found = [c for c in article.claims if c.text == text]
    assert len(found) == 1, (text, [c.text for c in article.claims])
    return found[0]


def entity(article, kind, name):
    """The one entity of ``kind`` named ``name``."""
    found = [e for e in article.entities if e.kind == kind and e.name == name]
    assert len(found) == 1, (kind, name, [(e.kind, e.name) for e in article.entities])
    return found[0]

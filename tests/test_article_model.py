"""analysis.article.model: the Claim, Entity and Article records."""

from pathlib import Path

import pytest

from analysis.article import SCALES, Article, Claim, Entity


def money(value, scale):
    return Claim("money", value, "INR", scale, None, "x", "x", (0, 1))


@pytest.mark.parametrize("value,scale,magnitude", [
    (65.7, "billion", 65.7e9), (1200, "crore", 1.2e10), (2.5, "lakh crore", 2.5e12),
    (40, "lakh", 4e6), (7, None, 7.0),
])
def test_magnitude_is_value_times_scale(value, scale, magnitude):
    assert money(value, scale).magnitude == pytest.approx(magnitude)
    assert set(SCALES) >= {"thousand", "lakh", "million", "crore", "billion", "trillion"}


def test_entities_of_one_kind_in_order_and_mentions():
    india = Entity("India", "country", "IND", ((0, 5), (40, 45)))
    sco = Entity("Shanghai Cooperation Organisation", "grouping", "SCO", ((10, 13),))
    russia = Entity("Russia", "country", "RUS", ((20, 26),))
    article = Article(Path("a.txt"), "T", "", (), (), (), text="", sentences=(), claims=(),
                      entities=(india, sco, russia))
    assert article.entities_of("country") == (india, russia)
    assert article.entities_of("event") == ()
    assert (india.mentions, sco.mentions) == (2, 1)

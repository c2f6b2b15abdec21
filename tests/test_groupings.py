"""The one table of international groupings (sentences written for these tests)."""

import re

import pandas as pd

from analysis import groupings
from analysis.datasets import load_table


def test_longest_mention_wins():
    text = "The UN Security Council met; the United Nations and the SCO spoke."
    assert [(text[a:b], code) for a, b, code in groupings.find(text)] == [
        ("UN Security Council", "UNSC"), ("United Nations", "UN"), ("SCO", "SCO")]


def test_spelling_variants_and_word_edges():
    text = "Shanghai Cooperation Organization, G-20, Group of Twenty, BRICS+, quadrant, G200"
    codes = [code for _, _, code in groupings.find(text)]
    assert codes == ["SCO", "G20", "G20", "BRICS"]


def test_one_name_per_grouping():
    assert groupings.name("SCO") == "Shanghai Cooperation Organisation"
    assert len({g.name for g in groupings.GROUPINGS.values()}) == len(groupings.GROUPINGS)


def test_membership_codes_are_the_codes_of_the_data():
    in_data = set(load_table("diplomacy/groupings")["grouping"])
    declared = {c for c in groupings.with_membership_data()
                if groupings.GROUPINGS[c].members_in == "groupings"}
    assert declared == in_data
    assert "UN" in groupings.with_membership_data()


def test_patterns_compile():
    for g in groupings.GROUPINGS.values():
        for p in g.patterns:
            assert isinstance(re.compile(p), re.Pattern)
    assert isinstance(pd.Series(groupings.with_membership_data()), pd.Series)

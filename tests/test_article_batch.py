"""A batch file fans one notebook out over every article a pattern matches (issue 10)."""

import shutil
from pathlib import Path

import pytest

from analysis.batch import load
from analysis.errors import ParameterError

FIXTURES = Path(__file__).parent / "fixtures"


def batch_file(tmp_path, pattern: str) -> Path:
    arts = tmp_path / "arts"
    arts.mkdir()
    for name in ("article_china_trade", "article_un_vote"):
        for suffix in (".txt", ".meta.yml"):
            shutil.copy(FIXTURES / f"{name}{suffix}", arts / f"{name}{suffix}")
    path = tmp_path / "batch.yml"
    path.write_text("out: reports\nformats: [html]\nreports:\n  - notebook: article_brief\n"
                    f"    parameters: {{article: \"{pattern}\"}}\n", encoding="utf-8")
    return path


def test_one_report_per_article_matched(tmp_path):
    jobs = load(batch_file(tmp_path, "arts/*.txt")).jobs
    assert [j.slug for j in jobs] == ["article_brief--article=article_china_trade",
                                      "article_brief--article=article_un_vote"]
    assert all(j.inputs["article"]["text"] for j in jobs)  # each article's content is keyed


def test_a_pattern_matching_nothing_is_a_one_line_mistake(tmp_path):
    with pytest.raises(ParameterError, match=r"report 1: article=none/\*.txt matches no file"):
        load(batch_file(tmp_path, "none/*.txt"))

"""bench/score_articles.py on a tiny folder of our own: an article, its sidecar and a label
file of offsets, values and periods."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "score_articles.py"
ARTICLES = ROOT.parent / "shared" / "articles"


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True,
                          text=True, timeout=120, check=False)


def test_scores_a_labelled_folder(tmp_path):
    text = ("Trade Notes\n\nStaff\n\nExports to Chile rose 12% to $3.1 billion in the last "
            "fiscal. Minister Ana Ruiz spoke.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.meta.yml").write_text("published: 2024-05-02\n", encoding="utf-8")
    labels = tmp_path / "labels"
    labels.mkdir()
    pct, money = text.index("12%"), text.index("$3.1 billion")
    (labels / "a.yml").write_text(
        "claims:\n"
        f"  - {{start: {pct}, end: {pct + 3}, kind: percent, value: 12, unit: percent, "
        "scale: null, period: FY2023-24}\n"
        f"  - {{start: {money}, end: {money + 12}, kind: money, value: 3.1, unit: USD, "
        "scale: billion, period: FY2023-24}\n"
        "  - {start: 0, end: 5, kind: count, value: 9, unit: count, scale: null, period: null}\n"
        "entities:\n  - {kind: country, code: CHL}\n", encoding="utf-8")
    out = run(tmp_path, "--labels", labels)
    assert out.returncode == 0, out.stderr
    row = next(line for line in out.stdout.splitlines() if line.startswith("a.txt"))
    assert row.split()[1:5] == ["1.00", "0.67", "1.00", "1.00"]  # P, R, value, period
    assert "2 matched, 0 extra, 1 missed" in out.stdout


def test_draft_label_file_holds_offsets_not_text(tmp_path):
    article = tmp_path / "b.txt"
    article.write_text("Title Here\n\nImports from Peru hit $2 billion in 2022-23.\n",
                       encoding="utf-8")
    out = run("--draft", article)
    assert out.returncode == 0 and "start:" in out.stdout and "Peru" not in out.stdout
    assert "kind: money" in out.stdout and "period: FY2022-23" in out.stdout


def test_development_articles_when_present():
    if not ARTICLES.is_dir():
        import pytest

        pytest.skip("../shared/articles is not present")
    out = run(ARTICLES)
    assert out.returncode == 0, out.stderr
    overall = next(line for line in out.stdout.splitlines() if line.startswith("ALL"))
    p, r = (float(x) for x in overall.split()[1:3])
    assert p >= 0.95 and r >= 0.95

"""What changed since the last report, as cron sees it: `ties batch --quiet` over a copy of the
project whose data/ is revised between runs the way the real data were.

First run: data/ as it stood before TradeStat's final FY2024-25 China totals replaced PTI's
provisional ones (April 2025) and before the FY2025-26 rows arrived (the real rows removed).
Second run: the real data/. The report then says what changed, after its key findings and first chart,
and the batch prints one line for it. A re-render with nothing changed says nothing.
"""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from analysis import ROOT

pytestmark = [pytest.mark.notebook, pytest.mark.cli]

SLUG = "trade_imbalance--partner=CHN"
BATCH = "out: reports\nformats: [html]\nreports:\n  - notebook: trade_imbalance\n" \
        "    parameters: {partner: CHN}\n"


def earlier(line: str) -> bool:
    """The rows published after the first report: China's FY2025-26 rows and TradeStat's
    final FY2024-25 China rows."""
    return line.startswith("IND,CHN,FY2025-26,") or (
        line.startswith("IND,CHN,FY2024-25,") and ",TRADESTAT_HS2_RU," in line)


def ties(root, *args):
    """`ties` run in the project copy: the library, the kernels and data/ all the copy's."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=900)


def page(root) -> str:
    return (root / "reports" / SLUG / f"{SLUG}.html").read_text(encoding="utf-8")


def manifest(root) -> dict:
    return json.loads((root / "reports" / SLUG / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project (library, notebooks, data, seeds) and its batch file, rendered
    once from the earlier data, then once from the real data."""
    root = tmp_path_factory.mktemp("project")
    for part in ("analysis", "notebooks", "data", "seeds"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "reports.yml").write_text(BATCH)
    table = root / "data" / "trade" / "bilateral_fy.csv"
    real = table.read_text(encoding="utf-8")
    table.write_text("".join(line for line in real.splitlines(keepends=True)
                             if not earlier(line)), encoding="utf-8")
    first = ties(root, "batch", "reports.yml", "--quiet")
    first_page, first_manifest = page(root), manifest(root)
    table.write_text(real, encoding="utf-8")  # the update: final figures and a new year
    second = ties(root, "batch", "reports.yml", "--quiet")
    return root, first, first_page, first_manifest, second


def test_the_first_report_has_nothing_to_compare_with(project):
    _, first, first_page, first_manifest, _ = project
    assert first.returncode == 0, first.stderr
    assert first.stdout == ""
    assert "What changed" not in first_page and first_manifest["changes"] is None
    latest = {f["key"]: f["text"] for f in first_manifest["key_figures"]}
    assert latest["latest_fy"] == "FY2024-25" and latest["export:FY2024-25"] == "US$ 14.2 bn"


def test_the_update_is_one_line_of_the_cron_mail(project):
    root, _, _, first_manifest, second = project
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines() == [
        f"[{SLUG}] latest fiscal year covered: FY2025-26 (was FY2024-25), total trade "
        "US$ 151.1 bn (provisional); FY2024-25 (final, was provisional): total trade "
        "US$ 127,699.6 mn (was US$ 127,700.0 mn) and 3 more figures"]
    assert second.stdout.splitlines()[0] in (root / "reports" / "batch.log").read_text()
    changes = manifest(root)["changes"]
    assert changes["since"] == first_manifest["started"]
    assert [c["kind"] for c in changes["items"]] == ["new period"] + ["revised"] * 4


def test_the_report_says_what_changed_after_its_key_findings_and_first_chart(project):
    root, _, _, first_manifest, _ = project
    html = page(root)
    box = html.index('class="key-findings"')
    section = html.index('class="what-changed"')
    chart = html.index("Exports, imports and the balance over time", box)
    assert box < chart < html.index("<img", chart) < section  # page 1 keeps its chart
    assert section < html.index("Composition: what India buys and sells", box)
    text = re.sub(r"<[^>]+>", "", html[section:html.index("</section>", section)])
    day = first_manifest["started"][:10]
    assert f"What changed since the last report ({int(day[8:])} " in text and day[:4] in text
    assert ("Latest fiscal year covered: FY2025-26 (was FY2024-25), new figures: total trade "
            "US$ 151.1 bn, exports US$ 19.5 bn, imports US$ 131.6 bn, balance US$ −112.2 bn "
            "(all provisional), rank among India's partners covered no. 1 of 38") in text
    assert ("FY2024-25 (final, was provisional): total trade US$ 127,699.6 mn (was "
            "US$ 127,700.0 mn), exports US$ 14.3 bn (was US$ 14.2 bn), imports US$ 113.4 bn "
            "(was US$ 113.5 bn), balance US$ −99,195.2 mn (was US$ −99,200.0 mn)") in text
    assert "FY2023-24" not in text


def test_a_render_with_nothing_changed_says_nothing(project):
    root, *_ = project
    skipped = ties(root, "batch", "reports.yml", "--quiet")
    assert skipped.returncode == 0 and skipped.stdout == ""
    assert 'class="what-changed"' in page(root)  # not re-rendered: still the last change
    forced = ties(root, "batch", "reports.yml", "--quiet", "--force")
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout == ""
    assert "What changed" not in page(root) and manifest(root)["changes"] is None

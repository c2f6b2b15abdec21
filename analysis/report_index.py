"""``reports/index.html``: every report in a folder with its status, date and links.

Read from what is on disk (each ``<slug>/manifest.json`` and each ``<slug>.failed.json``), so
the index is right whichever command rendered the reports.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from analysis.params import non_defaults, show
from analysis.publish import MANIFEST, read_failure, read_manifest

INDEX = "index.html"

_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #1d1d1f;
       max-width: 70em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
p.sub { color: #5f6368; margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.35em 0.8em 0.35em 0; border-bottom: 1px solid #d9d9de;
         vertical-align: top; }
th { border-bottom: 1.5px solid #1d1d1f; }
td:first-child { width: 32%; }
td.params { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; }
.ok { color: #1a7f37; font-weight: bold; }
.failed { color: #b3261e; font-weight: bold; }
.note { color: #5f6368; font-size: 0.85em; }
.finding { color: #333; font-size: 0.9em; }
a { color: #8a1c1c; }
"""


def collect(out_dir: Path) -> list[dict]:
    """One row per report slug found in ``out_dir``: status, dates, files, failure."""
    out_dir = Path(out_dir)
    rows: dict[str, dict] = {}
    if not out_dir.is_dir():
        return []
    for manifest in sorted(out_dir.glob(f"*/{MANIFEST}")):
        if manifest.parent.name.startswith("."):
            continue
        data = read_manifest(manifest.parent)
        if data is None:
            continue
        rows[manifest.parent.name] = {"slug": manifest.parent.name, "good": data, "failed": None}
    for note in sorted(out_dir.glob("*.failed.json")):
        slug = note.name[: -len(".failed.json")]
        data = read_failure(out_dir, slug)
        if data is None:
            continue
        rows.setdefault(slug, {"slug": slug, "good": None, "failed": None})["failed"] = data
    return [rows[k] for k in sorted(rows)]


def write_index(out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` (atomically) and return its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    body = []
    for row in collect(out_dir):
        slug, good, failed = row["slug"], row["good"], row["failed"]
        latest = failed or good
        differ = non_defaults(Path(latest.get("notebook", "")).stem, latest.get("parameters") or {})
        shown = "<br>".join(
            f"{html.escape(k)}={html.escape(show(v))}" for k, v in differ.items()
        ) or "defaults"
        title = (good or {}).get("title") or latest.get("title")
        heading = f"<strong>{html.escape(title)}</strong><br>" if title else ""
        finding = (good or {}).get("finding")
        if finding:
            heading += f'<span class="finding">{html.escape(finding)}</span><br>'

        if failed:
            status = '<span class="failed">failed</span>'
            status += (f'<div class="note">{html.escape(_date(failed.get("finished")))} · '
                       f'<a href="{_href(slug + ".failed.txt")}">failure note</a></div>')
            if good:
                status += (f'<div class="note">last good report from '
                           f'{html.escape(_date(good.get("finished")))} kept</div>')
        else:
            status = '<span class="ok">ok</span>'
        links = []
        if good:
            for kind in ("pdf", "html", "notebook"):
                name = (good.get("files") or {}).get(kind)
                if name:
                    label = {"pdf": "PDF", "html": "HTML", "notebook": "notebook"}[kind]
                    links.append(f'<a href="{_href(slug + "/" + name)}">{label}</a>')
            links.append(f'<a href="{_href(slug + "/manifest.json")}">manifest</a>')
        date = _date((good or {}).get("finished"))
        body.append(
            f'<tr><td>{heading}<span class="note">{html.escape(slug)}</span></td>'
            f"<td>{html.escape(latest.get('notebook', ''))}</td>"
            f'<td class="params">{shown}</td><td>{status}</td><td>{html.escape(date)}</td>'
            f"<td>{' · '.join(links) or '—'}</td></tr>"
        )
    rows = "\n".join(body) or '<tr><td colspan="6">No reports yet.</td></tr>'
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>ties reports</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<h1>ties reports</h1>
<p class="sub">Briefings on India's foreign relations: its trade with a partner, its votes at the
UN, and what an article claims, checked against data. Each report is a PDF for readers, an HTML
page, the executed notebook and a manifest of what it was built from.</p>
<table>
<thead><tr><th scope="col">Report</th><th scope="col">Notebook</th><th scope="col">Parameters</th>
<th scope="col">Status</th><th scope="col">Rendered</th><th scope="col">Files</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</main>
</body>
</html>
"""
    path = out_dir / INDEX
    tmp = out_dir / f".{INDEX}.{os.getpid()}.tmp"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, path)
    return path


def _date(iso: str | None) -> str:
    """``2026-11-25T04:33:24+00:00`` → ``2026-11-25 04:33 UTC``."""
    if not iso:
        return "—"
    return iso[:16].replace("T", " ") + (" UTC" if iso.endswith("+00:00") else "")


def _href(path: str) -> str:
    from urllib.parse import quote

    return html.escape(quote(path))

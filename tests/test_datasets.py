"""The one loader for data/: refuses tables that break their sidecar, naming file and line."""

import textwrap
from pathlib import Path

import pytest

from analysis.datasets import list_tables, load_table, source_line
from analysis.errors import DataError

META = textwrap.dedent("""\
    title: Test table
    description: A fixture.
    licence: CC0
    primary_key: [fiscal_year, flow]
    units: {value_usd_mn: US$ million}
    columns:
      fiscal_year: {type: fiscal_year}
      flow: {type: category, allowed: [export, import]}
      value_usd_mn: {type: float, min: 0}
      source_id: {type: source}
    sources:
      - {id: S1, publisher: Pub, title: A report, url: "https://example.org", retrieved: 2026-01-01, licence: CC0}
    """)
GOOD = "fiscal_year,flow,value_usd_mn,source_id\nFY2023-24,export,4200,S1\nFY2023-24,import,61400,S1\n"


def write(tmp: Path, csv: str, meta: str = META) -> Path:
    (tmp / "g").mkdir(exist_ok=True)
    (tmp / "g" / "t.csv").write_text(csv)
    (tmp / "g" / "t.meta.yml").write_text(meta)
    return tmp


def test_good_table_loads_with_types_and_meta(tmp_path):
    df = load_table("g/t", write(tmp_path, GOOD))
    assert df["value_usd_mn"].sum() == 65600
    assert df.attrs["meta"].title == "Test table"
    assert list_tables(tmp_path) == ["g/t"]
    assert source_line(df) == "Source: Pub, A report (retrieved 2026-01-01)."


@pytest.mark.parametrize("csv,message", [
    (GOOD.replace("4200", "-5"), "line 2: column 'value_usd_mn' value '-5' is below the minimum 0"),
    (GOOD.replace("4200", "abc"), "line 2: column 'value_usd_mn' value 'abc' is not a number"),
    (GOOD.replace("FY2023-24,import", "FY2023-24,export"), "line 2: duplicate key"),
    (GOOD.replace("import", "re-export"), "line 3: column 'flow' value 're-export' is not one of"),
    (GOOD.replace("FY2023-24,import", "2023,import"), "line 3: column 'fiscal_year'"),
    (GOOD.replace("FY2023-24,import", "  ,import"), "line 3: column 'fiscal_year' value '  ' is empty"),
    (GOOD.replace(",S1\nFY", ",S9\nFY"), "line 2: column 'source_id' value 'S9' is not a source id"),
    (GOOD.replace("value_usd_mn", "value"), "do not match the sidecar"),
    ("", "cannot be read as CSV"),
])
def test_bad_tables_are_refused_with_file_and_line(tmp_path, csv, message):
    write(tmp_path, csv)
    with pytest.raises(DataError) as exc:
        load_table("g/t", tmp_path)
    assert "t.csv" in str(exc.value)
    assert message in str(exc.value)


def test_missing_files_and_bad_sidecars(tmp_path):
    with pytest.raises(DataError, match="sidecar is missing"):
        load_table("g/none", tmp_path)
    write(tmp_path, GOOD, META.replace("licence: CC0\n", "", 1))
    with pytest.raises(DataError, match="missing metadata field.*licence"):
        load_table("g/t", tmp_path)
    write(tmp_path, GOOD, "title: [unclosed")
    with pytest.raises(DataError, match="not valid YAML"):
        load_table("g/t", tmp_path)
    write(tmp_path, GOOD)
    (tmp_path / "g" / "t.csv").unlink()
    with pytest.raises(DataError, match="data file is missing"):
        load_table("g/t", tmp_path)


def test_source_line_cites_only_used_sources(tmp_path):
    df = load_table("g/t", write(tmp_path, GOOD))
    assert source_line(df, used_ids={"S1"}).startswith("Source: Pub, A report")
    assert source_line(df, used_ids=set()) == "Source: none (no rows shown)."


def test_derived_frames_share_the_read_only_sidecar(tmp_path):
    import copy
    df = load_table("g/t", write(tmp_path, GOOD))
    meta = df.attrs["meta"]
    assert copy.deepcopy(meta) is meta
    assert df[df["flow"] == "export"].attrs["meta"] is meta


def test_data_catalogue_lists_every_table_and_is_current(data_dir):
    from analysis.derive.catalogue import catalogue_text
    text = (data_dir / "README.md").read_text(encoding="utf-8")
    assert text == catalogue_text(data_dir), "data/README.md is stale: run `ties data build`"
    for name in list_tables(data_dir):
        assert f"`{name}.csv`" in text and f"`{name}.meta.yml`" in text

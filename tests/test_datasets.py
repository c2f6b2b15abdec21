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


SIGNED = META.replace("flow: {type: category, allowed: [export, import]}",
                      "flow: {type: category, allowed: [export, import, balance]}").replace(
    "value_usd_mn: {type: float, min: 0}",
    "value_usd_mn: {type: float, max: 1000000, nonnegative_when: {flow: [export, import]}}")


@pytest.mark.parametrize("csv,message", [
    (GOOD.replace("4200", "inf"), "line 2: column 'value_usd_mn' value 'inf' is not a finite"),
    (GOOD.replace("61400", "-Infinity"), "line 3: column 'value_usd_mn' value '-Infinity' is not"),
    (GOOD.replace("61400", "1e308"), "line 3: column 'value_usd_mn' value '1e308' is above the "
                                     "maximum 1000000"),
    (GOOD.replace("61400", "-61400"), "line 3: column 'value_usd_mn' value -61400 is negative "
                                      "where flow is import"),
    (GOOD.replace("61400", "-1e13"), "line 3: column 'value_usd_mn' value '-1e13' is below -1e+12"),
])
def test_numbers_must_be_finite_in_bounds_and_signed_as_the_flow_says(tmp_path, csv, message):
    write(tmp_path, csv, SIGNED)
    with pytest.raises(DataError) as exc:
        load_table("g/t", tmp_path)
    assert "t.csv" in str(exc.value) and message in str(exc.value)


def test_a_balance_may_take_either_sign(tmp_path):
    balance = GOOD + "FY2023-24,balance,-57200,S1\n"
    assert load_table("g/t", write(tmp_path, balance, SIGNED))["value_usd_mn"].min() == -57200


def test_inf_in_an_integer_column_names_file_and_line(tmp_path):
    meta = META.replace("value_usd_mn: {type: float, min: 0}", "value_usd_mn: {type: int}")
    write(tmp_path, GOOD.replace("4200", "inf"), meta)
    with pytest.raises(DataError, match=r"t.csv line 2: column 'value_usd_mn' value 'inf' is not"):
        load_table("g/t", tmp_path)


@pytest.mark.parametrize("old, new, message", [
    ("  - {id: S1, publisher: Pub, title: A report, url: \"https://example.org\", "
     "retrieved: 2026-01-01, licence: CC0}", "  - just a string",
     "source #1 must be a mapping (id, publisher, title, url …), not text"),
    ("sources:\n", "sources: one\nx:\n", "sources must be a list of source records, not text"),
    ("title: Test table", "title: [Test, table]", "title must be text, not a list"),
    ("units: {value_usd_mn: US$ million}", "units: [US$ million]", "units must map column names"),
    ("primary_key: [fiscal_year, flow]", "primary_key: [fiscal_year, kind]",
     "primary_key names kind, not among the columns"),
    ("primary_key: [fiscal_year, flow]", "primary_key: fiscal_year",
     "primary_key must be a non-empty list of column names"),
    ("fiscal_year: {type: fiscal_year}", "fiscal_year: fiscal_year",
     "column 'fiscal_year' must be a mapping (type, description …), not text"),
    ("{type: float, min: 0}", "{type: float, min: zero}", "min must be a finite number"),
    ("{type: float, min: 0}", "{type: float, min: 0, mni: 1}", "unknown field(s) mni"),
    ("{type: float, min: 0}", "{type: float, min: 5, max: 1}", "min 5 is above max 1"),
    ("{type: float, min: 0}", "{type: float, nullable: perhaps}", "nullable must be true or false"),
    ("allowed: [export, import]", "allowed: export", "a category needs a non-empty list"),
    ("{type: float, min: 0}", "{type: float, nonnegative_when: {kind: [export]}}",
     "nonnegative_when must name another column"),
    ("licence: CC0\n", "licence: CC0\nlicence: CC-BY\n", "key 'licence' is given twice"),
    ("retrieved: 2026-01-01,", "kind: blog, retrieved: 2026-01-01,",
     "source 'S1' has kind 'blog'; allowed: official table, official record, dataset, "
     "ministry figure as reported, news, reference work"),
])
def test_every_sidecar_field_is_type_checked(tmp_path, old, new, message):
    assert old in META
    write(tmp_path, GOOD, META.replace(old, new, 1))
    with pytest.raises(DataError) as exc:
        load_table("g/t", tmp_path)
    assert "t.meta.yml" in str(exc.value) and message in str(exc.value)


def test_the_shipped_trade_sidecars_state_bounds_and_sign_rules(data_dir):
    from analysis.datasets import load_meta

    spec = load_meta("trade/bilateral_fy", data_dir).raw["columns"]["value_usd_mn"]
    assert spec["nonnegative_when"] == {"flow": ["export", "import", "total"]}
    assert spec["min"] < 0 < spec["max"] < 1e308


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


def test_every_source_of_every_table_in_data_states_a_known_kind():
    from analysis.datasets import SOURCE_KINDS, load_meta

    kinds = {s["id"]: s.get("kind") for t in list_tables() for s in load_meta(t).sources}
    assert kinds and all(k in SOURCE_KINDS for k in kinds.values()), \
        sorted(i for i, k in kinds.items() if k not in SOURCE_KINDS)
    # the UN's record and Voeten's compilation of it are different kinds of evidence
    assert (kinds["UNVOTES"], kinds["UNTC_CHARTER"]) == ("dataset", "official record")

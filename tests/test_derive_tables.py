"""analysis.derive.tables: the one writer of a table and its sidecar, and cite()."""

import pandas as pd
import pytest
import yaml

from analysis.derive.tables import cite, write_table
from analysis.errors import DataError

SHARED = {"type": "str", "nullable": True, "description": "free text"}
META = {
    "title": "A tiny table",
    "derived_by": "ties data build (analysis/derive/example.py)",
    "licence": "CC0",
    "primary_key": ["code"],
    "columns": {"code": {"type": "str", "description": "a code"}, "note": SHARED,
                "other": SHARED},
}
ROWS = [{"code": "b", "note": "has, a comma", "other": ""},
        {"code": "a", "note": "", "other": "x"}]


def test_rows_and_dataframe_write_the_same_bytes(tmp_path):
    a = write_table(tmp_path / "rows", "t", ROWS, META)
    b = write_table(tmp_path / "frame", "t", pd.DataFrame(ROWS), META)
    assert [p.name for p in a] == ["t.csv", "t.meta.yml"]
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes(), x.name
    assert a[0].read_text() == 'code,note,other\nb,"has, a comma",\na,,x\n'  # order kept


def test_sidecar_keeps_key_order_says_who_wrote_it_and_has_no_yaml_aliases(tmp_path):
    _, side = write_table(tmp_path, "t", ROWS, META)
    text = side.read_text(encoding="utf-8")
    first = text.split("\n", 1)[0]
    assert first == ("# Written by `ties data build` (analysis/derive/example.py); "
                     "do not edit.")
    assert "&id" not in text and "*id" not in text  # a shared column is written out twice
    loaded = yaml.safe_load(text)
    assert list(loaded) == list(META) and loaded == META


def test_missing_row_value_is_empty_and_column_order_is_the_sidecars(tmp_path):
    csv, _ = write_table(tmp_path, "t", [{"other": "o", "code": "c"}], META)
    assert csv.read_text() == "code,note,other\nc,,o\n"


def test_dataframe_with_other_columns_is_refused(tmp_path):
    df = pd.DataFrame(ROWS)[["note", "code", "other"]]
    with pytest.raises(DataError, match="t: columns .* differ from the sidecar"):
        write_table(tmp_path, "t", df, META)
    assert not (tmp_path / "t.csv").exists()


def test_cite_sorts_ids_drops_empty_fields_and_refuses_unknown_ids():
    register = {"B": {"publisher": "P", "kind": "news", "url": None, "document": "d"},
                "A": {"publisher": "Q", "kind": "official table", "url": "https://example.org"}}
    assert cite(["B", "A", "B"], register, "t") == [
        {"id": "A", "publisher": "Q", "kind": "official table", "url": "https://example.org"},
        {"id": "B", "publisher": "P", "kind": "news", "document": "d"}]
    with pytest.raises(DataError, match=r"t: source id\(s\) \['C'\] are not in the source register"):
        cite(["A", "C"], register, "t")


@pytest.mark.parametrize("kind", [None, "blog"], ids=["missing", "unknown"])
def test_cite_refuses_a_register_entry_without_a_known_kind(kind):
    register = {"A": {"publisher": "Q", "kind": kind, "url": "https://example.org"}}
    with pytest.raises(DataError, match=rf"t: source 'A' in the source register has kind "
                                        rf"{kind!r}; allowed: official table, "):
        cite(["A"], register, "t")

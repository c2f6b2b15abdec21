"""`ties data build` rebuilds data/ byte for byte from the gathered sources, as a user runs it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import DATA_DIR, ROOT
from analysis.derive import default_sources_dir, diplomacy, trade

SOURCES = default_sources_dir()
needs_sources = pytest.mark.skipif(
    not SOURCES.is_dir(), reason=f"source folder {SOURCES} is absent: data/ cannot be rebuilt here")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@needs_sources
def test_cli_rebuilds_data_byte_for_byte(tmp_path):
    out = tmp_path / "data"
    done = subprocess.run([sys.executable, "-m", "analysis", "data", "build", "--out", str(out)],
                          check=False, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "wrote 31 files" in done.stdout
    built, committed = _files(out), _files(DATA_DIR)
    assert sorted(built) == sorted(committed)
    differ = [name for name in committed if built[name] != committed[name]]
    assert not differ, f"rebuilt files differ from data/: {differ}"


@needs_sources
@pytest.mark.parametrize("module", [trade, diplomacy], ids=["trade", "diplomacy"])
def test_each_domain_rebuilds_its_folder(module, tmp_path):
    group = module.__name__.rsplit(".", 1)[1]
    written = module.run(SOURCES / group, tmp_path, log=lambda *_: None)
    assert {p.name for p in written} == {p.name for p in (DATA_DIR / group).iterdir()}
    for p in written:
        assert p.read_bytes() == (DATA_DIR / group / p.name).read_bytes(), p.name


def test_missing_source_folder_is_one_line_and_exit_2(tmp_path):
    done = subprocess.run([sys.executable, "-m", "analysis", "data", "build",
                           "--sources", str(tmp_path / "nowhere"), "--out", str(tmp_path / "d")],
                          check=False, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "source folder not found" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "d").exists()


@needs_sources
def test_missing_staged_file_names_the_file(tmp_path):
    from analysis.errors import DataError

    src = tmp_path / "diplomacy"
    shutil.copytree(SOURCES / "diplomacy", src)
    src.chmod(0o755)  # the gathered sources may be read-only; the copy must not be
    (src / "ukraine_resolutions.csv").unlink()
    with pytest.raises(DataError, match="ukraine_resolutions.csv: source file is missing"):
        diplomacy.run(src, tmp_path / "out", log=lambda *_: None)

"""Input-output tables (red-team findings F8, F9): a sector without output is left out of the linkage
table and of the averages that define key sectors, with a note; a table whose Leontief inverse does not
exist, or with negative value added, is refused when the data are read, in the user's terms."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import DataValidationError, load_tables, messages_in, read_io_table
from clusterlib.valuechain import analyse_value_chain_mapping, io_linkages


def test_a_zero_output_sector_is_left_out_of_the_linkages_miller_blair_2009():
    """Miller, R. E. and Blair, P. D. (2009), *Input-Output Analysis*, 2nd ed., §2.3: Z = [[150, 500],
    [200, 100]], x = (1000, 2000), with a third sector B of no output between them (like TÜİK's T and U).

    By hand: A = [[.15, .25], [.2, .05]], det(I − A) = .85 · .95 − .25 · .2 = .7575, so the Leontief
    column sums are 1.15/.7575 = 1.518152 and 1.10/.7575 = 1.452145 (mean 1.485149); the Ghosh row sums
    (B = [[.15, .5], [.1, .05]], same determinant) are 1.45/.7575 = 1.914191 and .95/.7575 = 1.254125
    (mean 1.584158).  With B inside, the means would be (1.518152 + 1 + 1.452145)/3 and B a sector
    with multipliers of exactly 1."""
    sectors = ["1", "B", "2"]
    Z = pd.DataFrame([[150, 0, 500], [0, 0, 0], [200, 0, 100]], index=sectors, columns=sectors, dtype=float)
    x = pd.Series({"1": 1000.0, "B": 0.0, "2": 2000.0})
    table = io_linkages(Z, x)
    assert table.index.tolist() == ["1", "2"] and table.attrs["no_output"] == ["B"]
    assert table["backward"].tolist() == pytest.approx([1.15 / 0.7575, 1.10 / 0.7575])
    assert table["forward"].tolist() == pytest.approx([1.45 / 0.7575, 0.95 / 0.7575])
    mean_bl, mean_fl = (1.15 + 1.10) / 2 / 0.7575, (1.45 + 0.95) / 2 / 0.7575
    assert table["power_of_dispersion"].tolist() == pytest.approx(
        [1.518152 / mean_bl, 1.452145 / mean_bl], 1e-6
    )
    assert table["sensitivity_of_dispersion"].tolist() == pytest.approx(
        [1.914191 / mean_fl, 1.254125 / mean_fl], 1e-6
    )
    assert table["key_sector"].tolist() == [True, False]


def _zero_b(io: pd.DataFrame) -> pd.DataFrame:
    """Section B with no output, the table still balanced: the other sections' purchases from B move to
    their value added, their sales to B to their final demand."""
    io = io.copy()
    to_b = io[(io["to"] == "B") & (io["from"] != "VA")].groupby("from")["value"].sum()
    from_b = io[(io["from"] == "B") & (io["to"] != "FD")].groupby("to")["value"].sum()
    for section, value in from_b.items():
        io.loc[(io["from"] == "VA") & (io["to"] == section), "value"] += value
    for section, value in to_b.items():
        io.loc[(io["from"] == section) & (io["to"] == "FD"), "value"] += value
    io.loc[(io["from"] == "B") | (io["to"] == "B"), "value"] = 0.0
    return io


def test_the_report_notes_the_section_left_out():
    tables = load_tables(tables=["firms", "relations", "io_table", "employment"])
    tables["io_table"] = _zero_b(tables["io_table"])
    m = analyse_value_chain_mapping("Samsun", tables=tables)
    assert "B" not in m.linkages.index and len(m.linkages) == 18
    invariant = m.linkages["backward"] / m.linkages["backward"].mean()
    np.testing.assert_allclose(m.linkages["power_of_dispersion"], invariant)
    english = m.present("en")
    assert (
        "1 section(s) without output left out of the linkage table and of the averages that define the key "
        "sectors (B)" in english.findings.notes
    )
    assert not english.linkages_table().frame["sector"].str.startswith("B ").any()
    assert "üretimi olmayan 1 kısım bağlantı tablosundan" in m.present("tr").findings.notes


def _io_file(tmp_path, text: str):
    path = tmp_path / "io_table.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_table_without_leontief_inverse_is_refused_when_read(tmp_path):
    """F9: section B sells only to itself and has no value added (balanced: 10 = 10).  The value-chain
    report failed late with "'A' is not productive (spectral radius 1.000 ≥ 1)" — 'A' read as NACE A."""
    path = _io_file(
        tmp_path, "from,to,value\nA,A,10\nA,FD,90\nVA,A,90\nB,B,10\nB,FD,0\nVA,B,0\nC,C,5\nC,FD,45\nVA,C,45\n"
    )
    with pytest.raises(DataValidationError) as info:
        read_io_table(path)
    assert str(info.value) == (
        "io_table.csv, column 'value': sector B has no value added and buys its inputs only from itself; the "
        "Leontief inverse (the input-output multipliers) does not exist for this table. Check the sector's "
        "value added (VA) row and its inputs"
    )
    with messages_in("tr"), pytest.raises(DataValidationError, match="B kısmının katma değeri yok"):
        read_io_table(path)


def test_a_closed_group_of_sectors_without_value_added_is_named(tmp_path):
    """B and C trade only with each other and have no value added (balanced, so they sell nothing to
    anyone else either); A is fine."""
    path = _io_file(
        tmp_path, "from,to,value\nA,A,10\nA,FD,90\nVA,A,90\nB,C,20\nC,B,20\nVA,B,0\nVA,C,0\nB,FD,0\nC,FD,0\n"
    )
    with pytest.raises(
        DataValidationError,
        match=r"sectors B, C have no value added and buy their inputs only "
        r"from each other \(B, C\)",
    ):
        read_io_table(path)


def test_negative_value_added_is_refused_with_its_row(tmp_path):
    path = _io_file(tmp_path, "from,to,value\nA,A,10\nA,FD,85\nVA,A,-5\nA,B,0\nB,A,100\nB,FD,0\nVA,B,100\n")
    with pytest.raises(DataValidationError) as info:
        read_io_table(path)
    assert "row 4, column 'value': section A's value added (VA) is negative (-5.0)" in str(info.value)


def test_the_bundled_table_passes():
    assert len(read_io_table(SAMPLE_DIR / "io_table.csv")) > 0


def test_a_section_without_a_row_is_named(tmp_path):
    """Red-team observation io_nonsquare: the message named section A's imbalance, not 'S has no row'."""
    path = _io_file(tmp_path, "from,to,value\nA,A,10\nA,S,5\nA,FD,85\nVA,A,90\nVA,S,5\n")
    with pytest.raises(DataValidationError) as info:
        read_io_table(path)
    assert str(info.value) == (
        "io_table.csv, column 'from': is not square: section(s) S have a column (purchases) but no row (sales); "
        "every section must appear as a row (from) and as a column (to)"
    )

"""The loaders' messages in the user's language."""

from __future__ import annotations

import re
import shutil

import pytest

from clusterlib.data import (
    DataValidationError,
    load_tables,
    messages_in,
    read_employment,
    require_years,
)
from clusterlib.data.notes import MissingTable, source_of
from tests.data._data_helpers import FAULTS, FIXTURES
from tests.data.bad_inputs import BAD_INPUTS, _write

# ----------------------------------------------------------------------- messages in the user's language


def test_turkish_run_gets_turkish_messages_without_internal_names():
    with messages_in("tr"), pytest.raises(DataValidationError) as info:
        read_employment(FAULTS / "many_problems.csv")
    lines = str(info.value).splitlines()
    assert lines[0] == "many_problems.csv: 27 sorun (ilk 20 tanesi listelendi):"
    assert lines[1] == "  2. satır, 'istihdam' sütunu: 'yok' bir sayı değil; beklenen: tam sayı, en az 0"
    assert lines[-1] == "  … ve 7 sorun daha"
    assert info.value.problems[-1].detail == "'Corumm' bir il değil; 'Çorum', 'Ordu' mı demek istediniz?"
    with pytest.raises(DataValidationError, match=r"^1 required"):  # English again outside the block
        load_tables(FAULTS / "folder_partial", step="sector_selection")


@pytest.mark.parametrize(
    ("call", "turkish"),
    [
        (
            lambda: load_tables(FAULTS / "folder_partial", step="sector_selection", lang="tr"),
            r"^'folder_partial' veri klasöründe gerekli 1 tablo yok \(.*\):\n  employment\.csv yok: Sektör seçimi "
            r"için gerekli\. Resmî kaynak: SGK",
        ),
        (
            lambda: load_tables(FAULTS / "folder_both", tables="employment", lang="tr"),
            r"employment\.csv ve employment\.xlsx ikisi birden 'folder_both' veri klasöründe",
        ),
    ],
)
def test_folder_messages_in_turkish(call, turkish):
    with pytest.raises(DataValidationError, match=turkish) as info:
        call()
    assert "sector_selection" not in str(info.value) and "'long'" not in str(info.value)


@pytest.mark.parametrize(
    ("file", "kwargs", "turkish"),
    [
        (
            "mixed_decimals.csv",
            {},
            r"2\. satır, 'ortalama ücret' sütunu: hücreler sayı biçiminde uyuşmuyor: '21850\.5' "
            r"ondalık nokta içeriyor, bu durumda '25\.444' 25\.444 okunur; ama binlik ayırıcı '\.' ise "
            r"\(Türkçe yazımı\) 25444 demektir",
        ),
        (
            "class_codes.csv",
            {},
            r"'10\.1' bir NACE grup kodu \('10\.1'\); '10' gibi 2 haneli bir bölüm bekleniyor",
        ),
        (
            "sgk_blank_row.xlsx",
            {"coverage": "partial"},
            r"^sgk_blank_row\.xlsx \('2023' sayfası\), 6\. satır, 'İl' "
            r"sütunu: 'ŞANLIURFA' satırında hiç değer yok",
        ),
        (
            "sgk_shifted_row.xlsx",
            {"coverage": "partial"},
            r"4\. satır, 'TOPLAM \(E\)' sütunu: toplam 0, faaliyetlerin "
            r"toplamı olan 136,310 ile tutmuyor",
        ),
        ("hidden_first_sheet.xlsx", {"sheet": "yok"}, r"'yok' adlı sayfa yok; sayfaları: \['eski', '2023'\]"),
    ],
)
def test_file_messages_in_turkish(file, kwargs, turkish):
    with messages_in("tr"), pytest.raises(DataValidationError, match=turkish):
        read_employment(FAULTS / file, **kwargs)


def test_coverage_message_in_turkish():
    with (
        messages_in("tr"),
        pytest.raises(DataValidationError, match=r"2023 yılı: 81 ilden 77 ilin satırı yok \(Adana,"),
    ):
        read_employment(FIXTURES / "employment_sgk.xlsx", sheet="2023")


def test_turkish_errors_survive_pickling():
    import pickle

    with messages_in("tr"), pytest.raises(DataValidationError) as info:
        read_employment(FAULTS / "class_codes.csv")
    copy = pickle.loads(pickle.dumps(info.value))
    assert str(copy) == str(info.value) and copy.lang == "tr"


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_every_bad_input_has_a_turkish_message(tmp_path, case):
    """The same located error in a Turkish run: Turkish location words, no English sentence words."""
    reader, name, content, _match = BAD_INPUTS[case]
    path = _write(tmp_path, name, content)
    with messages_in("tr"), pytest.raises(DataValidationError) as info:
        reader(path)
    text = str(info.value)
    english = re.findall(r"\b(row|column|expected|is not|is empty|missing|did you mean)\b", text)
    assert not english or case == "broken xlsx", (english, text)  # openpyxl's own reason stays as it is
    assert info.value.lang == "tr" and (info.value.row is None or "satır" in text)


def test_require_years_names_the_province_and_the_years_present():
    """Not 'KeyError: 55': the province and the years it has, in the run's language."""
    table = read_employment(FIXTURES / "employment_tidy.csv")
    require_years(table, "Gaziantep", [2022, 2023])
    with pytest.raises(
        DataValidationError,
        match=r"^employment_tidy\.csv: Çorum has no rows for 2022; the data have "
        r"years 2023 for it$",
    ):
        require_years(table, 19, [2022, 2023])
    with (
        messages_in("tr"),
        pytest.raises(
            DataValidationError,
            match=r"^employment_tidy\.csv: Samsun için hiç satır yok; veriler 2022–2023 yıllarını",
        ),
    ):
        require_years(table, "Samsun", [2023])


def test_dash_can_mean_suppressed_instead_of_nil():
    """A source that writes '-' for suppressed values: with dash='missing' it is never read as 0."""
    table = read_employment(FAULTS / "suppressed.csv", dash="missing").set_index("nace")
    assert table["employment"].isna().tolist() == [False, True, True, True]
    kinds = {(n.kind, n.column): n.count for n in source_of(table).notes}
    assert kinds[("dash_as_missing", "istihdam")] == 1 and kinds[("suppressed", "istihdam")] == 2
    with pytest.raises(ValueError, match=r"'dash' must be 'zero' or 'missing', got 'nil'"):
        read_employment(FAULTS / "suppressed.csv", dash="nil")


def test_missing_table_that_no_step_lists_is_still_named_as_required(tmp_path):
    with pytest.raises(DataValidationError) as info:
        load_tables(tmp_path, tables=["benchmarks"], optional=["province_factors"])
    first, second = info.value.missing
    assert (first.table, first.required, second.table, second.required) == (
        "benchmarks",
        True,
        "province_factors",
        False,
    )
    assert (
        "benchmarks.csv is missing: required. Needs assessment; and Monitoring and benchmarking run without"
        in str(info.value)
    )
    assert second.text("en").startswith("province_factors.csv is missing: Sector selection runs without it")
    lone = MissingTable("relations", "x", required=True)
    assert lone.text("tr") == "relations.csv yok: gerekli. Resmî kaynak: ."


def test_read_notes_are_not_copied_by_every_pandas_operation():
    """pandas deep-copies ``attrs`` on each operation; the immutable notes must make that free."""
    import copy

    table = load_tables(tables=["employment"])["employment"]
    info = source_of(table)
    assert info.notes and copy.deepcopy(info) is info and copy.deepcopy(info.notes[0]) is info.notes[0]
    assert source_of(table[table["plate"] == 55]) is info


def test_load_tables_reads_the_sheet_asked_for(tmp_path):
    """A folder whose employment.xlsx is an SGK yearbook: sheets={"employment": "all"} reads every year."""
    shutil.copy(FAULTS / "sgk_yearbook.xlsx", tmp_path / "employment.xlsx")
    first = load_tables(tmp_path, tables="employment", coverage="partial")
    assert sorted(set(first["employment"]["year"])) == [2023] and first.sources["employment"].sheet == "2023"
    every = load_tables(tmp_path, tables="employment", coverage="partial", sheets={"employment": "all"})
    assert sorted(set(every["employment"]["year"])) == [2022, 2023]
    assert any(n.kind == "coverage" and n.year == 2022 for n in every.notes)
    with pytest.raises(ValueError, match=r"'sheets' must name tables among \['employment'"):
        load_tables(tmp_path, tables="employment", sheets={"jobs": 0})

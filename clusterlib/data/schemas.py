"""The schemas of the workbench's input tables (the contract of the bundled sample, ``data/raw/sample``).

One :class:`~clusterlib.data.validation.Schema` per table: its columns with their English and
Turkish headings, kinds and ranges, its key, where the official data come from, and the checks
that involve several columns (workplaces vs employment, size class vs employees, a balanced
input-output table…).
"""

from __future__ import annotations

from datetime import date
from functools import cache

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg
from clusterlib.data.validation import Checker, Column, Schema

__all__ = ["SCHEMAS", "TABLES", "is_external"]


@cache
def _cluster_ids() -> tuple[str, ...]:
    return tuple(nace.clusters()["id"])


@cache
def _sections() -> tuple[str, ...]:
    return tuple(nace.sections()["code"])


def _io_rows() -> tuple[str, ...]:
    return (*_sections(), "VA")


def _io_columns() -> tuple[str, ...]:
    return (*_sections(), "FD")


# ---------------------------------------------------------------------------------------------- columns

_PLATE = Column(
    "plate", "plate", ("plaka", "plaka kodu", "plaka no", "il kodu", "il_kodu", "plate code"), required=False
)
_PROVINCE = Column(
    "province",
    "province",
    ("il", "il adı", "il_adi", "ili", "iller", "province name", "il ismi"),
    required=False,
)
_NACE = Column(
    "nace",
    "division",
    (
        "nace kodu",
        "nace_kodu",
        "nace rev2",
        "nace rev 2",
        "nace division",
        "faaliyet",
        "faaliyet kodu",
        "ekonomik faaliyet",
        "ekonomik_faaliyet",
        "sektör",
        "sektor",
        "division",
        "bölüm",
    ),
)
_YEAR = Column("year", "year", ("yıl", "yil", "yıllar", "dönem", "donem", "period"))
_CLUSTER = Column("cluster", "category", ("küme", "kume", "cluster_id"), choices=_cluster_ids)
_FIRM_ID = Column("firm_id", "str", ("firma_id", "firma no", "firm", "firma"))


def _text(name: str, *aliases: str, nullable: bool = False, required: bool = True) -> Column:
    return Column(name, "str", aliases, nullable=nullable, required=required)


# ----------------------------------------------------------------------------------------------- checks


def _workplaces_match_employment(ch: Checker) -> None:
    if "workplaces" not in ch.frame:
        return
    employment, workplaces = ch.frame["employment"].to_numpy(), ch.frame["workplaces"].to_numpy()
    ch.fail(
        (workplaces == 0) & (employment > 0),
        "workplaces",
        lambda i: msg("data.error.no_workplace", employment=int(employment[i])),
        expected="workplaces ≥ 1 where employment > 0",
        got=lambda i: 0,
    )
    ch.fail(
        (workplaces > 0) & (employment == 0),
        "workplaces",
        lambda i: msg("data.error.empty_workplaces", workplaces=int(workplaces[i])),
        expected="workplaces = 0 where employment = 0",
        got=lambda i: int(workplaces[i]),
    )


def _goods_divisions(ch: Checker) -> None:
    section = ch.frame["nace"].map(nace.section_of)
    ch.fail(
        ~section.isin(["A", "B", "C"]).to_numpy(),
        "nace",
        lambda i: msg(
            "data.error.not_goods", division=repr(ch.frame["nace"].iloc[i]), section=section.iloc[i]
        ),
        expected="a division of section A, B or C",
        got=lambda i: ch.frame["nace"].iloc[i],
    )


_SIZE_CLASSES = {"micro": (0, 9), "small": (10, 49), "medium": (50, 249), "large": (250, np.inf)}


def _size_class_matches_employees(ch: Checker) -> None:
    employees, size = ch.frame["employees"].to_numpy(), ch.frame["size_class"]
    low = size.map(lambda s: _SIZE_CLASSES[s][0]).to_numpy(dtype=float)
    high = size.map(lambda s: _SIZE_CLASSES[s][1]).to_numpy(dtype=float)

    def expected(i: int) -> str:
        return next(name for name, (lo, hi) in _SIZE_CLASSES.items() if lo <= employees[i] <= hi)

    ch.fail(
        (employees < low) | (employees > high),
        "size_class",
        lambda i: msg(
            "data.error.size_class",
            size=repr(size.iloc[i]),
            employees=int(employees[i]),
            expected=repr(expected(i)),
        ),
        expected="the size class of the employees column",
        got=lambda i: size.iloc[i],
    )


def _class_in_division(ch: Checker) -> None:
    if "nace_class" not in ch.frame:
        return
    codes, divisions = ch.frame["nace_class"], ch.frame["nace"]
    ch.fail(
        (codes.notna() & (codes.str[:2] != divisions)).to_numpy(),
        "nace_class",
        lambda i: msg("data.error.class_outside", code=repr(codes.iloc[i]), division=repr(divisions.iloc[i])),
        expected="a code of the firm's division",
        got=lambda i: codes.iloc[i],
    )


def _no_self_relations(ch: Checker) -> None:
    source, target = ch.frame["source"], ch.frame["target"]
    ch.fail(
        (source == target).to_numpy(),
        "target",
        lambda i: msg("data.error.self_relation", target=repr(target.iloc[i])),
        expected="a partner other than the source firm",
        got=lambda i: target.iloc[i],
    )


def is_external(target: pd.Series) -> np.ndarray:
    """True for partner ids of external firms (``EXT-…``), which are not in the firm register."""
    return target.str.upper().str.startswith("EXT-").to_numpy()


def _external_partners_described(ch: Checker) -> None:
    external = is_external(ch.frame["target"])
    for column in ("target_name", "target_province"):
        if column in ch.frame:
            ch.fail(
                external & ch.frame[column].isna().to_numpy(),
                column,
                lambda i: msg("data.error.external_empty", target=repr(ch.frame["target"].iloc[i])),
                expected="the name and province of an external partner",
            )


def _io_balanced(ch: Checker) -> None:
    frame = ch.frame
    sections = _sections()
    intermediate = frame["from"].isin(sections) & frame["to"].isin(sections)
    ch.fail(
        (intermediate & (frame["value"] < 0)).to_numpy(),
        "value",
        lambda i: msg(
            "data.error.negative_flow",
            source=frame["from"].iloc[i],
            to=frame["to"].iloc[i],
            value=frame["value"].iloc[i],
        ),
        expected="intermediate flows ≥ 0",
        got=lambda i: frame["value"].iloc[i],
    )
    rows = frame.groupby("from")["value"].sum()
    columns = frame.groupby("to")["value"].sum()
    present = [s for s in sections if s in rows.index or s in columns.index]
    for side, missing in (
        ("row", [s for s in present if s not in rows.index]),
        ("column", [s for s in present if s not in columns.index]),
    ):
        if missing:  # said before the balance, which it would upset elsewhere
            raise DataValidationError(
                msg(f"data.error.io_no_{side}", sections=", ".join(missing)),
                file=ch.raw.file,
                sheet=ch.raw.sheet,
                column="from" if side == "row" else "to",
                expected="every section as a row (from) and as a column (to)",
                got=missing,
            )
    for section in present:
        output_by_row, output_by_column = rows.get(section, 0.0), columns.get(section, 0.0)
        scale = max(abs(output_by_row), abs(output_by_column), 1e-9)
        if abs(output_by_row - output_by_column) > _IO_RTOL * scale:
            raise DataValidationError(
                msg(
                    "data.error.unbalanced",
                    section=section,
                    by_row=f"{output_by_row:,.1f}",
                    by_column=f"{output_by_column:,.1f}",
                    difference=f"{abs(output_by_row - output_by_column) / scale:.2%}",
                ),
                file=ch.raw.file,
                sheet=ch.raw.sheet,
                column="value",
                expected=f"row total = column total within {_IO_RTOL:.1%}",
                got=(output_by_row, output_by_column),
            )


#: Relative tolerance of the input-output balance (absorbs the rounding of the published cells).
_IO_RTOL = 1e-3


def _closed_without_value_added(z: np.ndarray, va: np.ndarray, output: np.ndarray) -> list[int]:
    """Sectors whose inputs, followed back through their suppliers, never reach value added.

    With a balanced table the coefficients of sector *j* sum to :math:`1 - v_j/x_j`; the Leontief
    inverse exists (spectral radius of ``A`` below 1) exactly when every sector reaches, through the
    sectors it buys from, one with value added (or without output).  Those that cannot form a closed
    group producing only for each other (Miller & Blair 2009, §2.3; Seneta 1981, *Non-negative
    matrices*, ch. 1).
    """
    reach = (va > 0) | (output <= 0)
    changed = True
    while changed:
        new = reach | ((z > 0) & reach[:, None]).any(axis=0)  # j buys from a sector that reaches value added
        changed = bool((new != reach).any())
        reach = new
    return [int(k) for k in np.flatnonzero(~reach)]


def _io_productive(ch: Checker) -> None:
    """Negative value added, and closed groups of sectors without value added, refused in the user's terms."""
    frame = ch.frame
    sections = [s for s in _sections() if s in set(frame["from"]) | set(frame["to"])]
    inner = frame[frame["from"].isin(sections) & frame["to"].isin(sections)]
    z = inner.pivot_table(index="from", columns="to", values="value", aggfunc="sum", fill_value=0.0)
    z = z.reindex(index=sections, columns=sections, fill_value=0.0).to_numpy(dtype=float)
    va = frame[frame["from"] == "VA"].groupby("to")["value"].sum().reindex(sections, fill_value=0.0)
    ch.fail(
        ((frame["from"] == "VA") & (frame["value"] < 0)).to_numpy(),
        "value",
        lambda i: msg("data.error.negative_va", section=frame["to"].iloc[i], value=frame["value"].iloc[i]),
        expected="value added ≥ 0",
        got=lambda i: frame["value"].iloc[i],
    )
    if (z < 0).any():  # negative flows are reported by _io_balanced; the test below needs z ≥ 0
        return
    output = z.sum(axis=0) + va.to_numpy(dtype=float)
    closed = _closed_without_value_added(z, np.clip(va.to_numpy(dtype=float), 0, None), output)
    if closed:
        names = [sections[k] for k in closed]
        sellers = sorted({sections[i] for k in closed for i in np.flatnonzero(z[:, k] > 0)})
        raise DataValidationError(
            msg(
                "data.error.not_productive_one" if len(names) == 1 else "data.error.not_productive",
                sectors=", ".join(names),
                sellers=", ".join(sellers) or "—",
            ),
            file=ch.raw.file,
            sheet=ch.raw.sheet,
            column="value",
            expected="every sector reaching value added through its suppliers",
            got=names,
        )


def _no_future_actuals(ch: Checker) -> None:
    """An actual value needs its year to have begun (run date: today); targets may lie ahead."""
    frame, today = ch.frame, date.today()
    ch.fail(
        (frame["actual"].notna() & (frame["year"] > today.year)).to_numpy(),
        "actual",
        lambda i: msg("data.error.future_actual", year=int(frame["year"].iloc[i]), today=today.isoformat()),
        expected=f"actual values for years up to {today.year}",
        got=lambda i: frame["actual"].iloc[i],
    )


def _consistent_within(group: tuple[str, ...], columns: tuple[str, ...]):
    def check(ch: Checker) -> None:
        frame = ch.frame
        for column in columns:
            if column not in frame:
                continue
            distinct = frame.groupby(list(group), dropna=False)[column].transform("nunique")
            ch.fail(
                (distinct > 1).to_numpy(),
                column,
                lambda i, c=column: msg(
                    "data.error.inconsistent",
                    value=repr(frame[c].iloc[i]),
                    group=", ".join(group),
                    values=", ".join(str(frame[g].iloc[i]) for g in group),
                ),
                expected=f"one {column} per ({', '.join(group)})",
                got=lambda i, c=column: frame[c].iloc[i],
            )

    return check


# ---------------------------------------------------------------------------------------------- schemas

_SGK = (
    "SGK (Sosyal Güvenlik Kurumu) statistical yearbook, table of compulsorily insured employees (4/a) and "
    "workplaces by province and economic activity (sgk.gov.tr → İstatistikler → İstatistik Yıllıkları)"
)
_COUNT = {"low": 0, "dash_is_zero": True}

SCHEMAS: dict[str, Schema] = {
    "employment": Schema(
        "employment",
        (
            _PLATE,
            _PROVINCE,
            _NACE,
            _YEAR,
            Column(
                "employment",
                "int",
                (
                    "istihdam",
                    "sigortalı",
                    "sigortalı sayısı",
                    "sigortali_sayisi",
                    "zorunlu sigortalı",
                    "4/a sigortalı",
                    "çalışan",
                    "çalışan sayısı",
                    "insured",
                    "employees",
                ),
                **_COUNT,
            ),
            Column(
                "workplaces",
                "int",
                ("işyeri", "isyeri", "işyeri sayısı", "isyeri_sayisi", "iş yeri sayısı", "establishments"),
                required=False,
                **_COUNT,
            ),
            Column(
                "avg_wage",
                "float",
                (
                    "ortalama ücret",
                    "ortalama_ucret",
                    "ortalama aylık ücret",
                    "ortalama brüt ücret",
                    "average wage",
                    "mean wage",
                ),
                required=False,
                nullable=True,
                low=0,
                low_open=True,
                note="average gross monthly wage, TRY",
            ),
        ),
        key=("plate", "nace", "year"),
        source=_SGK,
        located=True,
        checks=(_workplaces_match_employment,),
    ),
    "exports": Schema(
        "exports",
        (
            _PLATE,
            _PROVINCE,
            _NACE,
            _YEAR,
            Column(
                "exports_usd", "float", ("ihracat", "ihracat_usd", "ihracat (usd)", "ihracat dolar"), **_COUNT
            ),
        ),
        key=("plate", "nace", "year"),
        source="TİM (Türkiye İhracatçılar Meclisi) exports by province and sector, or TÜİK foreign trade "
        "statistics by province (data.tuik.gov.tr)",
        located=True,
        checks=(_goods_divisions,),
    ),
    "firms": Schema(
        "firms",
        (
            _CLUSTER,
            _FIRM_ID,
            _text("name", "firma adı", "firma_adi", "unvan"),
            _PLATE,
            _PROVINCE,
            _text("district", "ilçe", "ilce", nullable=True, required=False),
            _NACE,
            Column("nace_class", "nace_code", ("nace sınıfı", "nace_sinifi"), required=False, nullable=True),
            Column(
                "size_class",
                "category",
                ("ölçek", "olcek", "büyüklük"),
                choices=tuple(_SIZE_CLASSES),
            ),
            Column("employees", "int", ("çalışan", "çalışan sayısı", "calisan_sayisi"), low=0),
            Column(
                "founded", "int", ("kuruluş yılı", "kurulus_yili"), low=1800, high=2100, note="year founded"
            ),
            Column(
                "stage",
                "category",
                ("değer zinciri aşaması", "asama"),
                choices=("inputs", "manufacturing", "services", "distribution"),
            ),
            Column(
                "export_share",
                "float",
                ("ihracat payı", "ihracat_payi"),
                low=0,
                high=1,
                note="a share, e.g. 0.25 or '25%'",
            ),
        ),
        key=("firm_id",),
        source="the cluster's firm register, kept by the Cluster Info Spot (firm interviews, chamber "
        "membership lists, the Ministry of Industry and Technology's industry registry)",
        located=True,
        checks=(_size_class_matches_employees, _class_in_division),
    ),
    "survey": Schema(
        "survey",
        (
            _CLUSTER,
            _FIRM_ID,
            _YEAR,
            Column("item", "str", ("madde", "soru kodu"), note="an item id of the questionnaire"),
            Column(
                "answer",
                "str",
                ("yanıt", "yanit", "cevap"),
                nullable=True,
                note="1–5 (or a label of the scale), 'dont_know', or blank for no answer; checked by "
                "clusterlib.needs.read_survey",
            ),
        ),
        key=("firm_id", "year", "item"),
        source="the needs-assessment survey of the cluster's firms (Cluster Info Spot questionnaires), "
        "in long form; exports of Google Forms, KoboToolbox or LimeSurvey are read by clusterlib.needs.read_survey",
    ),
    "relations": Schema(
        "relations",
        (
            _CLUSTER,
            Column("source", "str", ("kaynak", "firma")),
            Column("target", "str", ("hedef", "ortak")),
            _text("target_name", "ortak adı", nullable=True, required=False),
            Column(
                "relation",
                "category",
                ("ilişki", "iliski"),
                choices=("supplier", "customer", "cooperation"),
                note="target is the source's supplier, customer or cooperation partner",
            ),
            Column("importance", "int", ("önem", "onem"), low=1, high=5),
            Column("local", "bool", ("yerel",)),
            Column("target_province", "province", ("ortak ili",), required=False, nullable=True),
        ),
        key=("source", "target", "relation"),
        source="the value-chain interviews with the cluster's firms (who buys from and works with whom)",
        checks=(_no_self_relations, _external_partners_described),
    ),
    "stakeholders": Schema(
        "stakeholders",
        (
            _PLATE,
            _PROVINCE,
            _text("name", "kurum", "kurum adı"),
            Column(
                "type",
                "category",
                ("tür", "tur"),
                choices=(
                    "chamber",
                    "development_agency",
                    "university",
                    "ngo",
                    "public",
                    "oiz",
                    "exporters_association",
                    "cluster_association",
                    "kosgeb",
                ),
            ),
            _text("role_en"),
            _text("role_tr"),
            _text("responsibilities_en", nullable=True),
            _text("responsibilities_tr", nullable=True),
            _text("district", "ilçe", "ilce", nullable=True, required=False),
            Column("lat", "float", ("enlem", "latitude"), low=35.5, high=42.5, note="latitude in Türkiye"),
            Column("lon", "float", ("boylam", "longitude"), low=25.5, high=45.0, note="longitude in Türkiye"),
            Column("clusters", "list", ("kümeler",), required=False, nullable=True, choices=_cluster_ids),
            Column(
                "functions",
                "list",
                ("işlevler", "islevler"),
                required=False,
                nullable=True,
                choices=(
                    "training",
                    "finance",
                    "export_promotion",
                    "rnd",
                    "infrastructure",
                    "networking",
                    "policy",
                ),
            ),
            Column("influence", "int", ("etki",), low=1, high=5, nullable=True, required=False),
            Column("interest", "int", ("ilgi",), low=1, high=5, nullable=True, required=False),
        ),
        key=("plate", "name"),
        source="the stakeholder mapping of the Cluster Info Spot (chambers, development agencies, "
        "universities, OIZs, NGOs, public bodies)",
        located=True,
    ),
    "io_table": Schema(
        "io_table",
        (
            Column("from", "section", ("satır", "kaynak", "row"), choices=_io_rows),
            Column("to", "section", ("sütun", "hedef", "column"), choices=_io_columns),
            Column("value", "float", ("değer", "deger"), note="million TRY"),
        ),
        key=("from", "to"),
        source="TÜİK input-output tables (Girdi-Çıktı Tabloları), symmetric table by NACE section "
        "(data.tuik.gov.tr → Ulusal Hesaplar)",
        checks=(_io_balanced, _io_productive),
    ),
    "monitoring": Schema(
        "monitoring",
        (
            _CLUSTER,
            _text("indicator", "gösterge", "gosterge"),
            _text("name_en"),
            _text("name_tr"),
            _text("unit", "birim"),
            Column("direction", "category", ("yön", "yon"), choices=("increase", "decrease")),
            _YEAR,
            Column("baseline", "float", ("başlangıç", "referans"), nullable=True),
            Column("target", "float", ("hedef",), nullable=True),
            Column("actual", "float", ("gerçekleşen", "gerceklesen"), nullable=True),
        ),
        key=("cluster", "indicator", "year"),
        source="the cluster's monitoring plan (indicators with baseline, yearly targets and actual values)",
        checks=(
            _consistent_within(("cluster", "indicator"), ("direction", "unit", "name_en")),
            _no_future_actuals,
        ),
    ),
    "benchmarks": Schema(
        "benchmarks",
        (
            _text("indicator", "gösterge"),
            _text("reference", "referans"),
            _text(
                "reference_tr", "referans (türkçe)", nullable=True, required=False
            ),  # name on Turkish pages
            _text("country", "ülke", nullable=True),
            _text("sector", "sektör", nullable=True),
            Column("year", "year", ("yıl", "yil"), nullable=True),
            Column("value", "float", ("değer", "deger")),
            _text("unit", "birim", nullable=True),
            _text("note", "not", nullable=True, required=False),
        ),
        key=("indicator", "reference", "year"),
        source="international reference clusters (European Cluster Collaboration Platform, ESCA "
        "cluster-management benchmarking, European Cluster Observatory)",
    ),
    "initiatives": Schema(
        "initiatives",
        (
            _text("id"),
            _text("name_en"),
            _text("name_tr"),
            Column("plate", "plate", _PLATE.aliases, required=False, nullable=True),
            Column("province", "province", _PROVINCE.aliases, required=False, nullable=True),
            _text("sector", "sektör", nullable=True),
            Column("nace_divisions", "list", ("nace",), required=False, nullable=True, item="division"),
            Column("year", "year", ("yıl", "yil"), nullable=True),
            _text("lead_organisation", "lead organization", "yürütücü", nullable=True),
            Column("members", "int", ("üye sayısı", "uye_sayisi"), low=0, nullable=True),
            _text("notes", "notlar", nullable=True, required=False),
            # the Turkish texts of Turkish pages (the English ones stand in where these are empty)
            _text("sector_tr", "sektör (türkçe)", nullable=True, required=False),
            _text("lead_organisation_tr", "yürütücü (türkçe)", nullable=True, required=False),
            _text("notes_tr", "notlar (türkçe)", nullable=True, required=False),
        ),
        key=("id",),
        source="the Ministry of Industry and Technology's list of cluster initiatives and the project's "
        "'Clustering in Turkey' review",
        located=True,
    ),
    "province_factors": Schema(
        "province_factors",
        (
            _PLATE,
            _PROVINCE,
            _YEAR,
            Column("oiz_count", "int", ("osb sayısı", "osb_sayisi"), low=0),
            Column("universities", "int", ("üniversite sayısı", "universite_sayisi"), low=0),
            Column("vocational_graduates", "int", ("meslek lisesi mezunu",), low=0),
            Column("rd_personnel_per_10k", "float", ("ar-ge personeli",), low=0),
            Column("broadband_per_100", "float", ("genişbant abone",), low=0),
        ),
        key=("plate", "year"),
        source="OSBÜK (organised industrial zones), YÖK (universities), MEB (vocational graduates), "
        "TÜİK R&D statistics and BTK (broadband subscriptions) by province",
        located=True,
    ),
}

#: Names of the input tables, in loading order (firms before the tables that refer to them).
TABLES: tuple[str, ...] = tuple(SCHEMAS)

#: Names of the input tables, in loading order (firms before the tables that refer to them).
TABLES: tuple[str, ...] = tuple(SCHEMAS)

"""The schemas of the workbench's input tables (the contract of the bundled sample, ``data/raw/sample``).

One :class:`~clusterlib.data.validation.Schema` per table: its columns with their English and
Turkish headings, kinds and ranges, its key, where the official data come from, and the checks
that involve several columns (workplaces vs employment, size class vs employees, a balanced
input-output table…).
"""

from __future__ import annotations

from functools import cache

from clusterlib import nace
from clusterlib.data.rules import (
    SIZE_CLASSES,
    class_in_division,
    consistent_within,
    external_partners_described,
    goods_divisions,
    io_balanced,
    io_columns,
    io_productive,
    io_rows,
    is_external,
    no_future_actuals,
    no_self_relations,
    size_class_matches_employees,
    workplaces_match_employment,
)
from clusterlib.data.validation import Column, Schema

__all__ = ["SCHEMAS", "TABLES", "is_external"]


@cache
def _cluster_ids() -> tuple[str, ...]:
    return tuple(nace.clusters()["id"])


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
        checks=(workplaces_match_employment,),
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
        checks=(goods_divisions,),
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
                choices=tuple(SIZE_CLASSES),
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
        checks=(size_class_matches_employees, class_in_division),
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
        checks=(no_self_relations, external_partners_described),
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
            Column("from", "section", ("satır", "kaynak", "row"), choices=io_rows),
            Column("to", "section", ("sütun", "hedef", "column"), choices=io_columns),
            Column("value", "float", ("değer", "deger"), note="million TRY"),
        ),
        key=("from", "to"),
        source="TÜİK input-output tables (Girdi-Çıktı Tabloları), symmetric table by NACE section "
        "(data.tuik.gov.tr → Ulusal Hesaplar)",
        checks=(io_balanced, io_productive),
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
            consistent_within(("cluster", "indicator"), ("direction", "unit", "name_en")),
            no_future_actuals,
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

"""NACE Rev. 2 tables: the 21 sections, 88 divisions, 272 groups and 615 classes, and TÜİK's A10 aggregates.

Read once from ``resources/nace/*.csv`` and cached; the public functions return copies.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from clusterlib.config import RESOURCES_DIR

__all__ = [
    "A10_CODES",
    "A10_SECTIONS",
    "NACE_DIR",
    "Division",
    "a10",
    "classes",
    "divisions",
    "groups",
    "sections",
]

NACE_DIR: Path = RESOURCES_DIR / "nace"

#: TÜİK regional-accounts A10 aggregates (column names of the province GDP tables) and their sections.
#: ``C_manufacturing`` is a sub-item of ``BCDE_industry``, not an eleventh aggregate.
A10_SECTIONS: dict[str, str] = {
    "A_agriculture": "A",
    "BCDE_industry": "BCDE",
    "C_manufacturing": "C",
    "F_construction": "F",
    "GHI_services_trade_transport_accom": "GHI",
    "J_ict": "J",
    "K_finance": "K",
    "L_real_estate": "L",
    "MN_professional_admin": "MN",
    "OPQ_public_edu_health": "OPQ",
    "RSTU_other_services": "RSTU",
}
#: The ten A10 aggregates that partition the economy (``C_manufacturing`` excluded).
A10_CODES: tuple[str, ...] = tuple(code for code in A10_SECTIONS if code != "C_manufacturing")

_A10_NAMES: dict[str, tuple[str, str]] = {
    "A_agriculture": ("Agriculture, forestry and fishing", "Tarım, ormancılık ve balıkçılık"),
    "BCDE_industry": ("Industry (except construction)", "Sanayi"),
    "C_manufacturing": ("Manufacturing", "İmalat sanayi"),
    "F_construction": ("Construction", "İnşaat"),
    "GHI_services_trade_transport_accom": (
        "Wholesale and retail trade, transport, accommodation and food service activities",
        "Toptan ve perakende ticaret, ulaştırma ve depolama, konaklama ve yiyecek hizmeti faaliyetleri",
    ),
    "J_ict": ("Information and communication", "Bilgi ve iletişim"),
    "K_finance": ("Financial and insurance activities", "Finans ve sigorta faaliyetleri"),
    "L_real_estate": ("Real estate activities", "Gayrimenkul faaliyetleri"),
    "MN_professional_admin": (
        "Professional, scientific and technical activities; administrative and support service activities",
        "Mesleki, bilimsel ve teknik faaliyetler; idari ve destek hizmet faaliyetleri",
    ),
    "OPQ_public_edu_health": (
        "Public administration and defence, education, human health and social work activities",
        "Kamu yönetimi ve savunma, eğitim, insan sağlığı ve sosyal hizmet faaliyetleri",
    ),
    "RSTU_other_services": ("Other service activities", "Diğer hizmet faaliyetleri"),
}


@dataclass(frozen=True)
class Division:
    """One NACE Rev. 2 division with its section, titles, chart labels and A10 aggregate."""

    code: str
    section: str
    name_en: str
    name_tr: str
    short_en: str
    short_tr: str
    a10: str

    def to_dict(self) -> dict[str, str]:
        """The fields as a plain dictionary."""
        return asdict(self)


# --- tables ---------------------------------------------------------------------------------------


def _read(file: str) -> pd.DataFrame:
    return pd.read_csv(NACE_DIR / file, comment="#", dtype=str, keep_default_na=False, encoding="utf-8")


@cache
def _sections() -> pd.DataFrame:
    return _read("sections.csv")


@cache
def _divisions() -> pd.DataFrame:
    table = _read("divisions.csv")
    table["a10"] = table["section"].map(_a10_of_section)
    return table


@cache
def _groups_classes() -> pd.DataFrame:
    table = _read("groups_classes.csv")
    table["division"] = table["code"].str[:2]
    table["section"] = table["division"].map(_divisions().set_index("code")["section"])
    for column in ("name_en", "name_tr"):
        table[column] = table[column].where(table[column] != "", None)
    return table[["code", "level", "division", "section", "name_en", "name_tr"]]


@cache
def _section_of_division() -> dict[str, str]:
    return dict(zip(_divisions()["code"], _divisions()["section"], strict=True))


@cache
def _titles() -> dict[str, tuple[str | None, str | None]]:
    """Every code (division, group, class) → (name_en, name_tr); None where no title is stored."""

    def text(value: object) -> str | None:
        return None if pd.isna(value) else str(value)

    titles = {row.code: (row.name_en, row.name_tr) for row in _divisions().itertuples()}
    titles.update(
        {row.code: (text(row.name_en), text(row.name_tr)) for row in _groups_classes().itertuples()}
    )
    return titles


def _a10_of_section(section: str) -> str:
    return next(code for code in A10_CODES if section in A10_SECTIONS[code])


def sections() -> pd.DataFrame:
    """The 21 NACE Rev. 2 sections: columns ``code, name_en, name_tr``.

    Examples
    --------
    >>> table = sections()
    >>> len(table), table["code"].iloc[0], table["code"].iloc[-1]
    (21, 'A', 'U')
    >>> table.set_index("code").loc["C", "name_tr"]
    'İmalat'
    """
    return _sections().copy()


def divisions() -> pd.DataFrame:
    """The 88 NACE Rev. 2 divisions.

    Columns: ``code`` (``"01"``…``"99"``), ``section``, ``name_en``, ``name_tr`` (official titles),
    ``short_en``, ``short_tr`` (short chart labels written for this project) and ``a10`` (TÜİK A10
    aggregate, see :data:`A10_SECTIONS`).

    Examples
    --------
    >>> table = divisions()
    >>> len(table), table["code"].is_unique
    (88, True)
    >>> table.set_index("code").loc["15", ["section", "short_en", "short_tr"]].tolist()
    ['C', 'Leather & footwear', 'Deri ve ayakkabı']
    """
    return _divisions().copy()


def groups() -> pd.DataFrame:
    """The 272 NACE Rev. 2 groups: ``code, level, division, section, name_en, name_tr``.

    Titles are stored for sections A–C (agriculture, mining, manufacturing); elsewhere they are missing.

    Examples
    --------
    >>> table = groups()
    >>> len(table), table.set_index("code").loc["15.2", "name_en"]
    (272, 'Manufacture of footwear')
    """
    table = _groups_classes()
    return table[table["level"] == "group"].reset_index(drop=True)


def classes() -> pd.DataFrame:
    """The 615 NACE Rev. 2 classes: ``code, level, division, section, name_en, name_tr``.

    Titles are stored for sections A–C (agriculture, mining, manufacturing); elsewhere they are missing.

    Examples
    --------
    >>> table = classes()
    >>> len(table), table.set_index("code").loc["30.11", "name_tr"]
    (615, 'Gemilerin ve yüzen yapıların inşası')
    """
    table = _groups_classes()
    return table[table["level"] == "class"].reset_index(drop=True)


def a10() -> pd.DataFrame:
    """The TÜİK A10 aggregates: ``code, name_en, name_tr, sections, parent``.

    ``C_manufacturing`` is listed with ``parent == "BCDE_industry"``; the other ten partition the economy.

    Examples
    --------
    >>> table = a10()
    >>> len(table), int(table["parent"].isna().sum())
    (11, 10)
    """
    rows = [
        {
            "code": code,
            "name_en": _A10_NAMES[code][0],
            "name_tr": _A10_NAMES[code][1],
            "sections": sections_,
            "parent": "BCDE_industry" if code == "C_manufacturing" else None,
        }
        for code, sections_ in A10_SECTIONS.items()
    ]
    return pd.DataFrame(rows)

"""Registry of Türkiye's 81 provinces (il) and the five pilot provinces of the SME Networking Project.

Provinces are identified by plate code (1–81), ISO 3166-2 (``TR-01``…``TR-81``) and NUTS-3
(``TR100``…``TRC34``); names come in many spellings (Turkish letters, ASCII, upper case under
Turkish ``İ``/``I`` rules, abbreviations and old names).  :func:`province` resolves any of them.

Sources: ``resources/provinces.csv`` (plate, NUTS codes and names from TÜİK's statistical
regions classification; population from TÜİK ADNKS; province-centre coordinates).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import cache

import pandas as pd

from clusterlib.config import RESOURCES_DIR

__all__ = [
    "INFO_SPOTS",
    "PILOT_PROVINCES",
    "Province",
    "UnknownProvinceError",
    "normalize_name",
    "pilots",
    "province",
    "provinces",
]

#: The five pilot provinces, in the order the project lists them.
PILOT_PROVINCES: tuple[str, ...] = ("Çorum", "Gaziantep", "Kahramanmaraş", "Samsun", "Trabzon")

#: Regional Cluster Info Spots and the pilot provinces they coordinate.
INFO_SPOTS: dict[str, tuple[str, ...]] = {
    "Black Sea": ("Çorum", "Samsun", "Trabzon"),
    "East Mediterranean": ("Gaziantep", "Kahramanmaraş"),
}
_INFO_SPOT_TR = {"Black Sea": "Karadeniz", "East Mediterranean": "Doğu Akdeniz"}

#: Local stakeholder hosting each pilot's Cluster Info Spot (seed 004, project web site, 2013).
_HOSTS = {
    "Çorum": ("Çorum Chamber of Commerce and Industry", "Çorum Ticaret ve Sanayi Odası"),
    "Gaziantep": ("Southeast Anatolia Exporters' Associations", "Güneydoğu Anadolu İhracatçı Birlikleri"),
    "Kahramanmaraş": (
        "Kahramanmaraş Chamber of Commerce and Industry",
        "Kahramanmaraş Ticaret ve Sanayi Odası",
    ),
    "Samsun": ("Samsun Chamber of Commerce and Industry", "Samsun Ticaret ve Sanayi Odası"),
    "Trabzon": ("Trabzon Chamber of Commerce and Industry", "Trabzon Ticaret ve Sanayi Odası"),
}

#: Abbreviations, old and colloquial names, keyed by the normalised alias, valued by plate.
_ALIASES: dict[str, int] = {
    "afyon": 3,
    "kmaras": 46,
    "maras": 46,
    "kahmaras": 46,
    "urfa": 63,
    "surfa": 63,
    "icel": 33,
    "antep": 27,
    "gantep": 27,
    "izmit": 41,
    "adapazari": 54,
    "antakya": 31,
    "hakari": 30,
    "ist": 34,
    "ank": 6,
    "izm": 35,
    "elaziz": 23,
    "dersim": 62,
    "mugla": 48,
    "gumushane": 29,
}


class UnknownProvinceError(KeyError, ValueError):
    """A key that matches none of the 81 provinces; the message lists the closest matches."""

    def __str__(self) -> str:  # KeyError would otherwise repr() the message with quotes
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Province:
    """One of Türkiye's 81 provinces, with its codes, names, NUTS regions and centre."""

    plate: int
    name: str
    name_ascii: str
    iso: str
    nuts1: str
    nuts1_name: str
    nuts2: str
    nuts2_name: str
    nuts3: str
    region_en: str
    region_tr: str
    lat: float
    lon: float
    population: int
    population_year: int
    info_spot: str | None = None
    info_spot_tr: str | None = None
    host_en: str | None = None
    host_tr: str | None = None

    @property
    def is_pilot(self) -> bool:
        """True for the five pilot provinces of the SME Networking Project."""
        return self.info_spot is not None

    @property
    def slug(self) -> str:
        """Lower-case ASCII name, safe for file names (``kahramanmaras``)."""
        return self.name_ascii.lower()

    def to_dict(self) -> dict[str, object]:
        """The fields as a plain dictionary."""
        return asdict(self)


_TURKISH_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_ASCII_FOLD = str.maketrans({"ı": "i", "ğ": "g", "ü": "u", "ş": "s", "ö": "o", "ç": "c", "â": "a", "î": "i", "û": "u"})


def normalize_name(text: str) -> str:
    """Return the Turkish-aware matching key of a place name.

    Lower-cases under Turkish rules (``I`` → ``ı``, ``İ`` → ``i``), folds Turkish letters to ASCII
    and drops everything but letters and digits, so that every common spelling of a name gives
    the same key.

    Examples
    --------
    >>> normalize_name("KAHRAMANMARAŞ"), normalize_name("Kahramanmaras"), normalize_name("K.Maraş")
    ('kahramanmaras', 'kahramanmaras', 'kmaras')
    >>> normalize_name("IĞDIR") == normalize_name("Iğdır") == normalize_name("igdir")
    True
    """
    folded = unicodedata.normalize("NFC", str(text)).translate(_TURKISH_LOWER).lower()
    folded = folded.translate(_ASCII_FOLD)
    folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", folded)


@cache
def _table() -> pd.DataFrame:
    table = pd.read_csv(
        RESOURCES_DIR / "provinces.csv", comment="#", dtype={"plate": int, "nuts3": str}, encoding="utf-8"
    )
    table["iso"] = table["plate"].map(lambda plate: f"TR-{plate:02d}")
    spot_of = {name: spot for spot, names in INFO_SPOTS.items() for name in names}
    table["info_spot"] = table["name_tr"].map(spot_of)
    table["info_spot_tr"] = table["info_spot"].map(_INFO_SPOT_TR)
    table["host_en"] = table["name_tr"].map(lambda n: _HOSTS.get(n, (None, None))[0])
    table["host_tr"] = table["name_tr"].map(lambda n: _HOSTS.get(n, (None, None))[1])
    return table.rename(columns={"name_tr": "name"}).set_index("plate", drop=False)


@cache
def _records() -> dict[int, Province]:
    fields = Province.__dataclass_fields__
    records = {}
    for row in _table().to_dict("records"):
        values = {key: (None if pd.isna(value) else value) for key, value in row.items() if key in fields}
        records[int(row["plate"])] = Province(**values)
    return records


@cache
def _lookup() -> dict[str, int]:
    keys: dict[str, int] = {}
    for plate, record in _records().items():
        for spelling in (record.name, record.name_ascii, record.iso, record.nuts3):
            keys[normalize_name(spelling)] = plate
    keys.update(_ALIASES)
    return keys


def province(key: str | int | Province) -> Province:
    """Resolve a province from any common spelling or code.

    Accepts a name (Turkish letters, ASCII, any case under Turkish or English rules,
    abbreviations and old names such as ``K.Maraş``, ``Afyon``, ``Urfa``, ``İçel``), a plate code
    (``6`` or ``"06"``), an ISO 3166-2 code (``"TR-06"``) or a NUTS-3 code (``"TR510"``).

    Parameters
    ----------
    key : str, int or Province

    Returns
    -------
    Province

    Raises
    ------
    UnknownProvinceError
        (a ``KeyError`` and a ``ValueError``) when nothing matches; the message lists the
        closest province names.

    Examples
    --------
    >>> province("K.Maraş").name, province("06").name, province("TR-61").name, province("TRC12").name
    ('Kahramanmaraş', 'Ankara', 'Trabzon', 'Adıyaman')
    >>> province("ÇORUM").plate, province("Corum").nuts3
    (19, 'TR833')
    """
    if isinstance(key, Province):
        return key
    records = _records()
    if isinstance(key, bool) or key is None:
        raise UnknownProvinceError(f"'province' must be a name or a code, got {key!r}")
    if isinstance(key, (int,)) or (isinstance(key, float) and float(key).is_integer()):
        plate = int(key)
        if plate in records:
            return records[plate]
        raise UnknownProvinceError(f"'province' plate code must be between 1 and 81, got {plate}")
    text = str(key).strip()
    if text.isdigit():
        return province(int(text))
    normalized = normalize_name(text)
    plate_found = _lookup().get(normalized)
    if plate_found is not None:
        return records[plate_found]
    suggestions = suggest(text)
    hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    raise UnknownProvinceError(
        f"{text!r} is not a Turkish province (name, plate 1–81, 'TR-01'…'TR-81' or NUTS-3 code){hint}"
    )


def suggest(text: str, n: int = 3) -> list[str]:
    """The Turkish names of the provinces whose spelling is closest to ``text``.

    Examples
    --------
    >>> suggest("Gaziantp")
    ['Gaziantep']
    """
    names = {normalize_name(r.name): r.name for r in _records().values()}
    close = difflib.get_close_matches(normalize_name(text), list(names), n=n, cutoff=0.6)
    return [names[key] for key in close]


def provinces() -> pd.DataFrame:
    """All 81 provinces as a DataFrame, one row per plate code (1–81).

    Columns: ``plate, name, name_ascii, iso, nuts1, nuts1_name, nuts2, nuts2_name, nuts3,
    region_en, region_tr, lat, lon, population, population_year, info_spot, is_pilot``.

    Examples
    --------
    >>> table = provinces()
    >>> len(table), table.loc[table["is_pilot"], "name"].tolist()
    (81, ['Çorum', 'Gaziantep', 'Kahramanmaraş', 'Samsun', 'Trabzon'])
    """
    table = _table().reset_index(drop=True).copy()
    table = table.sort_values("plate", ignore_index=True)
    table["is_pilot"] = table["info_spot"].notna()
    columns = [*list(Province.__dataclass_fields__), "is_pilot"]
    return table[columns]


def pilots() -> list[Province]:
    """The five pilot provinces, as :class:`Province` records in the project's order.

    Examples
    --------
    >>> [(p.name, p.info_spot) for p in pilots()][:2]
    [('Çorum', 'Black Sea'), ('Gaziantep', 'East Mediterranean')]
    """
    return [province(name) for name in PILOT_PROVINCES]

"""NACE Rev. 2 activity codes (Turkish "NACE Rev.2 Ekonomik Faaliyet Sınıflaması") and cluster definitions.

The classification has four levels: 21 sections (``A``…``U``), 88 divisions (``"01"``…``"99"``, with gaps),
272 groups (``"15.2"``) and 615 classes (``"15.20"``). TÜİK's Turkish version is identical to NACE Rev. 2
down to the class; its 6-digit national activities are not covered. Codes arrive in many shapes
(``15``, ``"C15"``, ``"1520"``, ``"15,20"``); :func:`normalize_code` turns them into the dotted canonical
form used everywhere else.

Clusters are named sets of codes, kept in ``resources/nace/clusters.yaml`` for the key expert to edit
and checked on every load (:func:`clusters`, :func:`cluster`, :func:`pilot_division`).

Sources: ``resources/nace/*.csv``. English titles: Eurostat (2008), *NACE Rev. 2 — Statistical
classification of economic activities in the European Community*, Methodologies and Working papers,
Luxembourg: Office for Official Publications of the European Communities. Turkish titles: TÜİK,
*NACE Rev. 2 Ekonomik Faaliyet Sınıflaması* (the Turkish version published through Eurostat RAMON).
A10 aggregates: the columns of TÜİK's regional accounts (il bazında gayrisafi yurt içi hasıla, A10).
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from clusterlib import regions
from clusterlib.config import LANGUAGES, RESOURCES_DIR

__all__ = [
    "A10_CODES",
    "A10_SECTIONS",
    "CLUSTERS_FILE",
    "Cluster",
    "ClusterDefinitionError",
    "Division",
    "UnknownClusterError",
    "a10",
    "a10_of",
    "classes",
    "cluster",
    "clusters",
    "division",
    "division_of",
    "divisions",
    "groups",
    "is_manufacturing",
    "is_tradable",
    "is_within",
    "level_of",
    "name",
    "normalize_code",
    "pilot_division",
    "section_of",
    "sections",
]

NACE_DIR: Path = RESOURCES_DIR / "nace"
CLUSTERS_FILE: Path = NACE_DIR / "clusters.yaml"

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

_TRADABLE_SECTIONS = "ABC"
_EXPECTED = "expected a division like '15', a group like '15.2' or a class like '15.20'"
_LEVEL_OF_LENGTH = {0: "division", 1: "group", 2: "class"}


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


# --- codes ----------------------------------------------------------------------------------------

_DOTTED = re.compile(r"([A-Za-z])?\s*-?\s*(\d{1,2})(?:\s*[.,]\s*(\d{1,2}))?")
_UNDOTTED = re.compile(r"([A-Za-z])?\s*-?\s*(\d{3,4})")
_NATIONAL = re.compile(r"[A-Za-z]?\s*-?\s*(\d{2})[.,]?(\d{2})[.,]?(\d{2})")


def _junk(code: object, hint: str = "") -> ValueError:
    return ValueError(f"'nace' code {code!r} is not a NACE Rev.2 code; {_EXPECTED}{hint}")


def _parse(code: object) -> tuple[str | None, str, str, bool]:
    """Split an input into (section letter, 2-digit division, 0–2 further digits, was-undotted)."""
    if isinstance(code, bool) or code is None:
        raise _junk(code)
    if isinstance(code, numbers.Integral):
        if not 0 <= int(code) <= 9999:
            raise _junk(code)
        code = str(int(code))
    elif isinstance(code, numbers.Real):
        value = float(code)
        if math.isnan(value) or not 0 <= value <= 9999 or (not value.is_integer() and value >= 100):
            raise _junk(code)
        code = str(int(value)) if value.is_integer() else repr(value)
    if not isinstance(code, str):
        raise _junk(code)
    text = code.strip()
    for pattern, undotted in ((_DOTTED, False), (_UNDOTTED, True)):
        match = pattern.fullmatch(text)
        if match:
            letter, head, tail = match.group(1), match.group(2), ""
            if undotted:
                head, tail = head[:2], head[2:]
            else:
                tail = match.group(3) or ""
            if letter is not None and letter.upper() not in "ABCDEFGHIJKLMNOPQRSTU":
                raise _junk(code)
            return (letter.upper() if letter else None), head.zfill(2), tail, undotted
    national = _NATIONAL.fullmatch(text)
    if national:
        cls = f"{national.group(1)}.{national.group(2)}"
        raise _junk(code, f"; {text!r} looks like a 6-digit national activity code: pass its class {cls!r}")
    if len(text) == 1 and text.upper() in "ABCDEFGHIJKLMNOPQRSTU":
        raise _junk(code, f"; {text!r} is a section letter (see sections() and section_of())")
    raise _junk(code)


def _or(items: list[str]) -> str:
    quoted = [repr(item) for item in items]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _suggest(canonical: str, n: int = 3) -> list[str]:
    """Existing codes of the same level, nearest by numeric distance."""
    digits = canonical.replace(".", "")
    same_level = [c for c in _titles() if len(c) == len(canonical)]
    same_level.sort(key=lambda c: (abs(int(c.replace(".", "")) - int(digits)), c))
    return same_level[:n]


def _normalize_str(code: object) -> str:
    letter, head, tail, undotted = _parse(code)
    canonical = f"{head}.{tail}" if tail else head
    if canonical not in _titles():
        level = _LEVEL_OF_LENGTH[len(tail)]
        suggestions = _suggest(canonical)
        if undotted and len(tail) == 1 and f"0{head[0]}.{head[1]}{tail}" in _titles():
            suggestions.insert(0, f"0{head[0]}.{head[1]}{tail}")  # "111" read from a number that lost its 0
        raise ValueError(
            f"'nace' code {code!r} is not a NACE Rev.2 {level} ({canonical!r}); "
            f"did you mean {_or(suggestions)}?"
        )
    section = _section_of_division()[head]
    if letter is not None and letter != section:
        raise ValueError(
            f"'nace' code {code!r}: section letter {letter!r} does not match division {head!r}, "
            f"which is in section {section!r}"
        )
    return canonical


@cache
def _normalize_cached(code: str) -> str:
    return _normalize_str(code)


def normalize_code(code: object) -> str:
    """Return the canonical dotted form of a NACE Rev. 2 division, group or class code.

    Accepts integers and floats (``15``, ``1520``, ``15.2``), strings with or without the dot or a
    decimal comma (``"15"``, ``"15.20"``, ``"1520"``, ``"15,20"``) and with the section letter in front
    (``"C15"``, ``"C 15.2"``, ``"C-1520"``). One-digit divisions get their leading zero back (``1`` →
    ``"01"``). Floats cannot carry a trailing zero: ``15.20`` as a number is the group ``"15.2"``, so
    pass classes as strings.

    Parameters
    ----------
    code : str, int or float

    Returns
    -------
    str
        ``"15"`` (division), ``"15.2"`` (group) or ``"15.20"`` (class).

    Raises
    ------
    ValueError
        When the input is not shaped like a NACE code (the message shows the allowed forms), when a
        well-formed code does not exist (the message names the closest codes, e.g. ``"04"`` → ``'03'``
        or ``'05'``), or when a section letter does not match the division.

    Examples
    --------
    >>> [normalize_code(x) for x in (15, "C15", "15.2", "1520", "C15.2", "15,20", 1)]
    ['15', '15', '15.2', '15.20', '15.2', '15.20', '01']
    >>> normalize_code("04")
    Traceback (most recent call last):
    ...
    ValueError: 'nace' code '04' is not a NACE Rev.2 division ('04'); did you mean '03', '05' or '02'?
    """
    if isinstance(code, str):
        return _normalize_cached(code)
    return _normalize_str(code)


def _is_section_letter(code: object) -> bool:
    return (
        isinstance(code, str)
        and len(code.strip()) == 1
        and code.strip().upper() in _sections()["code"].values
    )


def level_of(code: object) -> str:
    """The level of a code: ``"section"``, ``"division"``, ``"group"`` or ``"class"``.

    Examples
    --------
    >>> [level_of(x) for x in ("C", "15", "15.2", "1520")]
    ['section', 'division', 'group', 'class']
    """
    if _is_section_letter(code):
        return "section"
    canonical = normalize_code(code)
    return _LEVEL_OF_LENGTH[len(canonical) - 3 if "." in canonical else 0]


def division_of(code: object) -> str:
    """The 2-digit division containing a code.

    Examples
    --------
    >>> division_of("15.20"), division_of("C152"), division_of(1)
    ('15', '15', '01')
    """
    return normalize_code(code)[:2]


def section_of(code: object) -> str:
    """The section letter (``A``…``U``) of a code; a section letter is returned unchanged.

    Examples
    --------
    >>> section_of("15"), section_of("15.20"), section_of("05.10"), section_of("c")
    ('C', 'C', 'B', 'C')
    """
    if _is_section_letter(code):
        return str(code).strip().upper()
    return _section_of_division()[division_of(code)]


def division(code: object) -> Division:
    """The :class:`Division` record of a code (a group or class gives its division).

    Examples
    --------
    >>> record = division("15.20")
    >>> record.code, record.section, record.name_tr, record.a10
    ('15', 'C', 'Deri ve ilgili ürünlerin imalatı', 'BCDE_industry')
    """
    row = _divisions().set_index("code").loc[division_of(code)]
    fields = {key: str(row[key]) for key in Division.__dataclass_fields__ if key != "code"}
    return Division(code=str(row.name), **fields)


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"'lang' must be one of {list(LANGUAGES)}, got {lang!r}")
    return lang


def name(code: object, *, lang: str = "tr", short: bool = False) -> str:
    """The official title of a section, division, group or class, in Turkish or English.

    Parameters
    ----------
    code : str, int or float
        A section letter or anything :func:`normalize_code` accepts.
    lang : {"tr", "en"}
    short : bool
        The short chart label instead of the official title (divisions only).

    Raises
    ------
    ValueError
        For an unknown code or language, ``short=True`` below the division level, or a group/class
        outside sections A–C, whose titles are not stored (use its division's title).

    Examples
    --------
    >>> name("15"), name("15", lang="en", short=True)
    ('Deri ve ilgili ürünlerin imalatı', 'Leather & footwear')
    >>> name("C15.20", lang="en"), name("C")
    ('Manufacture of footwear', 'İmalat')
    """
    column = f"name_{_check_lang(lang)}"
    if _is_section_letter(code):
        if short:
            raise ValueError(f"short labels exist for divisions only, got section {code!r}")
        return str(_sections().set_index("code").at[str(code).strip().upper(), column])
    canonical = normalize_code(code)
    if short:
        if len(canonical) != 2:
            raise ValueError(
                f"short labels exist for divisions only, got {canonical!r}; "
                f"use name({canonical[:2]!r}, short=True)"
            )
        return str(_divisions().set_index("code").at[canonical, f"short_{lang}"])
    title = _titles()[canonical][0 if lang == "en" else 1]
    if title is None:
        raise ValueError(
            f"no title is stored for {canonical!r} (group and class titles cover sections A–C only); "
            f"use its division: name({canonical[:2]!r})"
        )
    return title


def is_within(code: object, parent: object) -> bool:
    """True when ``code`` lies inside ``parent``: a section letter, division, group or class (or itself).

    Examples
    --------
    >>> is_within("15.20", "15.2"), is_within("15.20", "C"), is_within("15.12", "15.2")
    (True, True, False)
    """
    if _is_section_letter(parent):
        return section_of(code) == str(parent).strip().upper()
    child, ancestor = normalize_code(code), normalize_code(parent)
    return child.startswith(ancestor)


# --- A10 and helpers --------------------------------------------------------------------------------


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


def a10_of(code: object, *, split_manufacturing: bool = False) -> str:
    """The A10 aggregate (a column of TÜİK's province GDP tables) a code belongs to.

    Parameters
    ----------
    code : str, int or float
        A section letter or anything :func:`normalize_code` accepts.
    split_manufacturing : bool
        Return ``"C_manufacturing"`` for section C instead of its parent ``"BCDE_industry"``.

    Examples
    --------
    >>> a10_of("15.20"), a10_of("15", split_manufacturing=True), a10_of("62"), a10_of("R")
    ('BCDE_industry', 'C_manufacturing', 'J_ict', 'RSTU_other_services')
    """
    section = section_of(code)
    if split_manufacturing and section == "C":
        return "C_manufacturing"
    return _a10_of_section(section)


def is_manufacturing(code: object) -> bool:
    """True for codes in section C (manufacturing, divisions 10–33).

    Examples
    --------
    >>> is_manufacturing("15.20"), is_manufacturing("35")
    (True, False)
    """
    return section_of(code) == "C"


def is_tradable(code: object) -> bool:
    """True for goods-producing activities that are traded beyond the region: sections A, B and C.

    A project convention for cluster screening (agriculture, mining and manufacturing are treated as
    tradable, services as serving the local market); it is not part of NACE.

    Examples
    --------
    >>> is_tradable("01.25"), is_tradable("28.93"), is_tradable("47")
    (True, True, False)
    """
    return section_of(code) in _TRADABLE_SECTIONS


# --- clusters -------------------------------------------------------------------------------------


class UnknownClusterError(KeyError, ValueError):
    """A cluster id that is not defined; the message lists the defined ids."""

    def __str__(self) -> str:  # KeyError would otherwise repr() the message with quotes
        return str(self.args[0]) if self.args else ""


class ClusterDefinitionError(ValueError):
    """A cluster file that breaks the schema; the message names the file, the cluster and the field."""


@dataclass(frozen=True)
class Cluster:
    """A cluster: a named set of NACE codes in one or more provinces."""

    id: str
    name_en: str
    name_tr: str
    provinces: tuple[str, ...]
    codes: tuple[str, ...]
    divisions: tuple[str, ...]
    main_division: str
    pilot: bool
    provisional: bool
    source: str

    def name(self, *, lang: str = "tr") -> str:
        """The cluster's name in Turkish or English."""
        return self.name_tr if _check_lang(lang) == "tr" else self.name_en

    def covers(self, code: object) -> bool:
        """True when ``code`` lies within one of the cluster's codes (a division-level code is not covered
        by a class-level cluster: use :attr:`main_division` for division data)."""
        return any(is_within(code, own) for own in self.codes)

    def to_dict(self) -> dict[str, object]:
        """The fields as a plain dictionary (tuples become lists)."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items()}


_REQUIRED = ("id", "name_en", "name_tr", "provinces", "codes", "main_division", "pilot", "source")
_OPTIONAL = ("provisional",)
_ID = re.compile(r"[a-z][a-z0-9_]*")


def _code_in_file(raw: object, where: str) -> str:
    if isinstance(raw, float):
        raise ClusterDefinitionError(
            f"{where}, code {raw!r}: YAML read this code as a number; write it in quotes "
            f"(15.20 unquoted becomes 15.2, a group)"
        )
    try:
        return normalize_code(raw)
    except ValueError as exc:
        raise ClusterDefinitionError(f"{where}, code {raw!r}: {exc}") from exc


def _cluster_from_entry(entry: object, index: int, file: str) -> Cluster:
    if not isinstance(entry, dict):
        raise ClusterDefinitionError(f"{file}, entry {index + 1}: must be a mapping of fields, got {entry!r}")
    ident = entry.get("id")
    where = f"{file}, cluster {ident!r}" if ident is not None else f"{file}, entry {index + 1}"
    missing = [key for key in _REQUIRED if key not in entry]
    if missing:
        raise ClusterDefinitionError(f"{where}: missing field(s) {missing}")
    unknown = sorted(set(entry) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise ClusterDefinitionError(
            f"{where}: unknown field(s) {unknown}; allowed: {list(_REQUIRED + _OPTIONAL)}"
        )
    if not isinstance(ident, str) or not _ID.fullmatch(ident):
        raise ClusterDefinitionError(
            f"{where}: 'id' must be snake_case ASCII like 'gaziantep_footwear', got {ident!r}"
        )
    for key in ("name_en", "name_tr", "source"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise ClusterDefinitionError(f"{where}: {key!r} must be a non-empty text, got {entry[key]!r}")
    for key in ("pilot", "provisional"):
        if not isinstance(entry.get(key, False), bool):
            raise ClusterDefinitionError(f"{where}: {key!r} must be true or false, got {entry[key]!r}")
    for key in ("provinces", "codes"):
        if not isinstance(entry[key], list) or not entry[key]:
            raise ClusterDefinitionError(f"{where}: {key!r} must be a non-empty list, got {entry[key]!r}")
    provinces = []
    for raw in entry["provinces"]:
        try:
            provinces.append(regions.province(str(raw)).name)
        except regions.UnknownProvinceError as exc:
            raise ClusterDefinitionError(f"{where}, province {raw!r}: {exc}") from exc
    codes = [_code_in_file(raw, where) for raw in entry["codes"]]
    duplicated = sorted({code for code in codes if codes.count(code) > 1})
    if duplicated:
        raise ClusterDefinitionError(f"{where}: code(s) {duplicated} listed more than once")
    divisions_ = tuple(dict.fromkeys(code[:2] for code in codes))
    main = _code_in_file(entry["main_division"], f"{where}, main_division")
    if main not in divisions_:
        raise ClusterDefinitionError(
            f"{where}: 'main_division' {main!r} must be the division of one of its codes {list(divisions_)}"
        )
    return Cluster(
        id=ident,
        name_en=entry["name_en"].strip(),
        name_tr=entry["name_tr"].strip(),
        provinces=tuple(provinces),
        codes=tuple(codes),
        divisions=divisions_,
        main_division=main,
        pilot=entry["pilot"],
        provisional=entry.get("provisional", False),
        source=" ".join(entry["source"].split()),
    )


@cache
def _load(path: Path, mtime_ns: int) -> dict[str, Cluster]:  # mtime in the key: edits are picked up
    file = path.name
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ClusterDefinitionError(f"{file}: not valid YAML: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("clusters"), list):
        raise ClusterDefinitionError(f"{file}: must have a top-level 'clusters:' list")
    records: dict[str, Cluster] = {}
    for index, entry in enumerate(document["clusters"]):
        record = _cluster_from_entry(entry, index, file)
        if record.id in records:
            raise ClusterDefinitionError(f"{file}, cluster {record.id!r}: 'id' used twice")
        records[record.id] = record
    return records


def _records(path: str | Path | None) -> dict[str, Cluster]:
    file = Path(path) if path is not None else CLUSTERS_FILE
    if not file.is_file():
        raise FileNotFoundError(f"cluster file {str(file)!r} does not exist")
    return _load(file.resolve(), file.stat().st_mtime_ns)


def clusters(*, path: str | Path | None = None) -> pd.DataFrame:
    """All cluster definitions, validated, one row per cluster.

    Columns: ``id, name_en, name_tr, provinces, codes, divisions, main_division, pilot, provisional,
    source``; ``provinces``, ``codes`` and ``divisions`` hold lists.

    Parameters
    ----------
    path : str or Path, optional
        Another cluster file with the same schema (default: ``resources/nace/clusters.yaml``).

    Raises
    ------
    ClusterDefinitionError
        (a ``ValueError``) naming the file, the cluster and the faulty field or code.
    FileNotFoundError

    Examples
    --------
    >>> table = clusters()
    >>> table.loc[table["pilot"], ["id", "main_division"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['corum_food_machinery', '28'], ['gaziantep_footwear', '15'], ['kahramanmaras_metal_kitchenware', '25'],
     ['samsun_medical', '32'], ['trabzon_shipbuilding', '30']]
    """
    return pd.DataFrame([record.to_dict() for record in _records(path).values()])


def cluster(cluster_id: str, *, path: str | Path | None = None) -> Cluster:
    """One cluster definition by id.

    Raises
    ------
    UnknownClusterError
        (a ``KeyError`` and a ``ValueError``) for an unknown id; the message lists the ids.

    Examples
    --------
    >>> record = cluster("gaziantep_footwear")
    >>> record.codes, record.provinces, record.covers("15.20"), record.covers("14.11")
    (('15.20', '15.11', '15.12'), ('Gaziantep',), True, False)
    """
    records = _records(path)
    if cluster_id not in records:
        raise UnknownClusterError(f"'cluster_id' must be one of {list(records)}, got {cluster_id!r}")
    return records[cluster_id]


def pilot_division(province_or_cluster: str, *, path: str | Path | None = None) -> str:
    """The 2-digit division to use for division-level data of a pilot province or of a cluster.

    Parameters
    ----------
    province_or_cluster : str
        A pilot province in any spelling :func:`clusterlib.regions.province` accepts, or a cluster id.

    Raises
    ------
    ValueError
        For a province without a pilot cluster, or text that is neither a province nor a cluster id.

    Examples
    --------
    >>> [pilot_division(p) for p in ("Çorum", "Gaziantep", "KAHRAMANMARAŞ", "Samsun", "trabzon")]
    ['28', '15', '25', '32', '30']
    >>> pilot_division("ebk_ceramics")
    '23'
    """
    records = _records(path)
    if province_or_cluster in records:
        return records[province_or_cluster].main_division
    pilots = [record for record in records.values() if record.pilot]
    pilot_provinces = list(dict.fromkeys(p for record in pilots for p in record.provinces))
    try:
        province = regions.province(province_or_cluster).name
    except regions.UnknownProvinceError as exc:
        raise ValueError(
            f"'province_or_cluster' must be a pilot province {pilot_provinces} or a cluster id, "
            f"got {province_or_cluster!r} ({exc})"
        ) from exc
    matches = [record for record in pilots if province in record.provinces]
    if not matches:
        local = [record.id for record in records.values() if province in record.provinces]
        hint = f"; clusters defined there: {local} (pass one of these ids)" if local else ""
        raise ValueError(f"{province!r} is not a pilot province; pilot provinces are {pilot_provinces}{hint}")
    if len(matches) > 1:
        raise ValueError(
            f"{province!r} has {len(matches)} pilot clusters {[m.id for m in matches]}; pass a cluster id"
        )
    return matches[0].main_division

"""Cluster definitions: named sets of NACE codes in one or more provinces, kept in ``resources/nace/clusters.yaml``.

The file is for the key expert to edit; it is checked on every load (edits are picked up without a restart)
and a faulty entry raises :class:`ClusterDefinitionError` naming the file, the cluster and the field.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from clusterlib import regions

from .codes import _check_lang, is_within, normalize_code
from .tables import NACE_DIR

__all__ = [
    "CLUSTERS_FILE",
    "Cluster",
    "ClusterDefinitionError",
    "UnknownClusterError",
    "cluster",
    "clusters",
    "pilot_division",
]

CLUSTERS_FILE: Path = NACE_DIR / "clusters.yaml"


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

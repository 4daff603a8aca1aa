"""Cluster definitions: named sets of NACE codes in one or more provinces, kept in ``resources/nace/clusters.yaml``.

The file is for the key expert to edit; it is checked on every load (edits are picked up without a restart)
and a faulty entry raises :class:`ClusterDefinitionError` naming the file, the cluster and the field.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from clusterlib import regions
from clusterlib.configfile import ConfigError, check, read_yaml, show
from clusterlib.data.messages import msg
from clusterlib.i18n import check_language

from .codes import is_within, normalize_code
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


class ClusterDefinitionError(ConfigError):
    """A cluster file that breaks the schema; the message names the file, the cluster and the field,
    for every problem at once."""


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
        return self.name_tr if check_language(lang) == "tr" else self.name_en

    def covers(self, code: object) -> bool:
        """True when ``code`` lies within one of the cluster's codes (a division-level code is not covered
        by a class-level cluster: use :attr:`main_division` for division data)."""
        return any(is_within(code, own) for own in self.codes)

    def to_dict(self) -> dict[str, object]:
        """The fields as a plain dictionary (tuples become lists)."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items()}


_ID = re.compile(r"[a-z][a-z0-9_]*")


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(msg("nace.cluster.text", got=show(value)))
    return " ".join(value.split())


def _identifier(value: object) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(msg("nace.cluster.id", got=show(value)))
    return value


def _code(value: object) -> str:
    if isinstance(value, float):
        raise ValueError(msg("nace.cluster.float_code", got=repr(value)))
    try:
        return normalize_code(value)
    except ValueError as exc:
        raise ValueError(str(exc)) from None


def _province(value: object) -> str:
    try:
        return regions.province(str(value)).name
    except regions.UnknownProvinceError as exc:
        raise ValueError(str(exc)) from None


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(msg("config.bool", got=show(value)))
    return value


Text = Annotated[Any, AfterValidator(_text)]
Code = Annotated[Any, AfterValidator(_code)]
Flag = Annotated[Any, AfterValidator(_flag)]


class ClusterEntry(BaseModel):
    """One entry of ``clusters.yaml`` as written (checked field by field, then across fields)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[Any, AfterValidator(_identifier)]
    name_en: Text
    name_tr: Text
    provinces: Annotated[list[Annotated[Any, AfterValidator(_province)]], Field(min_length=1)]
    codes: Annotated[list[Code], Field(min_length=1)]
    main_division: Code
    pilot: Flag
    provisional: Flag = False
    source: Text

    @model_validator(mode="after")
    def _codes_agree(self) -> ClusterEntry:
        problems = []
        duplicated = sorted({code for code in self.codes if self.codes.count(code) > 1})
        if duplicated:
            problems.append(msg("nace.cluster.duplicate_code", codes=duplicated))
        if self.main_division not in self.divisions():
            problems.append(
                msg("nace.cluster.main_division", main=repr(self.main_division), divisions=self.divisions())
            )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def divisions(self) -> list[str]:
        """The divisions of the codes, in order of first appearance."""
        return list(dict.fromkeys(code[:2] for code in self.codes))


class ClustersFile(BaseModel):
    """``clusters.yaml``: a ``version`` and the list ``clusters`` (each id once)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Any = None
    clusters: list[ClusterEntry]

    @model_validator(mode="after")
    def _ids_once(self) -> ClustersFile:
        ids = [entry.id for entry in self.clusters]
        twice = sorted({ident for ident in ids if ids.count(ident) > 1})
        if twice:
            raise ValueError(msg("nace.cluster.id_twice", ids=twice))
        return self


def _cluster(entry: ClusterEntry) -> Cluster:
    return Cluster(
        id=entry.id,
        name_en=entry.name_en,
        name_tr=entry.name_tr,
        provinces=tuple(entry.provinces),
        codes=tuple(entry.codes),
        divisions=tuple(entry.divisions()),
        main_division=entry.main_division,
        pilot=entry.pilot,
        provisional=entry.provisional,
        source=entry.source,
    )


@cache
def _load(path: Path, mtime_ns: int) -> dict[str, Cluster]:  # mtime in the key: edits are picked up
    document = read_yaml(path, file=path.name, error=ClusterDefinitionError)
    spec = check(ClustersFile, document, file=path.name, error=ClusterDefinitionError)
    return {entry.id: _cluster(entry) for entry in spec.clusters}


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



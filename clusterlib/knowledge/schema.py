"""What the knowledge store holds: the kinds of entry, their columns and their classifications.

Every entry, whatever its kind, is classified the same way — by province, NACE division, cluster,
type and the survey's need areas — so one search and one set of filters serve them all.  The kinds
differ only in a few columns of their own (an initiative's start year, an event's date, a support
programme's institution and legal basis).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

__all__ = [
    "COMMON_COLUMNS",
    "KINDS",
    "SAFE_SCHEMES",
    "SCHEMA_VERSION",
    "TEMPLATE_VERSION",
    "Kind",
    "kind",
    "need_area_name",
    "need_areas",
]

#: Version of the database layout (``meta.schema_version``).
SCHEMA_VERSION = 1
#: Version of the exported workbook; an import refuses a workbook of another version.
TEMPLATE_VERSION = 1
#: Link schemes shown as links on the pages; any other link (``javascript:``, ``data:``…) stays text.
SAFE_SCHEMES = ("http://", "https://", "mailto:")

#: Columns every kind has, in workbook order (``id`` first).
COMMON_COLUMNS: tuple[str, ...] = (
    "id", "name_tr", "name_en", "type", "province", "nace_divisions", "cluster", "need_areas", "url",
    "notes_tr", "notes_en",
)


@dataclass(frozen=True)
class Kind:
    """One kind of entry: its sheet, its own columns and the types it may take."""

    id: str
    sheet: str
    columns: tuple[str, ...]
    types: tuple[str, ...]
    integers: tuple[str, ...] = ()

    @property
    def all_columns(self) -> tuple[str, ...]:
        """The common columns followed by the kind's own."""
        return COMMON_COLUMNS + self.columns


KINDS: dict[str, Kind] = {
    k.id: k
    for k in (
        Kind("initiative", "initiatives",
             ("sector_tr", "sector_en", "year", "lead_organisation_tr", "lead_organisation_en", "members"),
             ("cluster_initiative", "pilot_cluster", "regional_project", "analysis"), integers=("year", "members")),
        Kind("institution", "institutions", ("role_tr", "role_en"),
             ("university", "chamber", "development_agency", "public_body", "association", "osb", "other")),
        Kind("event", "events", ("date",), ("event", "news", "training", "call")),
        Kind("document", "documents", ("author", "year"), ("report", "guide", "law", "dataset", "link"),
             integers=("year",)),
        Kind("programme", "programmes",
             ("institution_tr", "institution_en", "funds_tr", "funds_en", "legal_basis", "source_url", "checked"),
             ("grant", "loan", "technical_support", "call")),
    )
}


def kind(name: str) -> Kind:
    """The :class:`Kind` called ``name`` (its id or its sheet name).

    Examples
    --------
    >>> kind("initiatives").id, kind("event").sheet
    ('initiative', 'events')
    """
    for k in KINDS.values():
        if name in (k.id, k.sheet):
            return k
    raise ValueError(f"'kind' must be one of {list(KINDS)}, got {name!r}")


@cache
def need_areas() -> tuple[str, ...]:
    """The need areas of the survey (the questionnaire's blocks), in questionnaire order.

    Examples
    --------
    >>> need_areas()[:3]
    ('training', 'procurement', 'exports')
    """
    from clusterlib.needs.inputs import load_questionnaire

    return tuple(load_questionnaire().blocks["block"])


@cache
def need_area_name(area: str, lang: str) -> str:
    """The name of a need area in ``lang`` (the questionnaire's block title).

    Examples
    --------
    >>> need_area_name("rnd", "tr")
    'Ar-Ge ve yenilik'
    """
    return _area_names(lang).get(area, area)


@cache
def _area_names(lang: str) -> dict[str, str]:
    """Every need area's name in ``lang``: the questionnaire read once, not once per area."""
    from clusterlib.needs.inputs import load_questionnaire

    blocks = load_questionnaire().blocks
    return {str(area): str(name) for area, name in zip(blocks["block"], blocks[lang], strict=True)}

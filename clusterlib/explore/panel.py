"""The national employment panel behind the province and sector explorers, computed once per data folder.

:func:`national_panel` reads ``employment`` with :func:`clusterlib.data.load_tables` and runs
:func:`clusterlib.specialization.indicators` once for all 81 provinces, every sector and year; the
result is cached by the folder's data fingerprint, so a control change only selects rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlib import geo, nace
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import data_fingerprint, load_tables
from clusterlib.regions import provinces
from clusterlib.specialization import indicators

__all__ = [
    "NationalPanel",
    "clear_panel_cache",
    "national_panel",
    "province_options",
    "province_outlines",
    "turkish_sort_key",
]

_ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
_ORDER = {letter: f"{i:02d}" for i, letter in enumerate(_ALPHABET)}


def turkish_sort_key(text: str) -> str:
    """A key that sorts names in Turkish alphabetical order (ç after c, ı before i, ş after s…).

    Examples
    --------
    >>> sorted(["Çorum", "Iğdır", "Zonguldak", "Ankara", "İzmir", "Çanakkale"], key=turkish_sort_key)
    ['Ankara', 'Çanakkale', 'Çorum', 'Iğdır', 'İzmir', 'Zonguldak']
    """
    lowered = text.replace("I", "ı").replace("İ", "i").lower()
    return "".join(_ORDER.get(ch, f"~{ch}") for ch in lowered)


@dataclass(frozen=True)
class NationalPanel:
    """Specialisation indicators of every province × sector × year, with names.

    Attributes
    ----------
    cells : DataFrame
        ``plate, nace, year, employment, share, lq, cagr, …`` (see
        :func:`clusterlib.specialization.indicators`).
    regions : DataFrame
        ``plate, year, value (total employment), herfindahl, …``.
    names : Series
        Province name by plate.
    years : tuple of int
    sectors : tuple of str
        NACE divisions present, sorted by national employment in the latest year (largest first).
    """

    cells: pd.DataFrame
    regions: pd.DataFrame
    names: pd.Series
    years: tuple[int, ...]
    sectors: tuple[str, ...]

    def sector_label(self, code: str, lang: str) -> str:
        """``"10 – Gıda ürünlerinin imalatı"``: the code and its short title."""
        return f"{code} – {nace.name(code, lang=lang, short=True)}"


@cache
def _panel(directory: str, fingerprint: str) -> NationalPanel:  # fingerprint in the key: edits are picked up
    employment = load_tables(directory, tables=["employment"])["employment"]
    result = indicators(employment, region="plate", value="employment")
    cells = result.cells
    years = tuple(int(y) for y in sorted(cells["year"].unique()))
    latest = cells[cells["year"] == years[-1]].groupby("nace")["employment"].sum()
    sectors = tuple(latest[latest > 0].sort_values(ascending=False).index)
    names = provinces().set_index("plate")["name"]
    names = names.iloc[sorted(range(len(names)), key=lambda i: turkish_sort_key(names.iloc[i]))]
    return NationalPanel(cells=cells, regions=result.regions, names=names, years=years, sectors=sectors)


def national_panel(data_dir: str | Path | None = None) -> NationalPanel:
    """The cached :class:`NationalPanel` of a data folder (default: the bundled sample).

    Examples
    --------
    >>> panel = national_panel()
    >>> panel.cells["plate"].nunique(), panel.years[0] < panel.years[-1]
    (81, True)
    """
    directory = str(Path(data_dir if data_dir is not None else SAMPLE_DIR).resolve())
    return _panel(directory, data_fingerprint(directory))


def clear_panel_cache() -> None:
    """Forget every :func:`national_panel` computed in this process (benchmarks time a cold start with it).

    Examples
    --------
    >>> first = national_panel()
    >>> clear_panel_cache()
    >>> national_panel() is first
    False
    """
    _panel.cache_clear()


@cache
def province_options() -> tuple[tuple[str, int], ...]:
    """``(name, plate)`` of the 81 provinces in Turkish alphabetical order, for a province picker.

    Examples
    --------
    >>> options = province_options()
    >>> len(options), options[:2], options[-1]
    (81, (('Adana', 1), ('Adıyaman', 2)), ('Zonguldak', 67))
    """
    names = provinces().set_index("plate")["name"]
    return tuple(sorted(((str(n), int(p)) for p, n in names.items()), key=lambda item: turkish_sort_key(item[0])))


@cache
def province_outlines() -> pd.DataFrame:
    """Exterior rings of the 81 province polygons as coordinate arrays, for drawing maps as filled lines.

    Maps in the explorers are drawn as filled ``Scatter`` lines, not plotly ``Choropleth`` traces:
    plotly.js fetches a world topojson from a CDN for every geo trace, which a ``FigureWidget``
    cannot be told not to do, and key experts often work offline.

    Returns
    -------
    DataFrame
        Indexed by plate: ``lon`` and ``lat`` (arrays with ``NaN`` between the rings of a province),
        ``x`` and ``y`` (a point inside the province, for labels and hover).
    """
    shapes = geo.province_shapes().set_index("plate")
    rows = {}
    for plate, geometry in shapes["geometry"].items():
        parts = getattr(geometry, "geoms", [geometry])
        lon: list[float] = []
        lat: list[float] = []
        for part in parts:
            xs, ys = part.exterior.coords.xy
            lon += [*xs, np.nan]
            lat += [*ys, np.nan]
        inside = geometry.representative_point()
        rows[plate] = {"lon": np.array(lon), "lat": np.array(lat), "x": inside.x, "y": inside.y}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("plate")

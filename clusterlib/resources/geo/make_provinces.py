"""Regenerate ``turkiye_provinces.geojson``, the simplified province boundaries behind the default map.

Source: OpenStreetMap-derived boundaries of the 81 provinces (``turkey_provinces_81.geojson``, 2015),
© OpenStreetMap contributors, ODbL 1.0.  The source is not a clean polygonal coverage (neighbouring
polygons overlap by about 1 160 km² in all and leave about 540 sliver gaps), so the steps are:

1. ``shapely.coverage_clean`` (GEOS CoverageCleaner): overlaps go to the neighbour with the longest
   shared border, gaps narrower than ``GAP_WIDTH`` degrees are merged the same way, shared edges become
   identical;
2. ``shapely.coverage_simplify`` (GEOS CoverageSimplifier, Visvalingam–Whyatt on the shared edges, so
   neighbours keep one common border: no gap, no overlap) with ``TOLERANCE`` degrees;
3. coordinates rounded to ``PRECISION`` degrees (about 110 m), then cleaned once more without snapping.

The result (about 110 kB) is a valid coverage: every polygon valid, neighbours share edges exactly, no
gaps; each province's area stays within 0.5 % of the source polygon's.  The boundary file itself is not
part of the repository.

Usage (from the project root)::

    python clusterlib/resources/geo/make_provinces.py ../shared/data/boundaries/turkey_provinces_81.geojson
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUTPUT_FILE = Path(__file__).resolve().parent / "turkiye_provinces.geojson"

#: Gaps narrower than this (degrees) between neighbouring provinces are closed.
GAP_WIDTH = 0.02
#: Simplification tolerance of the shared edges, degrees (about 1 km).
TOLERANCE = 0.01
#: Grid the coordinates are rounded to, degrees (about 110 m).
PRECISION = 0.001

ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
LICENSE = "Open Database License (ODbL) 1.0, https://opendatacommons.org/licenses/odbl/1-0/"


def simplified_provinces(source: str | Path) -> dict:
    """The simplified coverage of the 81 provinces of ``source`` as a GeoJSON FeatureCollection (a dict).

    ``source`` is any boundary file :func:`clusterlib.geo.read_boundaries` reads; features are matched
    to provinces by it, so the output is sorted by plate and carries ``plate``, ``iso`` and ``name``.
    """
    import shapely

    from clusterlib.geo import read_boundaries  # the package is needed only when run

    table = read_boundaries(source)
    geometry = shapely.coverage_clean(table.geometry.values, gap_width=GAP_WIDTH)
    geometry = shapely.set_precision(shapely.coverage_simplify(geometry, TOLERANCE), PRECISION)
    geometry = shapely.coverage_clean(geometry, gap_width=GAP_WIDTH, snapping_distance=0)
    geometry = shapely.set_precision(geometry, PRECISION)
    features = [
        {
            "type": "Feature",
            "properties": {"plate": int(plate), "iso": iso, "name": name},
            "geometry": shapely.geometry.mapping(shape),
        }
        for plate, iso, name, shape in zip(table["plate"], table["iso"], table["name"], geometry, strict=True)
    ]
    return {
        "type": "FeatureCollection",
        "name": "turkiye_provinces",
        "attribution": ATTRIBUTION,
        "license": LICENSE,
        "source": (
            f"OpenStreetMap-derived province boundaries ({Path(source).name}), made a clean coverage "
            f"(shapely.coverage_clean, gaps under {GAP_WIDTH} degrees closed), simplified with "
            f"shapely.coverage_simplify (tolerance {TOLERANCE} degrees) and rounded to {PRECISION} degrees. "
            "For maps; measure areas on official boundaries."
        ),
        "features": features,
    }


def _round(value: object) -> object:
    """Coordinates as written: floats rounded to the precision grid (no ``35.123000000000005``)."""
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, (list, tuple)):
        return [_round(v) for v in value]
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    return value


def write(collection: dict, path: Path) -> None:
    """Write ``collection`` compactly (one feature per line) in UTF-8."""
    head = {k: v for k, v in collection.items() if k != "features"}
    lines = [json.dumps(_round(f), ensure_ascii=False, separators=(",", ":")) for f in collection["features"]]
    text = json.dumps(head, ensure_ascii=False)[:-1] + ',\n"features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Write the simplified boundaries from a province boundary file given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="province boundary file (GeoJSON, GeoPackage, shapefile)")
    parser.add_argument("--output", type=Path, default=OUTPUT_FILE)
    args = parser.parse_args(argv)
    write(simplified_provinces(args.source), args.output)
    print(f"wrote {args.output} ({args.output.stat().st_size / 1000:.0f} kB)")


if __name__ == "__main__":
    main()

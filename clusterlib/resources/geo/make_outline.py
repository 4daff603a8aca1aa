"""Regenerate ``turkiye_outline.geojson``, the simplified outline of Türkiye behind the offline map.

The outline is derived from OpenStreetMap province boundaries (© OpenStreetMap contributors,
ODbL 1.0): the provinces are dissolved, holes (slivers between neighbouring polygons) and islets
smaller than ``--min-area`` square degrees are dropped, and the rest is simplified until it has at
most ``--max-vertices`` vertices.  The boundary file itself is not part of the repository.

Usage (from the project root)::

    python clusterlib/resources/geo/make_outline.py ../shared/data/boundaries/turkey_provinces_81.geojson
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUTLINE_FILE = Path(__file__).resolve().parent / "turkiye_outline.geojson"


def main(argv: list[str] | None = None) -> None:
    """Write the outline file from a province boundary file given on the command line."""
    from clusterlib.geo import _outline_from_boundaries  # the package is needed only when run

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="province boundary file (GeoJSON, GeoPackage, shapefile)")
    parser.add_argument("--max-vertices", type=int, default=150)
    parser.add_argument("--min-area", type=float, default=0.02, help="smallest islet kept, square degrees")
    parser.add_argument("--output", type=Path, default=OUTLINE_FILE)
    args = parser.parse_args(argv)
    outline = _outline_from_boundaries(args.source, max_vertices=args.max_vertices, min_area=args.min_area)
    args.output.write_text(json.dumps(outline, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()

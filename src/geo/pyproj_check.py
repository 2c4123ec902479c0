#!/usr/bin/env python3
"""Writes tests/fixtures/geo/pyproj.tsv: where PROJ (through pyproj) puts
the places the maps are checked on, for the projections src/geo draws
with, on the unit sphere. Run once; the Rust tests compare against it.

    python3 -m venv venv && venv/bin/pip install pyproj
    venv/bin/python src/geo/pyproj_check.py > tests/fixtures/geo/pyproj.tsv
"""

import pyproj

PLACES = [
    ("Baku", 49.8671, 40.4093),
    ("Tbilisi", 44.8271, 41.7151),
    ("Kars", 43.0975, 40.6013),
    ("Aktau", 51.1978, 43.6500),
    ("Washington", -77.0369, 38.9072),
    ("Kampala", 32.5825, 0.3476),
    ("Bangkok", 100.5018, 13.7563),
]
# name, lat1, lat2, lat0, lon0 (Equal Earth: lon0 only)
PROJECTIONS = [
    ("eqearth", 0, 0, 0, 10.0),
    ("lcc", 38.5, 44.5, 41.5, 47.0),
    ("lcc", 37.0, 46.0, 41.5, 43.0),
    # What Lambert::for_box picks for the corridors of the map tests.
    ("lcc", 38.0, 42.5, 40.5, 44.5),
]

print(f"# pyproj {pyproj.__version__}, PROJ {pyproj.proj_version_str}; R = 1")
print("# projection\tplace\tlat1/lon0\tlat2\tlat0\tlon0\tlon\tlat\tx\ty")
for name, lat1, lat2, lat0, lon0 in PROJECTIONS:
    if name == "eqearth":
        crs = f"+proj=eqearth +lon_0={lon0} +R=1 +type=crs"
        params = (lon0, 0, 0, 0)
    else:
        crs = f"+proj=lcc +lat_1={lat1} +lat_2={lat2} +lat_0={lat0} +lon_0={lon0} +R=1 +type=crs"
        params = (lat1, lat2, lat0, lon0)
    t = pyproj.Transformer.from_crs("+proj=longlat +R=1 +type=crs", crs, always_xy=True)
    for place, lon, lat in PLACES:
        x, y = t.transform(lon, lat)
        print("\t".join([name, place] + [repr(float(v)) for v in params] + [repr(lon), repr(lat), f"{x:.12f}", f"{y:.12f}"]))

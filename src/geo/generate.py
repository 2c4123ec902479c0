#!/usr/bin/env python3
"""Builds src/geo/shapes.bin, the country shapes the maps draw (issue 26).

Not needed to build: run it again only to change the shapes.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 -m venv venv && venv/bin/pip install pycountry
    venv/bin/python src/geo/generate.py package src/geo/shapes.bin

Source: world-atlas 2.0.2 (ISC), Natural Earth 4.1.0 admin-0 countries
(public domain) as TopoJSON; 1:110m for the world, 1:50m for the region of
the route map. Point of view (docs/maps.md): internationally recognised
borders, as a ministry of Azerbaijan draws them: Northern Cyprus is merged
into Cyprus, Somaliland into Somalia, Kosovo into Serbia, and Crimea, which
Natural Earth 4.1.0 draws as part of Russia, into Ukraine. Western Sahara
stays a territory of its own (the UN's list of non-self-governing
territories), unshaded; so do the Siachen Glacier and the other pieces
without a state.

Format (little-endian; varints are LEB128, signed ones zigzag):
  b"AZGEO1", u8 layers, then per layer:
    i32 west, south, east, north (degrees * 1e4), u32 grid (degrees * 1e6
      per unit),
    varint countries, per country: 2 bytes alpha-2 ("--" for none),
      varint rings, per ring: a path,
    varint lines, per line: u8 kind (0 coast, 1 border), a path.
  A path: varint points, then (x, y) in grid units, the first absolute
  from (west, south), the others as differences, each a signed varint.
"""

import json
import struct
import sys

import pycountry

# What a country's geometry is merged into, by its name in world-atlas.
MERGED = {"N. Cyprus": "196", "Somaliland": "706", "Kosovo": "688"}
# Crimea: the ring of Russia whose points all lie in this box goes to
# Ukraine.
CRIMEA = (32.4, 44.3, 36.7, 46.3)
DROPPED = {"010"}  # Antarctica: not drawn on a world map of partners.

# (file, box west south east north, DP tolerance in degrees, grid in degrees)
LAYERS = [
    ("countries-110m.json", (-180.0, -60.0, 180.0, 84.0), 0.08, 0.02),
    ("countries-50m.json", (10.0, 24.0, 90.0, 58.0), 0.03, 0.005),
]


def arcs_of(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def alpha2(numeric, name):
    if numeric is None:
        return "--"
    c = pycountry.countries.get(numeric=numeric)
    return c.alpha_2 if c else "--"


def stitch(directed):
    """Chains directed arcs (index, reversed) into closed rings, once the
    arcs shared by two rings of one country have cancelled."""
    count = {}
    for a in directed:
        count[a] = count.get(a, 0) + 1
    left = []
    for (i, rev) in directed:
        if (i, not rev) in count:
            continue
        left.append((i, rev))
    return left


def ring_points(arcs, ring):
    pts = []
    for a in ring:
        seg = arcs[a] if a >= 0 else list(reversed(arcs[~a]))
        pts.extend(seg if not pts else seg[1:])
    return pts


def chain(arcs, directed):
    """Rings from directed arcs, by matching ends."""
    pieces = [(arcs[i] if not rev else list(reversed(arcs[i]))) for i, rev in directed]
    rings = []
    by_start = {}
    for n, p in enumerate(pieces):
        by_start.setdefault(p[0], []).append(n)
    used = set()
    for n in range(len(pieces)):
        if n in used:
            continue
        used.add(n)
        ring = list(pieces[n])
        while ring[-1] != ring[0]:
            nxt = [m for m in by_start.get(ring[-1], []) if m not in used]
            if not nxt:
                break
            used.add(nxt[0])
            ring.extend(pieces[nxt[0]][1:])
        rings.append(ring)
    return rings


def dp(points, tol):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, -1
        for k in range(a + 1, b):
            x, y = points[k]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, at = d, k
        if at > 0 and best > tol:
            keep[at] = True
            stack.append((a, at))
            stack.append((at, b))
    return [p for p, k in zip(points, keep) if k]


def clip_half(ring, edge, keep_west):
    """A ring clipped to one side of the meridian `edge` (Sutherland and
    Hodgman with one boundary)."""
    inside = (lambda p: p[0] <= edge) if keep_west else (lambda p: p[0] >= edge)
    out = []
    prev = ring[-1]
    for p in ring:
        if inside(p) != inside(prev):
            t = (edge - prev[0]) / (p[0] - prev[0])
            out.append((edge, prev[1] + t * (p[1] - prev[1])))
        if inside(p):
            out.append(p)
        prev = p
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def cut(ring):
    """A ring that crosses the antimeridian (Fiji, Chukotka), as the pieces
    on either side: unwrapped to continuous longitudes, clipped at ±180 and
    the far piece moved back by 360°. A map centred on Greenwich would
    otherwise draw a line across the world."""
    if all(abs(a[0] - b[0]) <= 180 for a, b in zip(ring, ring[1:])):
        return [ring]
    unwrapped = [ring[0]]
    for x, y in ring[1:]:
        px = unwrapped[-1][0]
        while x - px > 180:
            x -= 360
        while px - x > 180:
            x += 360
        unwrapped.append((x, y))
    if max(x for x, _ in unwrapped) > 180:
        near, far = clip_half(unwrapped, 180, True), clip_half(unwrapped, 180, False)
        far = [(x - 360, y) for x, y in far]
    else:
        near, far = clip_half(unwrapped, -180, False), clip_half(unwrapped, -180, True)
        far = [(x + 360, y) for x, y in far]
    return [r for r in (near, far) if len(r) >= 4]


def split(line):
    """A line broken where it jumps across the antimeridian."""
    pieces = [[line[0]]]
    for a, b in zip(line, line[1:]):
        if abs(a[0] - b[0]) > 180:
            pieces.append([])
        pieces[-1].append(b)
    return [p for p in pieces if len(p) >= 2]


def inside(box, pts):
    w, s, e, n = box
    return any(w <= x <= e and s <= y <= n for x, y in pts)


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zigzag(n):
    return varint((n << 1) ^ (n >> 63) if n < 0 else n << 1)


def path(points, box, grid):
    w, s = box[0], box[1]
    q = []
    for x, y in points:
        p = (round((x - w) / grid), round((y - s) / grid))
        if not q or q[-1] != p:
            q.append(p)
    out = bytearray(varint(len(q)))
    px = py = 0
    for x, y in q:
        out += zigzag(x - px) + zigzag(y - py)
        px, py = x, y
    return bytes(out), len(q)


def layer(package, name, box, tol, grid):
    topo = json.load(open(f"{package}/{name}"))
    arcs = [dp(a, tol) for a in arcs_of(topo)]
    owner = {}  # alpha-2 -> list of rings (lists of signed arc indices)
    for g in topo["objects"]["countries"]["geometries"]:
        numeric = MERGED.get(g["properties"]["name"], g.get("id"))
        if numeric in DROPPED:
            continue
        code = alpha2(numeric, g["properties"]["name"])
        for poly in polygons(g):
            target = code
            if code == "RU" and len(poly) == 1 and all(CRIMEA[0] <= x <= CRIMEA[2] and CRIMEA[1] <= y <= CRIMEA[3] for x, y in ring_points(arcs, poly[0])):
                target = "UA"
            owner.setdefault(target, []).extend(poly)
    # Who uses each arc: a line is a coast (one user), a border (two
    # countries) or nothing (inside one country after merging).
    users = {}
    out_countries = bytearray()
    n_countries = 0
    points = 0
    for code in sorted(owner):
        directed = [(a if a >= 0 else ~a, a < 0) for ring in owner[code] for a in ring]
        for i, _ in directed:
            users.setdefault(i, []).append(code)
        rings = [piece for r in chain(arcs, stitch(directed)) for piece in cut(r)]
        rings = [r for r in rings if inside(box, r) and len(r) >= 4]
        if not rings:
            continue
        n_countries += 1
        out_countries += code.encode() + varint(len(rings))
        for r in rings:
            b, n = path(r, box, grid)
            out_countries += b
            points += n
    out_lines = bytearray()
    n_lines = 0
    for i in sorted(users):
        codes = users[i]
        if len(codes) == 2 and codes[0] == codes[1]:
            continue
        if not inside(box, arcs[i]):
            continue
        kind = 0 if len(codes) == 1 else 1
        for piece in split(arcs[i]):
            b, n = path(piece, box, grid)
            out_lines += bytes([kind]) + b
            points += n
            n_lines += 1
    head = struct.pack("<iiiiI", *(round(v * 1e4) for v in box), round(grid * 1e6))
    print(f"{name}: {n_countries} countries, {n_lines} lines, {points} points", file=sys.stderr)
    return head + varint(n_countries) + bytes(out_countries) + varint(n_lines) + bytes(out_lines)


def main():
    package, target = sys.argv[1], sys.argv[2]
    data = b"AZGEO1" + bytes([len(LAYERS)])
    for name, box, tol, grid in LAYERS:
        data += layer(package, name, box, tol, grid)
    open(target, "wb").write(data)
    print(f"{target}: {len(data)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()

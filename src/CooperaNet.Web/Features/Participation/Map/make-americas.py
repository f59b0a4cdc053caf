#!/usr/bin/env python3
"""Builds americas.geo.json from world-atlas's countries-50m.json (Natural Earth 1:50m, TopoJSON).

Usage: npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
       python3 make-americas.py package/countries-50m.json ../../../../CooperaNet.Application/ReferenceData/Data/oas-member-states.csv > americas.geo.json
Keeps the Americas only (clipped to a rectangle), simplifies the outlines (Douglas-Peucker),
drops the smallest islands of large countries and rounds coordinates to 0.01 degree.
"""
import csv
import json
import sys

WEST, EAST, SOUTH, NORTH = -170.0, -20.0, -56.0, 75.0
TOLERANCE = 0.1  # degrees
# Outside the Americas though inside the rectangle: Cabo Verde, French Polynesia, Iceland, Pitcairn, Portugal (Azores).
OUTSIDE = {"132", "258", "352", "612", "620"}
SMALL_ISLAND = 0.12  # square degrees: rings smaller than this are dropped, except a country's largest


def decode_arcs(topo):
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(arcs, geometry):
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in p] for p in geometry["arcs"]]
    return []


def clip(points):
    """Sutherland-Hodgman against the rectangle."""
    edges = [
        (lambda p: p[0] >= WEST, lambda a, b: cut_x(a, b, WEST)),
        (lambda p: p[0] <= EAST, lambda a, b: cut_x(a, b, EAST)),
        (lambda p: p[1] >= SOUTH, lambda a, b: cut_y(a, b, SOUTH)),
        (lambda p: p[1] <= NORTH, lambda a, b: cut_y(a, b, NORTH)),
    ]
    for inside, cut in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(cut(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cut(previous, current))
            previous = current
        points = result
    return points


def cut_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def cut_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(points, tolerance):
    if len(points) < 3:
        return points
    first, last = points[0], points[-1]
    index, distance = 0, 0.0
    for i in range(1, len(points) - 1):
        d = perpendicular(points[i], first, last)
        if d > distance:
            index, distance = i, d
    if distance > tolerance:
        return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)
    return [first, last]


def perpendicular(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return ((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / (dx * dx + dy * dy) ** 0.5


def area(points):
    return abs(sum(points[i - 1][0] * p[1] - p[0] * points[i - 1][1] for i, p in enumerate(points))) / 2


def in_americas(rings):
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    west, east, south = min(xs), max(xs), min(ys)
    hawaii = east < -150 and max(ys) < 30
    return west < EAST and east > WEST and east < 0 and not hawaii and south < NORTH


def main(topology_path, states_path):
    topo = json.load(open(topology_path, encoding="utf-8"))
    members = {row["iso_numeric"]: row["iso_alpha2"] for row in csv.DictReader(open(states_path, encoding="utf-8"))}
    arcs = decode_arcs(topo)
    features = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        numeric = str(geometry.get("id", ""))
        if numeric in OUTSIDE:
            continue
        parts = [p for p in polygons(arcs, geometry) if in_americas(p)]
        if not parts:
            continue
        largest = max(area(p[0]) for p in parts)
        shapes = []
        for polygon in parts:
            outer_area = area(polygon[0])
            if outer_area < SMALL_ISLAND and outer_area < largest:
                continue
            tolerance = TOLERANCE if outer_area > 1 else TOLERANCE / 4
            rings = []
            for r in polygon:
                r = clip(simplify(r, tolerance))
                r = [[round(x, 2), round(y, 2)] for x, y in r]
                if len(r) >= 3:
                    rings.append(r + [r[0]])
            if rings:
                shapes.append(rings)
        if not shapes:
            continue
        properties = {"name": geometry["properties"]["name"], "iso_numeric": numeric}
        if numeric in members:
            properties["iso_a2"] = members[numeric]
        features.append({"type": "Feature", "properties": properties, "geometry": {"type": "MultiPolygon", "coordinates": shapes}})
    missing = sorted(set(members.values()) - {f["properties"].get("iso_a2") for f in features})
    if missing:
        sys.exit(f"member states without an outline: {missing}")
    features.sort(key=lambda f: f["properties"]["iso_numeric"])
    json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

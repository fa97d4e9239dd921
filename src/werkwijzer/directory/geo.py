"""Distances on the earth's surface. Pure functions, no Django."""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_KM / 180


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class BoundingBox:
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon


def bounding_box(lat: float, lon: float, radius_km: float) -> BoundingBox:
    """The smallest lat/lon box that holds every point within radius_km of (lat, lon).

    The longitude span uses the latitude of the box edge nearest the pole, where a
    degree of longitude is shortest, so no point inside the circle falls outside.
    """
    dlat = radius_km / KM_PER_DEGREE_LAT
    polar_lat = min(89.9, abs(lat) + dlat)
    dlon = radius_km / (KM_PER_DEGREE_LAT * math.cos(math.radians(polar_lat)))
    return BoundingBox(lat - dlat, lat + dlat, lon - dlon, lon + dlon)


def unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    """The point as a unit vector from the earth's centre (x, y, z).

    The dot product of two such vectors is the cosine of the angle between the points,
    so "within r km" is `dot >= cos(r / R)` and "nearest first" is "largest dot first":
    an exact great-circle test with only multiplications and additions, which any
    database evaluates quickly and without math functions.
    """
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def min_dot_product(radius_km: float) -> float:
    """Points within radius_km have a unit-vector dot product of at least this."""
    return math.cos(min(radius_km / EARTH_RADIUS_KM, math.pi))

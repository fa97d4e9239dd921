import math

from hypothesis import given
from hypothesis import strategies as st

from werkwijzer.directory.geo import bounding_box, haversine_km


def test_haversine_matches_a_known_distance():
    # Amsterdam Dam square to Utrecht Dom tower: about 35 km in a straight line.
    assert 34.5 < haversine_km(52.3731, 4.8926, 52.0907, 5.1214) < 35.5
    assert haversine_km(52.0, 5.0, 52.0, 5.0) == 0


@given(
    lat=st.floats(50.5, 53.7),
    lon=st.floats(3.2, 7.3),
    radius=st.floats(0.5, 250),
    bearing=st.floats(0, 2 * math.pi),
    fraction=st.floats(0, 0.999),
)
def test_every_point_in_the_circle_is_in_the_bounding_box(lat, lon, radius, bearing, fraction):
    # Walk `fraction * radius` km from the centre in some direction (flat-earth step is
    # fine here: we check the box against the exact distance of the point we reach).
    distance = radius * fraction
    dlat = distance * math.cos(bearing) / 111.2
    dlon = distance * math.sin(bearing) / (111.2 * math.cos(math.radians(lat + dlat)))
    point = (lat + dlat, lon + dlon)
    if haversine_km(lat, lon, *point) <= radius:
        assert bounding_box(lat, lon, radius).contains(*point)

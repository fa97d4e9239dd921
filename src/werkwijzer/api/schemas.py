"""Schemas that more than one app's API uses."""

from ninja import Schema


class SourceOut(Schema):
    """A source that a fact, rule or milestone cites (core/sources.yaml)."""

    key: str
    title: str
    publisher: str
    url: str

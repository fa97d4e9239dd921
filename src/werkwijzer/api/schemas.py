"""Schemas that more than one app's API uses."""

from ninja import Field, Schema


class SourceOut(Schema):
    """A source that a fact, rule or milestone cites (core/sources.yaml)."""

    key: str
    title: str
    publisher: str
    url: str = Field(description="The page that says it; empty for a document without an address.")
    locator: str = Field(
        "", description="Where in a document without an address it says it (a slide, a chapter)."
    )

"""The claims of the kennisbank (core.claims): each article with the sources in its
front matter; a translation cites the sources of its Dutch original."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from werkwijzer.core.claims import Claim, claim
from werkwijzer.knowledge import glossary
from werkwijzer.knowledge.content import read_articles


def claims(content_dir: Path) -> Iterator[Claim]:
    articles = read_articles(content_dir / "knowledge")
    originals = {article.slug: article for article in articles.get("nl", [])}
    for language, found in articles.items():
        for article in found:
            original = originals.get(article.slug, article)
            yield claim(
                f"knowledge/{language}/{article.slug}.md",
                f"{article.meta.get('title')}: {article.meta.get('summary')}",
                original.meta.get("sources"),
            )

    # The woordenlijst: each explanation is a claim about the law, a helper or an illness.
    for term in glossary.terms(content_dir, "nl"):
        yield claim(f"glossary.yaml {term.slug}", f"{term.term}: {term.text}", term.source)

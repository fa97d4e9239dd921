"""Plain text out of an article body: the passages that search shows and ranks."""

from __future__ import annotations

from werkwijzer.core.text import plain


def block_texts(block_type: str, value) -> list[str]:
    if block_type == "text":
        return _paragraphs(value.source)
    if block_type in ("tip", "persona_box"):
        title = value.get("title") or ""
        paragraphs = _paragraphs(value["text"].source)
        if title and paragraphs:
            paragraphs[0] = f"{title}: {paragraphs[0]}"
        return paragraphs
    if block_type in ("checklist", "questions"):
        return [" ".join(str(item) for item in value["items"])]
    return []


def _paragraphs(html_text: str) -> list[str]:
    parts = html_text.replace("</li>", "</li>\n").replace("</p>", "</p>\n").split("\n")
    cleaned = (" ".join(plain(part).split()) for part in parts)
    return [part for part in cleaned if part]


def article_passages(body) -> list[str]:
    passages: list[str] = []
    for block in body:
        passages.extend(block_texts(block.block_type, block.value))
    return passages

"""The employer templates as an editable Word document (.docx), built with python-docx."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from docx import Document
from docx.shared import Pt, RGBColor

BRAND = RGBColor(0x00, 0x59, 0x6B)


def template_docx(template: dict[str, Any], footer: str) -> bytes:
    """``template`` is one localised template of content/employers/guide.yaml."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    heading = document.add_heading(template["title"], level=0)
    for run in heading.runs:
        run.font.color.rgb = BRAND
    document.add_paragraph(template["summary"]).italic = True
    for part in template["parts"]:
        document.add_heading(part["heading"], level=1)
        if part.get("text"):
            document.add_paragraph(part["text"])
        for bullet in part.get("bullets", []):
            document.add_paragraph(bullet, style="List Bullet")
    section = document.sections[0]
    section.footer.paragraphs[0].text = footer
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()

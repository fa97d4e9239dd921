"""The werkgevers section and its downloadable templates."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

TEMPLATES = ("hr-beleid", "persoonlijk-plan")


@pytest.mark.django_db
class TestEmployers:
    def test_index_covers_duties_asking_and_contact(self, client):
        text = client.get(reverse("employers:index")).content.decode()
        assert "Wet verbetering poortwachter" in text
        assert "Welke ziekte de medewerker heeft" in text  # may not ask
        assert "alleen via de bedrijfsarts" in text
        assert "Contact houden" in text
        for slug in TEMPLATES:
            assert reverse("employers:template_docx", args=[slug]) in text

    @pytest.mark.parametrize("slug", TEMPLATES)
    def test_docx_opens_and_has_the_text(self, client, slug):
        response = client.get(reverse("employers:template_docx", args=[slug]))
        assert response.status_code == 200
        document = Document(BytesIO(response.content))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "Voorbeeld" in text
        assert "bedrijfsarts" in text.lower()

    @pytest.mark.parametrize("slug", TEMPLATES)
    def test_pdf_renders_with_the_text(self, client, slug):
        response = client.get(reverse("employers:template_pdf", args=[slug]))
        assert response["Content-Type"] == "application/pdf"
        text = " ".join(p.extract_text() for p in PdfReader(BytesIO(response.content)).pages)
        assert "Voorbeeld" in text

    def test_english_docx(self, client):
        response = client.get(
            reverse("employers:template_docx", args=["hr-beleid"]), HTTP_ACCEPT_LANGUAGE="en"
        )
        text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
        assert "Managers do not ask about the diagnosis" in text

    def test_template_page_and_unknown_template(self, client):
        page = client.get(reverse("employers:template", args=["persoonlijk-plan"]))
        assert "Geen medische gegevens" in page.content.decode()
        assert client.get("/werkgevers/sjablonen/bestaat-niet/").status_code == 404
        assert client.get("/werkgevers/sjablonen/bestaat-niet.docx").status_code == 404

"""Gesprekshulp, specialist version and keuzehulp: content, preselection, pages, PDFs."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from werkwijzer.conversation.content import ContentError, conversations, document, localise

REQUIRED = {"medisch-specialist", "verpleegkundige", "bedrijfsarts", "baco", "werkgever", "uwv"}


def pdf_text(content: bytes) -> str:
    reader = PdfReader(BytesIO(content))
    return " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")


class TestContent:
    def test_every_conversation_is_there_with_questions_in_both_languages(self):
        found = {c.slug: c for c in conversations(settings.CONTENT_DIR)}
        assert set(found) >= REQUIRED
        for conversation in found.values():
            assert len(conversation.questions) >= 5
            assert all(q.text["nl"] and q.text["en"] for q in conversation.questions)

    def test_every_concern_a_question_is_tagged_with_can_be_chosen(self):
        from werkwijzer.conversation.views import CONCERNS_OFFERED

        tagged = {
            concern
            for conversation in conversations(settings.CONTENT_DIR)
            for question in conversation.questions
            for concern in question.concerns
        }
        assert tagged <= set(CONCERNS_OFFERED)

    def test_preselection_follows_phase_employment_and_concerns(self):
        baco = {c.slug: c for c in conversations(settings.CONTENT_DIR)}["baco"]
        chosen = {
            q.id for q in baco.questions if q.preselected("behandeling", "loondienst-vast", [])
        }
        assert "bc-werken-behandeling" in chosen  # fits the phase
        assert "bc-wat-doe-ik" in chosen  # always
        assert "bc-zzp" not in chosen  # only for zzp
        assert "bc-verwachtingen" not in chosen  # a concern nobody chose
        with_concern = {
            q.id
            for q in baco.questions
            if q.preselected("na-behandeling", "loondienst-vast", ["conflict-werkgever"])
        }
        assert "bc-verwachtingen" in with_concern
        assert "bc-werken-behandeling" not in with_concern
        zzp = {q.id for q in baco.questions if q.preselected(None, "zzp", ["eigen-bedrijf"])}
        assert "bc-zzp" in zzp

    def test_a_broken_file_names_file_and_item(self, tmp_path: Path):
        folder = tmp_path / "conversation"
        folder.mkdir()
        (folder / "questions.yaml").write_text(
            "conversations:\n  - slug: x\n    title: {nl: a, en: b}\n    intro: {nl: a, en: b}\n"
            "    source: uwv-ziektewet\n    questions:\n      - id: q1\n        text: {nl: a}\n",
            encoding="utf-8",
        )
        with pytest.raises(ContentError, match=r"questions\.yaml: conversation x, question q1"):
            conversations(tmp_path)
        (folder / "keuzehulp.yaml").write_text("sources: [nope]\n", encoding="utf-8")
        with pytest.raises(ContentError, match="unknown source 'nope'"):
            document(tmp_path, "keuzehulp")

    def test_localise(self):
        data = {"a": {"nl": "x", "en": "y"}, "b": [{"value": 1, "nl": "p", "en": "q"}]}
        assert localise(data, "en") == {"a": "y", "b": [{"value": 1, "text": "q"}]}


@pytest.mark.django_db
class TestQuestionList:
    def test_index_preselects_for_the_situation(self, client):
        response = client.get(
            reverse("conversation:index"),
            {
                "conversation": "bedrijfsarts",
                "phase": "na-behandeling",
                "employment": "loondienst-vast",
            },
        )
        text = response.content.decode()
        assert response.status_code == 200
        assert 'value="ba-opbouw" checked' in text
        assert 'value="ba-iva">' in text  # listed, not ticked
        assert "Eigen vraag 1" in text

    def test_zzp_is_told_that_the_bedrijfsarts_usually_does_not_apply(self, client):
        response = client.get(
            reverse("conversation:index"), {"conversation": "bedrijfsarts", "employment": "zzp"}
        )
        assert "meestal geen deel" in response.content.decode()

    def test_unknown_values_are_ignored(self, client):
        response = client.get(
            reverse("conversation:index"), {"conversation": "x", "phase": "y", "concerns": "z"}
        )
        assert response.status_code == 200

    def test_pdf_contains_chosen_and_own_questions_and_answers(self, client):
        response = client.post(
            reverse("conversation:questions_pdf"),
            {
                "conversation": "baco",
                "q": ["bc-kosten", "bc-lange-termijn"],
                "answer_bc-kosten": "De werkgever betaalt het gesprek.",
                "own_question_1": "Mag ik autorijden na de chemo?",
                "own_answer_1": "Vraag het de oncoloog.",
            },
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        text = pdf_text(response.content)
        assert "Wie betaalt dit gesprek" in text
        assert "De werkgever betaalt het gesprek." in text
        assert "Mag ik autorijden na de chemo?" in text
        assert "Vraag het de oncoloog." in text
        assert "Denkt u dat ik op lange termijn" in text
        assert "Raadt u mij aan om vervroegd IVA" not in text

    def test_pdf_in_english(self, client):
        response = client.post(
            reverse("conversation:questions_pdf"),
            {"conversation": "werkgever", "q": ["wg-contact"]},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert "How often and how do we keep in touch" in pdf_text(response.content)

    def test_pdf_needs_post(self, client):
        assert client.get(reverse("conversation:questions_pdf")).status_code == 405


@pytest.mark.django_db
class TestSpecialistAndKeuzehulp:
    def test_specialist_page_and_pdf(self, client):
        page = client.get(reverse("conversation:specialist")).content.decode()
        assert "BACO of KAG" in page
        response = client.get(reverse("conversation:specialist_pdf"))
        text = pdf_text(response.content)
        assert "Wanneer verwijs je naar een BACO of KAG?" in text
        assert "Hebt u werk?" in text

    def test_keuzehulp_shows_options_and_values(self, client):
        text = client.get(reverse("conversation:keuzehulp")).content.decode()
        for option in ("Blijven werken zoals nu", "Minder of anders werken", "Voor nu stoppen"):
            assert option in text
        assert "Werk geeft mij structuur" in text
        assert "Mijn bedrijf of mijn klanten" not in text  # only for zzp

    def test_keuzehulp_for_zzp_shows_the_aov_rules(self, client):
        text = client.get(reverse("conversation:keuzehulp"), {"employment": "zzp"}).content.decode()
        assert "Mijn bedrijf of mijn klanten" in text
        assert "AOV" in text

    def test_summary_and_pdf(self, client):
        data = {
            "value_structuur": "5",
            "value_energie": "2",
            "leaning": "aangepast",
            "worries": "Ik ben bang dat ik te moe word.",
            "own_questions": "Kan ik mijn uren opbouwen?",
        }
        page = client.post(reverse("conversation:keuzehulp"), dict(data, output="html"))
        text = page.content.decode()
        assert "Heel belangrijk" in text and "Minder of anders werken" in text
        response = client.post(reverse("conversation:keuzehulp"), dict(data, output="pdf"))
        assert response["Content-Type"] == "application/pdf"
        text = pdf_text(response.content)
        assert "Minder of anders werken" in text
        assert "Ik ben bang dat ik te moe word." in text
        assert "Heel belangrijk" in text

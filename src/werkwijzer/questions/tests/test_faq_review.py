"""An FAQ answer says an expert gave it only when a BACO or KAG did (issue 13)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from werkwijzer.core.seeding import SeedContext
from werkwijzer.questions.models import FaqEntry, Question
from werkwijzer.questions.seeding import seed
from werkwijzer.questions.tests.conftest import make

pytestmark = pytest.mark.django_db


def _page(client, entry: FaqEntry) -> str:
    return client.get(reverse("questions:faq_detail", args=[entry.slug])).content.decode()


def _answered(baco, answer: str) -> Question:
    return Question.objects.create(
        text="Mag ik minder uren werken?",
        consent_publication=True,
        status=Question.Status.ANSWERED,
        answer=answer,
        answered_by=baco,
        answered_at=timezone.now(),
    )


def test_the_seeded_answers_say_no_expert_checked_them(client, settings):
    seed(SeedContext(content_dir=settings.CONTENT_DIR, write=lambda _line: None))
    entry = FaqEntry.objects.get(slug="wie-betaalt-mijn-loon-als-ik-ziek-ben")
    html = _page(client, entry)
    assert "Nog niet gecontroleerd door een deskundige" in html
    assert "Beantwoord door" not in html
    assert "rijksoverheid.nl" in html  # its sources are listed
    assert entry.sources and entry.expert is None


def test_an_answer_by_a_baco_names_the_baco_from_the_account(client, baco):
    answer = "Ja, bespreek het met je bedrijfsarts."
    entry = FaqEntry.objects.create(
        slug="minder-uren",
        source=_answered(baco, answer),
        question_nl="Mag ik minder uren werken?",
        answer_nl=answer,
        published=True,
    )
    html = _page(client, entry)
    assert "Beantwoord door Baco Proef, BACO (bedrijfsarts consulent oncologie)" in html
    assert "Nog niet gecontroleerd" not in html
    assert "redactie heeft het antwoord veranderd" not in html


def test_an_answer_the_editors_changed_says_so(client, baco):
    entry = FaqEntry.objects.create(
        slug="minder-uren",
        source=_answered(baco, "Ja, Jan, bespreek het met je bedrijfsarts."),
        question_nl="Mag ik minder uren werken?",
        answer_nl="Ja, bespreek het met je bedrijfsarts.",
        published=True,
    )
    assert entry.edited_after_answer
    html = _page(client, entry)
    assert "Beantwoord door Baco Proef" in html
    assert "de deskundige heeft de veranderde tekst niet nagekeken" in html


def test_an_answer_by_someone_who_is_no_expert_claims_no_check(client, db):
    editor = make("redacteur", "editor")
    entry = FaqEntry.objects.create(
        slug="minder-uren",
        source=_answered(editor, "Ja."),
        question_nl="Mag ik minder uren werken?",
        answer_nl="Ja.",
        published=True,
    )
    html = _page(client, entry)
    assert "Nog niet gecontroleerd door een deskundige" in html
    assert "Redacteur" not in html


def test_the_api_says_who_answered(client, baco):
    FaqEntry.objects.create(
        slug="minder-uren",
        source=_answered(baco, "Ja."),
        question_nl="Mag ik minder uren werken?",
        answer_nl="Ja.",
        published=True,
        published_at=timezone.now(),
    )
    FaqEntry.objects.create(
        slug="van-de-redactie",
        question_nl="Wat is een BACO?",
        answer_nl="Een bedrijfsarts.",
        sources=["nvka-baco-folder"],
        published=True,
        published_at=timezone.now(),
    )
    data = {item["slug"]: item for item in client.get("/api/v1/faq").json()}
    assert data["minder-uren"]["answered_by"].startswith("Baco Proef, BACO")
    assert data["van-de-redactie"]["answered_by"] is None
    assert data["van-de-redactie"]["sources"] == ["nvka-baco-folder"]

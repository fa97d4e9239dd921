import pytest
from django.conf import settings

from werkwijzer.core.seeding import SeedContext
from werkwijzer.questions import identifying
from werkwijzer.questions.models import TOPIC_CHOICES, FaqEntry, Question
from werkwijzer.questions.seeding import seed

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_valid():
    context = SeedContext(content_dir=settings.CONTENT_DIR, write=lambda _m: None)
    seed(context)
    seed(context)
    entries = FaqEntry.objects.all()
    assert entries.count() >= 12
    assert Question.objects.filter(status="open").count() >= 3
    topics = {slug for slug, _label in TOPIC_CHOICES}
    for entry in entries:
        assert entry.published and entry.published_at
        assert entry.question_en and entry.answer_en
        assert set(entry.topics) <= topics
        assert identifying.find(entry.question_nl + entry.answer_nl) == []

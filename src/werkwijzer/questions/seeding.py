"""Demo content of Vraag de specialist: published FAQ entries and a few open questions.

Idempotent: FAQ entries are matched by slug, open questions by their text.
"""

from __future__ import annotations

from django.utils import timezone

from werkwijzer.core import yamlfile
from werkwijzer.core.seeding import SeedContext
from werkwijzer.questions.models import FaqEntry, Question


def seed(context: SeedContext) -> None:
    path = context.content_dir / "questions" / "faq.yaml"
    data = yamlfile.load(path.read_text(encoding="utf-8"))
    now = timezone.now()
    for item in data.get("faq", []):
        FaqEntry.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "question_nl": item["question_nl"].strip(),
                "answer_nl": item["answer_nl"].strip(),
                "question_en": item.get("question_en", "").strip(),
                "answer_en": item.get("answer_en", "").strip(),
                "topics": list(item.get("topics") or []),
                "sources": list(item.get("sources") or []),
                "published": True,
            },
        )
    FaqEntry.objects.filter(published=True, published_at__isnull=True).update(published_at=now)
    for item in data.get("open", []):
        Question.objects.get_or_create(
            text=item["text"].strip(),
            defaults={"topic": item.get("topic") or "", "status": Question.Status.OPEN},
        )
    context.write(
        f"questions: {len(data.get('faq', []))} FAQ entries, {len(data.get('open', []))} open questions"
    )

"""The only way in or out of a saved question list: always for the logged-in owner."""

from __future__ import annotations

from typing import Any

from werkwijzer.conversation.models import SavedQuestionList
from werkwijzer.core.access import Viewer
from werkwijzer.core.errors import AccessDenied

MAX_ITEMS = 60


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Keep only the known keys, as short strings (never trust posted structure)."""
    chosen = [str(q)[:64] for q in data.get("chosen", [])][:MAX_ITEMS]
    answers = {str(k)[:64]: str(v)[:2000] for k, v in data.get("answers", {}).items() if v}
    own = [
        {"text": str(item.get("text", ""))[:2000], "answer": str(item.get("answer", ""))[:2000]}
        for item in data.get("own", [])[:MAX_ITEMS]
        if item.get("text")
    ]
    return {"chosen": chosen, "answers": dict(list(answers.items())[:MAX_ITEMS]), "own": own}


def do_save_list(owner: Viewer, conversation: str, data: dict[str, Any]) -> None:
    """Keep the list in the owner's account; a visitor without one has nowhere to keep it."""
    if not owner.is_authenticated or owner.pk is None:
        raise AccessDenied
    SavedQuestionList.objects.update_or_create(
        owner_id=owner.pk, conversation=conversation, defaults={"data": _clean(data)}
    )


def load_list(owner: Viewer, conversation: str) -> dict[str, Any] | None:
    if not owner.is_authenticated or owner.pk is None:
        return None
    saved = SavedQuestionList.objects.filter(owner_id=owner.pk, conversation=conversation).first()
    return saved.data if saved else None


def do_delete_list(owner: Viewer, conversation: str) -> int:
    if not owner.is_authenticated or owner.pk is None:
        return 0
    deleted, _ = SavedQuestionList.objects.filter(
        owner_id=owner.pk, conversation=conversation
    ).delete()
    return deleted

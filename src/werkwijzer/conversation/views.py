"""Gesprekshulp (question lists), the specialist's version and the keuzehulp.

Nothing the visitor types is stored on the server: the lists and answers are posted only
to render a PDF or a summary, and a small script may keep them in the browser's own
localStorage.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from werkwijzer.conversation.content import Conversation, conversations, document, localise
from werkwijzer.conversation.services import do_delete_list, do_save_list, load_list
from werkwijzer.core import access
from werkwijzer.core.i18n import current_language
from werkwijzer.core.pdf import pdf_response
from werkwijzer.core.sources import sources
from werkwijzer.vocabulary.labels import CONCERNS, EMPLOYMENT, PHASE, choices_for
from werkwijzer.vocabulary.slugs import slugs

OWN_QUESTIONS = 5
MAX_TEXT = 2000

# The decision aids: address (keuzehulp/<slug>/) -> content/conversation/<name>.yaml. The
# first one is also at keuzehulp/ itself, where it has always been.
DECISION_AIDS = {
    "werken-tijdens-behandeling": "keuzehulp",
    "vervroegde-iva": "keuzehulp-vervroegde-iva",
    "werkgever-vertellen": "keuzehulp-werkgever-vertellen",
    "eigen-bedrijf": "keuzehulp-eigen-bedrijf",
}
DEFAULT_AID = "werken-tijdens-behandeling"


# The concerns the question lists offer to choose from (labels from the vocabulary).
CONCERNS_OFFERED = (
    "werken-tijdens-behandeling",
    "vermoeidheid",
    "concentratie-geheugen",
    "psychische-klachten",
    "conflict-werkgever",
    "reintegratie-stagneert",
    "werkplek-aanpassing",
    "financien",
    "nieuw-werk-zoeken",
    "solliciteren",
    "iva",
    "eigen-bedrijf",
    "terugkeer-volledig",
)


def _choice(value: str | None, allowed: tuple[str, ...]) -> str | None:
    return value if value in allowed else None


def _clip(value: str | None) -> str:
    return (value or "").strip()[:MAX_TEXT]


def _situation(data: Any) -> dict[str, Any]:
    """The situation from query parameters or a posted form, with unknown values dropped."""
    found = conversations(settings.CONTENT_DIR)
    employment = _choice(data.get("employment"), slugs("employment"))
    phase = _choice(data.get("phase"), slugs("phase"))
    concerns = [c for c in data.getlist("concerns") if c in slugs("concerns")]
    slug = data.get("conversation")
    conversation = next((c for c in found if c.slug == slug), None)
    if conversation is None:
        conversation = next(c for c in found if c.applies_to(employment))
    return {
        "conversations": found,
        "conversation": conversation,
        "employment": employment,
        "phase": phase,
        "concerns": concerns,
    }


def _posted_list(conversation: Conversation, data: Any) -> dict[str, Any]:
    """The chosen questions, answers and own questions of a posted question list."""
    known = {question.id for question in conversation.questions}
    chosen = [qid for qid in data.getlist("q") if qid in known]
    answers = {qid: _clip(data.get(f"answer_{qid}")) for qid in known}
    own = []
    for number in range(1, OWN_QUESTIONS + 1):
        question = _clip(data.get(f"own_question_{number}"))
        if question:
            own.append({"text": question, "answer": _clip(data.get(f"own_answer_{number}"))})
    return {"chosen": chosen, "answers": {k: v for k, v in answers.items() if v}, "own": own}


def _question_rows(
    conversation: Conversation, situation: dict, language: str, saved: dict | None = None
):
    rows = []
    for question in conversation.questions:
        if saved is not None:
            checked = question.id in saved.get("chosen", [])
            answer = saved.get("answers", {}).get(question.id, "")
        else:
            checked = question.preselected(
                situation["phase"], situation["employment"], situation["concerns"]
            )
            answer = ""
        rows.append(
            {
                "id": question.id,
                "text": question.text[language],
                "checked": checked,
                "applies": question.applies_to(situation["employment"]),
                "answer": answer,
            }
        )
    return rows


@require_http_methods(["GET"])
def index(request: HttpRequest) -> HttpResponse:
    language = current_language()
    situation = _situation(request.GET)
    conversation = situation["conversation"]
    saved = load_list(request.user, conversation.slug)
    own = list((saved or {}).get("own", []))
    own += [{"text": "", "answer": ""}] * (OWN_QUESTIONS - len(own))
    context = {
        **situation,
        "language": language,
        "conversation_title": conversation.title[language],
        "conversation_intro": conversation.intro[language],
        "conversation_applies": conversation.applies_to(situation["employment"]),
        "source": sources()[conversation.source],
        "rows": _question_rows(conversation, situation, language, saved),
        "own_rows": list(enumerate(own[:OWN_QUESTIONS], start=1)),
        "saved": saved is not None,
        "employment_labels": choices_for("employment"),
        "phase_labels": choices_for("phase"),
        "concern_labels": [(slug, CONCERNS[slug]) for slug in CONCERNS_OFFERED],
        "conversation_labels": [(c.slug, c.title[language]) for c in situation["conversations"]],
        "decision_aids": decision_aids(language),
    }
    return render(request, "conversation/index.html", context)


@require_POST
def questions_pdf(request: HttpRequest) -> HttpResponse:
    language = current_language()
    situation = _situation(request.POST)
    conversation = situation["conversation"]
    posted = _posted_list(conversation, request.POST)
    chosen = [
        row for row in _question_rows(conversation, situation, language, posted) if row["checked"]
    ]
    own = posted["own"]
    context = {
        "title": conversation.title[language],
        "intro": conversation.intro[language],
        "questions": chosen,
        "own": own,
        "source": sources()[conversation.source],
        "phase_label": PHASE.get(situation["phase"] or "", ""),
        "employment_label": EMPLOYMENT.get(situation["employment"] or "", ""),
    }
    filename = f"{_('questions')}-{conversation.slug}.pdf"
    return pdf_response(request, "conversation/pdf/questions.html", context, filename)


def _specialist_context(language: str) -> dict[str, Any]:
    data = localise(document(settings.CONTENT_DIR, "specialist"), language)
    register = sources()
    return {"doc": data, "sources": [register[key] for key in data.get("sources", [])]}


@require_http_methods(["GET"])
def specialist(request: HttpRequest) -> HttpResponse:
    return render(request, "conversation/specialist.html", _specialist_context(current_language()))


@require_http_methods(["GET"])
def specialist_pdf(request: HttpRequest) -> HttpResponse:
    context = _specialist_context(current_language())
    return pdf_response(
        request, "conversation/pdf/specialist.html", context, f"{_('conversation-about-work')}.pdf"
    )


def decision_aids(language: str) -> list[dict[str, str]]:
    """Every decision aid: its slug, title and address, for the lists that link to them."""
    return [
        {
            "slug": slug,
            "title": localise(document(settings.CONTENT_DIR, name)["title"], language),
            "url": reverse("conversation:keuzehulp_aid", args=[slug]),
        }
        for slug, name in DECISION_AIDS.items()
    ]


def _keuzehulp_data(language: str, employment: str | None, name: str) -> dict[str, Any]:
    raw = document(settings.CONTENT_DIR, name)
    data = localise(raw, language)
    zzp = employment == "zzp"
    for option in data["options"]:
        effects = option["effects"]
        if zzp and "regels_zzp" in effects:
            effects["regels"] = effects["regels_zzp"]
        option["rows"] = [(a["title"], effects.get(a["slug"], "")) for a in data["aspects"]]
    data["values"] = [
        v for v in data["values"] if not v.get("employment") or employment in v["employment"]
    ]
    return data


@require_http_methods(["GET", "POST"])
def keuzehulp(request: HttpRequest, aid: str = DEFAULT_AID) -> HttpResponse:
    """GET: the options and the questions. POST: the summary (HTML, or PDF on request)."""
    if aid not in DECISION_AIDS:
        raise Http404
    language = current_language()
    source_data = request.POST if request.method == "POST" else request.GET
    employment = _choice(source_data.get("employment"), slugs("employment"))
    data = _keuzehulp_data(language, employment, DECISION_AIDS[aid])
    register = sources()
    context: dict[str, Any] = {
        "aid": aid,
        "other_aids": [a for a in decision_aids(language) if a["slug"] != aid],
        "doc": data,
        "employment": employment,
        "employment_labels": choices_for("employment"),
        "sources": [register[key] for key in data.get("sources", [])],
    }
    if request.method == "GET":
        return render(request, "conversation/keuzehulp.html", context)

    scale = {item["value"]: item["text"] for item in data["scale"]}
    answers = []
    for value in data["values"]:
        raw = source_data.get(f"value_{value['slug']}")
        score = int(raw) if raw in {"1", "2", "3", "4", "5"} else None
        answers.append({"text": value["text"], "score": score, "label": scale.get(score, "")})
    leaning = next((o for o in data["options"] if o["slug"] == source_data.get("leaning")), None)
    summary = {
        "answers": answers,
        "leaning": leaning,
        "worries": _clip(source_data.get("worries")),
        "own_questions": _clip(source_data.get("own_questions")),
        "take_along": data["take_along"],
    }
    context["summary"] = summary
    if source_data.get("output") == "pdf":
        return pdf_response(
            request, "conversation/pdf/keuzehulp.html", context, f"{_('decision-aid')}-{aid}.pdf"
        )
    return render(request, "conversation/keuzehulp_summary.html", context)


def _back_to_list(situation: dict) -> HttpResponse:
    query = {"conversation": situation["conversation"].slug}
    for key in ("phase", "employment"):
        if situation[key]:
            query[key] = situation[key]
    return redirect(f"{reverse('conversation:index')}?{urlencode(query)}")


@access.guard(access.ANY_ACCOUNT)
@require_POST
def questions_save(request: HttpRequest) -> HttpResponse:
    """Logged in: keep the list in the person's own account (and only there)."""
    situation = _situation(request.POST)
    conversation = situation["conversation"]
    if request.POST.get("action") == "delete":
        do_delete_list(request.user, conversation.slug)
        messages.success(request, _("Your question list was deleted from your account."))
    else:
        do_save_list(request.user, conversation.slug, _posted_list(conversation, request.POST))
        messages.success(request, _("Your question list was saved in your account."))
    return _back_to_list(situation)

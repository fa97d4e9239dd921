"""Pages of the events catalogue: the list with filters, one event, its .ics, and the
pages where verified providers keep their own events."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from werkwijzer.core import access
from werkwijzer.core.downloads import PUBLIC, download
from werkwijzer.events import services
from werkwijzer.events.choices import topic_label
from werkwijzer.events.forms import EventForm, FilterForm
from werkwijzer.events.ics import event_to_ics
from werkwijzer.events.models import Event
from werkwijzer.vocabulary.labels import ROLE_AS_AUDIENCE


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    events = services.upcoming(form.filters() if form.is_bound else services.Filters())
    return render(request, "events/list.html", {"form": form, "events": events})


def _event(pk: int) -> Event:
    event = services.visible(pk)
    if event is None:
        raise Http404
    return event


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(pk)
    context = {
        "event": event,
        "ended": event.ends_at < timezone.now(),
        "audience_labels": [ROLE_AS_AUDIENCE.get(slug, slug) for slug in event.audiences],
        "topic_labels": [(slug, topic_label(slug)) for slug in event.topics],
        "may_keep": services.may_keep(request.user, event),
    }
    return render(request, "events/detail.html", context)


@require_GET
def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(pk)
    filename = f"werkwijzer-bijeenkomst-{event.pk}.ics"
    return download(event_to_ics(event), "text/calendar; charset=utf-8", filename, PUBLIC)


@access.guard(access.PROFESSIONAL)
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    context = {
        "entries": services.keepable_entries(request.user),
        "events": services.events_of(request.user),
    }
    return render(request, "events/mine.html", context)


def _save(request: HttpRequest, form: EventForm, entries: list) -> HttpResponse | None:
    provider_pk = request.POST.get("provider", "")
    provider = next((e for e in entries if str(e.pk) == provider_pk), None)
    if provider is None:
        form.add_error(None, gettext("Choose the entry this event is for."))
    if not form.is_valid():
        return None
    event = form.save(commit=False)
    if event.pk is None:
        event.created_by = request.user
    event.provider = provider
    event.published = True
    event.save()
    messages.success(request, gettext("Saved. The event is on Werkwijzer now."))
    return redirect(event.get_absolute_url())


@access.guard(access.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """A new event of the professional's own verified entry, or a change of one."""
    entries = services.keepable_entries(request.user)
    event = None
    if pk is not None:
        event = Event.objects.filter(pk=pk).first()
        if event is None or not services.may_keep(request.user, event):
            raise Http404
    elif not entries:
        messages.info(request, gettext("You can add events once an editor has checked your entry."))
        return redirect(reverse("events:mine"))
    form = EventForm(request.POST if request.method == "POST" else None, instance=event)
    if request.method == "POST":
        saved = _save(request, form, entries)
        if saved is not None:
            return saved
    chosen = event.provider_id if event else (entries[0].pk if entries else None)
    context = {"form": form, "event": event, "entries": entries, "chosen": chosen}
    return render(request, "events/edit.html", context)

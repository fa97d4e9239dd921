"""Pages of Mijn Werkwijzer. Every page that shows record data writes an audit event.

The owner is always the logged-in user, so URLs carry no ids of persons; the one id in
a URL (a consent shared with a professional) is checked against the viewer and gives
404 to anyone else.
"""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkwijzer.core import access
from werkwijzer.core.downloads import PERSONAL, download, streamed_download
from werkwijzer.records import audit, consents, fhir, presentation, sections, services
from werkwijzer.records.export import CSV_HEADER, csv_rows, search_events
from werkwijzer.records.forms import AuditSearchForm, GiveConsentForm, WorkDataForm
from werkwijzer.records.models import AuditEvent, Consent, WorkData


@access.guard(access.ANY_ACCOUNT)
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    return render(request, "records/overview.html", {"sections": sections.collect(request)})


@access.guard(access.PERSON)
@require_http_methods(["GET", "POST"])
def work_data(request: HttpRequest) -> HttpResponse:
    instance = WorkData.objects.filter(user=request.user).first()
    if request.method == "POST":
        form = WorkDataForm(request.POST, instance=instance or WorkData(user=request.user))
        if form.is_valid():
            with transaction.atomic():
                saved = form.save()
                audit.record(
                    actor=request.user,
                    subject=request.user,
                    action="update" if instance else "create",
                    resource=saved,
                    reason="owner",
                )
            messages.success(request, _("Your work data is saved."))
            return redirect("records:work_data")
    else:
        instance = services.work_data_for(request.user, request.user)
        form = WorkDataForm(instance=instance)
    return render(request, "records/work_data.html", {"form": form, "work_data": instance})


def _consent_page(request: HttpRequest, form: GiveConsentForm, status: int = 200) -> HttpResponse:
    own = list(
        Consent.objects.filter(owner=request.user)
        .select_related("recipient")
        .order_by("withdrawn_at", "-given_at")
    )
    if own:
        audit.record(
            actor=request.user,
            subject=request.user,
            action="read",
            resource=f"records.Consent:owner-{request.user.pk}",
            reason="owner",
        )
    context = {
        "form": form,
        "active": [c for c in own if c.is_active and c.purpose != Consent.Purpose.RESEARCH],
        "withdrawn": [c for c in own if not c.is_active and c.purpose != Consent.Purpose.RESEARCH],
        "research": consents.allows(request.user, None, Consent.Purpose.RESEARCH),
    }
    return render(request, "records/consents.html", context, status=status)


@access.guard(access.PERSON)
@require_http_methods(["GET", "POST"])
def consent_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = GiveConsentForm(request.POST, owner=request.user)
        if form.is_valid():
            consents.give(request.user, form.recipient, form.cleaned_data["purpose"])
            messages.success(request, _("Your consent is saved. You can withdraw it at any time."))
            return redirect("records:consents")
        return _consent_page(request, form)
    return _consent_page(request, GiveConsentForm(owner=request.user))


@access.guard(access.PERSON)
@require_POST
def consent_withdraw(request: HttpRequest) -> HttpResponse:
    consent_id = request.POST.get("consent", "")
    if not consent_id.isdigit():
        raise Http404
    consent = get_object_or_404(Consent, pk=int(consent_id), owner=request.user)
    consents.withdraw(consent, actor=request.user)
    messages.success(request, _("Your consent is withdrawn. From now on they cannot use it."))
    return redirect("records:consents")


@access.guard(access.PERSON)
@require_POST
def research_consent(request: HttpRequest) -> HttpResponse:
    if request.POST.get("research") == "yes":
        consents.give(request.user, None, Consent.Purpose.RESEARCH)
        messages.success(request, _("Thank you. Your answers may be used for research."))
    else:
        current = consents.active_consent(request.user, None, Consent.Purpose.RESEARCH)
        if current is not None:
            consents.withdraw(current, actor=request.user)
        messages.success(request, _("Your answers will not be used for research."))
    return redirect("records:consents")


@access.guard(access.ANY_ACCOUNT)
@require_GET
def access_log(request: HttpRequest) -> HttpResponse:
    events = AuditEvent.objects.filter(subject=request.user).select_related("actor")
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    lines = presentation.lines(page.object_list, request.user)
    audit.record(
        actor=request.user,
        subject=request.user,
        action="read",
        resource=f"records.AuditEvent:subject-{request.user.pk}",
        reason="owner",
    )
    return render(request, "records/access_log.html", {"page": page, "lines": lines})


@access.guard(access.PERSON)
@require_GET
def fhir_download(request: HttpRequest) -> HttpResponse:
    data = WorkData.objects.filter(user=request.user).first()
    body = fhir.bundle_json(request.user, data)
    audit.record(
        actor=request.user,
        subject=request.user,
        action="export",
        resource=data if data is not None else f"records.WorkData:user-{request.user.pk}",
        reason="owner",
    )
    return download(
        body, "application/fhir+json; charset=utf-8", "werkwijzer-arbeidsgegevens.json", PERSONAL
    )


@access.guard(access.PROFESSIONAL)
@require_GET
def shared_list(request: HttpRequest) -> HttpResponse:
    shared = Consent.objects.active().filter(
        recipient=request.user, purpose=Consent.Purpose.VIEW_WORK_DATA
    )
    return render(request, "records/shared_list.html", {"shared": shared})


@access.guard(access.PROFESSIONAL)
@require_GET
def shared_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consent = get_object_or_404(
        Consent.objects.active().select_related("owner"),
        pk=pk,
        recipient=request.user,
        purpose=Consent.Purpose.VIEW_WORK_DATA,
    )
    data = services.work_data_for(request.user, consent.owner)
    return render(
        request,
        "records/shared_detail.html",
        {"consent": consent, "work_data": data, "owner": consent.owner},
    )


SEARCH_LIMIT = 200


def _search(request: HttpRequest):
    # POST, so the e-mail addresses searched for never end up in URLs or access logs.
    form = AuditSearchForm(request.POST if request.method == "POST" else None)
    subject = actor = None
    if form.is_valid():
        users = get_user_model().objects
        if form.cleaned_data["subject"]:
            subject = users.filter(email__iexact=form.cleaned_data["subject"]).first()
            if subject is None:
                form.add_error("subject", _("We found no account with this e-mail address."))
        if form.cleaned_data["actor"]:
            actor = users.filter(email__iexact=form.cleaned_data["actor"]).first()
            if actor is None:
                form.add_error("actor", _("We found no account with this e-mail address."))
        if not form.errors and subject is None and actor is None:
            form.add_error(None, _("Fill in whose record, who, or both."))
    return form, subject, actor


def _search_label(subject, actor) -> str:
    return f"records.AuditEvent:search-{getattr(subject, 'pk', '')}-{getattr(actor, 'pk', '')}"


@access.guard(access.PRIVACY_OFFICER)
@require_http_methods(["GET", "POST"])
def privacy_log(request: HttpRequest) -> HttpResponse:
    form, subject, actor = _search(request)
    events = None
    if form.is_bound and form.is_valid():
        # Read before the search itself is logged, so the list shows what was there.
        events = list(search_events(subject=subject, actor=actor)[:SEARCH_LIMIT])
        audit.record(
            actor=request.user,
            subject=subject,
            action="read",
            resource=_search_label(subject, actor),
            reason="privacy-officer",
        )
    return render(
        request,
        "records/privacy_log.html",
        {"form": form, "events": events, "limit": SEARCH_LIMIT},
    )


class _Echo:
    def write(self, value):
        return value


@access.guard(access.PRIVACY_OFFICER)
@require_POST
def privacy_export(request: HttpRequest) -> HttpResponse:
    form, subject, actor = _search(request)
    if not form.is_valid():
        context = {"form": form, "events": None, "limit": SEARCH_LIMIT}
        return render(request, "records/privacy_log.html", context, status=400)
    audit.record(
        actor=request.user,
        subject=subject,
        action="export",
        resource=_search_label(subject, actor).replace(":search-", ":export-"),
        reason="privacy-officer",
    )
    writer = csv.writer(_Echo())
    rows = (writer.writerow(row) for row in [CSV_HEADER, *csv_rows(subject=subject, actor=actor)])
    return streamed_download(rows, "text/csv; charset=utf-8", "werkwijzer-auditlog.csv", PERSONAL)

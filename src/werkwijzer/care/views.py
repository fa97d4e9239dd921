"""Zorgpad pages: starting a referral, the worklist, the referral, advice and reports.

Every page is behind `core.access.guard` (who may open it); every read and write goes
through `care.services` (the object checks of the access policy, audit, e-mail), whose
domain errors the guard turns into the 404 and 403 pages. Actions are POST forms, so
every page works without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from werkwijzer.care import forms, services
from werkwijzer.care.models import REQUEST_SENT, STATE_LABELS, Referral
from werkwijzer.care.workflow import Action, State
from werkwijzer.core import access
from werkwijzer.core.errors import Refusal
from werkwijzer.core.pdf import pdf_response
from werkwijzer.directory.models import Provider

ACTION_LABELS = {
    Action.ACCEPT: gettext_lazy("Accept"),
    Action.DECLINE: gettext_lazy("Decline"),
    Action.PLAN_INTAKE: gettext_lazy("Plan intake"),
    Action.START_CONSULTATIONS: gettext_lazy("Start consultations"),
    Action.GIVE_ADVICE: gettext_lazy("Advice given"),
    Action.CLOSE: gettext_lazy("Close referral"),
    Action.WITHDRAW: gettext_lazy("Withdraw referral"),
}


# Who uses the zorgpad: the person, the professionals of the provider, the employer.
CARE_USERS = access.any_of(access.PERSON, access.PROFESSIONAL, access.EMPLOYER)


def _flash_error(request: HttpRequest, error: Refusal) -> None:
    messages.error(request, error.message)


@access.guard(CARE_USERS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    if access.is_professional(user):
        return redirect("care:worklist")
    if access.is_employer(user):
        return redirect("care:employer_reports")
    return redirect("care:my_referrals")


@access.public("reads only the public directory entry; the form behind it is guarded")
def start(request: HttpRequest, provider_pk: int) -> HttpResponse:
    """'Refer me': a person refers themself, a professional refers a person, or an
    employer asks for one for an employee. A provider that takes no referrals is 404 for
    everyone, before the login."""
    provider = get_object_or_404(Provider, pk=provider_pk, active=True)
    if not services.can_refer_to(provider):
        raise Http404
    return _start(request, provider)


def _started(request: HttpRequest, referral: Referral) -> HttpResponse:
    """Where the person and a professional go once the referral is made."""
    if referral.person_id == request.user.pk:
        messages.success(
            request,
            _("Your referral has been sent. You will get an e-mail when something changes."),
        )
        return redirect("care:referral", pk=referral.pk)
    messages.success(request, _("The referral has been made. The person must confirm it first."))
    return redirect("care:worklist")


def _start_page(request: HttpRequest, provider: Provider, form: Form) -> HttpResponse:
    status = 422 if request.method == "POST" else 200
    context = {"provider": provider, "form": form, "by_employer": access.is_employer(request.user)}
    return render(request, "care/start.html", context, status=status)


# The person, the employer, and the professionals who may refer (access.REFERRER): a
# verzekeringsarts, arbeidsdeskundige or casemanager gets the 403 page saying who may.
@access.guard(access.REFERRER)
def _start(request: HttpRequest, provider: Provider) -> HttpResponse:
    user = request.user
    if access.is_employer(user):
        return _ask_for_employee(request, provider)
    form_class = forms.StartForPersonForm if access.is_professional(user) else forms.StartForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.create_referral(
                actor=user,
                provider=provider,
                question=form.cleaned_data["question"],
                person_email=form.cleaned_data.get("person_email", ""),
            )
        except Refusal as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return _started(request, referral)
    return _start_page(request, provider, form)


def _ask_for_employee(request: HttpRequest, provider: Provider) -> HttpResponse:
    """The employer's form (issue 18): one message and one redirect whatever the address,
    so it never says whether the address has a person account. Only an address that is
    not an e-mail address gets an error."""
    form = forms.StartForEmployeeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.ask_for_employee(
                employer=request.user,
                provider=provider,
                question=form.cleaned_data["question"],
                employee_email=form.cleaned_data["employee_email"],
            )
        except Refusal as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, REQUEST_SENT)
            return redirect("care:employer_requests")
    return _start_page(request, provider, form)


@access.guard(access.PERSON)
@require_GET
def my_referrals(request: HttpRequest) -> HttpResponse:
    referrals = services.audited_listing(
        request.user, services.referrals_for_person(request.user).select_related("created_by")
    )
    return render(request, "care/my_referrals.html", _person_overview(request.user, referrals))


def _person_overview(person, referrals: list[Referral]) -> dict:
    return {
        "pending": [r for r in referrals if not r.is_confirmed and r.state == State.REQUESTED],
        "referrals": [r for r in referrals if r.is_confirmed or r.state != State.REQUESTED],
    }


@access.guard(access.PROFESSIONAL)
@require_GET
def worklist(request: HttpRequest) -> HttpResponse:
    referrals = services.audited_listing(request.user, services.worklist(request.user))
    groups = []
    for state in State:
        items = [r for r in referrals if r.state == state]
        if items:
            groups.append({"state": state.value, "label": STATE_LABELS[state], "referrals": items})
    return render(
        request,
        "care/worklist.html",
        {
            "groups": groups,
            "has_provider": request.user.provider_id is not None,
            "treating_advice": services.treating_advice_for(request.user),
        },
    )


def _detail_context(request: HttpRequest, referral: Referral, **bound) -> dict:
    user = request.user
    professional = services.actor_kind(user, referral) == services.Actor.PROFESSIONAL
    carrying = professional and referral.accepted_by_id == user.pk and referral.is_open
    is_person = user.pk == referral.person_id
    context = {
        "referral": referral,
        "is_person": is_person,
        "is_professional": professional,
        "carrying": carrying,
        "read_only": services.is_read_only(user, referral),
        "actions": [
            {"action": action.value, "label": ACTION_LABELS[action]}
            for action in services.actions_for(user, referral)
        ],
        "advice_list": list(referral.advice.all()),
        "employer_reports": [
            {"report": report, "released": services.is_released(report)}
            for report in referral.employer_reports.select_related("employer")
        ],
    }
    if is_person:
        context["notes"] = services.notes_for(user, referral)
    if professional:
        context["work_data"] = services.work_data_for(user, referral)
        context["notes"] = services.notes_for(user, referral)
        context["treating_advice"] = list(referral.treating_advice.select_related("recipient"))
        context["decline_form"] = bound.get("decline_form") or forms.DeclineForm()
        context["intake_form"] = bound.get("intake_form") or forms.IntakeForm()
        if carrying:
            context["note_form"] = bound.get("note_form") or forms.NoteForm()
            context["advice_form"] = bound.get("advice_form") or forms.AdviceForm()
            context["treating_form"] = bound.get("treating_form") or forms.TreatingAdviceForm()
            context["report_form"] = bound.get("report_form") or forms.EmployerReportForm()
    return context


def _render_detail(request: HttpRequest, referral: Referral, status: int = 200, **bound):
    return render(
        request, "care/referral.html", _detail_context(request, referral, **bound), status=status
    )


@access.guard(access.ANY_ACCOUNT)
@require_GET
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = services.get_referral(request.user, pk)
    return _render_detail(request, referral)


@access.guard(access.ANY_ACCOUNT)
@require_POST
def referral_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in {a.value for a in Action}:
        raise Http404
    extra = {}
    bound = {}
    if action == Action.DECLINE:
        form = forms.DeclineForm(request.POST)
        bound["decline_form"] = form
        if form.is_valid():
            extra["reason"] = form.cleaned_data["reason"]
    elif action == Action.PLAN_INTAKE:
        form = forms.IntakeForm(request.POST)
        bound["intake_form"] = form
        if form.is_valid():
            extra["intake_date"] = form.cleaned_data["intake_date"]
    else:
        form = None
    if form is not None and not form.is_valid():
        referral = services.get_referral(request.user, pk, audit_read=False)
        return _render_detail(request, referral, status=422, **bound)
    try:
        services.transition(request.user, pk, action, **extra)
    except Refusal as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("Saved. Everyone involved gets an e-mail."))
    referral = services.get_referral(request.user, pk, audit_read=False)
    if referral.person_id == request.user.pk and referral.state == State.WITHDRAWN:
        return redirect("care:my_referrals")
    return redirect("care:referral", pk=pk)


@access.guard(access.PERSON)
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.confirm(request.user, pk)
    except Refusal as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("Thank you. The referral has been sent to the BACO or KAG."))
    return redirect("care:referral", pk=pk)


def _write(request: HttpRequest, pk: int, form_class, form_key: str, write) -> HttpResponse:
    form = form_class(request.POST)
    if form.is_valid():
        try:
            write(form.cleaned_data)
        except Refusal as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("care:referral", pk=pk)
    referral = services.get_referral(request.user, pk, audit_read=False)
    return _render_detail(request, referral, status=422, **{form_key: form})


@access.guard(access.ANY_ACCOUNT)  # the service answers 404 to all but the carrier
@require_POST
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        forms.NoteForm,
        "note_form",
        lambda data: services.add_note(
            request.user, pk, data["text"], personal=data["personal_work_note"]
        ),
    )


@access.guard(access.ANY_ACCOUNT)  # the service answers 404 to all but the carrier
@require_POST
def add_advice(request: HttpRequest, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        forms.AdviceForm,
        "advice_form",
        lambda data: services.add_person_advice(request.user, pk, data["text"]),
    )


@access.guard(access.ANY_ACCOUNT)  # the service answers 404 to all but the carrier
@require_POST
def add_treating_advice(request: HttpRequest, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        forms.TreatingAdviceForm,
        "treating_form",
        lambda data: services.add_treating_advice(
            request.user, pk, data["recipient_email"], data["text"]
        ),
    )


@access.guard(access.ANY_ACCOUNT)  # the service answers 404 to all but the carrier
@require_POST
def add_employer_report(request: HttpRequest, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        forms.EmployerReportForm,
        "report_form",
        lambda data: services.add_employer_report(request.user, pk, **data),
    )


@access.guard(access.ANY_ACCOUNT)
@require_GET
def advice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    advice = services.get_person_advice(request.user, pk)
    context = {"advice": advice}
    return pdf_response(request, "care/advice_letter.html", context, f"advies-{advice.pk}.pdf")


@access.guard(access.EMPLOYER)
@require_GET
def employer_reports(request: HttpRequest) -> HttpResponse:
    reports = services.released_reports(request.user)
    return render(request, "care/employer_reports.html", {"reports": reports})


@access.guard(access.EMPLOYER)
@require_GET
def employer_requests(request: HttpRequest) -> HttpResponse:
    """The employer's BACO/KAG requests that the employee answered: whom, where, when and
    the status label; never the question, a step of the care or a request still waiting
    (services.requests_by_employer)."""
    requests = services.requests_by_employer(request.user)
    return render(request, "care/employer_requests.html", {"requests": requests})


@access.guard(access.ANY_ACCOUNT)
@require_GET
def employer_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = services.get_employer_report(request.user, pk)
    is_person = report.person_id == request.user.pk
    context = {
        "report": report,
        "is_person": is_person,
        "released": is_person and services.is_released(report),
        # The person goes back to the page the report belongs to; the template itself
        # never touches the referral (an employer renders it too).
        "back_url": reverse("care:referral", args=[report.referral_id])
        if is_person
        else reverse("care:index"),
    }
    return render(request, "care/employer_report.html", context)


@access.guard(access.ANY_ACCOUNT)
@require_GET
def employer_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = services.get_employer_report(request.user, pk)
    filename = f"werkgeversrapport-{report.pk}.pdf"
    return pdf_response(request, "care/employer_report_pdf.html", {"report": report}, filename)


@access.guard(access.PERSON)
@require_POST
def share_report(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        if request.POST.get("share") == "yes":
            services.release_report(request.user, pk)
            messages.success(request, _("Your employer can now see this report."))
        else:
            services.withhold_report(request.user, pk)
            messages.success(request, _("Your employer can no longer see this report."))
    except Refusal as error:
        _flash_error(request, error)
    return redirect("care:employer_report", pk=pk)

"""Import providers from the admin: upload a file, the worker imports it, the page follows.

The upload is kept in a core Job only until the import has run; the status page refreshes
itself (a meta refresh, no script) until the report is there.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from werkwijzer.core.models import Job
from werkwijzer.directory.adapters import available_mappings
from werkwijzer.directory.tasks import IMPORT_JOB, import_providers
from werkwijzer.directory.transfer import FORMATS, MAX_FILE_BYTES

REFRESH_SECONDS = 2


class ImportForm(forms.Form):
    file = forms.FileField(
        label=pgettext_lazy("provider import", "File"),
        help_text=_("CSV, JSON or Excel (xlsx): our own format, or a source's list."),
    )
    format = forms.ChoiceField(
        label=pgettext_lazy("provider import", "Format"),
        required=False,
        choices=[("", _("From the file name")), *[(f, f.upper()) for f in FORMATS]],
    )
    source = forms.ChoiceField(
        label=pgettext_lazy("provider import", "Source"),
        required=False,
        help_text=_(
            "A list in another layout, read with its mapping file (content/directory/"
            "sources/). Entries of that source missing from the file are marked for review."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: show what would change, save nothing"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        own = [("", _("Our own format (docs/directory.md)"))]
        self.fields["source"].choices = own + available_mappings()

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB. Split it into smaller files."),
                params={"mb": MAX_FILE_BYTES // (1024 * 1024)},
            )
        return upload


def _check(model_admin: admin.ModelAdmin, request: HttpRequest) -> None:
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied


def start_view(model_admin: admin.ModelAdmin, request: HttpRequest) -> HttpResponse:
    _check(model_admin, request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with transaction.atomic():  # the job and its queue row exist together or not at all
            job = Job.objects.create(
                kind=IMPORT_JOB,
                params={
                    "filename": upload.name[:200],
                    "format": form.cleaned_data["format"],
                    "source": form.cleaned_data["source"],
                    "dry_run": form.cleaned_data["dry_run"],
                    "language": get_language(),
                },
                payload=b"".join(upload.chunks()),
                created_by=request.user,
            )
            import_providers.enqueue(str(job.pk))
        return redirect("admin:directory_provider_import_status", job_id=job.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import providers"),
        "form": form,
    }
    return TemplateResponse(request, "admin/directory/provider/import.html", context)


def status_view(model_admin: admin.ModelAdmin, request: HttpRequest, job_id: str) -> HttpResponse:
    _check(model_admin, request)
    job = get_object_or_404(Job, pk=job_id, kind=IMPORT_JOB)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import providers"),
        "job": job,
        "report": job.result if job.status == Job.Status.DONE else None,
        "refresh": None if job.is_finished else REFRESH_SECONDS,
    }
    return TemplateResponse(request, "admin/directory/provider/import_status.html", context)

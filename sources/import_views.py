"""Import job pages for staff: upload files, watch a job's progress, cancel or resume it, get its errors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET, require_POST

from tracker.access import staff_permission_required

from .importing.decisions import CHOICE_LABELS, DecisionRefused, job_decidable, near_duplicate_decide
from .importing.errors import storable
from .importing.files import SUPPORTED, content_problem, upload_name_problem
from .importing.service import (
    errors_csv,
    import_job_cancel,
    import_job_from_uploads,
    import_job_resume,
    job_resumable,
    job_stale,
    lease,
)
from .models import Article, ImportBatch, NearDuplicate
from .selectors import job_near_duplicates


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once; cleans to a list of uploaded files."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = [d for d in (data if isinstance(data, list | tuple) else [data]) if d]
        if not files and self.required:
            # An empty list passed FileField.clean for each of its (no) items: "required" was skipped.
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [single(d, initial) for d in files]


class ImportForm(forms.Form):
    # a field named like Form.files: the form metaclass moves it into base_fields, django-stubs cannot tell
    files = MultipleFileField(  # type: ignore[assignment]
        help_text="CSV, JSON, JSON lines, XLSX, .txt or .html pages, or .zip archives of them."
    )
    outlet = forms.CharField(required=False, max_length=200, help_text="Outlet for articles that name none.")
    extract = forms.BooleanField(required=False, initial=True, label="Extract claims after importing")
    skip_invalid = forms.BooleanField(
        required=False, label="Import the valid rows when some are bad (otherwise nothing is imported)"
    )
    near_duplicates = forms.ChoiceField(
        choices=[
            ("ask", "Hold them: I choose for each on the job page"),
            ("keep", "Keep both"),
            ("skip", "Skip the new one"),
            ("merge", "Merge: the new one becomes a new version of the stored article"),
        ],
        initial="ask",
        required=False,  # a post without it (a script) holds them, as the form's first choice does
        label="Articles that nearly duplicate a stored one",
        help_text="The same story again with a header line, a correction note or another intro paragraph.",
    )

    def clean_files(self) -> list:
        files = self.cleaned_data["files"]
        limit = getattr(settings, "IMPORT_MAX_BYTES", 2 * 1024**3)
        for upload in files:
            if problem := upload_name_problem(upload.name):
                raise forms.ValidationError(f"{storable(upload.name)[:100]}: {problem}")
            if Path(upload.name).suffix.lower() not in SUPPORTED:
                raise forms.ValidationError(
                    f"{upload.name}: unsupported file type; use {', '.join(SUPPORTED)}"
                )
            if upload.size > limit:
                raise forms.ValidationError(
                    f"{upload.name}: {upload.size:,} bytes is over the limit of {limit:,}"
                )
            if problem := content_problem(upload.name, _head(upload)):
                raise forms.ValidationError(f"{upload.name}: {problem}")
        return files


def _head(upload, size: int = 64 * 1024) -> bytes:
    """The first bytes of an upload (the file is rewound for saving afterwards)."""
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


# Staff who may add articles (an import writes articles); others signed in get 403.
importer_required = staff_permission_required(
    "sources.add_article", "Only staff who may add articles can import."
)


@login_required
@importer_required
def import_new(request: HttpRequest) -> HttpResponse:
    """The upload form (GET) or a new job from the uploaded files (POST, then the job page)."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = import_job_from_uploads(
            uploads=form.cleaned_data["files"],
            user=request.user,
            outlet=form.cleaned_data["outlet"],
            extract=form.cleaned_data["extract"],
            skip_invalid=form.cleaned_data["skip_invalid"],
            near_duplicates=form.cleaned_data["near_duplicates"] or "ask",
        )
        return redirect("imports:detail", pk=batch.pk)
    jobs = ImportBatch.objects.select_related("created_by").order_by("-created_at")[:20]
    return render(request, "sources/import_new.html", {"form": form, "jobs": jobs})


@login_required
@importer_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The job page: live progress, cancel and resume buttons, the error report."""
    batch = get_object_or_404(ImportBatch.objects.select_related("created_by"), pk=pk)
    near, near_total, near_pending = job_near_duplicates(batch.pk)
    return render(
        request,
        "sources/import_detail.html",
        {
            "batch": batch,
            "status": job_status(batch),
            "actions": job_actions(batch),
            "results": job_results(batch),
            "near_duplicates": near,
            "near_total": near_total,
            "near_pending": near_pending,
            "near_decidable": job_decidable(batch),
            "choices": list(CHOICE_LABELS.items()),
        },
    )


@login_required
@require_POST
@importer_required
def import_near_duplicates(request: HttpRequest, pk: int) -> HttpResponse:
    """The editor's choices for the job's held near-duplicates (`choice-<id>`: keep, skip or merge; a
    row left without a choice stays held); back to the job page."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    chosen = {
        int(key.removeprefix("choice-")): str(request.POST.get(key, ""))
        for key in request.POST
        if key.startswith("choice-") and key.removeprefix("choice-").isdigit() and request.POST.get(key)
    }
    items = NearDuplicate.objects.filter(batch=batch, pk__in=list(chosen)).order_by("file", "row")
    done: Counter[str] = Counter()
    for item in items:
        try:
            near_duplicate_decide(item=item, decision=chosen[item.pk], user=request.user)
        except DecisionRefused as refused:
            messages.error(request, f"Row {item.row}: {refused}")
            continue
        done[chosen[item.pk]] += 1
    if done:
        words = {"keep": "kept", "skip": "skipped", "merge": "merged"}
        messages.success(
            request, "Near-duplicates: " + ", ".join(f"{n} {words[c]}" for c, n in sorted(done.items())) + "."
        )
    elif not chosen:
        messages.info(request, "No choice was made: the near-duplicates still wait.")
    return redirect(f"{reverse('imports:detail', args=[pk])}#near-duplicates")


RESULT_ROWS = 50


def job_results(batch: ImportBatch) -> dict[str, object]:
    """What the job made, for links from its page: its articles (the first RESULT_ROWS), how many
    claims and links they hold, and the events they belong to (through reverse relations, so that
    sources never imports claims). Four bounded queries."""
    mine = Article.objects.filter(import_batch=batch, is_current=True)
    articles = list(
        mine.select_related("outlet").only("id", "title", "outlet__name").order_by("id")[:RESULT_ROWS]
    )
    totals = mine.aggregate(articles_total=Count("id", distinct=True), claims=Count("claims", distinct=True))
    link_model = apps.get_model("claims", "ClaimLink")  # by name: sources never imports claims
    links = link_model.objects.filter(
        Q(claim_a__article__import_batch=batch) | Q(claim_b__article__import_batch=batch)
    ).count()
    events = list(
        mine.exclude(events=None)
        .values_list("events__id", "events__title")
        .distinct()
        .order_by("events__title")[:RESULT_ROWS]
    )
    return {"articles": articles, "events": events, **totals, "links": links}


def job_actions(batch: ImportBatch) -> list[dict[str, object]]:
    """Who cancelled or resumed the job and when, oldest first (times as datetimes)."""
    words = {"cancel": "cancelled", "resume": "resumed"}
    return [
        {
            "what": words.get(str(a.get("action")), str(a.get("action"))),
            "user": a.get("user"),
            "at": parse_datetime(str(a.get("at", ""))),
        }
        for a in batch.options.get("actions", [])
        if isinstance(a, dict)
    ]


def job_status(batch: ImportBatch) -> dict[str, object]:
    """The job's progress as plain JSON-ready values (for the page's polling script)."""
    stale = job_stale(batch)
    message = batch.message
    if stale:
        minutes = max(1, round(lease().total_seconds() / 60))
        where = (
            "with claim extraction and linking where they stopped,"
            if batch.stage in ("extracting", "linking")
            else f"from row {batch.committed_rows + 1}"
        )
        message = (
            f"No progress for over {minutes} minute(s): the worker running this job may have stopped "
            f"(or every worker is busy). Resume goes on {where} without storing anything twice."
        )
    return {
        "id": batch.pk,
        "status": batch.status,
        "stage": batch.stage,
        "message": message,
        "stale": stale,
        "resumable": job_resumable(batch),
        "bytes_total": batch.bytes_total,
        "bytes_read": batch.bytes_read,
        "rows_read": batch.rows_read,
        "rows_total": batch.rows_total,
        "committed": batch.committed_rows,
        "created": batch.rows_created,
        "versioned": batch.rows_versioned,
        "skipped": batch.rows_skipped,
        "failed": batch.rows_failed,
        "near_duplicates": NearDuplicate.objects.filter(batch=batch).count(),
        "extract_total": batch.extract_total,
        "extract_done": batch.extract_done,
        "extract_failed": batch.extract_failed,
        "link_status": batch.link_status,
        "finished": batch.status
        in (ImportBatch.Status.DONE, ImportBatch.Status.FAILED, ImportBatch.Status.CANCELLED),
        "errors": batch.errors[:50],
        "percent": _percent(batch),
    }


def _percent(batch: ImportBatch) -> int:
    """How far the job's current stage is, 0-100 (the page's script recomputes it as it polls)."""
    done, total = {
        "reading": (batch.bytes_read, batch.bytes_total),
        "importing": (batch.committed_rows, batch.rows_total),
        "extracting": (batch.extract_done + batch.extract_failed, batch.extract_total),
    }.get(batch.stage, (1 if batch.stage in ("linking", "finished") else 0, 1))
    return round(100 * min(1, done / total)) if total else 0


@login_required
@require_GET
@importer_required
def import_status(request: HttpRequest, pk: int) -> JsonResponse:
    """The job's progress as JSON."""
    return JsonResponse(job_status(get_object_or_404(ImportBatch, pk=pk)))


@login_required
@require_POST
@importer_required
def import_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask the job to stop after its current chunk; back to the job page."""
    import_job_cancel(batch=get_object_or_404(ImportBatch, pk=pk), user=request.user)
    messages.info(request, "Cancel requested: the job stops after the chunk it is writing.")
    return redirect("imports:detail", pk=pk)


@login_required
@require_POST
@importer_required
def import_resume(request: HttpRequest, pk: int) -> HttpResponse:
    """Go on with a failed or cancelled job from its last committed chunk; back to the job page."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    if batch.status == ImportBatch.Status.DONE:
        messages.info(request, "This job has finished already.")
    elif not job_resumable(batch) and batch.status == ImportBatch.Status.RUNNING:
        messages.info(request, "This job is running; it can be resumed if it stops making progress.")
    else:
        import_job_resume(batch=batch, user=request.user)
    return redirect("imports:detail", pk=pk)


@login_required
@require_GET
@importer_required
def import_errors(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's error report: CSV of file, row, field, message."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    response = HttpResponse(errors_csv(batch), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{batch.pk}-errors.csv"'
    return response

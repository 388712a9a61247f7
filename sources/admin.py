from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from import_export.admin import ImportMixin
from simple_history.admin import SimpleHistoryAdmin

from .importing.admin_storage import PreviewStorage, preview_discard, previews_sweep
from .importing.errors import ImportRefused
from .importing.files import Limits
from .importing.nearduplicates import preview_near_duplicates
from .importing.resources import ArticleResource, CheckedCSV, CheckedJSON, CheckedXLSX, OutletResource
from .models import Article, ImportBatch, Outlet, SilentEdit

# The preview's choices for a near-duplicate row, the first the one selected.
NEAR_CHOICES = {
    "keep": "Keep both",
    "skip": "Skip the new one",
    "merge": "Merge: a new version of the stored article",
}


class CheckedImportMixin(ImportMixin):
    """import-export's admin import with the import rules' file formats and their plain-words errors."""

    formats = [CheckedCSV, CheckedJSON, CheckedXLSX]
    tmp_storage_class = PreviewStorage  # under MEDIA_ROOT, not /tmp (see admin_storage)

    def write_to_tmp_storage(self, import_file, input_format):
        # Read at most one byte over the file limit (the format then refuses it in words), in one join
        # (import-export adds chunk to chunk, quadratic in the size).
        limit = Limits.from_settings().max_bytes
        chunks, size = [], 0
        for chunk in import_file.chunks():
            chunks.append(chunk[: limit + 1 - size])
            size += len(chunks[-1])
            if size > limit:
                break
        tmp_storage = self.get_tmp_storage_class()(
            encoding=None if input_format.is_binary() else self.from_encoding,
            read_mode=input_format.get_read_mode(),
            **self.get_tmp_storage_class_kwargs(),
        )
        tmp_storage.save(b"".join(chunks))
        return tmp_storage

    def process_import(self, request, **kwargs):
        previews_sweep()
        try:
            return super().process_import(request, **kwargs)
        finally:
            # import-export removes it only when the import went through
            preview_discard(request.POST.get("import_file_name"))

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, ImportRefused):
            form.add_error("import_file", f"The file cannot be imported: {e.message}")
        else:
            form.add_error(
                "import_file", f"The file cannot be read as the chosen format ({type(e).__name__}: {e})."
            )

    def import_action(self, request, **kwargs):
        # A resource refusing the whole file (before_import raised ImportRefused, e.g. a missing column)
        # is shown as the form's error, like an unreadable file, instead of import-export's traceback.
        previews_sweep()
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        result, form = context.get("result"), context.get("form")
        refused = [e.error for e in getattr(result, "base_errors", []) if isinstance(e.error, ImportRefused)]
        if refused and form is not None:
            for error in refused:
                self.add_data_read_fail_error_to_form(form, error)
            del context["result"]
            context.pop("confirm_form", None)
        if request.method == "POST" and "confirm_form" not in context and form is not None:
            # Refused (unreadable, over the budget, rows with errors): nothing to confirm, nothing kept.
            # (the form drops a field with an error from cleaned_data: the upload object is the request's)
            upload = request.FILES.get("import_file")
            preview_discard(getattr(upload, "tmp_storage_name", None))
        return response


@admin.register(Outlet)
class OutletAdmin(CheckedImportMixin, SimpleHistoryAdmin):
    resource_classes = [OutletResource]
    list_display = ["name", "domain", "country", "kind", "created_at"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "domain"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "source",
        "status",
        "stage",
        "rows_read",
        "rows_created",
        "rows_versioned",
        "rows_skipped",
        "rows_failed",
        "job_page",
        "created_at",
    ]
    list_filter = ["status", "source", "stage"]
    search_fields = ["name"]
    readonly_fields = ["created_at", "finished_at", "updated_at", "job_page"]

    @admin.display(description="Job page")
    def job_page(self, obj: ImportBatch) -> str:
        if obj is None or obj.pk is None:
            return "-"
        return format_html('<a href="{}">progress and errors</a>', reverse("imports:detail", args=[obj.pk]))


@admin.register(SilentEdit)
class SilentEditAdmin(admin.ModelAdmin):
    list_display = ["article", "previous", "created_at"]
    raw_id_fields = ["article", "previous"]
    readonly_fields = ["article", "previous", "changes", "created_at"]


class SilentEditInline(admin.StackedInline):
    """On a new version: the passages whose numbers changed since the previous version."""

    model = SilentEdit
    fk_name = "article"
    fields = readonly_fields = ("previous", "changes", "created_at")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(CheckedImportMixin, SimpleHistoryAdmin):
    resource_classes = [ArticleResource]
    inlines = [SilentEditInline]
    import_template_name = "admin/sources/article/import.html"
    list_display = [
        "title",
        "outlet",
        "published_on",
        "published_precision",
        "published_source",
        "version",
        "is_current",
        "extraction_status",
    ]
    list_filter = [
        "outlet",
        "published_precision",
        "published_source",
        "extraction_status",
        "is_current",
        "language",
    ]
    search_fields = ["title", "url", "byline", "content_hash"]
    date_hierarchy = "published_on"
    list_select_related = ["outlet"]
    raw_id_fields = ["previous_version", "import_batch"]
    readonly_fields = [
        "content_hash",
        "version",
        "previous_version",
        "created_at",
        "updated_at",
        "extracted_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        # The body is what every span points into: it is set once and never edited in place.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "body"] if obj is not None else fields

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        result = getattr(response, "context_data", {}).get("result")
        if result is not None and not result.has_errors() and not result.has_validation_errors():
            rows = [
                (
                    number,
                    row.instance.body,
                    row.instance.title,
                    row.instance.published_on,
                    row.instance.outlet.name if row.instance.outlet else None,
                )
                for number, row in enumerate(result.rows, start=1)
                if row.instance is not None and row.import_type in ("new", "update")
            ]
            response.context_data.update(self.import_preview_extras(rows))
            response.context_data["near_duplicates"] = preview_near_duplicates(
                [(number, body, title or "", outlet or "") for number, body, title, _, outlet in rows]
            )
            response.context_data["near_choices"] = NEAR_CHOICES
        return response

    def get_import_data_kwargs(self, **kwargs):
        # The confirmation posts the editor's choice for each near-duplicate row the preview listed.
        request = kwargs.get("request")
        kwargs = super().get_import_data_kwargs(**kwargs)
        if request is not None:
            kwargs["near_duplicate_choices"] = {
                int(key.removeprefix("near-")): value
                for key, value in request.POST.items()
                if key.startswith("near-") and key.removeprefix("near-").isdigit() and value in NEAR_CHOICES
            }
        return kwargs

    def import_preview_extras(self, rows: list[tuple]) -> dict:
        """More for the confirm page, from the (row, body, title, published, outlet) of each row to
        store: nothing here; claims' admin (claims.admin.ArticleAdmin) adds what extraction would find."""
        return {}

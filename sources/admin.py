from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Article, ImportBatch, Outlet


@admin.register(Outlet)
class OutletAdmin(SimpleHistoryAdmin):
    list_display = ["name", "domain", "country", "kind", "created_at"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "domain"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["name", "source", "status", "rows_read", "rows_created", "rows_skipped", "rows_failed", "created_at"]
    list_filter = ["status", "source"]
    search_fields = ["name"]
    readonly_fields = ["created_at", "finished_at"]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
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
    list_filter = ["outlet", "published_precision", "published_source", "extraction_status", "is_current", "language"]
    search_fields = ["title", "url", "byline", "content_hash"]
    date_hierarchy = "published_on"
    list_select_related = ["outlet"]
    raw_id_fields = ["previous_version", "import_batch"]
    readonly_fields = ["content_hash", "version", "previous_version", "created_at", "updated_at", "extracted_at"]

    def get_readonly_fields(self, request, obj=None):
        # The body is what every span points into: it is set once and never edited in place.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "body"] if obj is not None else fields

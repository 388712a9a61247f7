from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Actor, ActorAlias, ActorRole, Annotation, Claim, ClaimLink, Event, Tag


class VersionedAdmin(SimpleHistoryAdmin):
    """Saving a claim, link or annotation here moves its version on, so editors' open forms become stale."""

    readonly_fields = ["version"]

    def save_model(self, request, obj, form, change) -> None:
        if change:
            stored = type(obj).objects.select_for_update().filter(pk=obj.pk).values_list("version", flat=True)
            obj.version = (stored.first() or obj.version) + 1
        super().save_model(request, obj, form, change)


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 0
    fields = ["name"]


class ActorRoleInline(admin.TabularInline):
    model = ActorRole
    extra = 0
    raw_id_fields = ["first_seen_in"]


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "roles__title"]
    inlines = [ActorAliasInline, ActorRoleInline]


@admin.register(ActorRole)
class ActorRoleAdmin(admin.ModelAdmin):
    list_display = ["actor", "title", "started_on", "ended_on"]
    search_fields = ["actor__name", "title"]
    list_select_related = ["actor"]
    raw_id_fields = ["actor", "first_seen_in"]


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "actor"]
    search_fields = ["name", "actor__name"]
    list_select_related = ["actor"]
    raw_id_fields = ["actor"]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "date", "date_precision", "place", "origin", "created_at"]
    list_filter = ["origin", "date_precision"]
    search_fields = ["title", "place", "summary"]
    filter_horizontal = ["articles"]


@admin.register(Claim)
class ClaimAdmin(VersionedAdmin):
    list_display = [
        "short_quote",
        "kind",
        "article",
        "unit_class",
        "speaker",
        "review_status",
        "origin",
        "confidence",
    ]
    list_filter = ["kind", "review_status", "origin", "polarity", "direct", "unit_class", "date_precision"]
    search_fields = ["quote", "counted", "speaker__name", "article__title"]
    list_select_related = ["article", "speaker"]
    raw_id_fields = ["article", "event", "speaker", "reviewed_by", "created_by"]
    readonly_fields = ["created_at", "updated_at", "version"]

    @admin.display(description="Quote")
    def short_quote(self, obj: Claim) -> str:
        return obj.quote[:90]


@admin.register(ClaimLink)
class ClaimLinkAdmin(VersionedAdmin):
    list_display = ["id", "claim_a", "relation", "claim_b", "status", "origin", "confidence", "rationale"]
    list_filter = ["relation", "status", "origin"]
    search_fields = ["rationale", "claim_a__quote", "claim_b__quote"]
    list_select_related = ["claim_a", "claim_b"]
    raw_id_fields = ["claim_a", "claim_b", "created_by", "reviewed_by"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(Annotation)
class AnnotationAdmin(VersionedAdmin):
    list_display = ["quote", "article", "created_by", "orphaned", "created_at"]
    list_filter = ["orphaned", "tags"]
    search_fields = ["quote", "note", "article__title"]
    list_select_related = ["article", "created_by"]
    raw_id_fields = ["article", "claim", "created_by"]

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import F
from simple_history.admin import SimpleHistoryAdmin

from sources import admin as source_admin
from sources.models import Article

from .models import Actor, ActorAlias, ActorRole, Annotation, Claim, ClaimLink, Event, Tag


class VersionedForm(forms.ModelForm):
    """A change form that remembers the version it was opened on and refuses to save over a newer one."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["opened_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        opened = cleaned.get("opened_version")
        if self.instance.pk is not None and opened is not None:
            stored = type(self.instance).objects.filter(pk=self.instance.pk).values_list("version", flat=True)
            current = stored.first()
            if current != opened:
                raise forms.ValidationError(
                    f"Someone changed this {self.instance._meta.verbose_name} (version {opened} → {current}) "
                    "while you had it open; nothing was saved. Open it again to see the new values.",
                    code="stale",
                )
        return cleaned


class VersionedAdmin(SimpleHistoryAdmin):
    """Saving a claim, link or annotation here moves its version on, so editors' open forms become stale;
    a change form opened on an older version is refused."""

    form = VersionedForm
    readonly_fields = ["version"]

    def save_model(self, request, obj, form, change) -> None:
        if change:
            opened = form.cleaned_data.get("opened_version")
            model = type(obj)
            # the conditional update is the guard against a save that lands between clean() and here
            moved = model.objects.filter(pk=obj.pk, **({"version": opened} if opened is not None else {}))
            if not moved.update(version=F("version") + 1):
                raise PermissionDenied("This record changed while it was being saved; open it again.")
            obj.version = model.objects.filter(pk=obj.pk).values_list("version", flat=True).get()
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
        "statement_polarity",
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

    @admin.display(description="Polarity", ordering="polarity")
    def statement_polarity(self, obj: Claim) -> str:
        """A statement's polarity by its label ("A stance (a belief, wish or reaction)"); "" for other kinds,
        which store "asserted" and have none."""
        return obj.get_polarity_display() if obj.kind == Claim.Kind.STATEMENT else ""


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


# sources' article admin, with what extraction would make of the rows on the import's confirm page.
class ArticleAdmin(source_admin.ArticleAdmin):
    def import_preview_extras(self, rows: list[tuple]) -> dict:
        # Imported here: the extractor loads spaCy, which no web page but this one needs.
        from claims.selectors.extraction_preview import extraction_preview

        return {"extraction_preview": extraction_preview(rows)}


admin.site.unregister(Article)
admin.site.register(Article, ArticleAdmin)

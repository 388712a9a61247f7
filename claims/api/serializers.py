"""Read-only serializers of the API: flat fields plus the few related names a client needs."""

from __future__ import annotations

from rest_framework import serializers

from claims.models import Actor, Claim, ClaimLink, Event
from sources.models import Article, Outlet


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "domain", "country", "kind"]


class ArticleSerializer(serializers.ModelSerializer):
    """An article without its text (the list); the detail adds `body`."""

    outlet = OutletSerializer(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "byline",
            "outlet",
            "published_on",
            "published_precision",
            "language",
            "version",
            "is_current",
            "extraction_status",
            "created_at",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]


class ActorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["id", "name", "kind"]


class ArticleRefSerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name", default=None, read_only=True)

    class Meta:
        model = Article
        fields = ["id", "url", "title", "outlet", "published_on"]


class ClaimSerializer(serializers.ModelSerializer):
    article = ArticleRefSerializer(read_only=True)
    speaker = ActorSerializer(read_only=True)
    event = serializers.PrimaryKeyRelatedField(read_only=True)
    date_shown = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "id",
            "kind",
            "quote",
            "words",
            "start",
            "end",
            "article",
            "event",
            "quantity_low",
            "quantity_high",
            "quantity_approximate",
            "quantity_direction",
            "unit",
            "unit_class",
            "counted",
            "date_value",
            "date_precision",
            "date_end_value",
            "date_end_precision",
            "date_month",
            "date_day",
            "date_weekday",
            "date_shown",
            "date_approximate",
            "date_expression",
            "speaker",
            "speaker_mention",
            "speaker_role",
            "direct",
            "reporting_verb",
            "attribution",
            "polarity",
            "origin",
            "extractor_version",
            "confidence",
            "review_status",
            "reviewed_at",
            "created_at",
            "updated_at",
        ]

    def get_date_shown(self, claim: Claim) -> str | None:
        """The date as pages show it ("2019-03-23", "Saturday, date not known"); None for other kinds."""
        return claim.date_shown if claim.kind == Claim.Kind.DATE else None


class ClaimLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClaimLink
        fields = [
            "id",
            "claim_a",
            "claim_b",
            "relation",
            "status",
            "origin",
            "confidence",
            "rationale",
            "reviewed_at",
            "created_at",
        ]
        read_only_fields = fields


class EventSerializer(serializers.ModelSerializer):
    articles = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "date",
            "date_precision",
            "place",
            "summary",
            "origin",
            "articles",
            "created_at",
            "updated_at",
        ]

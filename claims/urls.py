from django.urls import path

from claims.views import articles, check, claimreview, events, exports, pickers, review
from claims.views import claims as views

app_name = "claims"

urlpatterns = [
    path("", views.ClaimListView.as_view(), name="claim-list"),
    path("check/", check.ClaimCheckView.as_view(), name="claim-check"),
    path("<int:pk>/", views.ClaimDetailView.as_view(), name="claim-detail"),
    path("<int:pk>/edit/", views.claim_edit, name="claim-edit"),
    path("<int:pk>/claimreview.json", claimreview.claimreview_json, name="claim-claimreview"),
    path("export.csv", exports.claim_export, {"fmt": "csv"}, name="claim-export-csv"),
    path("export.json", exports.claim_export, {"fmt": "json"}, name="claim-export-json"),
    path("links/export.csv", exports.link_export, {"fmt": "csv"}, name="link-export-csv"),
    path("links/export.json", exports.link_export, {"fmt": "json"}, name="link-export-json"),
    path("<int:pk>/review/", views.claim_review, name="claim-review"),
    path("<int:pk>/links/", views.link_create, name="link-create"),
    path("<int:pk>/event/", views.claim_event, name="claim-event"),
    path("<int:pk>/verdict/", views.claim_verdict, name="claim-verdict"),
    path("articles/<int:pk>/annotations/", views.annotation_create, name="annotation-create"),
    path("articles/<int:pk>/claims/", views.claim_from_selection, name="claim-from-selection"),
    path("articles/<int:pk>/details/", views.article_details, name="article-details"),
    path("annotations/<int:pk>/edit/", views.annotation_edit, name="annotation-edit"),
    path("annotations/<int:pk>/delete/", views.annotation_delete, name="annotation-delete"),
    path("pick/", pickers.pick, name="pick"),
    path("review/", review.ReviewQueueView.as_view(), name="review"),
    path("review/links/", review.LinkQueueView.as_view(), name="review-links"),
    path("review/bulk-accept/", review.bulk_accept, name="bulk-accept"),
    path("review/bulk-accept/undo/", review.bulk_accept_undo, name="bulk-accept-undo"),
    path("links/<int:pk>/review/", review.link_review, name="link-review"),
    path("events/", events.EventListView.as_view(), name="event-list"),
    path("events/new/", events.event_create, name="event-create"),
    path("events/<int:pk>/", events.EventDetailView.as_view(), name="event-detail"),
    path("actors/", events.ActorListView.as_view(), name="actor-list"),
    path("actors/<int:pk>/", events.ActorDetailView.as_view(), name="actor-detail"),
]

# The reader's routes: tracker.urls mounts them under the "sources" namespace, beside sources' lists
# (their names, e.g. "sources:article-detail", are older than the move of these views into claims).
reader_urlpatterns = [
    path("articles/<int:pk>/", articles.ArticleDetailView.as_view(), name="article-detail"),
    path(
        "articles/<int:pk>/annotations/history/",
        articles.ArticleAnnotationHistoryView.as_view(),
        name="article-annotation-history",
    ),
    path("outlets/<int:pk>/", articles.OutletDetailView.as_view(), name="outlet-detail"),
]

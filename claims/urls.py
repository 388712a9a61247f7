from django.urls import path

from . import browse_views, check_views, claimreview, exports, review_views, views

app_name = "claims"

urlpatterns = [
    path("", views.ClaimListView.as_view(), name="claim-list"),
    path("check/", check_views.ClaimCheckView.as_view(), name="claim-check"),
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
    path("articles/<int:pk>/annotations/", views.annotation_create, name="annotation-create"),
    path("articles/<int:pk>/claims/", views.claim_from_selection, name="claim-from-selection"),
    path("articles/<int:pk>/details/", views.article_details, name="article-details"),
    path("annotations/<int:pk>/edit/", views.annotation_edit, name="annotation-edit"),
    path("annotations/<int:pk>/delete/", views.annotation_delete, name="annotation-delete"),
    path("review/", review_views.ReviewQueueView.as_view(), name="review"),
    path("review/links/", review_views.LinkQueueView.as_view(), name="review-links"),
    path("review/bulk-accept/", review_views.bulk_accept, name="bulk-accept"),
    path("links/<int:pk>/review/", review_views.link_review, name="link-review"),
    path("events/", browse_views.EventListView.as_view(), name="event-list"),
    path("events/new/", browse_views.event_create, name="event-create"),
    path("events/<int:pk>/", browse_views.EventDetailView.as_view(), name="event-detail"),
    path("actors/", browse_views.ActorListView.as_view(), name="actor-list"),
    path("actors/<int:pk>/", browse_views.ActorDetailView.as_view(), name="actor-detail"),
]

from django.urls import path

from . import views

app_name = "sources"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path(
        "articles/<int:pk>/annotations/history/",
        views.ArticleAnnotationHistoryView.as_view(),
        name="article-annotation-history",
    ),
    path("outlets/", views.OutletListView.as_view(), name="outlet-list"),
    path("outlets/<int:pk>/", views.OutletDetailView.as_view(), name="outlet-detail"),
]

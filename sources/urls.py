from django.urls import path

from . import views

app_name = "sources"

# The reader, its annotation history and an outlet's page are claims' views under this namespace
# (tracker.urls adds them), so that sources never imports claims.
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("outlets/", views.OutletListView.as_view(), name="outlet-list"),
]

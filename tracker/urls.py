from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from claims.urls import reader_urlpatterns
from sources.urls import urlpatterns as source_urlpatterns

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("imports/", include("sources.import_urls")),
    # One "sources" namespace: sources' lists, and the reader and outlet pages that show claims.
    path("", include(([*source_urlpatterns, *reader_urlpatterns], "sources"))),
    path("claims/", include("claims.urls")),
    path("api/", include("claims.api.urls")),
]

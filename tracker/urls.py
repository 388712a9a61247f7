from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from claims.urls import reader_urlpatterns
from sources.urls import urlpatterns as source_urlpatterns


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """/favicon.ico, asked for by browsers on pages without a <link rel="icon">: the site's icon. Resolved
    per request, as the static files' manifest (hashed names) exists only after collectstatic."""
    return HttpResponseRedirect(static("favicon.svg"))


urlpatterns = [
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages without a <link rel="icon"> (JSON, the admin's pages).
    path("favicon.ico", favicon, name="favicon"),
    # Articles live at /articles/<id>/; their list is the home page.
    path(
        "articles/",
        RedirectView.as_view(pattern_name="sources:article-list", query_string=True),
        name="articles",
    ),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("imports/", include("sources.import_urls")),
    # One "sources" namespace: sources' lists, and the reader and outlet pages that show claims.
    path("", include(([*source_urlpatterns, *reader_urlpatterns], "sources"))),
    path("claims/", include("claims.urls")),
    path("api/", include("claims.api.urls")),
]

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("imports/", include("sources.import_urls")),
    path("", include("sources.urls")),
    path("claims/", include("claims.urls")),
    path("api/", include("claims.api.urls")),
]

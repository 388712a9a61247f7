from django.urls import path

from . import import_views

app_name = "imports"

urlpatterns = [
    path("", import_views.import_new, name="new"),
    path("<int:pk>/", import_views.import_detail, name="detail"),
    path("<int:pk>/status/", import_views.import_status, name="status"),
    path("<int:pk>/cancel/", import_views.import_cancel, name="cancel"),
    path("<int:pk>/resume/", import_views.import_resume, name="resume"),
    path("<int:pk>/near-duplicates/", import_views.import_near_duplicates, name="near-duplicates"),
    path("<int:pk>/errors.csv", import_views.import_errors, name="errors"),
]

from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    path("", views.ClaimListView.as_view(), name="claim-list"),
    path("<int:pk>/", views.ClaimDetailView.as_view(), name="claim-detail"),
]

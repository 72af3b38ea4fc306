"""Learner URLs that are not pages. Include them once in the site's URLconf:
``path("learning/", include("courses.urls"))``."""

from django.urls import include, path

from . import views
from .teach.urls import learner_urlpatterns, teach_urlpatterns

app_name = "kinwise"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("certificates/verify/", views.certificate_verify, name="certificate_lookup"),
    path("certificates/verify/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path("certificates/<str:code>/pdf/", views.certificate_download, name="certificate_pdf"),
    path("teach/", include((teach_urlpatterns, "teach"))),
    *learner_urlpatterns,
]

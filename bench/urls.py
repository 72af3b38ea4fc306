"""The site's URLs plus the ceiling of every page: a bare Django view with a fixed response.

Only ``edu.settings.bench`` uses this URLconf."""

from django.http import HttpResponse
from django.urls import path

from edu.urls import urlpatterns as site_urlpatterns

BODY = b"<!DOCTYPE html><title>bare</title><p>A fixed response.</p>"


def bare(request):
    return HttpResponse(BODY)


urlpatterns = [path("__bench__/bare/", bare), *site_urlpatterns]

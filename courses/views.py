"""Learner views that are not pages: My learning and certificates."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .certificates import certificate_pdf
from .learning import my_learning as my_learning_summary
from .models import Certificate
from .progress import store_for


@require_GET
def my_learning(request):
    context = my_learning_summary(store_for(request), request.user)
    return render(request, "courses/my_learning.html", context)


def _own_certificate(request, code):
    return get_object_or_404(
        Certificate.objects.select_related("course"), code=code, learner=request.user
    )


def _verify_url(request, certificate) -> str:
    return request.build_absolute_uri(
        reverse("kinwise:certificate_verify", args=[certificate.code])
    )


@require_GET
@login_required
def certificate(request, code):
    cert = _own_certificate(request, code)
    return render(
        request,
        "courses/certificate.html",
        {"certificate": cert, "verify_url": _verify_url(request, cert)},
    )


@require_GET
@login_required
def certificate_download(request, code):
    cert = _own_certificate(request, code)
    site = Site.find_for_request(request)
    pdf = certificate_pdf(cert, _verify_url(request, cert), (site and site.site_name) or "Kinwise")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{cert.code}.pdf"'
    return response


@require_GET
def certificate_verify(request, code=None):
    """Anyone with a code can confirm it: the course and the date, nothing about the person."""
    raw = code or request.GET.get("code", "")
    normalised = Certificate.normalise_code(raw)
    found = None
    status = 200
    if raw:
        found = (
            Certificate.objects.select_related("course")
            .only("code", "issued_at", "course__title", "course__translation_key", "course__locale")
            .filter(code=normalised)
            .first()
        )
        if found is None:
            status = 404
    return render(
        request,
        "courses/certificate_verify.html",
        {"certificate": found, "code": raw},
        status=status,
    )

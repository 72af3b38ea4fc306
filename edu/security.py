"""Security headers and the client's address, for the site.

- ``TrustedProxyMiddleware`` puts the client's address in ``REMOTE_ADDR`` when the site runs
  behind ``KINWISE_TRUSTED_PROXY_COUNT`` reverse proxies, so that every throttle (log-in,
  sign-up, password reset, class join codes) counts people rather than the proxy.
- ``ContentSecurityPolicyMiddleware`` is django-csp's middleware with a second policy for the
  Wagtail admin (``KINWISE_ADMIN_CONTENT_SECURITY_POLICY``). The public site's policy
  (``CONTENT_SECURITY_POLICY``) allows nothing inline. The admin's cannot: Wagtail 8 still
  writes inline ``<script>`` elements for inline panels and date/time widgets, with
  per-field content (so hashes cannot list them) and without a nonce attribute (so
  ``request.csp_nonce`` cannot vouch for them either). The admin policy differs from the public
  one only where it has to, and only under the admin's URL prefix.
- ``PermissionsPolicyMiddleware`` switches off browser features the site never uses.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import NoReverseMatch, reverse

DEFAULT_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def client_ip(request) -> str:
    """The address to count a request against (after ``TrustedProxyMiddleware``)."""
    return request.META.get("REMOTE_ADDR", "")


class TrustedProxyMiddleware:
    """Take the client's address from ``X-Forwarded-For`` when proxies are trusted.

    With ``KINWISE_TRUSTED_PROXY_COUNT = n`` (default 0: use ``REMOTE_ADDR`` as it is), the
    n-th address from the right of ``X-Forwarded-For`` is the client's: each trusted proxy
    appends the address it received the request from, so everything further left was written
    by the client and can be forged. A request with fewer entries than that did not come
    through the proxies and keeps its ``REMOTE_ADDR``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = int(getattr(settings, "KINWISE_TRUSTED_PROXY_COUNT", 0))
        if count > 0:
            forwarded = [
                part.strip()
                for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                if part.strip()
            ]
            if len(forwarded) >= count:
                request.META["REMOTE_ADDR"] = forwarded[-count]
        return self.get_response(request)


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def media_origin() -> str | None:
    """The host that serves uploaded images, when it is not this site (S3, a CDN domain)."""
    try:
        return _origin(default_storage.url("kinwise-csp")) or _origin(settings.MEDIA_URL)
    except Exception:  # a misconfigured storage must not take every page down with it
        return None


def _admin_prefix() -> str | None:
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, plus the admin's policy under its prefix and the media host for images.

    Media may live on another host (S3-compatible storage, or an absolute ``MEDIA_URL``); its
    origin is added to ``img-src`` of both policies, so no setting has to repeat it.
    """

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        admin_prefix = _admin_prefix()
        admin_policy = getattr(settings, "KINWISE_ADMIN_CONTENT_SECURITY_POLICY", None)
        if (
            parts.config is None
            and admin_policy
            and admin_prefix
            and request.path_info.startswith(admin_prefix)
        ):
            parts.config = {
                key: value for key, value in admin_policy["DIRECTIVES"].items() if value is not None
            }
        media = media_origin()
        if media:
            parts.update = {**(parts.update or {}), "img-src": [media]}
        return parts


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` (``KINWISE_PERMISSIONS_POLICY``) with every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "KINWISE_PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY)
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response

import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import personal_data, throttling
from .forms import DeleteAccountForm, SignUpForm


class BadRequestOnInvalidMixin:
    """Answer an invalid form with 400 rather than 200, so clients and logs see the refusal."""

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class LoginView(BadRequestOnInvalidMixin, auth_views.LoginView):
    pass


class PasswordResetView(BadRequestOnInvalidMixin, auth_views.PasswordResetView):
    """Throttled per address and per email address asked for (edu.throttling)."""

    def post(self, request, *args, **kwargs):
        by_address, by_email = throttling.reset_identities(request)
        wait = throttling.RESETS_BY_ADDRESS.wait_needed(by_address)
        wait = wait or throttling.RESETS_BY_EMAIL.wait_needed(by_email)
        if wait:
            return throttling.reset_refused(request, wait)
        throttling.RESETS_BY_ADDRESS.record(by_address)
        throttling.RESETS_BY_EMAIL.record(by_email)
        return super().post(request, *args, **kwargs)


class PasswordResetConfirmView(BadRequestOnInvalidMixin, auth_views.PasswordResetConfirmView):
    def render_to_response(self, context, **kwargs):
        # A link that is malformed, expired or used is bad input: the page says so, as a 400.
        if not self.validlink:
            kwargs.setdefault("status", 400)
        return super().render_to_response(context, **kwargs)


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return _home()


def _home() -> str:
    """The home page in the active language (/ or /es/)."""
    return reverse("wagtail_serve", args=[""])


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect(_home())
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        identities = throttling.signup_identities(request)
        if wait := throttling.SIGNUPS.wait_needed(identities):
            return throttling.signup_refused(request, wait)
        throttling.SIGNUPS.record(identities)
        if form.is_valid():
            user = form.save()
            login(request, user, backend="edu.auth.AccountBackend")
            return redirect(_safe_next(request))
        return render(request, "registration/signup.html", {"form": form}, status=400)
    return render(request, "registration/signup.html", {"form": form, "next": _safe_next(request)})


@require_GET
@login_required
def my_data(request):
    return render(
        request, "registration/my_data.html", {"delete_form": DeleteAccountForm(request.user)}
    )


@require_GET
@login_required
def my_data_download(request):
    data = personal_data.export(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="kinwise-my-data.json"'
    return response


@require_POST
@login_required
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST)
    if not form.is_valid():
        return render(request, "registration/my_data.html", {"delete_form": form}, status=400)
    user = request.user
    with transaction.atomic():
        logout(request)
        # Every model holding personal data has a CASCADE key to the user.
        user.delete()
    messages.success(request, _("Your account and all your data have been deleted."))
    return redirect(_home())

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SESSION_KEY = "kinwise_is_teacher"


def _is_teacher(user) -> bool:
    group = getattr(settings, "KINWISE_TEACHERS_GROUP", "Teachers")
    return user.groups.filter(name=group).exists()


@receiver(user_logged_in, dispatch_uid="kinwise_remember_teacher")
def remember_teacher(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = _is_teacher(user)


def site_navigation(request):
    """Whether to show the Teach link: only members of the Teachers group see it.

    Worked out once at log-in and kept in the session (loaded on every request anyway),
    so pages don't pay a query for a menu link. The Teach views check the group
    themselves on every request; a teacher added to the group sees the link after their
    next log-in.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"kinwise_is_teacher": False}
    session = request.session
    if SESSION_KEY not in session:
        session[SESSION_KEY] = _is_teacher(user)
    return {"kinwise_is_teacher": session[SESSION_KEY]}

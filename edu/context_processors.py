from django.conf import settings


def site_navigation(request):
    """Whether to show the Teach link: only members of the Teachers group see it."""
    user = getattr(request, "user", None)
    is_teacher = False
    if user is not None and user.is_authenticated:
        group = getattr(settings, "KINWISE_TEACHERS_GROUP", "Teachers")
        is_teacher = any(g.name == group for g in user.groups.all())
    return {"kinwise_is_teacher": is_teacher}

"""Template tags for the classes feature: the "Assigned to you" notice on assigned pages."""

from django import template

from ..models import Assignment

register = template.Library()


@register.inclusion_tag("courses/teach/includes/assigned_notice.html", takes_context=True)
def assigned_notice(context, page):
    """Which of the signed-in learner's classes assigned ``page`` (in any translation).

    One query for a signed-in learner, none for a visitor.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or page is None:
        return {"assignments": []}
    assignments = list(
        Assignment.objects.for_learner(user)
        .filter(page__translation_key=page.translation_key)
        .select_related("classroom")
        .in_due_order()
    )
    return {"assignments": assignments}

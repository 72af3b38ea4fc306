from django import template

register = template.Library()


@register.filter
def described_widget(bound_field):
    """Render a form field's widget tied to its help text and its errors.

    Screen readers announce what ``aria-describedby`` points at when the field takes
    focus, so a parent hears why the field was refused, not just that it was.
    """
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}_errors")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    return bound_field.as_widget(attrs=attrs)

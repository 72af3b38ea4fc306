"""Forms: the age-band field for course pages, and the lesson page's admin form."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .constants import AGE_BANDS


class AgeBandsField(forms.MultipleChoiceField):
    """Age bands as checkboxes, stored as a comma-separated string (``"8-10,11-13"``).

    A string rather than a JSON list: ``__contains`` on JSON is not available on SQLite, and
    a delimited string filters the same way on every database.
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", AGE_BANDS)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):
            return [band for band in value.split(",") if band]
        return value

    def to_python(self, value):
        if isinstance(value, str):
            value = [band for band in value.split(",") if band]
        return super().to_python(value)

    def clean(self, value):
        bands = super().clean(value)
        # Keep the vocabulary's order whatever order the browser sent.
        order = [band for band, _label in AGE_BANDS]
        return ",".join(sorted(set(bands), key=order.index))

    def has_changed(self, initial, data):
        return super().has_changed(self.prepare_value(initial), data)


class CoursePageForm(WagtailAdminPageForm):
    age_bands = AgeBandsField(label=_("Audience: child's age"))

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("hero_image") and not cleaned_data.get("hero_image_alt"):
            self.add_error(
                "hero_image_alt", _("Describe the hero image for people who cannot see it.")
            )
        return cleaned_data


class LessonPageForm(WagtailAdminPageForm):
    significant_change = forms.BooleanField(
        label=_("Significant change"),
        required=False,
        help_text=_(
            "Tick when this version changes what parents should do (for example a new setting "
            "or menu path). Learners who completed the lesson before are told it was updated."
        ),
    )

    def save(self, commit=True):
        page = super().save(commit=False)
        if self.cleaned_data.get("significant_change"):
            page.significant_change_at = timezone.now()
        if commit:
            page.save()
            self.save_m2m()
        return page

    def clean(self):
        cleaned_data = super().clean()
        # Drafts may be saved without sources (Wagtail defers required fields and formset
        # minimums when saving a draft); publishing or submitting for review may not.
        sources = self.formsets.get("sources")
        if sources is None or self.is_deferred_validation or not sources.is_valid():
            return cleaned_data  # a draft, or the formset shows its own errors
        kept = [
            form
            for form in sources.forms
            if form.cleaned_data and not (sources.can_delete and sources._should_delete_form(form))
        ]
        if not kept:
            self.add_error(
                None,
                _(
                    "Add at least one source (who said so, and where) before publishing "
                    "this lesson."
                ),
            )
        return cleaned_data

"""Forms of the Teach area and of joining a class."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..models import Assignment, Classroom, CoursePage, Membership, ModulePage
from ..models.certificates import CODE_ALPHABET
from ..models.classes import JOIN_CODE_LENGTH, is_teacher, normalise_join_code


class DescribedFieldsMixin:
    """Tie each widget to its help text and errors with ``aria-describedby``.

    Screen readers then read out why a field was refused when it takes focus. The ids match
    ``courses/teach/includes/field.html``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._describe()

    def full_clean(self):
        super().full_clean()
        self._describe()

    def _describe(self):
        errors = getattr(self, "_errors", None) or {}
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}_helptext")
            if name in errors:
                ids.append(f"{bound.auto_id}_errors")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class ClassroomForm(DescribedFieldsMixin, forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the class a name."))
        return name


class JoinCodeForm(DescribedFieldsMixin, forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=32,
        help_text=_("8 letters and numbers from your teacher. Spaces and dashes don't matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self):
        code = normalise_join_code(self.cleaned_data["code"])
        if len(code) != JOIN_CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
            raise forms.ValidationError(
                _("A join code has %(length)s letters and numbers, like ABCD-EFGH."),
                params={"length": JOIN_CODE_LENGTH},
            )
        return code


class CoTeacherForm(DescribedFieldsMixin, forms.Form):
    email = forms.EmailField(
        label=_("Co-teacher's email address"),
        help_text=_("They need a teacher account on this site."),
    )

    def __init__(self, *args, classroom: Classroom, **kwargs):
        self.classroom = classroom
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        User = get_user_model()
        user = User.objects.filter(**{f"{User.get_email_field_name()}__iexact": email}).first()
        if user is None or not is_teacher(user):
            raise forms.ValidationError(_("There is no teacher account with that email address."))
        membership = self.classroom.memberships.filter(user=user).first()
        if membership is not None:
            if membership.role == Membership.Role.TEACHER:
                raise forms.ValidationError(_("They already teach this class."))
            raise forms.ValidationError(
                _("They are a learner in this class. Remove them as a learner first.")
            )
        self.teacher = user
        return email


def assignable_pages():
    """Live, public modules and courses, in tree order."""
    return Page.objects.live().public().type(CoursePage, ModulePage).order_by("path")


class DueDateMixin:
    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due and due < timezone.localdate() and "due_date" in self.changed_data:
            raise forms.ValidationError(_("That date has passed. Choose today or a later date."))
        return due


class AssignmentForm(DescribedFieldsMixin, DueDateMixin, forms.ModelForm):
    """Assign a module or a whole course; the choices are grouped by course."""

    page = forms.TypedChoiceField(label=_("Module or course"), coerce=int)

    class Meta:
        model = Assignment
        fields = ["page", "due_date", "note"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, classroom: Classroom, **kwargs):
        self.classroom = classroom
        super().__init__(*args, **kwargs)
        pages = list(assignable_pages().only("id", "title", "path", "depth", "content_type"))
        self.pages = {page.pk: page for page in pages}
        course_type = CoursePage._meta.label_lower
        groups: dict[str, tuple[str, list]] = {}
        for page in pages:
            if page.specific_class and page.specific_class._meta.label_lower == course_type:
                label = _("The whole course: %(title)s") % {"title": page.title}
                groups[page.path] = (page.title, [(page.pk, label)])
            elif page.path[: -Page.steplen] in groups:
                groups[page.path[: -Page.steplen]][1].append((page.pk, page.title))
            else:  # a module whose course is not public: not assignable
                del self.pages[page.pk]
        self.fields["page"].choices = [
            ("", _("Choose a module or a course")),
            *groups.values(),
        ]

    def clean_page(self):
        page = self.pages.get(self.cleaned_data["page"])
        if page is None:
            raise forms.ValidationError(_("Choose a module or a course from the list."))
        if self.classroom.assignments.filter(page=page).exists():
            raise forms.ValidationError(_("This class already has that assigned."))
        return page


class AssignmentChangeForm(DescribedFieldsMixin, DueDateMixin, forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["due_date", "note"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

"""The learner's answer form, built from the questions an attempt served."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from quizzes.grading import MULTIPLE_SELECT, ORDERING, TRUE_FALSE
from quizzes.serving import ServedQuestion

QUESTION_FIELD_PREFIX = "q-"

CHOICE_ERRORS = {
    "required": _("Choose an answer."),
    "invalid_choice": _("That answer is not one of this question's choices."),
}
MULTIPLE_ERRORS = {
    "required": _("Choose at least one answer."),
    "invalid_choice": _("That answer is not one of this question's choices."),
    "invalid_list": _("That answer is not one of this question's choices."),
}
POSITION_ERRORS = {
    "required": _("Give this step a position."),
    "invalid_choice": _("That position is not one of the positions offered."),
}


class QuizAnswerForm(forms.Form):
    """One field per question (one per step for ordering questions).

    Values are the served tokens (positions for ordering steps); :meth:`responses` turns them
    back into the editor's indices for grading. Anything the attempt did not serve, or that
    names a question it did not serve, makes the form invalid, so nothing is recorded.
    """

    attempt = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, questions: list[ServedQuestion], *args, **kwargs):
        kwargs.setdefault("auto_id", "answer-%s")
        super().__init__(*args, **kwargs)
        self.questions = questions
        self._step_fields: dict[str, list[tuple[str, int]]] = {}
        for question in questions:
            if question.block_type == ORDERING:
                self._add_ordering_fields(question)
            else:
                self._add_choice_field(question)

    # Building ------------------------------------------------------------------------------

    def _add_choice_field(self, question: ServedQuestion) -> None:
        if question.block_type == TRUE_FALSE:
            labels = [_("True"), _("False")]
        else:
            labels = question.option_labels()
        choices = list(zip(question.tokens, labels, strict=True))
        if question.block_type == MULTIPLE_SELECT:
            form_field = forms.MultipleChoiceField(
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages=MULTIPLE_ERRORS,
            )
        else:
            form_field = forms.ChoiceField(
                choices=choices, widget=forms.RadioSelect, error_messages=CHOICE_ERRORS
            )
        form_field.label = question.value["question"]
        self.fields[question.field_name] = form_field

    def _add_ordering_fields(self, question: ServedQuestion) -> None:
        count = len(question.order)
        positions = [("", _("Choose a position"))] + [
            (str(position), str(position)) for position in range(1, count + 1)
        ]
        steps = []
        for token, index, label in zip(
            question.tokens, question.order, question.option_labels(), strict=True
        ):
            name = f"{question.field_name}-{token}"
            self.fields[name] = forms.TypedChoiceField(
                choices=positions, coerce=int, label=label, error_messages=POSITION_ERRORS
            )
            steps.append((name, index))
        self._step_fields[question.block_id] = steps

    def bind_to_questions(self) -> None:
        """Give each served question its bound fields and errors, for the template."""
        for question in self.questions:
            if question.block_type == ORDERING:
                names = [name for name, _index in self._step_fields[question.block_id]]
            else:
                names = [question.field_name]
            question.fields = [self[name] for name in names]
            if self.is_bound:
                messages = [str(e) for name in names for e in self.errors.get(name, [])]
                # Once per question: four unplaced steps need one "give a position", not four.
                question.errors = list(dict.fromkeys(messages))

    # Validation ----------------------------------------------------------------------------

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        unexpected = [
            key
            for key in self.data
            if key.startswith(QUESTION_FIELD_PREFIX) and key not in self.fields
        ]
        if unexpected:
            raise forms.ValidationError(
                _(
                    "The form held answers to questions that are not in this attempt. "
                    "Reload the quiz and answer the questions shown."
                ),
                code="unexpected",
            )
        for question in self.questions:
            if question.block_type == ORDERING:
                self._check_ordering(question, cleaned)
            elif (
                question.block_type != MULTIPLE_SELECT
                and len(
                    self.data.getlist(question.field_name) if hasattr(self.data, "getlist") else []
                )
                > 1
            ):
                self._question_error(question, _("Choose only one answer."))
        return cleaned

    def _check_ordering(self, question: ServedQuestion, cleaned: dict[str, Any]) -> None:
        steps = self._step_fields[question.block_id]
        positions = [cleaned.get(name) for name, _index in steps]
        if any(position is None for position in positions):
            return  # each missing step already carries its own error
        if sorted(positions) != list(range(1, len(steps) + 1)):
            count = len(steps)
            self._question_error(
                question,
                ngettext(
                    "Give each step a different position, from 1 to %(count)s.",
                    "Give each step a different position, from 1 to %(count)s.",
                    count,
                )
                % {"count": count},
            )

    def _question_error(self, question: ServedQuestion, message: str) -> None:
        # On the question's first field: the template gathers a question's field errors.
        if question.block_type == ORDERING:
            name = self._step_fields[question.block_id][0][0]
        else:
            name = question.field_name
        self.add_error(name, forms.ValidationError(message, code="question"))

    # Results -------------------------------------------------------------------------------

    def responses(self) -> dict[str, Any]:
        """Answers by question block id, in the editor's indices (what grading takes)."""
        responses: dict[str, Any] = {}
        for question in self.questions:
            if question.block_type == ORDERING:
                placed = {
                    self.cleaned_data[name]: index
                    for name, index in self._step_fields[question.block_id]
                }
                responses[question.block_id] = [placed[p] for p in sorted(placed)]
                continue
            index_by_token = question.index_by_token
            value = self.cleaned_data[question.field_name]
            if question.block_type == MULTIPLE_SELECT:
                responses[question.block_id] = sorted(index_by_token[token] for token in value)
            elif question.block_type == TRUE_FALSE:
                responses[question.block_id] = index_by_token[value] == 0
            else:
                responses[question.block_id] = index_by_token[value]
        return responses

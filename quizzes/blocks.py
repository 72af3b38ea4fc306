"""Question blocks for quizzes.

The block templates render an *answer key* (question, choices with the right ones marked,
feedback and explanation) for editors' block previews and for the result page once answers may be
shown. A learner's quiz form never renders these templates: it is built from the served attempt
with opaque tokens, see ``quizzes.forms``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from courses.blocks import OptionalTextBlock
from courses.constants import CHAT_SENDERS


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Choice"), max_length=255)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = OptionalTextBlock(
        label=_("Feedback"),
        help_text=_("Shown after submission to a learner who picked this choice."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Choice")
        template = "quizzes/blocks/choice.html"
        description = _("One answer a learner can pick, with feedback for those who pick it.")
        preview_value = {
            "text": "Stop replying and do not pay",
            "correct": True,
            "feedback": "Paying usually leads to more demands.",
        }


def _topics():
    return blocks.ListBlock(
        blocks.CharBlock(label=_("Topic"), max_length=60),
        label=_("Topics"),
        min_num=1,
        help_text=_("What this question tests, e.g. “sextortion” or “privacy settings”."),
    )


def _question():
    return blocks.TextBlock(label=_("Question"), rows=2)


def _explanation():
    return blocks.TextBlock(
        label=_("Explanation"),
        help_text=_("Why the right answer is right. Shown when the quiz shows answers."),
    )


def _choices(min_num=2):
    return blocks.ListBlock(ChoiceBlock(), label=_("Choices"), min_num=min_num, max_num=8)


def _count_correct(value):
    return sum(1 for choice in value.get("choices") or [] if choice.get("correct"))


class SingleChoiceQuestionBlock(blocks.StructBlock):
    question = _question()
    choices = _choices()
    explanation = _explanation()
    topics = _topics()

    def clean(self, value):
        value = super().clean(value)
        if _count_correct(value) != 1:
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark exactly one choice correct."))}
            )
        return value

    class Meta:
        icon = "radio-full"
        label = _("Single choice")
        template = "quizzes/blocks/choice_question.html"
        description = _("A question with one right answer among several choices.")
        preview_value = {
            "question": "Someone your child met in a game asks to move the chat to a private app. "
            "What is the safest first step?",
            "choices": [
                {"text": "Talk with your child about who this person is", "correct": True},
                {"text": "Ignore it: games are safe", "correct": False},
                {"text": "Delete the game without explaining", "correct": False},
            ],
            "explanation": "Moving to a private channel is a common grooming step; a calm "
            "conversation keeps your child talking to you.",
            "topics": ["grooming"],
        }


class MultipleSelectQuestionBlock(blocks.StructBlock):
    question = _question()
    choices = _choices()
    partial_credit = blocks.BooleanBlock(
        label=_("Partial credit"),
        required=False,
        help_text=_(
            "Give credit for each right choice picked, less each wrong one. Off: only the exact "
            "set of right choices scores."
        ),
    )
    explanation = _explanation()
    topics = _topics()

    def clean(self, value):
        value = super().clean(value)
        if _count_correct(value) < 1:
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark at least one choice correct."))}
            )
        return value

    class Meta:
        icon = "tick-inverse"
        label = _("Multiple select")
        template = "quizzes/blocks/choice_question.html"
        description = _("A question where learners pick every right answer.")
        preview_value = {
            "question": "Which of these are common warning signs of grooming?",
            "choices": [
                {"text": "Gifts or game credits from someone online", "correct": True},
                {"text": "Asking to keep the friendship secret", "correct": True},
                {"text": "Doing homework together in a class chat", "correct": False},
            ],
            "partial_credit": True,
            "explanation": "Gifts and secrecy build obligation and isolate a child.",
            "topics": ["warning signs"],
        }


class TrueFalseQuestionBlock(blocks.StructBlock):
    question = _question()
    correct_answer = blocks.BooleanBlock(
        label=_("The statement is true"), required=False, help_text=_("Tick if “True” is right.")
    )
    feedback_true = OptionalTextBlock(label=_("Feedback for “True”"))
    feedback_false = OptionalTextBlock(label=_("Feedback for “False”"))
    explanation = _explanation()
    topics = _topics()

    class Meta:
        icon = "help"
        label = _("True or false")
        template = "quizzes/blocks/true_false_question.html"
        description = _("A statement the learner marks true or false.")
        preview_value = {
            "question": "Paying a sextortionist makes the threats stop.",
            "correct_answer": False,
            "feedback_true": "Paying usually leads to more demands.",
            "feedback_false": "Right: paying usually leads to more demands.",
            "explanation": "Stop contact, keep the evidence and report.",
            "topics": ["sextortion"],
        }


class ChatMessageBlock(blocks.StructBlock):
    sender = blocks.ChoiceBlock(label=_("Sender"), choices=CHAT_SENDERS)
    sender_label = blocks.CharBlock(
        label=_("Sender name"), max_length=60, help_text=_("A fictional name, e.g. “Sam”.")
    )
    text = blocks.TextBlock(label=_("Message"), rows=2)

    class Meta:
        icon = "comment"
        label = _("Message")
        template = "quizzes/blocks/chat_message.html"
        description = _("One message of a fictional chat.")
        preview_value = {"sender": "contact", "sender_label": "Sam", "text": "u seem really mature"}


class MessageScenarioQuestionBlock(blocks.StructBlock):
    messages = blocks.ListBlock(ChatMessageBlock(), label=_("Chat excerpt"), min_num=1)
    question = _question()
    choices = _choices()
    explanation = _explanation()
    topics = _topics()

    def clean(self, value):
        value = super().clean(value)
        if _count_correct(value) != 1:
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark exactly one choice correct."))}
            )
        return value

    class Meta:
        icon = "comment"
        label = _("Message scenario")
        template = "quizzes/blocks/choice_question.html"
        description = _("A short fictional chat excerpt and a question about it.")
        preview_value = {
            "messages": [
                {"sender": "contact", "sender_label": "Sam", "text": "u seem really mature"},
                {"sender": "child", "sender_label": "Mia", "text": "thanks lol"},
                {"sender": "contact", "sender_label": "Sam", "text": "dont tell ur mom we talk"},
            ],
            "question": "Is this a warning sign?",
            "choices": [
                {"text": "Yes", "correct": True, "feedback": "Flattery plus secrecy is a pattern."},
                {"text": "No", "correct": False, "feedback": "Asking for secrecy is a red flag."},
            ],
            "explanation": "Flattery followed by a request for secrecy is a classic pattern.",
            "topics": ["grooming", "warning signs"],
        }


class OrderingQuestionBlock(blocks.StructBlock):
    question = _question()
    steps = blocks.ListBlock(
        blocks.CharBlock(label=_("Step"), max_length=255),
        label=_("Steps, in the right order"),
        min_num=2,
        max_num=8,
        help_text=_("Learners see these shuffled and number them."),
    )
    explanation = _explanation()
    topics = _topics()

    class Meta:
        icon = "list-ol"
        label = _("Ordering")
        template = "quizzes/blocks/ordering_question.html"
        description = _("Steps the learner puts in the right order.")
        preview_value = {
            "question": "Your child is being sextorted. Put these steps in order.",
            "steps": [
                "Reassure your child that they are not in trouble",
                "Stop replying and do not pay",
                "Screenshot the messages and profile",
                "Report to the platform and to NCMEC's CyberTipline",
            ],
            "explanation": "Safety and calm first, then evidence, then reports.",
            "topics": ["sextortion", "reporting"],
        }


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_select = MultipleSelectQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    message_scenario = MessageScenarioQuestionBlock()
    ordering = OrderingQuestionBlock()

    class Meta:
        min_num = 1

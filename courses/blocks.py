"""Lesson blocks made for online-safety teaching.

Every ``StructBlock`` is a class with an icon, a template under ``courses/blocks/``, a preview
value and a description, and the lesson body is one named ``StreamBlock``
(:class:`LessonStreamBlock`). Block names and fields are a contract with the demo content:
rename nothing without a data migration.
"""

import datetime

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .constants import AGE_BANDS, CALLOUT_KINDS, CHAT_SENDERS

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class OptionalTextMixin:
    """An optional text field whose missing or null value reads as "".

    The admin always saves "" for an empty optional field, but content created in code (the demo
    builder, imports) may omit the key, which a ``StructBlock`` fills with the child's default,
    or store null. wagtail-localize cannot extract a null string, so such a page could not be
    translated. ``default=""`` covers missing keys; ``to_python``/``get_prep_value`` cover nulls
    already stored.
    """

    def __init__(self, *args, **kwargs):
        kwargs["required"] = False
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return "" if value is None else super().to_python(value)

    def get_prep_value(self, value):
        return "" if value is None else super().get_prep_value(value)


class OptionalCharBlock(OptionalTextMixin, blocks.CharBlock):
    """A ``CharBlock`` that is never required and never null."""


class OptionalTextBlock(OptionalTextMixin, blocks.TextBlock):
    """A ``TextBlock`` that is never required and never null."""


class HeadingValue(blocks.StructValue):
    @property
    def anchor_id(self) -> str:
        """The fragment to link to: the editor's anchor, or one derived from the text."""
        return slugify(self.get("anchor") or self.get("text") or "")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    anchor = OptionalCharBlock(
        label=_("Anchor"),
        max_length=60,
        help_text=_("Optional: the link fragment (#anchor). Left blank, it comes from the text."),
    )

    class Meta:
        icon = "title"
        template = "courses/blocks/heading.html"
        value_class = HeadingValue
        label = _("Heading")
        description = _("A section heading that can be linked to.")
        preview_value = {"text": "Why groomers use gifts", "anchor": ""}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = OptionalCharBlock(label=_("Caption"), max_length=250)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"
        label = _("Image")
        description = _("An image with required alternative text and an optional caption.")
        preview_value = {
            "image": None,
            "alt_text": "A phone showing a direct-message inbox",
            "caption": "Direct messages are where most contact starts.",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Required: not everyone can watch or hear the video."),
    )

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        label = _("Video")
        description = _("An embedded video with its transcript.")
        preview_value = {
            "video": None,
            "title": "How sextortion starts",
            "transcript": "<p>Narrator: It often starts with a friendly message…</p>",
        }


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, default="tip", label=_("Kind"))
    title = OptionalCharBlock(label=_("Title"), max_length=120)
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "courses/blocks/callout.html"
        label = _("Callout")
        description = _("A highlighted tip, important point or warning.")
        preview_value = {
            "kind": "important",
            "title": "Do not delete the messages",
            "body": "<p>Take screenshots first: they are evidence.</p>",
        }


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class AccordionBlock(blocks.StructBlock):
    title = OptionalCharBlock(label=_("Title"), max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/accordion.html"
        label = _("Questions and answers")
        description = _("Questions whose answers open on request.")
        preview_value = {
            "title": "Common questions",
            "items": [
                {
                    "question": "Should I take my child's phone away?",
                    "answer": "<p>Usually not: children stop telling you things.</p>",
                }
            ],
        }


class WarningSignBlock(blocks.StructBlock):
    sign = blocks.CharBlock(label=_("Sign"), max_length=200)
    why_it_matters = blocks.TextBlock(label=_("Why it matters"))

    class Meta:
        icon = "warning"
        label = _("Warning sign")


class WarningSignsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    intro = OptionalTextBlock(label=_("Introduction"))
    signs = blocks.ListBlock(WarningSignBlock(), label=_("Signs"), min_num=1)

    class Meta:
        icon = "warning"
        template = "courses/blocks/warning_signs.html"
        label = _("Warning signs")
        description = _("A list of warning signs, each with why it matters.")
        preview_value = {
            "title": "Signs to notice",
            "intro": "",
            "signs": [
                {
                    "sign": "New gifts or game credit from someone online",
                    "why_it_matters": "Gifts create a feeling of owing something.",
                }
            ],
        }


class ChatMessageBlock(blocks.StructBlock):
    sender = blocks.ChoiceBlock(choices=CHAT_SENDERS, default="contact", label=_("Sender"))
    sender_label = blocks.CharBlock(
        label=_("Sender's name"), max_length=60, help_text=_("A made-up name, e.g. “Jay, 14”.")
    )
    text = blocks.TextBlock(label=_("Message"))
    tactic = OptionalCharBlock(
        label=_("Tactic"),
        max_length=80,
        help_text=_("Optional: the grooming tactic this message shows, e.g. “Flattery”."),
    )
    explanation = OptionalTextBlock(
        label=_("Explanation"), help_text=_("Optional: what to notice and why.")
    )

    class Meta:
        icon = "comment"
        label = _("Message")


class ChatScenarioBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    context = OptionalTextBlock(label=_("Context"))
    messages = blocks.ListBlock(ChatMessageBlock(), label=_("Messages"), min_num=1)
    takeaway = OptionalTextBlock(label=_("Takeaway"))

    class Meta:
        icon = "comment"
        template = "courses/blocks/chat_scenario.html"
        label = _("Chat scenario")
        description = _(
            "A fictional conversation shown as an accessible transcript, with annotations "
            "revealed on request."
        )
        preview_value = {
            "title": "A new “friend” in a game",
            "context": "Maya, 12, plays an online game after school.",
            "messages": [
                {
                    "sender": "contact",
                    "sender_label": "Jay",
                    "text": "ur really good at this, way better than ppl my age",
                    "tactic": "Flattery",
                    "explanation": "Compliments build trust quickly.",
                },
                {
                    "sender": "child",
                    "sender_label": "Maya",
                    "text": "thanks!! how old r u",
                    "tactic": "",
                    "explanation": "",
                },
            ],
            "takeaway": "Praise from a stranger is the first step, not a friendship.",
        }


class GuideStepBlock(blocks.StructBlock):
    instruction = blocks.CharBlock(label=_("Instruction"), max_length=250)
    menu_path = OptionalCharBlock(
        label=_("Menu path"),
        max_length=200,
        help_text=_("E.g. “Settings › Privacy › Who can message you”."),
    )
    screenshot = ImageChooserBlock(label=_("Screenshot"), required=False)
    screenshot_alt = OptionalCharBlock(label=_("Screenshot alternative text"), max_length=250)
    why_it_matters = OptionalTextBlock(label=_("Why it matters"))

    class Meta:
        icon = "list-ol"
        label = _("Step")

    def clean(self, value):
        value = super().clean(value)
        if value.get("screenshot") and not value.get("screenshot_alt"):
            raise StructBlockValidationError(
                {
                    "screenshot_alt": ErrorList(
                        [
                            ValidationError(
                                _("Describe the screenshot for people who cannot see it.")
                            )
                        ]
                    )
                }
            )
        return value


class PrivacyGuideBlock(blocks.StructBlock):
    platform = SnippetChooserBlock("courses.Platform", label=_("Platform"))
    applies_to = blocks.CharBlock(
        label=_("Applies to"),
        max_length=120,
        help_text=_("The app version or date these steps apply to, e.g. “iOS app 312, May 2025”."),
    )
    last_verified = blocks.DateBlock(label=_("Last verified"))
    intro = OptionalTextBlock(label=_("Introduction"))
    steps = blocks.ListBlock(GuideStepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "cog"
        template = "courses/blocks/privacy_guide.html"
        label = _("Privacy guide")
        description = _("Step-by-step privacy settings for one platform; printable on its own.")
        preview_value = {
            "platform": None,
            "applies_to": "Instagram app, 2025",
            "last_verified": datetime.date(2025, 5, 1),
            "intro": "Make your child's account private.",
            "steps": [
                {
                    "instruction": "Open your child's profile and tap the menu.",
                    "menu_path": "Profile › ☰ › Account privacy",
                    "screenshot": None,
                    "screenshot_alt": "",
                    "why_it_matters": "Strangers then cannot see posts or followers.",
                }
            ],
        }


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(max_length=250), label=_("Items"), min_num=1)

    class Meta:
        icon = "tasks"
        template = "courses/blocks/checklist.html"
        label = _("Checklist")
        description = _("Items a parent ticks off; printable on its own.")
        preview_value = {
            "title": "Tonight's checklist",
            "items": ["Make the account private", "Turn off location sharing"],
        }


class ConversationStartersBlock(blocks.StructBlock):
    age_band = blocks.ChoiceBlock(choices=AGE_BANDS, label=_("Child's age"))
    intro = OptionalTextBlock(label=_("Introduction"))
    prompts = blocks.ListBlock(blocks.CharBlock(max_length=250), label=_("Prompts"), min_num=1)

    class Meta:
        icon = "openquote"
        template = "courses/blocks/conversation_starters.html"
        label = _("Conversation starters")
        description = _("Things a parent can say to open a conversation, by the child's age.")
        preview_value = {
            "age_band": "11-13",
            "intro": "",
            "prompts": ["Who do you play with online?", "Has anyone ever made you feel weird?"],
        }


class HelpResourcesBlock(blocks.StructBlock):
    title = OptionalCharBlock(label=_("Title"), max_length=120)
    resources = blocks.ListBlock(
        SnippetChooserBlock("courses.HelpResource"), label=_("Resources"), min_num=1
    )

    class Meta:
        icon = "help"
        template = "courses/blocks/help_resources.html"
        label = _("Help resources")
        description = _("Where to report or get help, chosen from the help resources.")
        preview_value = {"title": "Where to report", "resources": []}


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=250)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = OptionalTextBlock(
        label=_("Feedback"), help_text=_("Shown after a learner picks this answer.")
    )

    class Meta:
        icon = "radio-full"
        label = _("Choice")


class KnowledgeCheckBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    choices = blocks.ListBlock(AnswerChoiceBlock(), label=_("Choices"), min_num=2)
    explanation = blocks.TextBlock(
        label=_("Explanation"), help_text=_("Shown after the learner answers, never before.")
    )

    class Meta:
        icon = "help"
        template = "courses/blocks/knowledge_check.html"
        label = _("Knowledge check")
        description = _(
            "One ungraded question, checked on the server; the explanation shows after answering."
        )
        preview_value = {
            "question": "A stranger offers your child game credit. What is it most likely?",
            "choices": [
                {"text": "A kind gesture", "correct": False, "feedback": ""},
                {"text": "A way to build a sense of owing", "correct": True, "feedback": ""},
            ],
            "explanation": "Gifts are a classic grooming step.",
        }

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise StructBlockValidationError(
                non_block_errors=ErrorList(
                    [ValidationError(_("Mark exactly one choice as correct."))]
                )
            )
        return value


class LessonStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        template="courses/blocks/paragraph.html",
        features=["h3", "h4", "bold", "italic", "link", "ol", "ul"],
        description=_("Rich text."),
        preview_value="<p>Most contact starts in apps children use every day.</p>",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    accordion = AccordionBlock()
    warning_signs = WarningSignsBlock()
    chat_scenario = ChatScenarioBlock()
    privacy_guide = PrivacyGuideBlock()
    checklist = ChecklistBlock()
    conversation_starters = ConversationStartersBlock()
    help_resources = HelpResourcesBlock()
    knowledge_check = KnowledgeCheckBlock()

    class Meta:
        label = _("Lesson body")


class OutcomeStreamBlock(blocks.StreamBlock):
    outcome = blocks.CharBlock(
        label=_("Outcome"),
        icon="tick",
        max_length=200,
        description=_("Something a parent can do after this, e.g. “Set Instagram to private”."),
    )

    class Meta:
        label = _("Learning outcomes")

"""A read-only content API (Wagtail API v2) for courses, modules and lessons.

Three endpoints under ``/api/v2/``: ``courses/``, ``modules/`` and ``lessons/``, each listing
only live, public pages of that one type on the requesting site (Wagtail's own rules for
drafts, unpublished and private pages). Quizzes are not exposed at all: no endpoint serves
them, the ``type`` parameter that would let another endpoint list them is refused, and a
module's ``children`` lists its lessons only.

Nothing that answers a question leaves through the API. A lesson's ``body`` is its StreamField
JSON with every knowledge check reduced to its question and its choices' text: which choice
is right (``correct``), the per-choice ``feedback`` and the ``explanation`` shown after
answering stay on the server, which grades them. A chat scenario's per-message
``explanation`` (the grooming tactic, teaching content) is published as
``tactic_explanation``, so that no key named like an answer appears anywhere in a response.
"""

from __future__ import annotations

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.api.v2.views import PagesAPIViewSet

from courses.models import CoursePage, LessonPage, ModulePage

# Keys that can give an answer away; never present in any block the API returns.
ANSWER_KEYS = frozenset(
    {"correct", "feedback", "explanation", "correct_answer", "feedback_true", "feedback_false"}
)


def _without_answer_keys(data):
    if isinstance(data, dict):
        return {k: _without_answer_keys(v) for k, v in data.items() if k not in ANSWER_KEYS}
    if isinstance(data, list):
        return [_without_answer_keys(item) for item in data]
    return data


def public_block(block: dict) -> dict:
    value = block.get("value")
    if block.get("type") == "knowledge_check" and isinstance(value, dict):
        value = {
            "question": value.get("question", ""),
            "choices": [{"text": choice.get("text", "")} for choice in value.get("choices", [])],
        }
    elif block.get("type") == "chat_scenario" and isinstance(value, dict):
        messages = []
        for message in value.get("messages", []):
            message = dict(message)
            message["tactic_explanation"] = message.pop("explanation", "") or ""
            messages.append(message)
        value = {**value, "messages": messages}
    return _without_answer_keys({**block, "value": value})


def public_body(representation: list) -> list:
    """A lesson body's API representation without anything that answers a question."""
    return [public_block(block) for block in representation]


class PublicLessonBodyField(serializers.Field):
    def to_representation(self, value):
        return public_body(value.stream_block.get_api_representation(value, self.context))


class SourcesField(serializers.Field):
    def to_representation(self, manager):
        return [
            {
                "title": source.title,
                "publisher": source.publisher,
                "url": source.url,
                "accessed": source.accessed.isoformat(),
            }
            for source in manager.all()
        ]


class PlatformsField(serializers.Field):
    def to_representation(self, manager):
        return [
            {
                "id": platform.pk,
                "name": platform.name,
                "slug": platform.slug,
                "minimum_age": platform.minimum_age,
                "help_centre_url": platform.help_centre_url,
                "report_url": platform.report_url,
                "family_tools_url": platform.family_tools_url,
            }
            for platform in manager.all()
        ]


class ChildrenField(serializers.Field):
    """The page's live, public children that the API serves (a module's lessons, never its
    quiz), in tree order."""

    child_model = None

    def __init__(self, child_model, **kwargs):
        self.child_model = child_model
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        router = self.context["router"]
        request = self.context["request"]
        children = (
            self.context["base_queryset"]
            .child_of(page)
            .type(self.child_model)
            .order_by("path")
            .only("id", "title", "slug", "url_path", "content_type")
        )
        return [
            {
                "id": child.pk,
                "type": self.child_model._meta.label,
                "title": child.title,
                "detail_url": get_object_detail_url(router, request, self.child_model, child.pk),
            }
            for child in children
        ]


class KinwisePagesAPIViewSet(PagesAPIViewSet):
    """One page type per endpoint; fields come from :attr:`fields`, not the model."""

    # No "type": it would let an endpoint list other page types (quizzes).
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"type"}
    content_fields: list = []

    @classmethod
    def get_body_fields(cls, model):
        own = cls.content_fields if issubclass(model, cls.model) else []
        return cls._convert_api_fields(cls.body_fields + list(own))

    def get_queryset(self):
        return self.model.objects.filter(
            pk__in=self.get_base_queryset().values_list("pk", flat=True)
        ).order_by("path")


class CourseAPIViewSet(KinwisePagesAPIViewSet):
    name = "courses"
    model = CoursePage
    content_fields = [
        APIField("summary"),
        APIField("outcomes"),
        APIField("age_bands"),
        APIField("estimated_minutes"),
        APIField("tags"),
        APIField("children", serializer=ChildrenField(ModulePage)),
    ]
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "children"]


class ModuleAPIViewSet(KinwisePagesAPIViewSet):
    name = "modules"
    model = ModulePage
    content_fields = [
        APIField("intro"),
        APIField("outcomes"),
        APIField("estimated_minutes"),
        APIField("children", serializer=ChildrenField(LessonPage)),
    ]
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "children"]


class LessonAPIViewSet(KinwisePagesAPIViewSet):
    name = "lessons"
    model = LessonPage
    content_fields = [
        APIField("summary"),
        APIField("estimated_minutes"),
        APIField("last_verified"),
        APIField("platforms", serializer=PlatformsField(read_only=True)),
        APIField("sources", serializer=SourcesField(read_only=True)),
        APIField("body", serializer=PublicLessonBodyField(read_only=True)),
    ]
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "body"]


api_router = WagtailAPIRouter("kinwise_api")
for viewset in (CourseAPIViewSet, ModuleAPIViewSet, LessonAPIViewSet):
    api_router.register_endpoint(viewset.name, viewset)

# Included by the site's URLconf as ``path("api/v2/", include("edu.api"))``.
app_name = api_router.url_namespace
urlpatterns = api_router.get_urlpatterns()

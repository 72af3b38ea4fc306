"""Editors build courses in the Wagtail admin; lessons need a source to be published."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_factories import ImageFactory

from courses.models import (
    CourseIndexPage,
    CoursePage,
    HelpPage,
    HelpResource,
    LessonPage,
    ModulePage,
    Platform,
)
from edu.models import HomePage
from tests.courses.admin_forms import SOURCE, every_lesson_block, lesson_form
from tests.factories import HelpResourceFactory, PlatformFactory

SOURCE_ERROR = "Add at least one source"


@pytest.fixture
def asserts():
    """Wagtail's page-type assertions, usable from function-style tests."""
    return WagtailPageTestCase("assertCanCreateAt")


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


# --- tree rules -----------------------------------------------------------------------------


def test_course_tree_parent_and_child_types(asserts):
    asserts.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
    asserts.assertAllowedSubpageTypes(CoursePage, {ModulePage})
    asserts.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
    asserts.assertAllowedParentPageTypes(ModulePage, {CoursePage})
    asserts.assertAllowedParentPageTypes(LessonPage, {ModulePage})
    asserts.assertAllowedSubpageTypes(LessonPage, set())
    asserts.assertAllowedSubpageTypes(HelpPage, set())


def test_module_takes_lessons_and_trackable_pages_that_name_it_as_parent(asserts):
    allowed = set(ModulePage.allowed_subpage_models())
    assert LessonPage in allowed
    # Quizzes join through their own parent_page_types; courses never imports them.
    others = allowed - {LessonPage}
    assert all(getattr(model, "is_trackable", False) for model in others)
    assert all(ModulePage in model.allowed_parent_page_models() for model in others)


def test_catalogue_and_help_page_go_under_the_home_page_not_inside_courses(asserts):
    asserts.assertCanCreateAt(HomePage, CourseIndexPage)
    asserts.assertCanCreateAt(HomePage, HelpPage)
    asserts.assertCanNotCreateAt(HomePage, LessonPage)
    asserts.assertCanNotCreateAt(HomePage, ModulePage)
    asserts.assertCanNotCreateAt(CourseIndexPage, LessonPage)
    asserts.assertCanNotCreateAt(CoursePage, LessonPage)
    asserts.assertCanNotCreateAt(ModulePage, HelpPage)
    asserts.assertCanNotCreateAt(LessonPage, LessonPage)


# --- an editor builds a course ----------------------------------------------------------------


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


def test_editor_is_not_a_superuser_and_cannot_publish(editor, home_page):
    assert not editor.is_superuser
    assert not home_page.permissions_for_user(editor).can_publish_subpage()


def test_editor_builds_a_whole_course_through_the_admin(editor_client, home_page, tmp_path):
    image = ImageFactory()
    platform = PlatformFactory(name="Instagram", slug="instagram")
    resource = HelpResourceFactory(name="CyberTipline")

    response = editor_client.post(
        add_url(CourseIndexPage, home_page),
        nested_form_data(
            {"title": "Courses", "slug": "courses", "intro": rich_text("<p>All courses.</p>")}
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    catalogue = CourseIndexPage.objects.get(slug="courses")
    assert catalogue.get_parent().pk == home_page.pk

    data = nested_form_data(
        {
            "title": "Spotting grooming",
            "slug": "spotting-grooming",
            "summary": "How grooming works.",
            "outcomes": streamfield([("outcome", "Spot flattery"), ("outcome", "Report")]),
            "tags": "grooming, gifts",
            "hero_image": "",
            "hero_image_alt": "",
        }
    )
    # nested_form_data numbers list items; a multiple-choice field posts repeated values.
    data["age_bands"] = ["11-13", "8-10"]
    response = editor_client.post(add_url(CoursePage, catalogue), data)
    assert response.status_code == 302, response.context["form"].errors
    course = CoursePage.objects.get(slug="spotting-grooming")
    assert course.age_bands == "8-10,11-13"  # stored in the vocabulary's order
    assert sorted(tag.name for tag in course.tags.all()) == ["gifts", "grooming"]
    assert [block.value for block in course.outcomes] == ["Spot flattery", "Report"]

    response = editor_client.post(
        add_url(ModulePage, course),
        nested_form_data(
            {
                "title": "How it starts",
                "slug": "how-it-starts",
                "intro": rich_text("<p>First contact.</p>"),
                "outcomes": streamfield([]),
            }
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    module = ModulePage.objects.get(slug="how-it-starts")

    blocks = every_lesson_block(image=image, platform=platform, resource=resource)
    response = editor_client.post(
        add_url(LessonPage, module),
        lesson_form(blocks, sources=[SOURCE], platforms=[platform]),
    )
    assert response.status_code == 302, response.context["form"].errors
    lesson = LessonPage.objects.get(slug="gifts-and-secrets")
    assert [block.block_type for block in lesson.body] == [name for name, _ in blocks]
    assert [s.publisher for s in lesson.sources.all()] == ["NSPCC"]
    assert list(lesson.platforms.all()) == [platform]
    assert lesson.body[-1].value["choices"][1]["correct"] is True

    response = editor_client.post(
        add_url(HelpPage, home_page),
        nested_form_data({"title": "Get help", "slug": "help", "intro": rich_text("<p>Help.</p>")}),
    )
    assert response.status_code == 302, response.context["form"].errors
    # Editors save drafts and submit them for review; they publish nothing themselves.
    assert not Page.objects.filter(live=True, depth__gt=2).exists()


def test_editor_can_submit_a_lesson_with_a_source_for_review(editor_client, catalogue_tree):
    module = catalogue_tree
    response = editor_client.post(
        add_url(LessonPage, module),
        lesson_form(
            [("paragraph", rich_text("<p>Text.</p>"))], sources=[SOURCE], **{"action-submit": "1"}
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    lesson = LessonPage.objects.get(slug="gifts-and-secrets")
    assert lesson.workflow_in_progress
    assert not lesson.live


def test_editor_cannot_submit_a_lesson_without_a_source(editor_client, catalogue_tree):
    response = editor_client.post(
        add_url(LessonPage, catalogue_tree),
        lesson_form([("paragraph", rich_text("<p>Text.</p>"))], **{"action-submit": "1"}),
    )
    assert response.status_code == 200
    assert SOURCE_ERROR in str(response.context["form"].non_field_errors())
    assert SOURCE_ERROR in response.content.decode()
    assert not LessonPage.objects.exists()


def test_reviewer_cannot_publish_a_lesson_without_a_source(reviewer_client, catalogue_tree):
    response = reviewer_client.post(
        add_url(LessonPage, catalogue_tree),
        lesson_form([("paragraph", rich_text("<p>Text.</p>"))], **{"action-publish": "1"}),
    )
    assert response.status_code == 200
    assert SOURCE_ERROR in str(response.context["form"].non_field_errors())
    assert not LessonPage.objects.exists()


def test_reviewer_cannot_publish_after_deleting_the_only_source(reviewer_client, lesson):
    edit_url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    source = lesson.sources.get()
    data = lesson_form(
        [("paragraph", rich_text("<p>Edited.</p>"))],
        sources=[{**SOURCE, "id": str(source.pk), "DELETE": "1"}],
        slug=lesson.slug,
        **{"action-publish": "1"},
    )
    data["sources-INITIAL_FORMS"] = "1"
    response = reviewer_client.post(edit_url, data)
    assert response.status_code == 200
    assert SOURCE_ERROR in str(response.context["form"].non_field_errors())
    lesson.refresh_from_db()
    assert lesson.sources.count() == 1
    assert "Edited" not in str(lesson.body)


def test_reviewer_publishes_a_lesson_with_a_source(reviewer_client, catalogue_tree):
    response = reviewer_client.post(
        add_url(LessonPage, catalogue_tree),
        lesson_form(
            [("paragraph", rich_text("<p>Text.</p>"))],
            sources=[SOURCE],
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    assert LessonPage.objects.get(slug="gifts-and-secrets").live


def test_a_draft_lesson_may_have_no_source_yet(editor_client, catalogue_tree):
    response = editor_client.post(
        add_url(LessonPage, catalogue_tree), lesson_form([("paragraph", rich_text("<p>x</p>"))])
    )
    assert response.status_code == 302
    lesson = LessonPage.objects.get(slug="gifts-and-secrets")
    assert not lesson.live
    assert not lesson.sources.exists()


def test_publishing_a_sourceless_draft_from_code_is_refused(catalogue_tree):
    from django.core.exceptions import ValidationError

    draft = LessonPage(title="Draft", slug="draft", live=False, body=[])
    catalogue_tree.add_child(instance=draft)
    revision = draft.save_revision()
    with pytest.raises(ValidationError, match="at least one source"):
        revision.publish()
    draft.refresh_from_db()
    assert not draft.live


def test_hero_image_needs_alt_text(reviewer_client, catalogue):
    image = ImageFactory()
    response = reviewer_client.post(
        add_url(CoursePage, catalogue),
        nested_form_data(
            {
                "title": "Course",
                "slug": "course",
                "summary": "S",
                "outcomes": streamfield([]),
                "hero_image": str(image.pk),
                "hero_image_alt": "",
                "tags": "",
                "action-publish": "1",
            }
        ),
    )
    assert response.status_code == 200
    assert "hero_image_alt" in response.context["form"].errors
    assert not CoursePage.objects.exists()


def test_knowledge_check_needs_exactly_one_correct_choice(reviewer_client, catalogue_tree):
    response = reviewer_client.post(
        add_url(LessonPage, catalogue_tree),
        lesson_form(
            [
                (
                    "knowledge_check",
                    {
                        "question": "Q?",
                        "choices": {
                            "count": "2",
                            "0": {"value": {"text": "A"}, "deleted": "", "order": "0", "id": ""},
                            "1": {"value": {"text": "B"}, "deleted": "", "order": "1", "id": ""},
                        },
                        "explanation": "E.",
                    },
                )
            ],
            sources=[SOURCE],
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not LessonPage.objects.exists()


# --- snippets ---------------------------------------------------------------------------------


@pytest.mark.parametrize("group_name", ["Editors", "Safety reviewers"])
def test_authoring_groups_may_manage_platforms_and_help_resources(db, group_name):
    codenames = set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label="courses")
        .values_list("codename", flat=True)
    )
    for model in ("platform", "helpresource"):
        assert {f"add_{model}", f"change_{model}", f"delete_{model}"} <= codenames


def test_teachers_may_not_manage_snippets(client, teacher):
    client.force_login(teacher)
    response = client.get(reverse("wagtailsnippets_courses_platform:list"))
    assert response.status_code in (302, 403)


def test_editor_adds_a_platform_and_a_help_resource(editor_client):
    response = editor_client.post(
        reverse("wagtailsnippets_courses_platform:add"),
        {
            "name": "Roblox",
            "slug": "roblox",
            "minimum_age": "",
            "help_centre_url": "",
            "report_url": "https://en.help.roblox.com/",
            "family_tools_url": "",
        },
    )
    assert response.status_code == 302
    assert Platform.objects.get(slug="roblox").report_url == "https://en.help.roblox.com/"

    response = editor_client.post(
        reverse("wagtailsnippets_courses_helpresource:add"),
        {
            "name": "NM sheriff",
            "region": "us-nm",
            "when_to_use": "x",
            "sort_order": "0",
        },
    )
    assert response.status_code == 200  # lower case is not a region code
    assert "region" in response.context["form"].errors
    assert not HelpResource.objects.exists()


def test_help_resource_listing_filters_by_region_and_searches(editor_client):
    HelpResourceFactory(name="National line", region="US")
    HelpResourceFactory(name="New Mexico line", region="US-NM")
    url = reverse("wagtailsnippets_courses_helpresource:list")

    response = editor_client.get(url, {"region": "US-NM"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "New Mexico line" in content and "National line" not in content

    response = editor_client.get(url, {"q": "national"})
    content = response.content.decode()
    assert "National line" in content and "New Mexico line" not in content


@pytest.fixture
def catalogue_tree(module):
    """The module new lessons are added to (course fixtures come from conftest)."""
    return module

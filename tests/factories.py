import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from edu.models import HomePage

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    display_name = ""
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Kinwise"
    slug = "kinwise"
    hero_title = "Keep your child safer online"
    hero_text = "Short, free lessons for parents."
    intro = "<p>Welcome.</p>"

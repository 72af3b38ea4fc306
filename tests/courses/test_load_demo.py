from django.core.management import call_command

from courses.models import CourseIndexPage, HelpPage
from edu.models import SiteNavigation


def test_load_demo_adds_the_catalogue_and_help_page_once(db, site):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    catalogue = CourseIndexPage.objects.get()
    help_page = HelpPage.objects.get()
    assert (catalogue.slug, catalogue.live) == ("courses", True)
    assert (help_page.slug, help_page.live) == ("help", True)
    navigation = SiteNavigation.objects.get()
    assert navigation.courses_page_id == catalogue.pk
    assert navigation.help_page_id == help_page.pk

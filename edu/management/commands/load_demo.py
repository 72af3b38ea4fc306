"""Load the demo site: the home page, the site navigation, the demo courses and the accounts.

The courses, platforms and help resources come from :mod:`edu.demo` (plain data) and are built
by :class:`edu.demo.build.DemoBuilder`; the Spanish site is then translated from them with
wagtail-localize and the PO files in ``edu/demo/es`` (:mod:`edu.demo.translate`). Idempotent: a
second run changes nothing; ``--reset`` rebuilds the demo pages. Demo accounts and their
passwords are printed only when ``KINWISE_DEMO_ACCOUNTS`` is set (the dev settings set it).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from courses.models import CourseIndexPage, CoursePage, HelpPage
from edu.demo import COURSES
from edu.demo.build import DemoBuilder
from edu.demo.translate import DemoTranslator
from edu.models import HomePage, SiteNavigation
from edu.workflows import assign_safety_review

DEMO_HOME_SLUG = "home"
DEMO_PASSWORD = "kinwise-demo"  # noqa: S105 - printed for local development only

DEMO_ACCOUNTS = [
    # (email, display name, groups, is_superuser)
    ("parent@example.com", "Alex (parent)", [], False),
    ("teacher@example.com", "Ms Rivera (school counsellor)", ["Teachers"], False),
    ("editor@example.com", "Editor", ["Editors"], False),
    ("reviewer@example.com", "Safety reviewer", ["Safety reviewers"], False),
    ("admin@example.com", "Administrator", [], True),
]


class Command(BaseCommand):
    help = "Load the Kinwise demo content and accounts (idempotent; --reset rebuilds)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo content and build it again."
        )

    def step(self, message):
        self.stdout.write(f"  · {message}")

    @transaction.atomic
    def handle(self, *args, reset=False, **options):
        self.stdout.write("Loading the Kinwise demo…")
        home = self.home_page(reset)
        site = self.site(home)
        catalogue, help_page = self.section_pages(home, site)
        builder = DemoBuilder(catalogue, self.step)
        builder.snippets(rebuild=reset)
        builder.courses(rebuild=reset)
        self.spanish(home, catalogue, help_page)
        self.accounts()
        self.stdout.write(self.style.SUCCESS("Demo ready."))
        if getattr(settings, "KINWISE_DEMO_ACCOUNTS", False):
            self.print_accounts()

    def home_page(self, reset):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if home and reset:
            # The home page's translations (the Spanish site) go too.
            for page in list(HomePage.objects.child_of(root)):
                page.delete()
            home = None
        if home is None:
            # Wagtail's initial migration leaves a "Welcome" page at the root; it makes way
            # for the Kinwise home page.
            for page in root.get_children().exclude(content_type__model="homepage"):
                page.delete()
            home = HomePage(
                title="Kinwise",
                slug=DEMO_HOME_SLUG,
                hero_title="Keep your child safer online",
                hero_text=(
                    "Short, free lessons for parents: how online grooming and sextortion work, "
                    "how to lock down the apps your child uses, and where to report."
                ),
                intro=(
                    "<p>Most children who are targeted online are found through the features of "
                    "apps they use every day. Parents who know the pattern, the settings and "
                    "where to report can step in early.</p>"
                ),
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.step("home page created")
        else:
            self.step("home page already there")
        return home

    def site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
        if site.root_page_id != home.pk or site.site_name != "Kinwise":
            site.root_page = home
            site.site_name = "Kinwise"
            site.save()
        SiteNavigation.for_site(site)
        self.step("site configured")
        return site

    def section_pages(self, home, site):
        """The course catalogue and the help page, linked from the site navigation."""
        catalogue = CourseIndexPage.objects.child_of(home).first()
        if catalogue is None:
            catalogue = CourseIndexPage(
                title="Courses",
                slug="courses",
                intro=(
                    "<p>Short courses for parents. Filter by topic, by the apps your child "
                    "uses or by your child's age.</p>"
                ),
            )
            home.add_child(instance=catalogue)
            catalogue.save_revision().publish()
            # Course content is published only after a Safety reviewer approves it.
            assign_safety_review(catalogue)
            self.step("course catalogue created")
        help_page = HelpPage.objects.child_of(home).first()
        if help_page is None:
            help_page = HelpPage(
                title="Get help",
                slug="help",
                intro=(
                    "<p>If a child is in immediate danger, call 911 now. Otherwise, these "
                    "services can help you report what happened and support your child.</p>"
                ),
            )
            home.add_child(instance=help_page)
            help_page.save_revision().publish()
            self.step("help page created")
        navigation = SiteNavigation.for_site(site)
        if navigation.courses_page_id is None or navigation.help_page_id is None:
            navigation.courses_page = navigation.courses_page or catalogue
            navigation.help_page = navigation.help_page or help_page
            navigation.save()
        return catalogue, help_page

    def spanish(self, home, catalogue, help_page):
        """The Spanish site, translated from the English one (parts still in translation are
        skipped with a warning, see edu.demo.translate)."""
        if home.slug != DEMO_HOME_SLUG:
            # The PO files translate the demo's own home page, not a site's existing one.
            self.step("WARNING: Spanish demo not built: the home page is not the demo's")
            return
        translator = DemoTranslator(self.step)
        slugs = [course["slug"] for course in COURSES]
        courses = CoursePage.objects.child_of(catalogue).filter(slug__in=slugs).order_by("path")
        translator.translate_demo(home, catalogue, help_page, courses)
        spanish_catalogue = catalogue.get_translation_or_none(translator.locale)
        if spanish_catalogue is not None:
            # Spanish course content also goes through Safety review before publication.
            assign_safety_review(spanish_catalogue)

    def accounts(self):
        User = get_user_model()
        created = 0
        for email, name, groups, is_superuser in DEMO_ACCOUNTS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email,
                    password=DEMO_PASSWORD,
                    display_name=name,
                    is_superuser=is_superuser,
                    # Staff see Wagtail's userbar on the site; admin access itself comes
                    # from the groups' permissions.
                    is_staff=is_superuser or bool({"Editors", "Safety reviewers"} & set(groups)),
                )
                created += 1
            user.groups.add(*Group.objects.filter(name__in=groups))
        self.step(f"demo accounts: {created} created, {len(DEMO_ACCOUNTS) - created} already there")

    def print_accounts(self):
        self.stdout.write(
            f"\nDemo accounts (development only), all with the password {DEMO_PASSWORD!r}:"
        )
        for email, _name, groups, is_superuser in DEMO_ACCOUNTS:
            role = "superuser" if is_superuser else (", ".join(groups) or "parent")
            self.stdout.write(f"  {email:<24} {role}")
        self.stdout.write("Wagtail admin: http://127.0.0.1:8000/admin/\n")

"""Run inside a brand-new `wagtail start` project with the Kinwise wheel installed.

Builds a course tree programmatically, renders every Kinwise page type, and takes a quiz
through its own forms. Exits non-zero (an AssertionError) when anything is wrong.
"""

import datetime
import re

from django.test import Client
from wagtail.models import Site

from courses.models import (
    CourseIndexPage,
    CoursePage,
    HelpPage,
    HelpResource,
    LessonPage,
    LessonSource,
    ModulePage,
)
from quizzes.models import QuizPage

site = Site.objects.get(is_default_site=True)
site.hostname = "testserver"
site.save()
home = site.root_page.specific

index = home.add_child(instance=CourseIndexPage(title="Parent courses", slug="parent-courses"))
course = index.add_child(instance=CoursePage(title="Online safety basics", summary="Basics."))
module = course.add_child(instance=ModulePage(title="Warning signs"))
lesson = module.add_child(
    instance=LessonPage(
        title="What grooming looks like",
        body=[
            ("paragraph", "<p>Grooming is a pattern, not a single message.</p>"),
            (
                "checklist",
                {"title": "Check tonight", "items": ["Look at who can message your child"]},
            ),
        ],
        last_verified=datetime.date(2026, 11, 1),
        sources=[
            LessonSource(
                title="A source",
                publisher="A publisher",
                url="https://example.org/",
                accessed=datetime.date(2026, 11, 1),
            )
        ],
    )
)
quiz = module.add_child(
    instance=QuizPage(
        title="Check what you learned",
        pass_mark=100,
        questions=[
            (
                "single_choice",
                {
                    "question": "Which is a warning sign?",
                    "choices": [
                        {"text": "Asking to keep chats secret", "correct": True, "feedback": ""},
                        {"text": "Liking the same games", "correct": False, "feedback": ""},
                    ],
                    "explanation": "Secrecy cuts a child off from help.",
                    "topics": ["grooming"],
                },
            )
        ],
    )
)
HelpResource.objects.create(
    name="Emergency services", region="US", phone="911", immediate_danger=True, sort_order=0
)
help_page = home.add_child(instance=HelpPage(title="Get help"))

client = Client()
for page in (index, course, module, lesson, quiz, help_page):
    response = client.get(page.url)
    assert response.status_code == 200, (page.title, response.status_code)
    assert page.title in response.content.decode(), page.title
    print("rendered", type(page).__name__, page.url)

# Take the quiz through its own forms, as a visitor.
response = client.post(quiz.url + "start/", follow=True)
assert response.status_code == 200, response.status_code
html = response.content.decode()
form_action = re.search(r'<form method="post" action="([^"]+)" class="quiz-form"', html).group(1)
fields = {
    m.group(1): m.group(2)
    for m in re.finditer(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html)
}
labels = {
    m.group(1): m.group(2).strip()
    for m in re.finditer(r'<label for="([^"]+)">([^<]+)</label>', html)
}
radios = re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)"[^>]*id="([^"]+)"', html)
assert radios, "no choices served"
for name, value, element_id in radios:
    if labels.get(element_id) == "Asking to keep chats secret":
        fields[name] = value
response = client.post(form_action, fields, follow=True)
assert response.status_code == 200, response.status_code
result = response.content.decode()
assert "100%" in result, result[:2000]
print("quiz passed")

"""Quiz pages and learners' attempts at them."""

from __future__ import annotations

import secrets

import swapper
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.completion import TrackablePageMixin
from courses.models import KnownAncestorsMixin
from courses.xapi.statements import ASSESSMENT as XAPI_ASSESSMENT
from quizzes.blocks import QuestionStreamBlock
from quizzes.panels import QuestionAnalysisPanel
from quizzes.serving import ServedQuestion, serve_questions, served_questions

# Anonymous visitors' attempts are rows with no learner and this session value as their owner.
# It is a random key of our own rather than Django's session key, which changes at log-in;
# the session's data survives that, so attempts can be claimed when the visitor signs up or
# logs in (see QuizAttemptManager.claim).
VISITOR_SESSION_KEY = "kinwise_quiz_visitor"


class ShowAnswers(models.TextChoices):
    AFTER_EACH = "after_each", _("After each submission")
    ONCE_PASSED = "once_passed", _("Only once the learner has passed")
    NEVER = "never", _("Never")


class StaleAttempt(Exception):
    """An attempt whose questions can no longer be shown as they were served."""


class AbstractQuizPage(KnownAncestorsMixin, TrackablePageMixin, RoutablePageMixin, Page):
    """A graded quiz. Concrete pages subclass this; see :meth:`get_attempt_class`."""

    # Reported to a learning record store as an assessment (courses.xapi).
    xapi_activity_type = XAPI_ASSESSMENT

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the quiz covers. Shown before the learner starts."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave blank for unlimited attempts."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(
        _("shuffle choices"),
        default=True,
        help_text=_("Steps of ordering questions are always shuffled."),
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Draw this many questions at random for each attempt. Blank: all of them."),
    )
    show_answers = models.CharField(
        _("show the right answers"),
        max_length=20,
        choices=ShowAnswers.choices,
        default=ShowAnswers.AFTER_EACH,
        help_text=_(
            "Feedback on the learner's own choices is shown unless this is “Never”; the right "
            "answers and explanations are shown when this allows."
        ),
    )
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("questions_per_attempt"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
                FieldPanel("show_answers"),
            ],
            heading=_("Grading and attempts"),
        ),
        FieldPanel("questions"),
        QuestionAnalysisPanel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        count = len(self.questions or [])
        if self.questions_per_attempt and count and self.questions_per_attempt > count:
            raise ValidationError(
                {
                    "questions_per_attempt": _(
                        "The quiz has only %(count)s questions to draw from."
                    )
                    % {"count": count}
                }
            )

    # Extension points ----------------------------------------------------------------------

    def get_attempt_class(self):
        """The model that stores attempts at this quiz. Override to store them elsewhere."""
        return QuizAttempt

    def answers_visible(self, has_passed: bool) -> bool:
        """Whether the result page shows the right answers and explanations."""
        if self.show_answers == ShowAnswers.AFTER_EACH:
            return True
        return self.show_answers == ShowAnswers.ONCE_PASSED and has_passed

    def feedback_visible(self) -> bool:
        """Whether the result page shows the feedback written for the learner's own choices."""
        return self.show_answers != ShowAnswers.NEVER

    # Questions -----------------------------------------------------------------------------

    def question_count(self) -> int:
        total = len(self.questions)
        return min(total, self.questions_per_attempt or total)

    def questions_as_of(self, revision_id: int | None):
        """The questions StreamValue as the given revision had them (this page's if current)."""
        if revision_id is None or revision_id == self.live_revision_id:
            return self.questions
        from wagtail.models import Revision

        content = Revision.objects.filter(pk=revision_id).values_list("content", flat=True).first()
        if content is None or "questions" not in content:
            return self.questions
        return self._meta.get_field("questions").to_python(content["questions"])

    def serve_new_attempt_questions(self) -> list[dict]:
        return serve_questions(
            [(child.id, child.block_type, child.value) for child in self.questions],
            per_attempt=self.questions_per_attempt,
            shuffle_questions=self.shuffle_questions,
            shuffle_choices=self.shuffle_choices,
        )

    def served_questions(self, attempt) -> list[ServedQuestion]:
        """The attempt's questions as served; raises :class:`StaleAttempt` if they are gone."""
        stream = self.questions_as_of(attempt.revision_id)
        children = {child.id: child for child in stream}
        try:
            return served_questions(attempt.pk, attempt.served, children)
        except KeyError as error:
            raise StaleAttempt(attempt.pk) from error

    # Learner routes (all changes by POST with CSRF; see quizzes.views) ---------------------

    @path("")
    def quiz(self, request):
        from quizzes import views

        return views.quiz(self, request)

    @path("start/")
    def start(self, request):
        from quizzes import views

        return views.start(self, request)

    @path("submit/")
    def submit(self, request):
        from quizzes import views

        return views.submit(self, request)

    @path("attempts/<int:number>/")
    def result(self, request, number):
        from quizzes import views

        return views.result(self, request, number)

    def serve_preview(self, request, mode_name):
        from quizzes import views

        return views.preview(self, request)


class QuizPage(AbstractQuizPage):
    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")


class QuizAttemptQuerySet(models.QuerySet):
    def for_quiz(self, quiz):
        return self.filter(quiz_id=quiz.pk)

    def owned_by(self, learner=None, visitor_key: str = ""):
        """A signed-in learner's attempts, or an anonymous visitor's (by their session key)."""
        if learner is not None and learner.is_authenticated:
            return self.filter(learner=learner)
        if visitor_key:
            return self.filter(learner__isnull=True, visitor_key=visitor_key)
        return self.none()

    def open(self):
        return self.filter(submitted_at__isnull=True)

    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def passed(self):
        return self.filter(passed=True)


class QuizAttemptManager(models.Manager.from_queryset(QuizAttemptQuerySet)):
    def claim(self, visitor_key: str, learner) -> int:
        """Move an anonymous visitor's attempts to ``learner`` (at sign-up or log-in).

        Claimed attempts are numbered after the learner's own, quiz by quiz, so attempt
        numbers stay unique; an open anonymous attempt is dropped when the learner already has
        one open on the same quiz (it holds no answers). Returns how many were claimed. The
        maximum number of attempts is not re-checked: the visitor took them in good faith.
        """
        if not visitor_key or not learner.is_authenticated:
            return 0
        claimed = 0
        with transaction.atomic():
            anonymous = list(
                self.select_for_update()
                .filter(learner__isnull=True, visitor_key=visitor_key)
                .order_by("quiz_id", "number")
            )
            quiz_ids = {attempt.quiz_id for attempt in anonymous}
            # Lock the learner's own attempts too (PostgreSQL cannot lock an aggregate).
            own = list(
                self.select_for_update()
                .filter(learner=learner, quiz_id__in=quiz_ids)
                .only("quiz_id", "number", "submitted_at")
            )
            last_number: dict[int, int] = {}
            for attempt in own:
                last_number[attempt.quiz_id] = max(
                    attempt.number, last_number.get(attempt.quiz_id, 0)
                )
            has_open = {attempt.quiz_id for attempt in own if attempt.submitted_at is None}
            for attempt in anonymous:
                if attempt.submitted_at is None and attempt.quiz_id in has_open:
                    attempt.delete()
                    continue
                last_number[attempt.quiz_id] = last_number.get(attempt.quiz_id, 0) + 1
                attempt.number = last_number[attempt.quiz_id]
                attempt.learner = learner
                attempt.visitor_key = ""
                attempt.save(update_fields=["number", "learner", "visitor_key"])
                claimed += 1
        return claimed


def new_visitor_key() -> str:
    return secrets.token_urlsafe(24)


class AbstractQuizAttempt(models.Model):
    """One learner's (or anonymous visitor's) attempt at a quiz.

    ``served`` is what was shown, in order: ``[{"id": block id, "order": [choice indices]}]``
    (see ``quizzes.serving``). ``answers`` maps each served question's block id to
    ``{"response": ..., "score": 0..1, "correct": bool}``, the response in the editor's
    indices of the served revision, so results and reports survive later edits.
    """

    quiz = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("quiz"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Blank for an anonymous visitor's attempt."),
    )
    visitor_key = models.CharField(
        _("visitor key"),
        max_length=64,
        blank=True,
        help_text=_("Identifies an anonymous visitor's session until the attempt is claimed."),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision served"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    number = models.PositiveIntegerField(_("attempt number"))
    served = models.JSONField(_("questions served"), default=list)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    objects = QuizAttemptManager()

    # Attempts are learner records, not content: keep them out of Wagtail's reference index
    # ("usage" of pages), which would otherwise cost four queries on every save.
    wagtail_reference_index_ignore = True

    class Meta:
        abstract = True
        ordering = ["quiz", "number"]
        indexes = [
            # A quiz's submitted attempts, latest first.
            models.Index(
                fields=["quiz", "-submitted_at", "-id"],
                condition=Q(submitted_at__isnull=False),
                name="%(app_label)s_%(class)s_recent",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "learner", "number"],
                condition=Q(learner__isnull=False),
                name="%(app_label)s_%(class)s_learner_number_unique",
            ),
            models.UniqueConstraint(
                fields=["quiz", "visitor_key", "number"],
                condition=Q(learner__isnull=True),
                name="%(app_label)s_%(class)s_visitor_number_unique",
            ),
            # One attempt open at a time: starting twice resumes the open attempt.
            models.UniqueConstraint(
                fields=["quiz", "learner"],
                condition=Q(learner__isnull=False, submitted_at__isnull=True),
                name="%(app_label)s_%(class)s_one_open_per_learner",
            ),
            models.UniqueConstraint(
                fields=["quiz", "visitor_key"],
                condition=Q(learner__isnull=True, submitted_at__isnull=True),
                name="%(app_label)s_%(class)s_one_open_per_visitor",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="%(app_label)s_%(class)s_number_positive"
            ),
            models.CheckConstraint(
                condition=Q(learner__isnull=False) | ~Q(visitor_key=""),
                name="%(app_label)s_%(class)s_has_owner",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100),
                name="%(app_label)s_%(class)s_score_percent",
            ),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True, score__isnull=True, passed__isnull=True)
                | Q(submitted_at__isnull=False, score__isnull=False, passed__isnull=False),
                name="%(app_label)s_%(class)s_graded_when_submitted",
            ),
        ]

    def __str__(self):
        return _("Attempt %(number)s") % {"number": self.number}

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @classmethod
    def export_personal_data(cls, learner) -> list[dict]:
        """A learner's attempts, with their answers, for their own download."""
        return [
            {
                "quiz": attempt.quiz.title,
                "attempt": attempt.number,
                "started_at": attempt.started_at.isoformat(),
                "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
                "score": attempt.score,
                "passed": attempt.passed,
                "answers": attempt.answers,
            }
            for attempt in cls.objects.filter(learner=learner).select_related("quiz")
        ]

    def record_grade(self, responses: dict, grade) -> None:
        """Store a graded submission (the caller holds the row lock and saves)."""
        self.answers = {
            block_id: {
                "response": responses[block_id],
                "score": round(float(score), 4),
                "correct": score == 1,
            }
            for block_id, score in grade.scores.items()
        }
        self.score = grade.percent
        self.passed = grade.passed
        self.submitted_at = timezone.now()


class QuizAttempt(AbstractQuizAttempt):
    class Meta(AbstractQuizAttempt.Meta):
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")


class QuestionStatistic(models.Model):
    """Running totals of submitted answers, for question analysis (``quizzes.analysis``).

    Kept up to date as each attempt is submitted (one multi-row upsert, see
    :func:`quizzes.statistics.record_attempt`) and rebuilt from the attempts by
    ``manage.py rebuild_question_statistics``. No row refers to a learner or an attempt, so
    rows stay when an account and its attempts are deleted: they are anonymous counts.

    One table, three kinds of row, so that a submission costs one extra query:

    - ``question`` (item 0): ``count`` attempts answered the question, ``correct`` of them
      right; the sums give the discrimination index. ``x`` is the question's score in an
      attempt and ``T`` the attempt's total points (the sum of its question scores), both in
      ten-thousandths of a point (scores are stored to four decimals), so the sums are exact
      integers whatever the order in which they were added;
    - a wrong answer to a question: ``choice`` (item: the choice index), ``missed``
      (a multiple-select response that left out a right choice), ``answer`` (true/false:
      item 1 for True, 0 for False) or ``step`` (an ordering step out of place);
      ``count`` wrong responses included it;
    - ``score`` (block id empty, item: the attempt's percent score): ``count`` attempts
      scored that, ``correct`` of them passed (the quiz's pass rate and median score).
    """

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        CHOICE = "choice", _("Wrong choice")
        MISSED = "missed", _("Missed a right choice")
        ANSWER = "answer", _("Wrong true/false answer")
        STEP = "step", _("Step out of place")
        SCORE = "score", _("Attempt score")

    quiz = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("quiz"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    block_id = models.CharField(_("question id"), max_length=64, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    item = models.IntegerField(_("item"), default=0)
    count = models.BigIntegerField(_("count"), default=0)
    correct = models.BigIntegerField(_("correct"), default=0)
    sum_x = models.BigIntegerField(default=0)
    sum_x2 = models.BigIntegerField(default=0)
    sum_t = models.BigIntegerField(default=0)
    sum_t2 = models.BigIntegerField(default=0)
    sum_xt = models.BigIntegerField(default=0)

    # Counts, not content: out of Wagtail's reference index ("usage" of pages).
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("question statistic")
        verbose_name_plural = _("question statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "block_id", "kind", "item"],
                name="quizzes_questionstatistic_unique",
            ),
        ]

    def __str__(self):
        return f"{self.quiz_id} {self.block_id} {self.kind} {self.item}: {self.count}"

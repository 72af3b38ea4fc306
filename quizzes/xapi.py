"""xAPI ``answered`` statements, one per question of a submitted attempt.

Off unless both ``KINWISE_XAPI_ENDPOINT`` and ``KINWISE_XAPI_SEND_ANSWERS`` are set: the
quiz's ``passed``/``failed`` statement (sent through the completion interface like every
other result) is usually all an LRS needs. Only signed-in learners' live submissions are
sent; attempts a visitor makes before logging in are not replayed.

Each question is an activity under the quiz (``<quiz URL>#question-<block id>``), typed as a
cmi.interaction. The learner's response is sent as the editor's choice or step indices, with
whether it was right; never the right answer itself.
"""

from __future__ import annotations

import logging

from django.db import transaction

from courses.xapi import conf
from courses.xapi import statements as xapi
from courses.xapi.emit import assigning_class, queue

from .grading import MESSAGE_SCENARIO, MULTIPLE_SELECT, ORDERING, SINGLE_CHOICE, TRUE_FALSE

logger = logging.getLogger(__name__)

INTERACTION_TYPES = {
    SINGLE_CHOICE: "choice",
    MESSAGE_SCENARIO: "choice",
    MULTIPLE_SELECT: "choice",
    TRUE_FALSE: "true-false",
    ORDERING: "sequencing",
}


def response_string(response) -> str:
    """A response in the xAPI format for its interaction type ("[,]" between items)."""
    if isinstance(response, bool):
        return "true" if response else "false"
    if isinstance(response, list | tuple):
        return "[,]".join(str(item) for item in response)
    return str(response)


def on_attempt_saved(sender, instance, created, update_fields=None, **kwargs) -> None:
    """``post_save`` receiver for quiz attempts: a submission (``submitted_at`` saved)."""
    if created or not update_fields or "submitted_at" not in update_fields:
        return
    if not (conf.enabled() and conf.send_answers()) or instance.learner_id is None:
        return
    try:
        with transaction.atomic():
            queue(instance.learner, answered_statements(instance))
    except Exception:
        logger.exception("xAPI: could not queue answers of attempt %s", instance.pk)


def answered_statements(attempt) -> list[dict]:
    quiz = attempt.quiz.specific
    seen = quiz
    codes = xapi.language_codes()
    quiz = xapi.canonical(quiz, codes)
    root_url = xapi.site_root_url(quiz)
    ancestors = xapi.context_pages(quiz)
    quiz_activity = xapi.activity(quiz, name_from=seen, codes=codes)
    language = xapi.language(seen, codes)
    ctx = xapi.context(
        quiz,
        ancestors,
        team=xapi.team(assigning_class(attempt.learner, ancestors), root_url),
        language=language,
        codes=codes,
    )
    # The parent is the quiz; its module and course group the statement.
    ctx["contextActivities"] = {
        "parent": [quiz_activity],
        "grouping": [xapi.activity(a, codes=codes) for a in ancestors],
    }
    actor = xapi.actor(attempt.learner, root_url)
    built = []
    for question in seen.served_questions(attempt):
        answer = attempt.answers.get(question.block_id)
        if answer is None:
            continue
        definition = {
            "name": {language: str(question.value.get("question", ""))[:500]},
            "type": xapi.INTERACTION,
            "interactionType": INTERACTION_TYPES.get(question.block_type, "other"),
        }
        built.append(
            xapi.statement(
                verb=xapi.ANSWERED,
                actor=actor,
                activity_object={
                    "objectType": "Activity",
                    "id": f"{quiz_activity['id']}#question-{question.block_id}",
                    "definition": definition,
                },
                timestamp=attempt.submitted_at,
                context=ctx,
                result={
                    "success": bool(answer.get("correct")),
                    "score": {"scaled": round(float(answer.get("score", 0)), 4)},
                    "response": response_string(answer.get("response")),
                },
            )
        )
    return built

"""The site's "Safety review" workflow (created by migration ``edu.0006``)."""

from __future__ import annotations

from wagtail.models import Page, Workflow, WorkflowPage

SAFETY_REVIEW = "Safety review"


def safety_review_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=SAFETY_REVIEW, active=True).first()


def assign_safety_review(page: Page) -> bool:
    """Put ``page`` and the pages below it under Safety review; ``False`` if the workflow
    has been removed or deactivated."""
    workflow = safety_review_workflow()
    if workflow is None:
        return False
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return True

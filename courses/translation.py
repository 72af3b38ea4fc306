"""What wagtail-localize leaves to the plugin when a page is translated.

wagtail-localize translates a page's text and points snippet choosers (``SnippetChooserBlock``,
foreign keys) at the snippet's copy in the target language, but it skips many-to-many fields: a
lesson's translation would keep listing the source language's ``Platform`` snippets (and the
catalogue would show them). :func:`localize_platforms` points them at the target language's
copies, falling back to the source's where a platform has no translation yet.
"""

from __future__ import annotations

from wagtail.signals import copy_for_translation_done

try:
    from wagtail_localize.fields import SynchronizedField
except ImportError:  # wagtail-localize is optional; without it nothing reads these lists
    SynchronizedField = None


def synchronised(*field_names: str, overridable: bool = False) -> list:
    """wagtail-localize ``override_translatable_fields`` entries for fields that hold data, not
    text (codes, slugs, phone numbers): copied to every translation instead of translated.
    ``overridable`` lets a translation replace the value (a Spanish-language phone line)."""
    if SynchronizedField is None:
        return []
    return [SynchronizedField(name, overridable=overridable) for name in field_names]


def localize_platforms(source, target) -> None:
    """Give ``target`` (a translated lesson) ``source``'s platforms in ``target``'s language."""
    platforms = list(source.platforms.all())
    if not platforms:
        return
    from .models import Platform

    translated = {
        p.translation_key: p
        for p in Platform.objects.filter(
            translation_key__in=[p.translation_key for p in platforms], locale_id=target.locale_id
        )
    }
    target.platforms.set([translated.get(p.translation_key, p) for p in platforms])


def on_copy_for_translation(sender, source_obj, target_obj, **kwargs) -> None:
    from .models import LessonPage

    if isinstance(source_obj, LessonPage) and isinstance(target_obj, LessonPage):
        localize_platforms(source_obj, target_obj)
        # A ParentalManyToManyField holds changes in memory until committed; the copy is saved.
        target_obj.platforms.commit()


def connect_signals() -> None:
    copy_for_translation_done.connect(
        on_copy_for_translation, dispatch_uid="kinwise_localize_lesson_platforms"
    )

"""Build the Spanish demo from the English one, the way an editor's translation would.

Each English object (snippets first, then pages from the top down) gets a wagtail-localize
``TranslationSource`` and a ``Translation`` into Spanish; every ``StringSegment`` gets a
``StringTranslation`` (one per context) from the PO files in ``edu/demo/es/``, matched by msgid;
then the translated object is saved and, for pages, published.

The PO files are the translators' work. Each covers one part of the demo:

- ``snippets.po``: the platforms and help resources;
- ``site.po``: the home page, the course catalogue and the help page;
- ``<course slug>.po``: one course with its modules, lessons and quizzes;
- ``tags.po``: the courses' topic tags (plain taggit tags, which wagtail-localize copies
  untranslated from the source on every sync, so they are set here after each course).

A part whose PO file still has an empty or fuzzy ``msgstr`` is *in progress*: it is skipped with
a warning and the English stays the only version (so ``make run`` works while translators are
at work). A *complete* file must cover its part exactly: any English string without a Spanish
one (the English was edited after translation) fails the command with the list of missing
msgids, and nothing is published in half-English. Course parts need the site part (their parent
pages) and the snippets part (lessons choose snippets).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslationSource,
)
from wagtail_localize.models import Translation as LocalizeTranslation

from courses.models import HelpResource, LessonPage, Platform
from courses.translation import localize_platforms

PO_DIR = Path(__file__).resolve().parent / "es"
TOOL_NAME = "Kinwise demo PO files"

Report = Callable[[str], None]


@dataclass
class PoPart:
    """One PO file: its translations by msgid, and whether every entry is translated."""

    path: Path
    strings: dict[str, str] = field(default_factory=dict)
    untranslated: int = 0
    total: int = 0

    @classmethod
    def read(cls, path: Path) -> PoPart:
        part = cls(path)
        if not path.exists():
            return part
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            part.total += 1
            if not entry.msgstr.strip() or "fuzzy" in entry.flags:
                part.untranslated += 1
            else:
                part.strings[entry.msgid] = entry.msgstr
        return part

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.untranslated == 0

    @property
    def name(self) -> str:
        return self.path.name


class MissingStrings(CommandError):
    pass


class DemoTranslator:
    """Translate the demo into ``language_code`` from the PO files under ``po_dir``."""

    def __init__(self, report: Report, language_code: str = "es", po_dir: Path = PO_DIR) -> None:
        self.report = report
        self.locale = Locale.objects.get(language_code=language_code)
        self.po_dir = po_dir
        self.skipped: list[str] = []

    def part(self, name: str) -> PoPart:
        return PoPart.read(self.po_dir / f"{name}.po")

    def ready(self, part: PoPart, what: str) -> bool:
        if part.complete:
            return True
        if part.total:
            reason = f"{part.untranslated} of {part.total} strings untranslated in {part.name}"
        else:
            reason = f"no {part.name}"
        self.skipped.append(what)
        self.report(f"WARNING: Spanish {what} not built ({reason}); English only for now")
        return False

    # Parts ------------------------------------------------------------------------------------

    def translate_demo(self, home: Page, catalogue: Page, help_page: Page, courses) -> None:
        """Snippets, then the site pages, then each course whose PO file is complete."""
        snippets = self.part("snippets")
        if self.ready(snippets, "platforms and help resources"):
            objects = [*Platform.objects.filter(locale=home.locale_id)]
            objects += HelpResource.objects.filter(locale=home.locale_id)
            changed = self.translate_all(objects, snippets)
            self.report(f"Spanish platforms and help resources: {changed} updated")
        else:
            return
        site = self.part("site")
        if not self.ready(site, "home, catalogue and help pages"):
            return
        changed = self.translate_all([home, catalogue, help_page], site)
        self.report(f"Spanish site pages: {changed} updated")
        tags = self.part("tags")
        tags_ready = self.ready(tags, "course topics")
        for course in courses:
            part = self.part(course.slug)
            if not self.ready(part, f"course “{course.title}”"):
                continue
            pages = [course, *Page.objects.descendant_of(course).order_by("path").specific()]
            changed = self.translate_all(pages, part)
            if tags_ready:
                self.translate_tags(course, tags)
            self.report(f"Spanish course: {course.title}: {changed} of {len(pages)} pages updated")

    def translate_tags(self, course, part: PoPart) -> None:
        """Give the course's translation its tags in the target language (from ``tags.po``)."""
        target = course.get_translation(self.locale)
        names = [tag.name for tag in course.tags.all()]
        missing = [name for name in names if name not in part.strings]
        if missing:
            raise MissingStrings(
                f"{part.name} has no Spanish for the topic(s) {missing!r} of {course.url_path}"
            )
        wanted = sorted(part.strings[name] for name in names)
        if sorted(tag.name for tag in target.tags.all()) != wanted:
            target.tags.set(wanted)
            target.save_revision().publish()

    def translate_all(self, objects: Iterable, part: PoPart) -> int:
        """Translate ``objects`` (parents before children); fail listing every missing string."""
        objects = list(objects)
        missing: dict[str, list[str]] = {}
        prepared = []
        for obj in objects:
            source, translation, strings_changed, gaps = self.prepare(obj, part)
            for msgid in gaps:
                missing.setdefault(msgid, []).append(describe(obj))
            prepared.append((obj, source, translation, strings_changed))
        if missing:
            lines = [f"  {msgid!r} (in {', '.join(where[:3])})" for msgid, where in missing.items()]
            raise MissingStrings(
                f"{part.name} has no Spanish for {len(missing)} English string(s); add them to "
                "the PO file (or mark the file in progress by leaving a msgstr empty):\n"
                + "\n".join(lines)
            )
        return sum(self.save(*item) for item in prepared)

    # One object -------------------------------------------------------------------------------

    def prepare(self, obj, part: PoPart):
        """The object's source and translation, with every string translated from ``part``.

        Returns ``(source, translation, changed, missing_msgids)``.
        """
        source, source_changed = TranslationSource.update_or_create_from_instance(obj)
        translation, created = LocalizeTranslation.objects.get_or_create(
            source=source, target_locale=self.locale, defaults={"enabled": True}
        )
        existing = {
            (t.translation_of_id, t.context_id): t
            for t in StringTranslation.objects.filter(
                locale=self.locale,
                translation_of__in=source.stringsegment_set.values("string_id"),
            )
        }
        changed = source_changed or created
        missing = []
        for segment in source.stringsegment_set.select_related("string"):
            msgid = segment.string.data
            msgstr = part.strings.get(msgid)
            if msgstr is None:
                missing.append(msgid)
                continue
            current = existing.get((segment.string_id, segment.context_id))
            if current is None:
                StringTranslation.objects.create(
                    translation_of=segment.string,
                    locale=self.locale,
                    context_id=segment.context_id,
                    data=msgstr,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                    tool_name=TOOL_NAME,
                )
                changed = True
            elif current.data != msgstr or current.has_error:
                current.data = msgstr
                current.has_error = False
                current.field_error = ""
                current.save()
                changed = True
        return source, translation, changed, missing

    @transaction.atomic
    def save(self, obj, source, translation, changed: bool) -> bool:
        """Save (and publish) the translated object if anything changed; ``True`` if it did."""
        target = obj.get_translation_or_none(self.locale)
        if target is not None and not changed:
            return False
        # The same steps as Translation.save_target(publish=True), but strict (no fallback to
        # English strings or snippets) and publishing now: wagtail-localize defers publishing to
        # the end of the outermost transaction, which in load_demo (and in tests) is too late.
        target, _created = source.create_or_update_translation(
            self.locale, publish=not isinstance(obj, Page), fallback=False
        )
        if isinstance(obj, Page):
            if isinstance(obj, LessonPage):
                # wagtail-localize does not synchronise many-to-many fields (courses.translation).
                before = sorted(p.pk for p in target.platforms.all())
                localize_platforms(obj, target)
                if sorted(p.pk for p in target.platforms.all()) != before:
                    target.save_revision()
            target.get_latest_revision().publish()
        if not translation.enabled:
            translation.enabled = True
            translation.save(update_fields=["enabled"])
        return True


def describe(obj) -> str:
    if isinstance(obj, Page):
        return obj.url_path
    return f"{obj._meta.verbose_name} “{obj}”"


def missing_segments(locale: Locale):
    """String segments of English sources with no translation into ``locale`` (for tests)."""
    return (
        StringSegment.objects.filter(source__translations__target_locale=locale)
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .select_related("string", "source")
    )

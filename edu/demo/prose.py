"""Pull the prose a learner reads out of lesson data, for the reading-level check.

Works on the demo data's own shape (lists of ``(block_type, value)`` pairs). Menu paths, URLs and
snippet references are left out: they are labels, not sentences, and would skew a readability
score. Fragments without closing punctuation (headings, checklist items) are closed with a full
stop so that each counts as its own sentence.
"""

from __future__ import annotations

import re
from html import unescape

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h\d)>", re.IGNORECASE)


def strip_html(html: str) -> str:
    return unescape(_TAG.sub(" ", _BLOCK_END.sub(".\n", html)))


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    return text if text[-1] in ".!?:\"'”’)" else text + "."


def block_prose(block_type: str, value) -> list[str]:
    """The sentences of one lesson block, in reading order."""
    parts: list[str] = []
    if block_type == "paragraph":
        parts.append(strip_html(value))
    elif block_type == "heading":
        parts.append(value["text"])
    elif block_type == "callout":
        parts += [value.get("title", ""), strip_html(value["body"])]
    elif block_type == "accordion":
        parts.append(value.get("title", ""))
        for item in value["items"]:
            parts += [item["question"], strip_html(item["answer"])]
    elif block_type == "warning_signs":
        parts += [value["title"], value.get("intro", "")]
        for sign in value["signs"]:
            parts += [sign["sign"], sign["why_it_matters"]]
    elif block_type == "chat_scenario":
        parts += [value["title"], value.get("context", "")]
        for message in value["messages"]:
            parts += [message["text"], message.get("tactic", ""), message.get("explanation", "")]
        parts.append(value.get("takeaway", ""))
    elif block_type == "privacy_guide":
        parts += [value["applies_to"], value.get("intro", "")]
        for step in value["steps"]:
            parts += [step["instruction"], step.get("why_it_matters", "")]
    elif block_type == "checklist":
        parts += [value["title"], *value["items"]]
    elif block_type == "conversation_starters":
        parts += [value.get("intro", ""), *value["prompts"]]
    elif block_type == "help_resources":
        parts.append(value.get("title", ""))
    elif block_type == "knowledge_check":
        parts.append(value["question"])
        for choice in value["choices"]:
            parts += [choice["text"], choice.get("feedback", "")]
        parts.append(value["explanation"])
    return [s for s in (_sentence(p) for p in parts if p) if s]


def lesson_prose(lesson: dict) -> str:
    """All the prose of one lesson (its summary and body) as one text."""
    sentences = [_sentence(lesson["summary"])]
    for block_type, value in lesson["body"]:
        sentences += block_prose(block_type, value)
    return "\n".join(sentences)


def quiz_prose(quiz: dict) -> str:
    """All the prose of one quiz: questions, choices, feedback, steps and explanations."""
    parts: list[str] = [strip_html(quiz["intro"])]
    for _block_type, value in quiz["questions"]:
        parts += [value["question"], value["explanation"]]
        parts += [message["text"] for message in value.get("messages", [])]
        for choice in value.get("choices", []):
            parts += [choice["text"], choice.get("feedback", "")]
        parts += value.get("steps", [])
        parts += [value.get("feedback_true", ""), value.get("feedback_false", "")]
    return "\n".join(s for s in (_sentence(p) for p in parts if p) if s)

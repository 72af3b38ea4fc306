"""Course 2, module: WhatsApp."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.helpers import menus_change
from edu.demo.refs import PlatformRef

LESSON = {
    "title": "Setting up WhatsApp safely",
    "slug": "setting-up-whatsapp",
    "summary": (
        "WhatsApp has no parental controls for regular accounts, so the privacy settings matter "
        "a lot. Learn which ones to change, and how the new parent-managed accounts for "
        "pre-teens work."
    ),
    "estimated_minutes": 9,
    "platforms": ["whatsapp"],
    "last_verified": date(2026, 3, 12),
    "sources": [src.INTERNET_MATTERS_WHATSAPP, src.WHATSAPP_PARENT_MANAGED_2026],
    "body": [
        (
            "paragraph",
            "<p>In the US you must be 13 to have your own WhatsApp account. Regular accounts "
            "have no parental controls. Messages are end-to-end encrypted, so no one else can "
            "read them, including you and WhatsApp.</p>"
            "<p>That makes the privacy settings below important. The biggest risk is strangers "
            "adding your child to groups, or seeing their photo and status.</p>",
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("whatsapp"),
                "applies_to": "Teens aged 13 and over",
                "last_verified": date(2024, 1, 1),
                "intro": "Go through these with your teen on their phone.",
                "steps": [
                    {
                        "instruction": "Set who can add your teen to groups to 'My contacts'.",
                        "menu_path": "Settings → Privacy → Groups",
                        "why_it_matters": "Strangers cannot drop your teen into a group chat.",
                    },
                    {
                        "instruction": "Set profile photo, About and Status to 'My contacts'.",
                        "menu_path": "Settings → Privacy",
                        "why_it_matters": "People who are not in the contacts cannot see them.",
                    },
                    {
                        "instruction": "Limit who can see 'Last seen and online'.",
                        "menu_path": "Settings → Privacy → Last seen and online",
                        "why_it_matters": "Strangers cannot see when your teen is active.",
                    },
                    {
                        "instruction": "Keep live location off unless your family needs it.",
                        "why_it_matters": "Live location shows where your teen is, in real time.",
                    },
                    {
                        "instruction": "Turn on two-step verification with a PIN.",
                        "menu_path": "Settings → Account → Two-step verification",
                        "why_it_matters": "It stops someone else taking over the account.",
                    },
                    {
                        "instruction": "Check the list of linked devices now and then.",
                        "why_it_matters": "An unknown device could be reading the chats.",
                    },
                    {
                        "instruction": "Run WhatsApp's Privacy Checkup together.",
                        "why_it_matters": "It walks through the main settings in one place.",
                    },
                ],
            },
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("whatsapp"),
                "applies_to": "Parent-managed accounts for pre-teens (under 13)",
                "last_verified": date(2026, 3, 12),
                "intro": (
                    "In March 2026 WhatsApp announced accounts that a parent manages, for "
                    "children under 13. They are rolling out slowly, so they may not be in your "
                    "app yet."
                ),
                "steps": [
                    {
                        "instruction": "Set it up with both phones side by side.",
                        "why_it_matters": (
                            "You check your child's number, confirm their age and scan a code to "
                            "link the accounts."
                        ),
                    },
                    {
                        "instruction": "Choose a 6-digit parent PIN and keep it to yourself.",
                        "why_it_matters": "The PIN protects the settings and requests you approve.",
                    },
                    {
                        "instruction": "Leave messaging limited to saved contacts.",
                        "why_it_matters": (
                            "You approve new groups and unknown contacts. You see shared groups "
                            "and country first."
                        ),
                    },
                    {
                        "instruction": (
                            "Keep alerts on for when your child adds, blocks or reports someone."
                        ),
                        "why_it_matters": "Each alert is a chance to check in.",
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "important",
                "title": "What parent-managed accounts do not do",
                "body": (
                    "<p>Messages stay encrypted, so you cannot read them. The account stays "
                    "linked until your child turns 13. It only allows messages and calls. There "
                    "is no Status, no Channels, no location sharing and no Meta AI, and images "
                    "from unknown contacts are blurred.</p>"
                ),
            },
        ),
        menus_change("WhatsApp", "privacy settings"),
        (
            "paragraph",
            "<p>If someone sends your child something worrying, save a screenshot first. Then "
            "report and block the contact from the chat. Because chats are encrypted, your "
            "screenshots may be the only copy police can use.</p>",
        ),
        (
            "checklist",
            {
                "title": "WhatsApp check-up",
                "items": [
                    "Groups are set to 'My contacts'",
                    "Photo, About, Status and Last seen are set to 'My contacts' or less",
                    "Live location is off",
                    "Two-step verification is on",
                    "No unknown linked devices",
                    "My child under 13 uses a parent-managed account, or no account",
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: WhatsApp",
    "slug": "quiz-whatsapp",
    "intro": "<p>Five questions on WhatsApp's privacy settings.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "single_choice",
            {
                "question": "Which setting stops strangers adding your teen to group chats?",
                "choices": [
                    {"text": "Groups set to 'My contacts'", "correct": True},
                    {"text": "Two-step verification", "correct": False},
                    {"text": "Turning off read receipts", "correct": False},
                ],
                "explanation": (
                    "In Settings, then Privacy, then Groups, choose 'My contacts'. Then only "
                    "people in your teen's contacts can add them."
                ),
                "topics": ["whatsapp", "groups"],
            },
        ),
        (
            "true_false",
            {
                "question": (
                    "With a parent-managed WhatsApp account, you can read your child's messages."
                ),
                "correct_answer": False,
                "feedback_true": "No. Messages stay end-to-end encrypted.",
                "feedback_false": "Right. Messages stay end-to-end encrypted.",
                "explanation": (
                    "You control contacts, groups and settings, but messages stay private to the "
                    "people in the chat."
                ),
                "topics": ["whatsapp", "parent-managed accounts"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "Which of these should a teen's WhatsApp have? Choose all.",
                "choices": [
                    {"text": "Two-step verification turned on", "correct": True},
                    {"text": "Profile photo visible to contacts only", "correct": True},
                    {"text": "Live location off unless needed", "correct": True},
                    {
                        "text": "Groups open to everyone",
                        "correct": False,
                        "feedback": "Open groups let strangers add your teen.",
                    },
                ],
                "explanation": (
                    "Two-step verification, contacts-only privacy and live location off all cut "
                    "the ways strangers can reach or find your teen."
                ),
                "topics": ["whatsapp"],
                "partial_credit": True,
            },
        ),
        (
            "ordering",
            {
                "question": "Put the steps to set up a parent-managed account in order.",
                "steps": [
                    "Put your phone and your child's phone side by side",
                    "Check your child's phone number and confirm their age",
                    "Scan the code to link the accounts",
                    "Choose a 6-digit parent PIN",
                ],
                "explanation": (
                    "You link the accounts in person, then protect the settings with a PIN only "
                    "you know."
                ),
                "topics": ["whatsapp", "parent-managed accounts"],
            },
        ),
        (
            "single_choice",
            {
                "question": "Why are screenshots extra important on WhatsApp?",
                "choices": [
                    {
                        "text": "Chats are encrypted, so your copy may be the only evidence",
                        "correct": True,
                    },
                    {"text": "WhatsApp deletes all chats after a day", "correct": False},
                    {"text": "Screenshots are needed to block someone", "correct": False},
                ],
                "explanation": (
                    "Because WhatsApp cannot read chats, what is on your child's phone matters. "
                    "Save it before you block."
                ),
                "topics": ["whatsapp", "evidence"],
            },
        ),
    ],
}

MODULE = {
    "title": "WhatsApp",
    "slug": "whatsapp",
    "intro": "<p>Privacy settings for teens, and parent-managed accounts for pre-teens.</p>",
    "outcomes": [
        "Stop strangers adding your child to groups",
        "Lock down profile and location settings",
        "Know how parent-managed accounts work, and their limits",
    ],
    "lessons": [LESSON],
    "quiz": QUIZ,
}

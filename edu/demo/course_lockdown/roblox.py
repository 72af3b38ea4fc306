"""Course 2, module: Roblox."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.helpers import menus_change
from edu.demo.refs import PlatformRef

LESSON = {
    "title": "Setting up Roblox safely",
    "slug": "setting-up-roblox",
    "summary": (
        "Roblox has no minimum age, so many young children play. Learn how to link your account "
        "for parental controls, and how the 2026 age checks for chat work."
    ),
    "estimated_minutes": 10,
    "platforms": ["roblox"],
    "last_verified": date(2026, 1, 9),
    "sources": [src.ROBLOX_PARENTAL_CONTROLS_2024, src.ROBLOX_AGE_CHECKS_2026],
    "body": [
        (
            "paragraph",
            "<p>Roblox has no minimum age. Instead, what a child can do depends on their age. "
            "So the most important step is to enter your child's real birth date when you set "
            "up the account.</p>"
            "<p>Players can chat inside games, and give or trade items. Strangers may offer "
            "Robux, the game's money, to win a child's trust.</p>",
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("roblox"),
                "applies_to": "Parents of children under 13",
                "last_verified": date(2024, 11, 18),
                "intro": (
                    "Since November 2024, you can link your own Roblox account and manage your "
                    "child's settings from your phone. You must be 18 or over and verify your "
                    "age."
                ),
                "steps": [
                    {
                        "instruction": (
                            "Link your account to your child's through Parental Controls."
                        ),
                        "why_it_matters": (
                            "You can then change settings without your child's device."
                        ),
                    },
                    {
                        "instruction": "Set a daily screen-time limit.",
                        "why_it_matters": "You can see how long your child plays, too.",
                    },
                    {
                        "instruction": "Set a spending limit.",
                        "why_it_matters": "It limits what your child can buy in games.",
                    },
                    {
                        "instruction": ("Review your child's friends list."),
                        "why_it_matters": "Ask about anyone you do not know.",
                    },
                    {
                        "instruction": "Decide on chat inside games.",
                        "why_it_matters": (
                            "Under-13s cannot send private messages outside games. Private "
                            "messages inside a game need your consent."
                        ),
                    },
                    {
                        "instruction": "Check content labels and block games you do not want.",
                        "why_it_matters": (
                            "Under-9s can only play games labelled 'Minimal' or 'Mild' unless "
                            "you allow more."
                        ),
                    },
                ],
            },
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("roblox"),
                "applies_to": "All players who want to chat",
                "last_verified": date(2026, 1, 9),
                "intro": (
                    "Since January 2026, players everywhere need an age check to use chat. It "
                    "uses a face scan that estimates age, or an ID. Roblox says the images are "
                    "deleted after the check."
                ),
                "steps": [
                    {
                        "instruction": "Help your child with the age check, if they want to chat.",
                        "why_it_matters": (
                            "Players are put in age groups. They can only chat with players in "
                            "the same or nearby groups."
                        ),
                    },
                    {
                        "instruction": "Know that chat is off for under-9s unless you agree.",
                        "why_it_matters": "Young children start with no chat.",
                    },
                    {
                        "instruction": "Fix a wrong age in Parental Controls.",
                        "why_it_matters": (
                            "If the check gets your child's age wrong, you can correct it."
                        ),
                    },
                ],
            },
        ),
        menus_change("Roblox", "Parental Controls"),
        ("heading", {"text": "Reporting and blocking", "anchor": "reporting-and-blocking"}),
        (
            "paragraph",
            "<p>Use 'Report Abuse' in a game or on a player's profile, and block the player. "
            "Teach your child that no one needs their password, and that free Robux offers are "
            "a warning sign.</p>",
        ),
        (
            "checklist",
            {
                "title": "Roblox check-up",
                "items": [
                    "My child's account has their real birth date",
                    "My account is linked through Parental Controls",
                    "Screen-time and spending limits are set",
                    "I know who is on my child's friends list",
                    "Chat settings suit my child's age",
                    "My child knows how to report and block",
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: Roblox",
    "slug": "quiz-roblox",
    "intro": "<p>Five questions on Roblox's parental controls and chat rules.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "true_false",
            {
                "question": "Roblox has a minimum age of 13, like most social apps.",
                "correct_answer": False,
                "feedback_true": "No. Roblox has no minimum age.",
                "feedback_false": "Right. Roblox has no minimum age; features depend on age.",
                "explanation": (
                    "Roblox has no minimum age. What a child can do depends on the age on the "
                    "account, so enter their real birth date."
                ),
                "topics": ["roblox"],
            },
        ),
        (
            "single_choice",
            {
                "question": "Can a 10-year-old send private messages outside of games on Roblox?",
                "choices": [
                    {"text": "No, under-13s cannot", "correct": True},
                    {"text": "Yes, to anyone", "correct": False},
                    {"text": "Yes, but only to adults", "correct": False},
                ],
                "explanation": (
                    "Since November 2024, under-13s cannot send private messages outside games. "
                    "Messages inside games need a parent's consent."
                ),
                "topics": ["roblox", "chat"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "What can a linked parent manage in Parental Controls? Choose all.",
                "choices": [
                    {"text": "Daily screen time", "correct": True},
                    {"text": "Spending limits", "correct": True},
                    {"text": "Which games are blocked", "correct": True},
                    {"text": "Correcting the child's age", "correct": True},
                    {
                        "text": "Reading every chat message live",
                        "correct": False,
                        "feedback": "Parental Controls manage settings, not a live chat feed.",
                    },
                ],
                "explanation": (
                    "Parents can set time and spending limits, block games, see connections and "
                    "fix a wrong age."
                ),
                "topics": ["roblox", "parental controls"],
                "partial_credit": True,
            },
        ),
        (
            "message_scenario",
            {
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "Player in a game",
                        "text": "want free robux? tell me ur password and i'll add them",
                    },
                ],
                "question": "What should your child do?",
                "choices": [
                    {
                        "text": "Never share the password; report and block the player",
                        "correct": True,
                        "feedback": "Yes. No one needs their password.",
                    },
                    {
                        "text": "Share it, because free Robux is a good deal",
                        "correct": False,
                        "feedback": "This is how accounts are stolen.",
                    },
                    {
                        "text": "Ask the player to prove it first",
                        "correct": False,
                        "feedback": "Do not engage. Report and block.",
                    },
                ],
                "explanation": (
                    "Free Robux offers are a common trick to steal accounts or win trust. Report "
                    "and block, and tell a parent."
                ),
                "topics": ["roblox", "warning signs in messages"],
            },
        ),
        (
            "single_choice",
            {
                "question": "Since January 2026, what does a player need in order to use chat?",
                "choices": [
                    {"text": "An age check, by face scan or ID", "correct": True},
                    {"text": "A paid membership", "correct": False},
                    {"text": "Nothing", "correct": False},
                ],
                "explanation": (
                    "Players need an age check to chat. They can then only chat with players of "
                    "a similar age."
                ),
                "topics": ["roblox", "chat"],
            },
        ),
    ],
}

MODULE = {
    "title": "Roblox",
    "slug": "roblox",
    "intro": "<p>Parental controls, age checks for chat, and reporting on Roblox.</p>",
    "outcomes": [
        "Link your account and set limits in Parental Controls",
        "Explain how Roblox's age checks limit who can chat",
        "Spot the 'free Robux' trick",
    ],
    "lessons": [LESSON],
    "quiz": QUIZ,
}

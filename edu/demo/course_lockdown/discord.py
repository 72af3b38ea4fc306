"""Course 2, module: Discord."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.helpers import menus_change
from edu.demo.refs import PlatformRef

LESSON = {
    "title": "Setting up Discord safely",
    "slug": "setting-up-discord",
    "summary": (
        "Discord is a chat app built around group servers, popular with gamers. Learn its teen "
        "safety features, Family Center, and what changed in 2025 and 2026."
    ),
    "estimated_minutes": 10,
    "platforms": ["discord"],
    "last_verified": date(2026, 2, 25),
    "sources": [
        src.DISCORD_SAFER_TEENS,
        src.DISCORD_HELP_TEEN,
        src.DISCORD_FAMILY_CENTER_2025,
        src.DISCORD_TEEN_DEFAULT_2026,
        src.DISCORD_DELAY_2026,
    ],
    "body": [
        (
            "paragraph",
            "<p>You must be 13 to use Discord. People chat in 'servers', which are group spaces "
            "that can hold thousands of strangers. From a server, anyone can try to start a "
            "private chat. That is why the message settings below matter.</p>",
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("discord"),
                "applies_to": "Teens aged 13 to 17",
                "last_verified": date(2023, 10, 20),
                "intro": "Discord turns these on for teens. Check they are still on.",
                "steps": [
                    {
                        "instruction": "Keep the sensitive media filters on.",
                        "why_it_matters": (
                            "For teens, sensitive images are blocked in messages from people "
                            "who are not friends. They are blurred from friends, groups and "
                            "servers."
                        ),
                    },
                    {
                        "instruction": "Talk about the safety alert for new messages.",
                        "why_it_matters": (
                            "When someone new messages a teen for the first time, Discord shows "
                            "an alert. It suggests checking who it is, blocking, and safety "
                            "tips."
                        ),
                    },
                    {
                        "instruction": (
                            "Agree to only accept friend requests from people they know."
                        ),
                        "why_it_matters": "A friend can send messages and images more freely.",
                    },
                ],
            },
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("discord"),
                "applies_to": "Parents of teens aged 13 to 17",
                "last_verified": date(2025, 11, 6),
                "intro": (
                    "Family Center is optional for both of you. Your teen makes a QR code, you "
                    "scan it, and your teen approves the link. You never see message content."
                ),
                "steps": [
                    {
                        "instruction": "Ask your teen to make a Family Center QR code.",
                        "menu_path": "User Settings → Family Center",
                        "why_it_matters": "The link only works if your teen agrees to it.",
                    },
                    {
                        "instruction": "Set who can send your teen direct messages.",
                        "why_it_matters": (
                            "Since November 2025, only a guardian can change this. Choose "
                            "friends only, or members of the same servers."
                        ),
                    },
                    {
                        "instruction": "Check the sensitive content filter setting.",
                        "why_it_matters": "Since November 2025, only a guardian can change it.",
                    },
                    {
                        "instruction": "Read the weekly summary together.",
                        "why_it_matters": (
                            "It lists new friends, servers joined, who your teen messaged or "
                            "called, purchases and call time."
                        ),
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "important",
                "title": "Planned changes may not be in place yet",
                "body": (
                    "<p>In February 2026, Discord said it would give every user teen-safe "
                    "settings unless they proved they were adults. It later delayed this to the "
                    "second half of 2026 in most countries. Do not count on it. Check your "
                    "teen's own settings.</p>"
                ),
            },
        ),
        menus_change("Discord", "Family Center"),
        ("heading", {"text": "Reporting and blocking", "anchor": "reporting-and-blocking"}),
        (
            "paragraph",
            "<p>Your teen can report a message or a user, and block them. When teens report "
            "someone, they can choose to let you know. You will not see what was reported, so "
            "ask them about it gently. Save screenshots first.</p>",
        ),
        (
            "checklist",
            {
                "title": "Discord check-up",
                "items": [
                    "Sensitive media filters are on",
                    "Direct messages are limited to friends",
                    "My teen only accepts friend requests from people they know",
                    "We linked our accounts in Family Center",
                    "My teen knows how to report, block and tell me",
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: Discord",
    "slug": "quiz-discord",
    "intro": "<p>Five questions on Discord's teen safety features.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "true_false",
            {
                "question": "Discord's Family Center shows parents their teen's messages.",
                "correct_answer": False,
                "feedback_true": "No. It shows activity, never message content.",
                "feedback_false": "Right. It shows activity, never message content.",
                "explanation": (
                    "Family Center shows new friends, servers, who your teen talked to, "
                    "purchases and call time, but not what was said."
                ),
                "topics": ["discord", "family center"],
            },
        ),
        (
            "single_choice",
            {
                "question": "What happens when someone new messages a teen for the first time?",
                "choices": [
                    {
                        "text": "Discord shows a safety alert with options to block",
                        "correct": True,
                    },
                    {"text": "The message is sent to the parent", "correct": False},
                    {"text": "Nothing different happens", "correct": False},
                ],
                "explanation": (
                    "Teen Safety Assist shows an alert on a first message from someone new, with "
                    "tips and a quick way to block."
                ),
                "topics": ["discord"],
            },
        ),
        (
            "multiple_select",
            {
                "question": (
                    "Which settings can only a guardian change, since late 2025? Choose all."
                ),
                "choices": [
                    {"text": "Who can send the teen direct messages", "correct": True},
                    {"text": "The sensitive content filter", "correct": True},
                    {
                        "text": "Which servers the teen joins",
                        "correct": False,
                        "feedback": "Guardians see servers joined, but do not control them.",
                    },
                ],
                "explanation": (
                    "Through Family Center, guardians control who can message the teen and the "
                    "sensitive content filter."
                ),
                "topics": ["discord", "family center"],
                "partial_credit": True,
            },
        ),
        (
            "ordering",
            {
                "question": "Put the steps to link Family Center in order.",
                "steps": [
                    "Your teen opens User Settings, then Family Center",
                    "Your teen makes a QR code",
                    "You scan the code with your Discord app",
                    "Your teen approves the link",
                ],
                "explanation": "The teen starts and approves the link, so it is done together.",
                "topics": ["discord", "family center"],
            },
        ),
        (
            "message_scenario",
            {
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "Server member",
                        "text": "ur cool. add me as a friend so we can dm? this server is too busy",
                    },
                ],
                "question": "Why is this request a warning sign?",
                "choices": [
                    {
                        "text": "It moves the chat from a public server to a private one",
                        "correct": True,
                        "feedback": "Yes. Private chats are where pressure can build unseen.",
                    },
                    {
                        "text": "It is not. Servers are meant for making friends",
                        "correct": False,
                        "feedback": (
                            "Meeting people is normal. Rushing to private chat is the flag."
                        ),
                    },
                    {"text": "Because it uses slang", "correct": False},
                ],
                "explanation": (
                    "Pushing to move from a busy public space to private messages is a common "
                    "grooming step."
                ),
                "topics": ["discord", "warning signs in messages"],
            },
        ),
    ],
}

MODULE = {
    "title": "Discord",
    "slug": "discord",
    "intro": "<p>Teen safety features, Family Center and reporting on Discord.</p>",
    "outcomes": [
        "Check Discord's teen filters and message settings",
        "Link accounts with Family Center",
        "Know which planned changes are not yet in place",
    ],
    "lessons": [LESSON],
    "quiz": QUIZ,
}

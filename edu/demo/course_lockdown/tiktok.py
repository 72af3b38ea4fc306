"""Course 2, module: TikTok."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.helpers import menus_change
from edu.demo.refs import PlatformRef

LESSON = {
    "title": "Setting up TikTok safely",
    "slug": "setting-up-tiktok",
    "summary": (
        "TikTok sets stricter defaults for younger teens. Learn what changes at 16, how to link "
        "your account with Family Pairing, and what the 2025 updates added."
    ),
    "estimated_minutes": 10,
    "platforms": ["tiktok"],
    "last_verified": date(2025, 3, 25),
    "sources": [src.TIKTOK_TEEN_SETTINGS, src.TIKTOK_FAMILY_PAIRING_2025],
    "body": [
        (
            "paragraph",
            "<p>You must be 13 to have a TikTok account. TikTok's teen settings depend on age, "
            "so it matters that your teen's birthday is right.</p>",
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("tiktok"),
                "applies_to": "Teens aged 13 to 17",
                "last_verified": date(2021, 8, 1),
                "intro": "These are TikTok's defaults for teens. Check them with your teen.",
                "steps": [
                    {
                        "instruction": "Check your teen's account is private.",
                        "why_it_matters": (
                            "Accounts for ages 13 to 15 start private. Teens aged 16 and 17 "
                            "choose when they sign up, and get a private account if they skip."
                        ),
                    },
                    {
                        "instruction": "Know that direct messages are off for under-16s.",
                        "why_it_matters": (
                            "Teens under 16 cannot send or get direct messages. For 16 and 17, "
                            "messages start set to 'No one'."
                        ),
                    },
                    {
                        "instruction": "Keep 'Suggest your account to others' off.",
                        "why_it_matters": (
                            "It is off by default for ages 13 to 15, so strangers are not shown "
                            "your teen's account."
                        ),
                    },
                    {
                        "instruction": "Limit comments to Friends or No one.",
                        "why_it_matters": "This is the only choice for ages 13 to 15.",
                    },
                    {
                        "instruction": "Talk about LIVE and virtual gifts.",
                        "why_it_matters": (
                            "Going LIVE is limited by age, and sending or getting gifts is only "
                            "for adults. Gifts from strangers can be a way to build trust."
                        ),
                    },
                ],
            },
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("tiktok"),
                "applies_to": "Parents of teens aged 13 to 17",
                "last_verified": date(2025, 3, 25),
                "intro": (
                    "Family Pairing links your TikTok account to your teen's. You need your own "
                    "account. You do not have to post anything."
                ),
                "steps": [
                    {
                        "instruction": "Link your accounts by scanning a QR code.",
                        "menu_path": "Settings and privacy → Family Pairing",
                        "why_it_matters": "Each of you picks 'Parent' or 'Teen', then scans.",
                    },
                    {
                        "instruction": "Set who can send your teen direct messages.",
                        "why_it_matters": "For 16 and 17, you can keep this to friends or no one.",
                    },
                    {
                        "instruction": "Check your teen's following and followers lists.",
                        "why_it_matters": (
                            "Since March 2025 you can see who your teen follows, who follows "
                            "them, and who they block."
                        ),
                    },
                    {
                        "instruction": "Agree on a daily time limit and 'Time Away' hours.",
                        "why_it_matters": (
                            "Under-18s start with a 60-minute daily limit. Time Away blocks the "
                            "app at set times, like school or bedtime."
                        ),
                    },
                    {
                        "instruction": "Turn on content filters that suit your family.",
                        "why_it_matters": (
                            "Restricted Mode and keyword filters limit what your teen sees."
                        ),
                    },
                ],
            },
        ),
        menus_change("TikTok", "Family Pairing"),
        ("heading", {"text": "Reporting and blocking", "anchor": "reporting-and-blocking"}),
        (
            "paragraph",
            "<p>To report a video, press and hold it, or tap Share, then choose Report. Since "
            "2025, teens can choose to let a parent know when they report something. Save "
            "screenshots before blocking.</p>",
        ),
        (
            "checklist",
            {
                "title": "TikTok check-up",
                "items": [
                    "My teen's birthday is correct",
                    "The account is private",
                    "Direct messages are off, or limited to friends",
                    "Suggest your account to others is off",
                    "We linked accounts with Family Pairing",
                    "We agreed on time limits and Time Away",
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: TikTok",
    "slug": "quiz-tiktok",
    "intro": "<p>Five questions on TikTok's teen settings and Family Pairing.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "single_choice",
            {
                "question": "Can a 14-year-old send direct messages on TikTok?",
                "choices": [
                    {"text": "No, direct messages are off for under-16s", "correct": True},
                    {"text": "Yes, to anyone", "correct": False},
                    {"text": "Yes, but only to adults they follow", "correct": False},
                ],
                "explanation": "TikTok turns off direct messages for users under 16.",
                "topics": ["tiktok", "messages"],
            },
        ),
        (
            "true_false",
            {
                "question": "A TikTok account for a 13-year-old starts out private.",
                "correct_answer": True,
                "feedback_true": "Right.",
                "feedback_false": "In fact it does. Accounts for 13 to 15 start private.",
                "explanation": "Accounts for ages 13 to 15 are private by default.",
                "topics": ["tiktok"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "What can a parent do with Family Pairing? Choose all.",
                "choices": [
                    {"text": "Set a daily screen-time limit", "correct": True},
                    {"text": "Choose who can message an older teen", "correct": True},
                    {"text": "See who the teen follows and who follows them", "correct": True},
                    {
                        "text": "Read the teen's direct messages",
                        "correct": False,
                        "feedback": "Family Pairing does not show messages.",
                    },
                ],
                "explanation": (
                    "Family Pairing controls time, content, messages settings and privacy, and "
                    "shows follow lists. It does not show message content."
                ),
                "topics": ["tiktok", "family pairing"],
                "partial_credit": True,
            },
        ),
        (
            "ordering",
            {
                "question": "Put the steps to set up Family Pairing in order.",
                "steps": [
                    "Make your own TikTok account",
                    "Open Settings and privacy, then Family Pairing",
                    "Choose Parent on your phone and Teen on theirs",
                    "Scan the QR code to link the accounts",
                ],
                "explanation": "Both phones open Family Pairing, pick a role, and scan to link.",
                "topics": ["tiktok", "family pairing"],
            },
        ),
        (
            "message_scenario",
            {
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "Viewer on a LIVE",
                        "text": "sending u gifts!! ur my fav. whats ur snap so we can talk more?",
                    },
                ],
                "question": "Your 17-year-old shows you this comment. What is the warning sign?",
                "choices": [
                    {
                        "text": "Gifts plus a push to move to another app",
                        "correct": True,
                        "feedback": "Yes. Gifts build a sense of owing; the move hides the chat.",
                    },
                    {
                        "text": "Nothing. Fans often send gifts",
                        "correct": False,
                        "feedback": "The request to move apps is the key warning sign.",
                    },
                    {
                        "text": "The emoji use",
                        "correct": False,
                    },
                ],
                "explanation": (
                    "Gifts and flattery, then a request to move to a private app, match the "
                    "grooming pattern."
                ),
                "topics": ["tiktok", "warning signs in messages"],
            },
        ),
    ],
}

MODULE = {
    "title": "TikTok",
    "slug": "tiktok",
    "intro": "<p>Age-based defaults, Family Pairing, and reporting on TikTok.</p>",
    "outcomes": [
        "Know TikTok's defaults for teens under and over 16",
        "Link your account with Family Pairing",
        "Report a video and block an account",
    ],
    "lessons": [LESSON],
    "quiz": QUIZ,
}

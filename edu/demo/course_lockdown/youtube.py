"""Course 2, module: YouTube."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.helpers import menus_change
from edu.demo.refs import PlatformRef

LESSON = {
    "title": "Setting up YouTube safely",
    "slug": "setting-up-youtube",
    "summary": (
        "YouTube offers different options for children and teens. Learn about supervised "
        "accounts, teen supervision in Family Center, and the 2025 age checks."
    ),
    "estimated_minutes": 8,
    "platforms": ["youtube"],
    "last_verified": date(2025, 8, 13),
    "sources": [
        src.YOUTUBE_SUPERVISED_ACCOUNTS,
        src.YOUTUBE_TEEN_SUPERVISION_2024,
        src.YOUTUBE_AGE_ESTIMATION_2025,
    ],
    "body": [
        (
            "paragraph",
            "<p>You must be 13 to have your own YouTube account. Younger children can use "
            "YouTube Kids, or a supervised account that a parent manages through Google's "
            "Family Link.</p>"
            "<p>For parents, the bigger worries are comments, uploads and live streams. These "
            "let strangers reach a child.</p>",
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("youtube"),
                "applies_to": "Children under 13",
                "last_verified": date(2024, 12, 15),
                "intro": "A supervised account is linked to your own Google account.",
                "steps": [
                    {
                        "instruction": "Set up a supervised account through Family Link.",
                        "why_it_matters": "Your child's account is linked to yours.",
                    },
                    {
                        "instruction": "Choose a content setting that fits your child.",
                        "why_it_matters": (
                            "'Explore' is for about 9 and up, 'Explore More' for about 13 and "
                            "up, and 'Most of YouTube' for older children."
                        ),
                    },
                    {
                        "instruction": "Know what is turned off.",
                        "why_it_matters": (
                            "On supervised accounts, commenting, uploading and buying are off."
                        ),
                    },
                ],
            },
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("youtube"),
                "applies_to": "Parents of teens aged 13 to 17",
                "last_verified": date(2024, 12, 15),
                "intro": (
                    "Teen supervision links your account to your teen's in YouTube's Family "
                    "Center. Either of you can start it, and either of you can turn it off."
                ),
                "steps": [
                    {
                        "instruction": "Invite your teen from Family Center.",
                        "menu_path": "You → Settings → Family Center → Invite a teen",
                        "why_it_matters": "Your teen joins by scanning a QR code or using a link.",
                    },
                    {
                        "instruction": "Keep email alerts on for uploads and live streams.",
                        "why_it_matters": (
                            "You find out when your teen posts a video or starts a live stream, "
                            "so you can talk about it."
                        ),
                    },
                    {
                        "instruction": "Look at the counts of uploads, subscriptions and comments.",
                        "why_it_matters": "A sudden jump can be a reason to check in.",
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Age checks from August 2025",
                "body": (
                    "<p>Since August 2025, YouTube in the US estimates if a user is under 18. "
                    "It uses signs like what they watch and how old the account is. If it "
                    "thinks a user is a teen, it turns on teen protections. These include "
                    "break and bedtime reminders, privacy reminders when uploading or "
                    "commenting, and uploads that start private.</p>"
                ),
            },
        ),
        menus_change("YouTube", "Family Center"),
        (
            "paragraph",
            "<p>You can report a video, a comment or a channel from its menu. Teach your teen to "
            "keep uploads private or unlisted, and never to share where they live or go to "
            "school in comments or videos.</p>",
        ),
        (
            "checklist",
            {
                "title": "YouTube check-up",
                "items": [
                    "My child under 13 uses YouTube Kids or a supervised account",
                    "The content setting fits my child's age",
                    "My teen and I linked accounts in Family Center",
                    "Alerts for uploads and live streams are on",
                    "My teen keeps personal details out of videos and comments",
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: YouTube",
    "slug": "quiz-youtube",
    "intro": "<p>Five questions on YouTube for children and teens.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "single_choice",
            {
                "question": "What options does YouTube have for a child under 13?",
                "choices": [
                    {"text": "YouTube Kids, or a supervised account", "correct": True},
                    {"text": "A regular account with a fake birthday", "correct": False},
                    {"text": "None. Under-13s cannot watch YouTube", "correct": False},
                ],
                "explanation": (
                    "Under-13s can use YouTube Kids, or a supervised account that a parent "
                    "manages through Family Link."
                ),
                "topics": ["youtube", "under 13"],
            },
        ),
        (
            "true_false",
            {
                "question": "On a supervised account for a child, commenting is turned off.",
                "correct_answer": True,
                "feedback_true": "Right.",
                "feedback_false": "In fact it is off, along with uploads and purchases.",
                "explanation": ("Supervised accounts turn off commenting, uploading and buying."),
                "topics": ["youtube", "under 13"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "With teen supervision, what does a parent get? Choose all.",
                "choices": [
                    {"text": "Email alerts when the teen uploads a video", "correct": True},
                    {"text": "Email alerts when the teen starts a live stream", "correct": True},
                    {"text": "Counts of uploads, subscriptions and comments", "correct": True},
                    {
                        "text": "A list of every video the teen watched",
                        "correct": False,
                        "feedback": "Teen supervision focuses on what the teen posts.",
                    },
                ],
                "explanation": (
                    "Teen supervision shows activity on your teen's channel and alerts you to "
                    "uploads and live streams."
                ),
                "topics": ["youtube", "supervision"],
                "partial_credit": True,
            },
        ),
        (
            "ordering",
            {
                "question": "Put the steps to invite your teen to supervision in order.",
                "steps": [
                    "Open YouTube and tap You",
                    "Open Settings, then Family Center",
                    "Tap Invite a teen",
                    "Your teen scans the QR code or opens the link",
                ],
                "explanation": "Family Center is in Settings. The teen joins with a code or link.",
                "topics": ["youtube", "supervision"],
            },
        ),
        (
            "true_false",
            {
                "question": (
                    "Since August 2025, YouTube in the US may treat a user as a teen even if "
                    "they entered an adult birthday."
                ),
                "correct_answer": True,
                "feedback_true": "Right. It estimates age from signals like viewing activity.",
                "feedback_false": "In fact it can. It estimates age from activity.",
                "explanation": (
                    "YouTube estimates age from activity and account age, and turns on teen "
                    "protections if it thinks the user is under 18."
                ),
                "topics": ["youtube", "age checks"],
            },
        ),
    ],
}

MODULE = {
    "title": "YouTube",
    "slug": "youtube",
    "intro": "<p>Supervised accounts, teen supervision, and age checks on YouTube.</p>",
    "outcomes": [
        "Choose the right YouTube option for your child's age",
        "Set up teen supervision in Family Center",
        "Know what YouTube's age checks turn on",
    ],
    "lessons": [LESSON],
    "quiz": QUIZ,
}

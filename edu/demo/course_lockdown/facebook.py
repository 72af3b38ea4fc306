"""Course 2, module: Facebook and Messenger (and Messenger Kids for under-13s)."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.helpers import menus_change
from edu.demo.refs import PlatformRef

LESSON = {
    "title": "Setting up Facebook and Messenger safely",
    "slug": "setting-up-facebook-and-messenger",
    "summary": (
        "Teen Accounts now cover Facebook and Messenger too. Learn the default settings, what "
        "supervision shows you, and how Messenger Kids works for younger children."
    ),
    "estimated_minutes": 10,
    "platforms": ["facebook", "messenger"],
    "last_verified": date(2025, 9, 26),
    "sources": [
        src.META_FB_MESSENGER,
        src.CBS_METAPHILE,
        src.META_TEEN_UPDATE_APRIL_2025,
        src.META_TEEN_ACCOUNTS_GLOBAL_2025,
        src.INSTAGRAM_PARENTS,
        src.MESSENGER_KIDS_HELP,
    ],
    "body": [
        (
            "paragraph",
            "<p>You must be 13 to use Facebook or Messenger. In April 2025, Meta brought Teen "
            "Accounts to both apps in the US. Since September 2025 they apply to teens around "
            "the world. For children under 13 there is a separate app, Messenger Kids, that "
            "parents control.</p>"
            "<p>The New Mexico undercover case in 2024 involved adults reaching decoy children "
            "through Messenger. These settings are worth checking.</p>",
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("facebook"),
                "applies_to": "Teen Accounts on Facebook and Messenger (ages 13 to 17)",
                "last_verified": date(2025, 9, 26),
                "intro": "These are on by default. Check them with your teen.",
                "steps": [
                    {
                        "instruction": "Check your teen's birthday is correct.",
                        "why_it_matters": "Teen protections only apply if the app knows their age.",
                    },
                    {
                        "instruction": "Check who can send your teen messages.",
                        "why_it_matters": (
                            "By default, only friends, people they follow, or people they have "
                            "messaged before can reach them."
                        ),
                    },
                    {
                        "instruction": "Keep stories visible to friends only.",
                        "why_it_matters": "Only friends can see and reply to your teen's stories.",
                    },
                    {
                        "instruction": "Keep tags, mentions and comments limited to friends.",
                        "why_it_matters": "Strangers cannot tag or comment on your teen.",
                    },
                    {
                        "instruction": "Talk about the one-hour reminder and overnight Quiet mode.",
                        "why_it_matters": (
                            "Breaks and quiet nights mean fewer chats when no adult is around."
                        ),
                    },
                ],
            },
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("messenger"),
                "applies_to": "Parents of teens aged 13 to 17",
                "last_verified": date(2025, 9, 26),
                "intro": (
                    "Set up supervision through Meta's Family Center. Teens under 16 need your "
                    "permission to loosen their settings."
                ),
                "steps": [
                    {
                        "instruction": "Invite your teen to supervision from Meta's Family Center.",
                        "why_it_matters": "It works across Facebook and Messenger.",
                    },
                    {
                        "instruction": "Review your teen's friends and contacts together.",
                        "why_it_matters": (
                            "You can see who they are connected to, but not what they say."
                        ),
                    },
                    {
                        "instruction": "Check who can message your teen and see their stories.",
                        "why_it_matters": (
                            "Supervision shows these settings, so you can spot changes."
                        ),
                    },
                    {
                        "instruction": (
                            "Look at who your teen has blocked, and any reports they share."
                        ),
                        "why_it_matters": "A block or report can be a chance to talk.",
                    },
                ],
            },
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("messenger"),
                "applies_to": "Messenger Kids (children under 13)",
                "last_verified": date(2025, 9, 26),
                "intro": (
                    "Messenger Kids is a chat app for under-13s. A parent sets it up from their "
                    "own Facebook account and controls it from the Parent Dashboard."
                ),
                "steps": [
                    {
                        "instruction": "Set up Messenger Kids from your own Facebook app.",
                        "menu_path": "Your Facebook app → Parent Dashboard",
                        "why_it_matters": "The child's account is linked to you from the start.",
                    },
                    {
                        "instruction": "Choose 'Only I can choose contacts'.",
                        "why_it_matters": (
                            "You approve every contact. If you let your child choose, you are "
                            "told when they add someone."
                        ),
                    },
                    {
                        "instruction": "Check the dashboard every week or so.",
                        "why_it_matters": (
                            "It shows recent contacts, how often they chat, recent photos and "
                            "videos, and anything blocked or reported."
                        ),
                    },
                ],
            },
        ),
        menus_change("Facebook", "supervision"),
        ("heading", {"text": "Reporting and blocking", "anchor": "reporting-and-blocking"}),
        (
            "paragraph",
            "<p>You can report a profile, a post or a message from its menu, and block the "
            "account. Save screenshots first. Facebook's help centre shows the current steps. "
            "If your child is under 13 and uses Messenger Kids, you are told when they block or "
            "report someone.</p>",
        ),
        (
            "checklist",
            {
                "title": "Facebook and Messenger check-up",
                "items": [
                    "My teen's birthday is correct",
                    "Messages are limited to friends and people they know",
                    "Stories, tags and comments are friends only",
                    "We set up supervision in Family Center",
                    "My younger child uses Messenger Kids, with contacts I approve",
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: Facebook and Messenger",
    "slug": "quiz-facebook-and-messenger",
    "intro": "<p>Five questions on Facebook, Messenger and Messenger Kids.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "true_false",
            {
                "question": (
                    "Teen Accounts now apply on Facebook and Messenger, not just Instagram."
                ),
                "correct_answer": True,
                "feedback_true": "Right.",
                "feedback_false": "In fact they do, since 2025.",
                "explanation": (
                    "Meta brought Teen Accounts to Facebook and Messenger in April 2025 and "
                    "worldwide in September 2025."
                ),
                "topics": ["facebook", "teen accounts"],
            },
        ),
        (
            "single_choice",
            {
                "question": (
                    "In Messenger Kids, which contact setting gives a parent the most control?"
                ),
                "choices": [
                    {"text": "Only I can choose contacts", "correct": True},
                    {"text": "My child can choose contacts", "correct": False},
                    {"text": "Anyone can add my child", "correct": False},
                ],
                "explanation": "With 'Only I can choose contacts', you approve every contact.",
                "topics": ["messenger kids"],
            },
        ),
        (
            "multiple_select",
            {
                "question": (
                    "Which of these are default Teen Account settings on Facebook and Messenger? "
                    "Choose all."
                ),
                "choices": [
                    {"text": "Messages only from friends or people they know", "correct": True},
                    {"text": "Stories visible to friends only", "correct": True},
                    {"text": "A reminder after an hour of use", "correct": True},
                    {
                        "text": "A public profile that anyone can message",
                        "correct": False,
                        "feedback": "Teen Accounts limit who can reach a teen.",
                    },
                ],
                "explanation": (
                    "Teen Accounts limit messages, stories, tags and comments to friends, and "
                    "remind teens to take a break."
                ),
                "topics": ["facebook", "teen accounts"],
                "partial_credit": True,
            },
        ),
        (
            "true_false",
            {
                "question": "Supervision on Messenger lets parents read their teen's messages.",
                "correct_answer": False,
                "feedback_true": "No. You see contacts and settings, not messages.",
                "feedback_false": "Right. You see contacts and settings, not messages.",
                "explanation": (
                    "Supervision shows friends, contacts, settings, blocks and time spent. Message "
                    "content stays private."
                ),
                "topics": ["supervision"],
            },
        ),
        (
            "message_scenario",
            {
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "Unknown adult",
                        "text": (
                            "hey! saw you in a group. can u add me? i want to send you something"
                        ),
                    },
                ],
                "question": (
                    "Your 12-year-old uses Messenger Kids and shows you this. What helps most?"
                ),
                "choices": [
                    {
                        "text": (
                            "Keep contacts set to 'Only I can choose', save the message and "
                            "report it"
                        ),
                        "correct": True,
                        "feedback": "Yes. You stay in control of who can reach your child.",
                    },
                    {
                        "text": "Let your child decide, since they are nearly a teen",
                        "correct": False,
                        "feedback": "An unknown adult asking to be added is a reason to step in.",
                    },
                    {
                        "text": "Reply to the adult and ask who they are",
                        "correct": False,
                        "feedback": "Do not engage. Save, report and block.",
                    },
                ],
                "explanation": (
                    "An unknown adult asking to be added, with a promise of something, is a "
                    "warning sign. Keep approval in your hands and report it."
                ),
                "topics": ["messenger kids", "reporting"],
            },
        ),
    ],
}

MODULE = {
    "title": "Facebook and Messenger",
    "slug": "facebook-and-messenger",
    "intro": "<p>Teen Accounts, supervision, and Messenger Kids for younger children.</p>",
    "outcomes": [
        "Check Teen Account settings on Facebook and Messenger",
        "Know what supervision shows and what it does not",
        "Set up Messenger Kids with contacts you approve",
    ],
    "lessons": [LESSON],
    "quiz": QUIZ,
}

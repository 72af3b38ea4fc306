"""Course 2, module: Instagram."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.helpers import menus_change
from edu.demo.refs import PlatformRef

LESSON = {
    "title": "Setting up Instagram safely",
    "slug": "setting-up-instagram",
    "summary": (
        "Instagram puts teens in Teen Accounts with safer settings. Learn what is on by default, "
        "how to set up supervision, and how to keep your teen's location private."
    ),
    "estimated_minutes": 12,
    "platforms": ["instagram"],
    "last_verified": date(2025, 10, 16),
    "sources": [
        src.META_INSTAGRAM_SAFETY,
        src.INSTAGRAM_SUPERVISION_HELP,
        src.INSTAGRAM_PARENTS,
        src.INSTAGRAM_SAFER_INTERNET_DAY,
        src.META_TEEN_UPDATE_APRIL_2025,
        src.INSTAGRAM_PG13_2025,
        src.NZ_HERALD_INSTAGRAM_MAP_2025,
    ],
    "body": [
        (
            "paragraph",
            "<p>You must be 13 to have an Instagram account. Since September 2024, teens aged "
            "13 to 17 are placed in <b>Teen Accounts</b>. These start with safer settings. "
            "Teens under 16 need a parent's permission to loosen them.</p>"
            "<p>Meta says adults cannot start private chats with teens they are not connected "
            "to. It also keeps adults who act in a suspicious way out of teens' suggestions.</p>",
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("instagram"),
                "applies_to": "Teen Accounts (ages 13 to 17)",
                "last_verified": date(2025, 10, 16),
                "intro": (
                    "Sit down with your teen and check these together. Most should already be "
                    "set, but it is worth a look."
                ),
                "steps": [
                    {
                        "instruction": "Make sure your teen's account has their real birthday.",
                        "why_it_matters": (
                            "Teen protections depend on age. Meta also uses age checks to find "
                            "teens who said they were older."
                        ),
                    },
                    {
                        "instruction": "Check that the account is private.",
                        "why_it_matters": (
                            "Teen Accounts start private. Only followers your teen approves can "
                            "see their posts."
                        ),
                    },
                    {
                        "instruction": "Check who can send your teen messages.",
                        "why_it_matters": (
                            "By default, teens only get messages from people they follow or are "
                            "already connected to."
                        ),
                    },
                    {
                        "instruction": "Leave Hidden Words and tag limits at their strictest.",
                        "why_it_matters": (
                            "Hidden Words filters rude comments and message requests. Only "
                            "people your teen follows can tag or mention them."
                        ),
                    },
                    {
                        "instruction": "Keep nudity protection on in messages.",
                        "why_it_matters": (
                            "It blurs images that may show nudity and warns about sending them. "
                            "Under-16s need a parent's OK to turn it off."
                        ),
                    },
                    {
                        "instruction": "Check the content setting.",
                        "why_it_matters": (
                            "Since October 2025, teens get a '13+' setting based on PG-13 films. "
                            "Parents can pick the stricter 'Limited Content' setting."
                        ),
                    },
                ],
            },
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("instagram"),
                "applies_to": "Parents of teens aged 13 to 17",
                "last_verified": date(2025, 10, 16),
                "intro": (
                    "Supervision links your account to your teen's through Meta's Family Center. "
                    "You both need an Instagram account, though a parent can also use a web "
                    "browser. Only one parent can supervise a teen."
                ),
                "steps": [
                    {
                        "instruction": (
                            "Send your teen a supervision invite, or ask them to send one."
                        ),
                        "menu_path": "Profile → Settings → Supervision → Create invite",
                        "why_it_matters": "The invite expires after 48 hours.",
                    },
                    {
                        "instruction": "Agree on daily time limits and sleep hours together.",
                        "why_it_matters": (
                            "Teen Accounts remind teens after 60 minutes a day. Sleep mode mutes "
                            "alerts from 10pm to 7am. Supervision lets you set your own limits."
                        ),
                    },
                    {
                        "instruction": (
                            "Look at who your teen follows, who follows them, and who they block."
                        ),
                        "why_it_matters": (
                            "You see names, not messages. A new adult follower is worth a calm "
                            "question."
                        ),
                    },
                    {
                        "instruction": (
                            "Expect requests to change settings, and talk before you approve."
                        ),
                        "why_it_matters": (
                            "Under-16s need your OK to loosen default settings, to go Live, or "
                            "to turn off nudity blur."
                        ),
                    },
                ],
            },
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("instagram"),
                "applies_to": "All ages",
                "last_verified": date(2025, 8, 7),
                "intro": (
                    "In August 2025 Instagram added a Map in the US. It can share where your "
                    "teen last opened the app. It is off unless someone turns it on."
                ),
                "steps": [
                    {
                        "instruction": (
                            "Open the Map with your teen and check no one can see their location."
                        ),
                        "why_it_matters": (
                            "If it is on, friends or chosen people can see where your teen is."
                        ),
                    },
                    {
                        "instruction": "Avoid tagging places in posts and stories.",
                        "why_it_matters": "Tagged places can also show up on the Map for a day.",
                    },
                    {
                        "instruction": (
                            "In your phone's settings, set Instagram's location access to Never."
                        ),
                        "why_it_matters": "Then the app cannot use your teen's location at all.",
                    },
                ],
            },
        ),
        menus_change("Instagram", "supervision"),
        ("heading", {"text": "Reporting and blocking", "anchor": "reporting-and-blocking"}),
        (
            "paragraph",
            "<p>To report a post or a profile, tap the three dots (…) at the top of it and choose "
            "Report. To report a message, press and hold it, then tap Report. The person you "
            "report is not told who reported them. Save screenshots before you block.</p>",
        ),
        (
            "checklist",
            {
                "title": "Instagram check-up",
                "items": [
                    "My teen's account has their real birthday",
                    "The account is private",
                    "Messages are limited to people my teen follows",
                    "Nudity protection is on",
                    "We set up supervision together",
                    "Location sharing on the Map is off",
                    "My teen knows how to report and block",
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: Instagram",
    "slug": "quiz-instagram",
    "intro": "<p>Five questions on Instagram's teen settings.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "single_choice",
            {
                "question": "By default, who can send messages to a teen on Instagram?",
                "choices": [
                    {
                        "text": "People the teen follows or is already connected to",
                        "correct": True,
                    },
                    {"text": "Anyone with an Instagram account", "correct": False},
                    {"text": "Only other teens", "correct": False},
                ],
                "explanation": (
                    "Teen Accounts limit messages to people the teen follows or is already "
                    "connected to."
                ),
                "topics": ["instagram", "messages"],
            },
        ),
        (
            "true_false",
            {
                "question": (
                    "A 14-year-old can turn off nudity protection in messages on their own."
                ),
                "correct_answer": False,
                "feedback_true": "No. Under-16s need a parent's OK.",
                "feedback_false": "Right. Under-16s need a parent's OK.",
                "explanation": (
                    "Since April 2025, teens under 16 need a parent's permission to turn off "
                    "nudity blur or to go Live."
                ),
                "topics": ["instagram", "supervision"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "What can a parent see with Instagram supervision? Choose all.",
                "choices": [
                    {"text": "Who the teen follows and who follows them", "correct": True},
                    {"text": "Accounts the teen has blocked", "correct": True},
                    {"text": "Time spent, and time limits", "correct": True},
                    {
                        "text": "The text of the teen's private messages",
                        "correct": False,
                        "feedback": "Supervision never shows message content.",
                    },
                ],
                "explanation": (
                    "Supervision shows contacts, follows, blocks and time. It does not show "
                    "what is in messages."
                ),
                "topics": ["instagram", "supervision"],
                "partial_credit": True,
            },
        ),
        (
            "ordering",
            {
                "question": "Put the steps to report a worrying message in order.",
                "steps": [
                    "Take screenshots of the chat and the profile",
                    "Press and hold the message",
                    "Tap Report and follow the steps",
                    "Block the account",
                ],
                "explanation": (
                    "Save evidence first. Then report from the message, and block the account."
                ),
                "topics": ["instagram", "reporting"],
            },
        ),
        (
            "true_false",
            {
                "question": "The person your teen reports on Instagram is told who reported them.",
                "correct_answer": False,
                "feedback_true": "No. Reports are anonymous.",
                "feedback_false": "Right. Reports are anonymous.",
                "explanation": (
                    "Instagram does not tell the reported account who made the report, except for "
                    "copyright claims."
                ),
                "topics": ["instagram", "reporting"],
            },
        ),
    ],
}

MODULE = {
    "title": "Instagram",
    "slug": "instagram",
    "intro": "<p>Teen Accounts, supervision, the Map, and how to report on Instagram.</p>",
    "outcomes": [
        "Check the key Teen Account settings with your teen",
        "Set up supervision",
        "Keep your teen's location private",
    ],
    "lessons": [LESSON],
    "quiz": QUIZ,
}

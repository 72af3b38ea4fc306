"""Course 2, module: Snapchat."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.helpers import menus_change
from edu.demo.refs import PlatformRef

LESSON = {
    "title": "Setting up Snapchat safely",
    "slug": "setting-up-snapchat",
    "summary": (
        "Snapchat is built around private chats with friends. Learn its built-in protections, "
        "how Family Center works, and the settings to check with your teen."
    ),
    "estimated_minutes": 10,
    "platforms": ["snapchat"],
    "last_verified": date(2025, 1, 1),
    "sources": [src.SNAPCHAT_FIND_FRIENDS, src.SNAPCHAT_FAMILY_CENTER],
    "body": [
        (
            "paragraph",
            "<p>You must be 13 to use Snapchat. Photos and videos ('Snaps') seem to disappear "
            "after they are viewed. But anyone can take a screenshot, or film the screen with "
            "another phone. Make sure your teen knows this.</p>",
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("snapchat"),
                "applies_to": "All accounts",
                "last_verified": date(2025, 1, 1),
                "intro": "Snapchat says these protections are built in. Check them with your teen.",
                "steps": [
                    {
                        "instruction": "Check that the account is private.",
                        "why_it_matters": "All accounts start private.",
                    },
                    {
                        "instruction": "Make sure your teen only chats with friends they accepted.",
                        "why_it_matters": (
                            "Users can only message people who accepted them back, or people "
                            "already saved in their phone contacts."
                        ),
                    },
                    {
                        "instruction": "Turn off showing up in Find Friends.",
                        "why_it_matters": (
                            "Find Friends (once called Quick Add) suggests people to add. Teens "
                            "only show up in limited cases, but anyone can turn it off."
                        ),
                    },
                    {
                        "instruction": "Know that Public Profiles are only for ages 16 and up.",
                        "why_it_matters": "Teens under 16 cannot make a public profile.",
                    },
                    {
                        "instruction": (
                            "Decide together who, if anyone, can see your teen's location."
                        ),
                        "why_it_matters": (
                            "Snap Map can show where your teen is. Sharing with no one, or only "
                            "with family, is safest."
                        ),
                    },
                ],
            },
        ),
        (
            "privacy_guide",
            {
                "platform": PlatformRef("snapchat"),
                "applies_to": "Parents of teens aged 13 to 17",
                "last_verified": date(2025, 1, 1),
                "intro": (
                    "Family Center lets you see who your teen is talking to, but not what they "
                    "say. You need your own Snapchat account, and you must be friends with your "
                    "teen on Snapchat. Your teen has to accept your invite."
                ),
                "steps": [
                    {
                        "instruction": "Open Family Center and invite your teen.",
                        "menu_path": "Profile → Settings → Family Center",
                        "why_it_matters": "You can also search for 'Family Center' in the app.",
                    },
                    {
                        "instruction": (
                            "Look at your teen's friends, and any new friends, together."
                        ),
                        "why_it_matters": "A new friend you do not know is worth a calm question.",
                    },
                    {
                        "instruction": "Check who your teen has chatted with in the last 7 days.",
                        "why_it_matters": "You see names and group members, not messages.",
                    },
                    {
                        "instruction": "Turn on the sensitive content limit.",
                        "why_it_matters": ("It limits the sensitive content your teen sees."),
                    },
                    {
                        "instruction": "Look at your teen's key privacy settings in Family Center.",
                        "why_it_matters": (
                            "You can see their birthday, location sharing, contact and story "
                            "settings."
                        ),
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "More in Family Center",
                "body": (
                    "<p>You can also stop Snapchat's My AI chatbot from replying to your teen, "
                    "ask to see your teen's location, and get alerts when they arrive at or "
                    "leave places like home or school.</p>"
                ),
            },
        ),
        menus_change("Snapchat", "Family Center"),
        ("heading", {"text": "Reporting and blocking", "anchor": "reporting-and-blocking"}),
        (
            "paragraph",
            "<p>Your teen can report an account from its profile or from the chat, and block it. "
            "You can also report an account to Snapchat from Family Center. Save screenshots "
            "first.</p>",
        ),
        (
            "checklist",
            {
                "title": "Snapchat check-up",
                "items": [
                    "My teen only chats with friends they know in real life",
                    "'Show me in Find Friends' is off",
                    "Location is shared with no one, or only with family",
                    "We set up Family Center together",
                    "My teen knows Snaps can be saved by screenshot",
                    "My teen knows how to report and block",
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: Snapchat",
    "slug": "quiz-snapchat",
    "intro": "<p>Five questions on Snapchat's settings and Family Center.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "true_false",
            {
                "question": "Snaps that disappear cannot be saved by the person who gets them.",
                "correct_answer": False,
                "feedback_true": "No. A screenshot or another phone can save them.",
                "feedback_false": "Right. A screenshot or another phone can save them.",
                "explanation": (
                    "'Disappearing' does not mean safe. Anyone can take a screenshot or film the "
                    "screen."
                ),
                "topics": ["snapchat"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "What can a parent see in Snapchat's Family Center? Choose all.",
                "choices": [
                    {"text": "Your teen's friends and new friends", "correct": True},
                    {"text": "Who your teen chatted with in the last 7 days", "correct": True},
                    {"text": "Some of your teen's privacy settings", "correct": True},
                    {
                        "text": "The messages and Snaps your teen sends",
                        "correct": False,
                        "feedback": "Family Center never shows content.",
                    },
                ],
                "explanation": (
                    "Family Center shows who, not what: friends, recent chats and settings, but "
                    "never the content."
                ),
                "topics": ["snapchat", "family center"],
                "partial_credit": True,
            },
        ),
        (
            "single_choice",
            {
                "question": "At what age can a Snapchat user have a Public Profile?",
                "choices": [
                    {"text": "16 and over", "correct": True},
                    {"text": "13 and over", "correct": False},
                    {"text": "Any age", "correct": False},
                ],
                "explanation": "Public Profiles are only for users aged 16 and up.",
                "topics": ["snapchat"],
            },
        ),
        (
            "ordering",
            {
                "question": "Put the steps to start Family Center in order.",
                "steps": [
                    "Make your own Snapchat account",
                    "Become Snapchat friends with your teen",
                    "Open Family Center and send an invite",
                    "Your teen accepts the invite",
                ],
                "explanation": (
                    "You need your own account and must be friends with your teen. Then you "
                    "invite them, and they accept."
                ),
                "topics": ["snapchat", "family center"],
            },
        ),
        (
            "message_scenario",
            {
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "New friend request",
                        "text": (
                            "hey, found u on find friends. we have 1 friend in common. add me back?"
                        ),
                    },
                ],
                "question": "What is the safest thing for your teen to do?",
                "choices": [
                    {
                        "text": "Ignore it unless they know the person in real life",
                        "correct": True,
                        "feedback": "Yes. Only add people you know offline.",
                    },
                    {
                        "text": "Add them, since they have a friend in common",
                        "correct": False,
                        "feedback": "One shared friend does not mean you know them.",
                    },
                    {
                        "text": "Add them and share location so they can meet up",
                        "correct": False,
                        "feedback": "Never share location with someone you have not met.",
                    },
                ],
                "explanation": (
                    "A shared friend is not proof. Teach your teen to only add people they know "
                    "in real life, and to turn off showing up in Find Friends."
                ),
                "topics": ["snapchat", "friend requests"],
            },
        ),
    ],
}

MODULE = {
    "title": "Snapchat",
    "slug": "snapchat",
    "intro": "<p>Built-in protections, Family Center, location, and reporting on Snapchat.</p>",
    "outcomes": [
        "Check Snapchat's privacy and location settings with your teen",
        "Set up Family Center",
        "Explain why disappearing messages are not private",
    ],
    "lessons": [LESSON],
    "quiz": QUIZ,
}

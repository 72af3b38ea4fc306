"""Course 1, module 1: how people who target children find them through everyday app features."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src

LESSON_FIRST_CONTACT = {
    "title": "Where first contact happens",
    "slug": "where-first-contact-happens",
    "summary": (
        "People who want to harm children use the same app features your child uses every day. "
        "Learn the four ways in, and a New Mexico case that began with parents who noticed."
    ),
    "estimated_minutes": 8,
    "platforms": ["instagram", "facebook", "messenger"],
    "last_verified": date(2025, 7, 1),
    "sources": [
        src.SFR_METAPHILE,
        src.CBS_METAPHILE,
        src.ABQJ_METAPHILE,
        src.THORN_GROOMING_2022,
        src.THORN_GROOMING_REPORT_2022,
        src.NSPCC_GROOMING,
        src.NCMEC_SPIKE_2025,
    ],
    "body": [
        (
            "paragraph",
            "<p>People who want to harm children go where children are. They do not need "
            "special skills or tools. They use the same apps and games your child uses, and the "
            "same features.</p>"
            "<p>The person may be a stranger. It may also be someone your family knows. They can "
            "be any age and any gender.</p>",
        ),
        ("heading", {"text": "Four ways in", "anchor": "four-ways-in"}),
        (
            "accordion",
            {
                "title": "The features people misuse to reach children",
                "items": [
                    {
                        "question": "Public profiles",
                        "answer": (
                            "<p>A public profile lets anyone see your child's photos and posts. "
                            "It may also show their name, age, school, town or friends. That is "
                            "enough to start a chat that feels friendly and personal.</p>"
                        ),
                    },
                    {
                        "question": "Suggested friends and recommendations",
                        "answer": (
                            "<p>Apps suggest people to follow and add. The same tools that help "
                            "children find friends can put a child in front of an adult with bad "
                            "plans. In 2024, New Mexico's Attorney General said adults found "
                            "fake child accounts set up by his agents easily, through the apps' "
                            "own design and suggestions.</p>"
                        ),
                    },
                    {
                        "question": "Games with chat",
                        "answer": (
                            "<p>Many games let players chat while they play. A stranger can join "
                            "the same game, be helpful, and offer game money or items as "
                            "gifts.</p>"
                        ),
                    },
                    {
                        "question": "Direct messages",
                        "answer": (
                            "<p>No one else can see private messages. That is why people who "
                            "target children want them. Contact often starts in a public place, "
                            "like a comment or a game. Then the person asks to move to private "
                            "messages or to another app.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "important",
                "title": "Moving to a private app is a common step",
                "body": (
                    "<p>Research by Thorn, a child safety group, found this happens a lot. About "
                    "two in three young people said someone they knew only online had asked them "
                    "to move to a private chat on another app.</p>"
                ),
            },
        ),
        ("heading", {"text": "A case from New Mexico", "anchor": "new-mexico-case"}),
        (
            "paragraph",
            "<p>In 2024, New Mexico's Department of Justice ran an undercover operation called "
            "Operation MetaPhile. Agents set up fake accounts that looked like children under 13 "
            "on Meta's apps. Adults found these accounts quickly. Three men were arrested. "
            "Police said the men sent sexual images, and two of them came to a motel to meet a "
            "girl they believed was 12.</p>"
            "<p>One of the cases did not start with the agents. It started with a family. The "
            "parents of an 11-year-old girl in Chaves County saw worrying chats on Messenger. They "
            "went to the sheriff. An agent then took over the chat, and the man was "
            "arrested.</p>"
            "<p>That is the point of this course. Parents who know what to look for, and where to "
            "report, can stop harm early.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Why this matters now",
                "body": (
                    "<p>Reports of adults trying to lure children online are rising fast. In the "
                    "first half of 2025, the National Center for Missing &amp; Exploited Children "
                    "(NCMEC) got about 519,000 such reports. In the same months of 2024 it got "
                    "about 293,000.</p>"
                ),
            },
        ),
        (
            "checklist",
            {
                "title": "A quick look at your child's apps",
                "items": [
                    "I know which apps and games my child uses",
                    "I know if each profile is public or private",
                    "I know who can send my child private messages",
                    "I know which games let strangers chat with my child",
                    "My child's profiles do not show their school, town or age",
                ],
            },
        ),
        (
            "paragraph",
            "<p>You do not need to fix all of this today. The course on locking down apps walks "
            "you through each app, one at a time.</p>",
        ),
    ],
}

QUIZ = {
    "title": "Quiz: how offenders find children",
    "slug": "quiz-how-offenders-find-children",
    "intro": "<p>Five questions to check what you learned. You need 80% to pass.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "single_choice",
            {
                "question": (
                    "In New Mexico's 2024 undercover operation, how did adults find the fake "
                    "child accounts?"
                ),
                "choices": [
                    {
                        "text": "Through the apps' own features and friend suggestions",
                        "correct": True,
                        "feedback": "Right. They used the apps as they were designed.",
                    },
                    {
                        "text": "By breaking into the accounts",
                        "correct": False,
                        "feedback": "No hacking was needed. The apps' normal features were enough.",
                    },
                    {
                        "text": "Through lists of children from schools",
                        "correct": False,
                        "feedback": "The accounts were found inside the apps themselves.",
                    },
                ],
                "explanation": (
                    "New Mexico's Attorney General said adults found the fake accounts easily, "
                    "through the apps' design and suggestions. Everyday features can open a door."
                ),
                "topics": ["how contact starts"],
            },
        ),
        (
            "true_false",
            {
                "question": "A person who grooms a child online is always a stranger.",
                "correct_answer": False,
                "feedback_true": "Not quite. It can be someone the family knows.",
                "feedback_false": "Right. It can be a stranger or someone the family knows.",
                "explanation": (
                    "Groomers can be strangers or people a child already knows. They can be any "
                    "age or gender. Watch the behaviour, not just who the person is."
                ),
                "topics": ["grooming basics"],
            },
        ),
        (
            "multiple_select",
            {
                "question": (
                    "Which app features can give a stranger a way to reach your child? Choose all "
                    "that apply."
                ),
                "choices": [
                    {"text": "A public profile", "correct": True},
                    {"text": "Suggested friends lists", "correct": True},
                    {"text": "Open chat in online games", "correct": True},
                    {"text": "Private messages from anyone", "correct": True},
                    {
                        "text": "A reminder to take a break",
                        "correct": False,
                        "feedback": (
                            "A break reminder is a safety feature. It does not let anyone in."
                        ),
                    },
                ],
                "explanation": (
                    "Public profiles, suggestions, game chat and open private messages are the "
                    "four main ways in. A break reminder only limits time."
                ),
                "topics": ["how contact starts"],
                "partial_credit": True,
            },
        ),
        (
            "message_scenario",
            {
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "SkyRunner (met in a game)",
                        "text": "ur really good at this game!! how old r u?",
                    },
                    {"sender": "child", "sender_label": "Your child", "text": "12"},
                    {
                        "sender": "contact",
                        "sender_label": "SkyRunner (met in a game)",
                        "text": (
                            "cool me too. I can give you some free items. lets talk on another "
                            "app tho, its easier there"
                        ),
                    },
                ],
                "question": "What is this person mainly trying to do?",
                "choices": [
                    {
                        "text": "Move the chat somewhere private, using gifts as bait",
                        "correct": True,
                        "feedback": "Yes. Gifts plus a move to another app is a common pattern.",
                    },
                    {
                        "text": "Help your child get better at the game",
                        "correct": False,
                        "feedback": "The praise is friendly, but look at what they ask for next.",
                    },
                    {
                        "text": "Nothing worrying. Children chat like this all the time",
                        "correct": False,
                        "feedback": (
                            "The age question, gifts and app switch together are a warning."
                        ),
                    },
                ],
                "explanation": (
                    "Praise, a question about age, a gift and a request to move to another app "
                    "are all early warning signs. Moving to a private app means no one else can "
                    "see the chat."
                ),
                "topics": ["how contact starts", "warning signs in messages"],
            },
        ),
        (
            "ordering",
            {
                "question": "Put the steps of the Chaves County case in the order they happened.",
                "steps": [
                    "Parents noticed worrying chats on their daughter's account",
                    "The parents went to the sheriff",
                    "An agent took over the chat",
                    "The man was arrested",
                ],
                "explanation": (
                    "The case began because parents noticed and reported. Police then took it "
                    "from there. Parents did not have to investigate on their own."
                ),
                "topics": ["reporting"],
            },
        ),
    ],
}

MODULE = {
    "title": "How offenders find children",
    "slug": "how-offenders-find-children",
    "intro": (
        "<p>Most contact starts inside the apps and games children already use. This module "
        "shows the features people misuse to find children, and a real case from New Mexico.</p>"
    ),
    "outcomes": [
        "Name four app features people misuse to reach children",
        "Explain why moving a chat to a private app is a warning sign",
        "Describe how one New Mexico family's report led to an arrest",
    ],
    "lessons": [LESSON_FIRST_CONTACT],
    "quiz": QUIZ,
}

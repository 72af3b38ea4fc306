"""Course 3, module 1: talking with your child, by age."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src

LESSON_STARTING = {
    "title": "Starting the conversation",
    "slug": "starting-the-conversation",
    "summary": (
        "Short, calm, regular talks protect children better than one big warning. Here are "
        "good moments to start, and things to say at every age."
    ),
    "estimated_minutes": 10,
    "platforms": [],
    "last_verified": date(2024, 4, 15),
    "sources": [
        src.THORN_PARENTS_GROOMING,
        src.THORN_PARENTS_RISKY_ENCOUNTERS,
        src.THORN_EMPOWERS_PARENTS_2024,
        src.THORN_FOR_PARENTS_LAUNCH,
        src.NCMEC_KENNEDY_SEXTORTION,
        src.NETSMARTZ_PROTECTING_KIDS,
    ],
    "body": [
        (
            "paragraph",
            "<p>Children who know the warning signs, and know they can come to you, are much "
            "safer. The goal is not one big talk. It is many small ones, so that talking about "
            "life online feels normal in your home.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Start earlier than you think",
                "body": (
                    "<p>Thorn, a child safety group, suggests starting these talks between ages "
                    "7 and 9. An NCMEC expert has said she has seen sextortion victims as young "
                    "as 8, and urges parents to start in elementary school.</p>"
                ),
            },
        ),
        ("heading", {"text": "Good moments to start", "anchor": "good-moments"}),
        (
            "paragraph",
            "<p>You do not need to plan a big sit-down. Use everyday moments:</p>"
            "<ul>"
            "<li>after a video call with a friend or relative</li>"
            "<li>when your child asks for a new game or app that has chat</li>"
            "<li>when they mention playing online with friends</li>"
            "<li>when they watch videos that have comments</li>"
            "<li>when they tell you about something that happened to someone they know</li>"
            "</ul>",
        ),
        ("heading", {"text": "Three promises to make", "anchor": "three-promises"}),
        (
            "checklist",
            {
                "title": "Say these often, and mean them",
                "items": [
                    "You will not be in trouble for telling me",
                    "I will not take your phone away because you told me",
                    "Whatever happened, we will sort it out together",
                ],
            },
        ),
        (
            "paragraph",
            "<p>Children often keep bad experiences online to themselves. They feel embarrassed, "
            "or they fear losing their phone. These promises take away the biggest reasons to "
            "stay quiet.</p>",
        ),
        (
            "conversation_starters",
            {
                "age_band": "under-8",
                "intro": "Keep it simple and about feelings. Use the idea of a 'tricky' person.",
                "prompts": [
                    "Who do you talk to when you play games on the tablet?",
                    "If someone online asks you to keep a secret from me, what should you do?",
                    "What would you do if something on the screen made you feel funny or scared?",
                    "Who are the grown-ups you can always tell if something feels wrong?",
                ],
            },
        ),
        (
            "conversation_starters",
            {
                "age_band": "8-10",
                "intro": "Talk about trust, and how people online may not be who they say.",
                "prompts": [
                    "How can you tell if someone online is really a kid?",
                    "What would you do if someone in a game offered you free stuff?",
                    "Has anyone online ever asked you for a photo, or where you live?",
                    "Let's play it out: someone says 'don't tell your parents'. What do you say?",
                ],
            },
        ),
        (
            "conversation_starters",
            {
                "age_band": "11-13",
                "intro": "Talk about pressure, secrets, and what a real friend would not ask.",
                "prompts": [
                    "Do you know anyone who met a friend online? How did it go?",
                    "What would make you stop trusting someone you only know online?",
                    "If someone asked you to move to a different app, why might they want that?",
                    "If a photo of you got shared, would you feel OK telling me? Why or why not?",
                ],
            },
        ),
        (
            "conversation_starters",
            {
                "age_band": "14-17",
                "intro": (
                    "Be direct and respectful. Talk about sextortion by name, and make sure they "
                    "know help exists."
                ),
                "prompts": [
                    "Have you heard of sextortion? What do people at school say about it?",
                    "If someone threatened to share a photo of you, what would you want to do?",
                    "Did you know paying almost never makes those threats stop?",
                    "Did you know there is a free tool that helps get images taken down?",
                    "Who would you go to if you could not come to me?",
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "important",
                "title": "If your child tells you something",
                "body": (
                    "<p>Stay calm, thank them for telling you, and listen. Do not blame them. "
                    "The course on recognising grooming covers what to do next.</p>"
                ),
            },
        ),
    ],
}

LESSON_FAMILY_PLAN = {
    "title": "Making a family safety plan",
    "slug": "making-a-family-safety-plan",
    "summary": (
        "Agree a few simple rules together, so everyone knows what to do if something goes "
        "wrong online."
    ),
    "estimated_minutes": 6,
    "platforms": [],
    "last_verified": date(2024, 4, 15),
    "sources": [
        src.THORN_PARENTS_RISKY_ENCOUNTERS,
        src.THORN_EMPOWERS_PARENTS_2024,
        src.NETSMARTZ_PROTECTING_KIDS,
    ],
    "body": [
        (
            "paragraph",
            "<p>A family plan works best when your child helps make it. Rules they agreed to are "
            "easier to keep. Review it every year, or when your child gets a new app or "
            "phone.</p>",
        ),
        (
            "checklist",
            {
                "title": "Our family safety plan",
                "items": [
                    "We set up each new app together, with the privacy settings on",
                    "We only accept friend requests from people we know in real life",
                    "We never share our address, school or location with online friends",
                    "We never send photos to people we only know online",
                    "If a chat feels wrong, we stop replying and save it",
                    "If anyone asks for secrets or photos, we tell a trusted adult",
                    "If someone threatens us, we do not pay, and we tell an adult at once",
                    "Phones charge outside bedrooms at night",
                ],
            },
        ),
        (
            "paragraph",
            "<p>Make a list with your child of three adults they trust, in case they do not "
            "want to come to you. That could be a relative, a coach, a teacher or a school "
            "counselor. It is fine if it is not you. What matters is that they tell "
            "someone.</p>",
        ),
        (
            "knowledge_check",
            {
                "question": (
                    "Your child breaks the family plan and then tells you about a scary chat. "
                    "What first?"
                ),
                "choices": [
                    {
                        "text": "Thank them for telling you and help with the chat",
                        "correct": True,
                        "feedback": "Yes. Deal with the danger first. Rules can wait.",
                    },
                    {
                        "text": "Take away their phone for breaking the plan",
                        "correct": False,
                        "feedback": "This teaches children not to tell you next time.",
                    },
                ],
                "explanation": (
                    "Safety comes first. If telling you leads to punishment, your child may not "
                    "tell you next time."
                ),
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: talking with your child",
    "slug": "quiz-talking-with-your-child",
    "intro": "<p>Five questions on talking with children about life online.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "single_choice",
            {
                "question": "At what age does Thorn suggest starting talks about online safety?",
                "choices": [
                    {"text": "Between 7 and 9", "correct": True},
                    {"text": "At 13, when they get social media", "correct": False},
                    {"text": "At 16", "correct": False},
                ],
                "explanation": (
                    "Thorn suggests starting between 7 and 9. Children meet these risks younger "
                    "than many parents think."
                ),
                "topics": ["talking with your child"],
            },
        ),
        (
            "true_false",
            {
                "question": "One big, serious talk about online safety is enough.",
                "correct_answer": False,
                "feedback_true": "Not quite. Many small talks work better.",
                "feedback_false": "Right. Many small talks work better.",
                "explanation": (
                    "Short, regular talks make it normal to discuss life online, so your child "
                    "is more likely to come to you."
                ),
                "topics": ["talking with your child"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "Which are good moments to start a talk? Choose all.",
                "choices": [
                    {"text": "When your child asks for a new game with chat", "correct": True},
                    {"text": "After a video call with a relative", "correct": True},
                    {"text": "When they mention playing online with friends", "correct": True},
                    {
                        "text": "Only after something bad has happened",
                        "correct": False,
                        "feedback": "Talking early helps prevent harm.",
                    },
                ],
                "explanation": "Everyday moments make these talks easy and natural.",
                "topics": ["talking with your child"],
                "partial_credit": True,
            },
        ),
        (
            "message_scenario",
            {
                "messages": [
                    {
                        "sender": "child",
                        "sender_label": "Your 13-year-old, to you",
                        "text": "if something bad happened online would u take my phone?",
                    },
                ],
                "question": "What is the most helpful reply?",
                "choices": [
                    {
                        "text": (
                            "\"No. You won't be in trouble for telling me. We'd sort it out "
                            'together."'
                        ),
                        "correct": True,
                        "feedback": "Yes. This keeps the door open.",
                    },
                    {
                        "text": '"Depends what you did."',
                        "correct": False,
                        "feedback": "This may make your child keep it to themselves.",
                    },
                    {
                        "text": '"Why, what did you do?"',
                        "correct": False,
                        "feedback": "It sounds like an accusation. Reassure first.",
                    },
                ],
                "explanation": (
                    "Children often stay quiet because they fear losing their phone. A clear "
                    "promise makes it safe to tell you."
                ),
                "topics": ["talking with your child"],
            },
        ),
        (
            "true_false",
            {
                "question": "It is fine if your child's trusted adult is someone other than you.",
                "correct_answer": True,
                "feedback_true": "Right. What matters is that they tell someone.",
                "feedback_false": "In fact it is fine. What matters is that they tell someone.",
                "explanation": (
                    "Help your child name a few trusted adults. A relative, coach or school "
                    "counselor can help too."
                ),
                "topics": ["family plan"],
            },
        ),
    ],
}

MODULE = {
    "title": "Talking with your child",
    "slug": "talking-with-your-child",
    "intro": (
        "<p>What to say, and when, at every age, and how to make a family plan together.</p>"
    ),
    "outcomes": [
        "Start short, calm talks about life online at any age",
        "Make promises that keep your child talking to you",
        "Agree a family safety plan",
    ],
    "lessons": [LESSON_STARTING, LESSON_FAMILY_PLAN],
    "quiz": QUIZ,
}

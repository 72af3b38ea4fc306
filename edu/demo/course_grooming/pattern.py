"""Course 1, module 2: the grooming pattern, and the warning signs in messages and behaviour."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.course_grooming.behaviour import LESSON_SIGNS_IN_BEHAVIOUR

LESSON_WHAT_GROOMING_LOOKS_LIKE = {
    "title": "What grooming looks like",
    "slug": "what-grooming-looks-like",
    "summary": (
        "Grooming is how someone builds a child's trust so they can abuse or exploit them. Learn "
        "the parts of the pattern, and why they do not always come in order."
    ),
    "estimated_minutes": 10,
    "platforms": [],
    "last_verified": date(2022, 6, 6),
    "sources": [
        src.NSPCC_GROOMING,
        src.INTERNET_MATTERS_GROOMING,
        src.THORN_GROOMING_2022,
        src.THORN_PARENTS_GROOMING,
        src.AITKEN_GROOMING_THEMES_2017,
    ],
    "body": [
        (
            "paragraph",
            "<p>Grooming is when someone builds trust and a close bond with a child so they can "
            "sexually abuse or exploit them. Sometimes they win over the family too. It can happen "
            "online, in person, or both. It can take days, or it can take years.</p>"
            "<p>Children often do not see it as abuse. They may think they have found a real "
            "friend, or a boyfriend or girlfriend who understands them.</p>",
        ),
        (
            "callout",
            {
                "kind": "important",
                "title": "It is common",
                "body": (
                    "<p>In a 2022 survey by Thorn, 4 in 10 children aged 9 to 17 said someone "
                    "online had tried to befriend and manipulate them. About 1 in 3 said one of "
                    "their closest friends was someone they knew only online. And 1 in 4 children "
                    "aged 9 to 12 thought it was normal for kids their age to date adults aged 18 "
                    "to 20.</p>"
                ),
            },
        ),
        ("heading", {"text": "A pattern, not a script", "anchor": "a-pattern-not-a-script"}),
        (
            "paragraph",
            "<p>Experts describe grooming in parts. But studies of real chats show the parts do "
            "not always come in order, and some are skipped. So look for the parts, in any "
            "order. One part on its own may mean nothing. Several together should worry "
            "you.</p>",
        ),
        (
            "accordion",
            {
                "title": "The parts of the pattern",
                "items": [
                    {
                        "question": "Choosing a child",
                        "answer": (
                            "<p>They look for a child who seems lonely, sad, left out or less "
                            "watched. Posts about a bad day or a fight at home can draw them "
                            "in.</p>"
                        ),
                    },
                    {
                        "question": "Building trust",
                        "answer": (
                            "<p>They give lots of praise. They share the child's interests. Many "
                            "pretend to be younger than they are.</p>"
                        ),
                    },
                    {
                        "question": "Filling a need",
                        "answer": (
                            "<p>They offer attention, advice and comfort. They may give gifts, "
                            "game money or gift cards. Gifts can make a child feel they owe "
                            "something back.</p>"
                        ),
                    },
                    {
                        "question": "Secrets and distance",
                        "answer": (
                            "<p>They say the friendship is special and secret. They hint that "
                            "parents would not understand. They ask if anyone checks the child's "
                            "phone.</p>"
                        ),
                    },
                    {
                        "question": "Moving somewhere private",
                        "answer": (
                            "<p>They move the chat from a public place to private messages, or "
                            "to another app where no one else can see.</p>"
                        ),
                    },
                    {
                        "question": "Making sexual talk seem normal",
                        "answer": (
                            "<p>They bring up sexual jokes or questions bit by bit. They may send "
                            "sexual pictures, or ask the child for photos.</p>"
                        ),
                    },
                    {
                        "question": "Control and threats",
                        "answer": (
                            "<p>Once they have power, they use it. They may use guilt or threats, "
                            "or threaten to share images. They may push to meet in person.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "chat_scenario",
            {
                "title": "A new friend who seems perfect",
                "context": (
                    "A made-up chat. A 12-year-old met 'Jay' in the comments under a video about "
                    "a game they both like. The chat below happens over about two weeks."
                ),
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "Jay",
                        "text": "ur drawings are honestly amazing. way better than mine lol",
                        "tactic": "Praise",
                        "explanation": "Lots of praise early on helps build trust fast.",
                    },
                    {
                        "sender": "child",
                        "sender_label": "Mia",
                        "text": "thanks!! my sister says they're bad",
                    },
                    {
                        "sender": "contact",
                        "sender_label": "Jay",
                        "text": "shes wrong. i get u way more than she does. im 14 btw",
                        "tactic": "Pretending to be younger",
                        "explanation": (
                            "Saying they are close in age makes the friendship feel safe and "
                            "normal."
                        ),
                    },
                    {
                        "sender": "contact",
                        "sender_label": "Jay",
                        "text": "do ur parents read ur messages?",
                        "tactic": "Checking who is watching",
                        "explanation": "They want to know if an adult might see the chat.",
                    },
                    {
                        "sender": "contact",
                        "sender_label": "Jay",
                        "text": "lets keep this just us ok? ppl wouldnt get it",
                        "tactic": "Secrecy",
                        "explanation": "Asking for secrets cuts the child off from help.",
                    },
                    {
                        "sender": "contact",
                        "sender_label": "Jay",
                        "text": "add me on the other app, its more private. send me a selfie?",
                        "tactic": "Moving to a private app",
                        "explanation": (
                            "Moving the chat and asking for a photo are both warning signs."
                        ),
                    },
                ],
                "takeaway": (
                    "No single message here proves anything. Together they show the pattern: "
                    "praise, a claimed age, checking on parents, secrets, and a move to a private "
                    "app."
                ),
            },
        ),
        (
            "paragraph",
            "<p>If you see this pattern in your child's messages, stay calm. The last module of "
            "this course explains what to do, and what not to do.</p>",
        ),
    ],
}

LESSON_SIGNS_IN_MESSAGES = {
    "title": "Warning signs in messages",
    "slug": "warning-signs-in-messages",
    "summary": (
        "The words people use to groom a child often follow a few familiar moves. Learn to spot "
        "them in a chat."
    ),
    "estimated_minutes": 7,
    "platforms": [],
    "last_verified": date(2024, 1, 1),
    "sources": [
        src.CHILDNET_GROOMING,
        src.CYBER_HELPLINE_GROOMING,
        src.THORN_GROOMING_2022,
        src.NCMEC_SEXTORTION_2024,
        src.FAIRFAX_SEXTORTION_2023,
    ],
    "body": [
        (
            "paragraph",
            "<p>You may see your child's messages. Or your child may show you a chat that worries "
            "them. Either way, it helps to know the moves that come up again and again.</p>",
        ),
        (
            "warning_signs",
            {
                "title": "Warning signs in a chat",
                "intro": "Any one of these is worth a calm talk. Several together are serious.",
                "signs": [
                    {
                        "sign": "Lots of praise, and a friendship or romance that grows very fast",
                        "why_it_matters": (
                            "Fast, intense closeness builds trust before a child has time to think."
                        ),
                    },
                    {
                        "sign": "'You're so mature for your age'",
                        "why_it_matters": (
                            "This flatters a child and makes an adult friendship seem normal."
                        ),
                    },
                    {
                        "sign": "Asking to keep things secret, or to delete chats",
                        "why_it_matters": "Secrets keep a child away from the adults who can help.",
                    },
                    {
                        "sign": "Questions about parents, home, school or daily routine",
                        "why_it_matters": (
                            "They are checking who might notice, and where and when the child is "
                            "alone."
                        ),
                    },
                    {
                        "sign": "Pushing to move to another app, or to video chat",
                        "why_it_matters": (
                            "Private apps and video calls are harder for others to see."
                        ),
                    },
                    {
                        "sign": "Asking for photos, or sending sexual pictures first",
                        "why_it_matters": (
                            "Sending pictures first can make the child feel they should send "
                            "some back."
                        ),
                    },
                    {
                        "sign": "Offering gifts, money or game items, or asking for money",
                        "why_it_matters": (
                            "Gifts create a sense of owing. Money requests can mean sextortion."
                        ),
                    },
                    {
                        "sign": "Guilt or anger when the child does not reply at once",
                        "why_it_matters": "This is about control, not friendship.",
                    },
                    {
                        "sign": "Asking to meet in person",
                        "why_it_matters": (
                            "A planned meeting is a danger sign. Call 911 if it is soon."
                        ),
                    },
                ],
            },
        ),
        ("heading", {"text": "Signs of a sextortion script", "anchor": "sextortion-script"}),
        (
            "paragraph",
            "<p>Some criminals follow a script and move very fast. Police say they may ask for "
            "nude photos within minutes of the first message. What they say in the chat may not "
            "match their profile. Then they threaten to send the photos to the child's friends "
            "and family unless the child pays. The next module covers this in more detail.</p>",
        ),
        (
            "chat_scenario",
            {
                "title": "Too fast to be real",
                "context": (
                    "A made-up chat. A 15-year-old boy gets a follow request from someone who "
                    "looks like a girl from a nearby school."
                ),
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "'Kayla'",
                        "text": "hey cutie, saw u on my suggestions. ur so fine",
                        "tactic": "Flattery from a stranger",
                        "explanation": "Praise from someone he has never met, straight away.",
                    },
                    {
                        "sender": "child",
                        "sender_label": "Leo",
                        "text": "haha thanks, do I know you?",
                    },
                    {
                        "sender": "contact",
                        "sender_label": "'Kayla'",
                        "text": (
                            "no but I want to ;) lets switch to the other app, I'll send u a pic"
                        ),
                        "tactic": "Moving to a private app, offering a picture",
                        "explanation": (
                            "Moving fast and offering a picture first is a common set-up for "
                            "sextortion."
                        ),
                    },
                ],
                "takeaway": (
                    "Minutes, not weeks. A stranger who flirts, hurries and pushes to switch "
                    "apps is a red flag. The safe move is to stop replying, block, report and tell "
                    "a trusted adult."
                ),
            },
        ),
        (
            "checklist",
            {
                "title": "Teach your child these three moves",
                "items": [
                    "If a chat feels wrong, stop replying",
                    "Save the messages, then block and report the account",
                    "Tell a trusted adult. You will not be in trouble",
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: the grooming pattern",
    "slug": "quiz-grooming-pattern",
    "intro": "<p>Six questions on the grooming pattern and its warning signs.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "true_false",
            {
                "question": "Grooming always follows the same steps, in the same order.",
                "correct_answer": False,
                "feedback_true": "Not quite. Real chats often skip steps or mix them up.",
                "feedback_false": "Right. It is a pattern, not a fixed script.",
                "explanation": (
                    "Studies of real chats show the parts often come out of order, and some are "
                    "skipped. Look for the parts in any order."
                ),
                "topics": ["grooming pattern"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "Which of these are common parts of the grooming pattern? Choose all.",
                "choices": [
                    {"text": "Lots of praise and shared interests", "correct": True},
                    {"text": "Asking the child to keep the chat secret", "correct": True},
                    {"text": "Moving the chat to a private app", "correct": True},
                    {"text": "Giving gifts or game money", "correct": True},
                    {
                        "text": "Encouraging the child to tell their parents about the chat",
                        "correct": False,
                        "feedback": "A groomer wants secrecy, not openness with parents.",
                    },
                ],
                "explanation": (
                    "Praise, secrecy, a move to private apps and gifts are all common parts. "
                    "Someone grooming a child works to keep parents out."
                ),
                "topics": ["grooming pattern"],
                "partial_credit": True,
            },
        ),
        (
            "message_scenario",
            {
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "Sam",
                        "text": "u can tell me anything. ur parents just dont get u like i do",
                    },
                    {
                        "sender": "contact",
                        "sender_label": "Sam",
                        "text": "but delete our chats ok? dont want them freaking out",
                    },
                ],
                "question": "Which part of the pattern do these messages show most clearly?",
                "choices": [
                    {
                        "text": "Secrets and distance from parents",
                        "correct": True,
                        "feedback": (
                            "Yes. They set the parents up as the problem and ask for secrecy."
                        ),
                    },
                    {
                        "text": "Making sexual talk seem normal",
                        "correct": False,
                        "feedback": (
                            "There is no sexual talk here yet. Look at the request to delete."
                        ),
                    },
                    {
                        "text": "Choosing a child",
                        "correct": False,
                        "feedback": (
                            "They have already chosen. Now they are pushing the parents away."
                        ),
                    },
                ],
                "explanation": (
                    "Saying parents 'don't get you' and asking to delete chats are classic moves "
                    "to isolate a child and hide the contact."
                ),
                "topics": ["warning signs in messages"],
            },
        ),
        (
            "single_choice",
            {
                "question": "Which change in your child should worry you most?",
                "choices": [
                    {
                        "text": "A sudden change you cannot explain, like new secrecy and fear",
                        "correct": True,
                        "feedback": "Yes. Sudden, unexplained change is the key sign.",
                    },
                    {
                        "text": "Wanting some privacy as a teenager",
                        "correct": False,
                        "feedback": "Some privacy is a normal part of growing up.",
                    },
                    {
                        "text": "Enjoying a new game with school friends",
                        "correct": False,
                        "feedback": "That is normal on its own. Watch for sudden change.",
                    },
                ],
                "explanation": (
                    "Many signs look like normal growing up. A sudden change that you cannot "
                    "explain matters most, especially several signs at once."
                ),
                "topics": ["warning signs in behaviour"],
            },
        ),
        (
            "true_false",
            {
                "question": (
                    "If you find a worrying chat, taking your child's phone away is the best "
                    "first step."
                ),
                "correct_answer": False,
                "feedback_true": "Not quite. Talk first, and keep the evidence.",
                "feedback_false": "Right. A calm talk comes first.",
                "explanation": (
                    "Children who fear losing their phone often stop telling parents what happens "
                    "online. Stay calm, talk, and save the evidence."
                ),
                "topics": ["what to do"],
            },
        ),
        (
            "single_choice",
            {
                "question": (
                    "In Thorn's 2022 survey, how many children aged 9 to 12 thought it was normal "
                    "for kids their age to date adults aged 18 to 20?"
                ),
                "choices": [
                    {"text": "About 1 in 4", "correct": True},
                    {"text": "About 1 in 100", "correct": False},
                    {"text": "Almost none", "correct": False},
                ],
                "explanation": (
                    "About 1 in 4 did. This is why it helps to talk with children early about "
                    "why adults should not seek close relationships with them."
                ),
                "topics": ["grooming basics"],
            },
        ),
    ],
}

MODULE = {
    "title": "The grooming pattern",
    "slug": "the-grooming-pattern",
    "intro": (
        "<p>Grooming follows a pattern that parents can learn to see. This module explains the "
        "pattern and the warning signs in messages and in your child.</p>"
    ),
    "outcomes": [
        "Describe the parts of the grooming pattern",
        "Spot warning signs in a chat",
        "Notice changes in your child that may mean something is wrong",
    ],
    "lessons": [
        LESSON_WHAT_GROOMING_LOOKS_LIKE,
        LESSON_SIGNS_IN_MESSAGES,
        LESSON_SIGNS_IN_BEHAVIOUR,
    ],
    "quiz": QUIZ,
}

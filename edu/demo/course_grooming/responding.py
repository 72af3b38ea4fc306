"""Course 1, module 4: what to do, and what not to do, when a parent finds something."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.refs import ResourceRef

LESSON_WHAT_TO_DO = {
    "title": "What to do, and what not to do",
    "slug": "what-to-do-and-what-not-to-do",
    "summary": (
        "Finding a worrying chat is frightening. These steps help you protect your child, keep "
        "the evidence, and get the right people involved."
    ),
    "estimated_minutes": 10,
    "platforms": [],
    "last_verified": date(2024, 6, 24),
    "sources": [
        src.NCAC_SEXTORTION_STEPS,
        src.CYBERTIPLINE_FAQS,
        src.TAKE_IT_DOWN_FAQ,
        src.THORN_FINANCIAL_SEXTORTION_2024,
        src.INTERNET_MATTERS_DEAL_WITH_IT,
        src.NSPCC_REPORT_REMOVE,
        src.STOP_SEXTORTION_HELP,
    ],
    "body": [
        (
            "paragraph",
            "<p>You have found something worrying. Maybe your child showed you, or you saw it "
            "yourself. Take a breath. What you do in the next hour matters, and you do not have "
            "to do it alone.</p>",
        ),
        (
            "callout",
            {
                "kind": "warning",
                "title": "If your child is in danger right now",
                "body": (
                    "<p>Call 911 if a meeting has been set up, if someone has threatened to hurt "
                    "your child, or if your child may hurt themselves. For crisis support, call "
                    "or text 988.</p>"
                ),
            },
        ),
        ("heading", {"text": "What to do", "anchor": "what-to-do"}),
        (
            "accordion",
            {
                "title": "Six steps",
                "items": [
                    {
                        "question": "1. Stay calm and reassure your child",
                        "answer": (
                            "<p>Tell your child it is not their fault and they are not in "
                            "trouble. The adult who did this is to blame. Listen, and let them "
                            "tell it in their own words. If talking is hard, they can write it "
                            "down.</p>"
                        ),
                    },
                    {
                        "question": "2. Stop replying",
                        "answer": (
                            "<p>Do not answer the person, bargain with them or threaten them. Do "
                            "not pay, and do not send any more images.</p>"
                        ),
                    },
                    {
                        "question": "3. Save the evidence first",
                        "answer": (
                            "<p>Before you block anyone, take screenshots of the chat and the "
                            "threats. Save the usernames, profile links, phone numbers, email "
                            "addresses and payment details. Note the dates and times. Do not "
                            "delete your child's account, the profile or the messages. Police "
                            "can use them.</p>"
                        ),
                    },
                    {
                        "question": "4. Block and report in the app",
                        "answer": (
                            "<p>Use the app's own report button on the account. Then block it. "
                            "The lessons on each app show where to find these.</p>"
                        ),
                    },
                    {
                        "question": "5. Report to NCMEC, the FBI or the police",
                        "answer": (
                            "<p>Report to NCMEC's CyberTipline online or by phone, any time. You "
                            "can also report to the FBI or your local police. Say where it "
                            "happened and where you live, so the report reaches the right "
                            "police.</p>"
                        ),
                    },
                    {
                        "question": "6. Get images taken down, and get support",
                        "answer": (
                            "<p>If a sexual image of your child was shared, use Take It Down. It "
                            "helps apps find and remove copies, without the image leaving your "
                            "device. Then get support for your child, for example from a school "
                            "counselor or a therapist.</p>"
                        ),
                    },
                ],
            },
        ),
        ("heading", {"text": "What not to do", "anchor": "what-not-to-do"}),
        (
            "warning_signs",
            {
                "title": "Mistakes that make things worse",
                "intro": (
                    "These are natural reactions. Knowing them ahead of time helps you avoid them."
                ),
                "signs": [
                    {
                        "sign": "Deleting the chats or the account",
                        "why_it_matters": (
                            "This can destroy the evidence police need to find the person."
                        ),
                    },
                    {
                        "sign": "Confronting the person, or trying to trap them yourself",
                        "why_it_matters": (
                            "It warns them. They may delete evidence, or turn on your child. "
                            "Leave the detective work to the police."
                        ),
                    },
                    {
                        "sign": "Forwarding, saving or posting a sexual image of your child",
                        "why_it_matters": (
                            "Never do this, not even as evidence or to warn others. Sharing it "
                            "can be a crime and harms your child again. Describe the image to "
                            "police or NCMEC instead."
                        ),
                    },
                    {
                        "sign": "Shouting, blaming or taking the phone away as a reflex",
                        "why_it_matters": (
                            "Children who feel blamed stop telling. You want your child to come "
                            "to you next time, too."
                        ),
                    },
                    {
                        "sign": "Paying the blackmailer",
                        "why_it_matters": (
                            "Paying rarely stops it, and often leads to more demands."
                        ),
                    },
                    {
                        "sign": "Posting about it publicly",
                        "why_it_matters": "It can expose your child and alert the person.",
                    },
                ],
            },
        ),
        (
            "checklist",
            {
                "title": "Evidence to save for a report",
                "items": [
                    "Screenshots of the whole chat, not cropped or edited",
                    "Every username and profile link the person used, on every app",
                    "Phone numbers, email addresses and payment details they gave",
                    "The dates and times of the messages",
                    "Anything the person said about who they are or where they live",
                    "No sexual images. Describe them instead",
                ],
            },
        ),
        (
            "help_resources",
            {
                "title": "Who to contact",
                "resources": [
                    ResourceRef("Emergency services (911)"),
                    ResourceRef("988 Suicide & Crisis Lifeline"),
                    ResourceRef("NCMEC CyberTipline"),
                    ResourceRef("Take It Down (NCMEC)"),
                    ResourceRef("FBI tips"),
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: what to do if you find something",
    "slug": "quiz-what-to-do",
    "intro": "<p>Six questions on responding safely when you find something worrying.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "ordering",
            {
                "question": "Put these first steps in the best order.",
                "steps": [
                    "Reassure your child that it is not their fault",
                    "Take screenshots of the chat, usernames and threats",
                    "Report and block the account in the app",
                    "Report to NCMEC's CyberTipline or the FBI",
                ],
                "explanation": (
                    "Reassure first, then save evidence before you block. Blocking first can make "
                    "the chat harder to save. Then report to NCMEC or the FBI."
                ),
                "topics": ["what to do", "evidence"],
            },
        ),
        (
            "true_false",
            {
                "question": (
                    "You should save a copy of any sexual image of your child so that you can "
                    "show it to the police."
                ),
                "correct_answer": False,
                "feedback_true": "No. Never copy, save or forward it. Describe it instead.",
                "feedback_false": "Right. Never copy, save or forward it. Describe it instead.",
                "explanation": (
                    "Sharing or saving a sexual image of a child can be a crime, and it harms the "
                    "child again. Tell police or NCMEC what it shows and where it is."
                ),
                "topics": ["evidence"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "Which of these should you save as evidence? Choose all that apply.",
                "choices": [
                    {"text": "Screenshots of the threats and the chat", "correct": True},
                    {"text": "The person's usernames and profile links", "correct": True},
                    {"text": "Payment details the person asked for", "correct": True},
                    {
                        "text": "A copy of the sexual image",
                        "correct": False,
                        "feedback": "Never save or forward it. Describe it instead.",
                    },
                ],
                "explanation": (
                    "Save what helps police find the person: chats, usernames, links and payment "
                    "details. Never save the image itself."
                ),
                "topics": ["evidence"],
                "partial_credit": True,
            },
        ),
        (
            "single_choice",
            {
                "question": "Your child has agreed to meet an online 'friend' tonight. What now?",
                "choices": [
                    {
                        "text": "Call 911",
                        "correct": True,
                        "feedback": "Yes. A planned meeting is an emergency.",
                    },
                    {
                        "text": "Go to the meeting yourself to confront them",
                        "correct": False,
                        "feedback": "Do not confront them yourself. It could put you at risk.",
                    },
                    {
                        "text": "Send a report to the app and wait for a reply",
                        "correct": False,
                        "feedback": "Report later. Right now, call 911.",
                    },
                ],
                "explanation": (
                    "A planned meeting means your child may be in danger soon. Call 911. You can "
                    "report to the app and to NCMEC afterwards."
                ),
                "topics": ["emergencies"],
            },
        ),
        (
            "true_false",
            {
                "question": (
                    "You can make a report to NCMEC's CyberTipline without giving your name."
                ),
                "correct_answer": True,
                "feedback_true": "Right. You may stay anonymous.",
                "feedback_false": "In fact you can. Reporters may stay anonymous.",
                "explanation": (
                    "You can report anonymously. It helps to say where it happened and where you "
                    "live, so NCMEC can send it to the right police."
                ),
                "topics": ["reporting"],
            },
        ),
        (
            "message_scenario",
            {
                "messages": [
                    {
                        "sender": "child",
                        "sender_label": "Your child, to you",
                        "text": (
                            "someone I met in a game keeps asking for pics. I said no. am I in "
                            "trouble?"
                        ),
                    },
                ],
                "question": "What is the best first reply?",
                "choices": [
                    {
                        "text": (
                            "\"You're not in trouble. Thank you for telling me. Let's look "
                            'together."'
                        ),
                        "correct": True,
                        "feedback": "Yes. Praise them for telling you, and stay calm.",
                    },
                    {
                        "text": '"That\'s it, no more games for a month."',
                        "correct": False,
                        "feedback": "Punishment teaches children not to tell you next time.",
                    },
                    {
                        "text": '"Just ignore them, it\'s fine."',
                        "correct": False,
                        "feedback": (
                            "This is an adult asking a child for images. It needs reporting."
                        ),
                    },
                ],
                "explanation": (
                    "Your child did the right thing by telling you. Thank them, stay calm, then "
                    "save the chat, block and report."
                ),
                "topics": ["talking with your child", "what to do"],
            },
        ),
    ],
}

MODULE = {
    "title": "If you find something",
    "slug": "if-you-find-something",
    "intro": (
        "<p>What to do in the first hour, what to avoid, and who to call. Keep this module "
        "handy.</p>"
    ),
    "outcomes": [
        "Take the first steps calmly and in the right order",
        "Save the evidence police need, without sharing any image",
        "Know when to call 911, and where else to report",
    ],
    "lessons": [LESSON_WHAT_TO_DO],
    "quiz": QUIZ,
}

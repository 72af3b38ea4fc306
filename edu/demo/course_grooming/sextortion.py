"""Course 1, module 3: sextortion and financial sextortion."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src

LESSON_HOW_SEXTORTION_WORKS = {
    "title": "How sextortion works",
    "slug": "how-sextortion-works",
    "summary": (
        "Sextortion is blackmail with sexual images. Learn how it usually unfolds, who is "
        "targeted, and why paying does not make it stop."
    ),
    "estimated_minutes": 9,
    "platforms": [],
    "last_verified": date(2025, 7, 1),
    "sources": [
        src.NCMEC_SEXTORTION_2024,
        src.NCMEC_SPIKE_2025,
        src.THORN_FINANCIAL_SEXTORTION_2024,
        src.NETSMARTZ_SEXTORTION_ES,
        src.NCAC_SEXTORTION_STEPS,
        src.FAIRFAX_SEXTORTION_2023,
        src.NCMEC_BEHIND_THE_SCENES_2024,
    ],
    "body": [
        (
            "paragraph",
            "<p><b>Sextortion</b> is when someone threatens to share sexual images of a child "
            "unless the child gives them something. They may want more images, sexual acts, or "
            "money.</p>"
            "<p>When the demand is money, it is called <b>financial sextortion</b>. Criminals ask "
            "for gift cards, payment apps, bank transfers or cryptocurrency.</p>",
        ),
        (
            "callout",
            {
                "kind": "important",
                "title": "It is never the child's fault",
                "body": (
                    "<p>The person making threats is committing a crime. Even if your child sent "
                    "a photo they now regret, they are the victim. Tell them so, clearly and "
                    "often.</p>"
                ),
            },
        ),
        ("heading", {"text": "How it often unfolds", "anchor": "how-it-unfolds"}),
        (
            "paragraph",
            "<p>Financial sextortion often follows the same script. It can move from the first "
            "message to threats in minutes or hours, not weeks.</p>"
            "<ol>"
            "<li>A stranger gets in touch. The profile often looks like an attractive girl or "
            "boy of about the same age.</li>"
            "<li>They flirt and move fast. They may send a picture first and ask for one "
            "back.</li>"
            "<li>Once they have an image, the tone changes at once.</li>"
            "<li>They threaten to send the image to the child's friends and family.</li>"
            "<li>They demand money, and set a very short deadline.</li>"
            "</ol>",
        ),
        (
            "chat_scenario",
            {
                "title": "The turn",
                "context": (
                    "A made-up chat. A 16-year-old sent a photo to someone he thought was a girl "
                    "his age. A few minutes later, the messages change."
                ),
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "Unknown account",
                        "text": (
                            "I have your pic. I have your follower list too. Your mom, your "
                            "friends, your school."
                        ),
                        "tactic": "Threat",
                        "explanation": "They show they can reach the people he cares about.",
                    },
                    {
                        "sender": "contact",
                        "sender_label": "Unknown account",
                        "text": "Pay $300 in gift cards in the next hour or everyone sees it.",
                        "tactic": "Money demand and deadline",
                        "explanation": (
                            "A short deadline stops him from thinking or asking for help."
                        ),
                    },
                    {
                        "sender": "child",
                        "sender_label": "Ethan",
                        "text": "please don't. I don't have that much",
                    },
                    {
                        "sender": "contact",
                        "sender_label": "Unknown account",
                        "text": "Then find it. Don't tell anyone or I post it now.",
                        "tactic": "Secrecy by fear",
                        "explanation": "Fear keeps children from telling the adults who can help.",
                    },
                ],
                "takeaway": (
                    "The pressure is built to make a child panic. The safe moves are to stop "
                    "replying, not pay, save the messages, and tell a trusted adult. Help is "
                    "available, and this can be stopped."
                ),
            },
        ),
        ("heading", {"text": "Who is targeted", "anchor": "who-is-targeted"}),
        (
            "paragraph",
            "<p>Any child can be targeted. In financial sextortion, most victims are teen boys. "
            "A 2024 study by Thorn and NCMEC found about 9 in 10 financial sextortion victims "
            "were boys aged 14 to 17. Many of the criminals are part of organized groups based "
            "in other countries.</p>"
            "<p>Girls are targeted too. Before financial sextortion grew, most victims NCMEC "
            "saw were girls, and the blackmailer wanted more images rather than money.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "The numbers are rising",
                "body": (
                    "<p>NCMEC got 26,718 reports of financial sextortion in 2023. In 2022 it got "
                    "10,731. In the first half of 2025 it got 18,898, up from 11,625 in the same "
                    "months of 2024.</p>"
                ),
            },
        ),
        ("heading", {"text": "Why paying does not help", "anchor": "why-paying-does-not-help"}),
        (
            "paragraph",
            "<p>Paying feels like a way out. It rarely is. Once a child pays, the criminal knows "
            "they can get more. In the reports Thorn and NCMEC studied, more than 1 in 4 children "
            "who paid were pushed for more.</p>"
            "<p>Sextortion can make a child feel trapped and alone. More than 1 in 6 of the "
            "reports that described the harm mentioned self-harm or suicide. "
            "This is why a calm, quick response from a parent matters so much. If your child "
            "talks about hurting themselves, call or text 988. If they are in danger now, call "
            "911.</p>",
        ),
        (
            "checklist",
            {
                "title": "If it is happening right now",
                "items": [
                    "Tell your child it is not their fault and you will help",
                    "Do not pay, and do not send more images",
                    "Stop replying, but do not delete the chat or the account",
                    "Take screenshots of the threats, usernames and payment details",
                    "Report the account in the app, and to the CyberTipline or the FBI",
                    "Use Take It Down to help stop the image spreading",
                ],
            },
        ),
        (
            "paragraph",
            "<p>The next module goes through each of these steps in more detail.</p>",
        ),
    ],
}

QUIZ = {
    "title": "Quiz: sextortion",
    "slug": "quiz-sextortion",
    "intro": "<p>Five questions on how sextortion works and how to respond.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "single_choice",
            {
                "question": "What is financial sextortion?",
                "choices": [
                    {
                        "text": "Threatening to share a child's sexual images unless they pay",
                        "correct": True,
                    },
                    {
                        "text": "Tricking a child into buying a fake game item",
                        "correct": False,
                        "feedback": "That is a scam, but not sextortion. Sextortion uses images.",
                    },
                    {
                        "text": "Sending a child unwanted adverts",
                        "correct": False,
                    },
                ],
                "explanation": (
                    "Sextortion is blackmail with sexual images. When the demand is money, it is "
                    "called financial sextortion."
                ),
                "topics": ["sextortion basics"],
            },
        ),
        (
            "true_false",
            {
                "question": "If your child pays the blackmailer, the threats will usually stop.",
                "correct_answer": False,
                "feedback_true": "Sadly not. Paying rarely makes it stop.",
                "feedback_false": "Right. Paying rarely makes it stop.",
                "explanation": (
                    "Paying shows the criminal that the child can be pushed for more. More than 1 "
                    "in 4 children who paid were pushed for more in the reports studied."
                ),
                "topics": ["what to do"],
            },
        ),
        (
            "single_choice",
            {
                "question": "In financial sextortion, who are the most common victims?",
                "choices": [
                    {"text": "Teen boys aged 14 to 17", "correct": True},
                    {"text": "Children under 8", "correct": False},
                    {"text": "Adults over 30", "correct": False},
                ],
                "explanation": (
                    "About 9 in 10 financial sextortion victims in the 2024 Thorn and NCMEC study "
                    "were boys aged 14 to 17. Any child can be targeted, though."
                ),
                "topics": ["sextortion basics"],
            },
        ),
        (
            "message_scenario",
            {
                "messages": [
                    {
                        "sender": "contact",
                        "sender_label": "Unknown account",
                        "text": (
                            "I have your photo. Send $200 now or I send it to your whole class."
                        ),
                    },
                    {
                        "sender": "child",
                        "sender_label": "Your child, to you",
                        "text": "I messed up. Please help. They say they'll send it to everyone",
                    },
                ],
                "question": "What should you do first?",
                "choices": [
                    {
                        "text": (
                            "Stay calm, tell your child it is not their fault, and save the "
                            "messages"
                        ),
                        "correct": True,
                        "feedback": "Yes. Reassure, then save the evidence before anything else.",
                    },
                    {
                        "text": "Pay quickly so the photo is not shared",
                        "correct": False,
                        "feedback": "Paying rarely stops it, and often leads to more demands.",
                    },
                    {
                        "text": "Delete the chat and the account straight away",
                        "correct": False,
                        "feedback": "The chat is evidence. Block and report, but do not delete.",
                    },
                ],
                "explanation": (
                    "Reassure your child first. Then save screenshots, stop replying, block and "
                    "report. Do not pay and do not delete."
                ),
                "topics": ["what to do"],
            },
        ),
        (
            "ordering",
            {
                "question": "Put the usual steps of a financial sextortion script in order.",
                "steps": [
                    "A stranger with an attractive profile gets in touch",
                    "They flirt, move fast, and ask for an image",
                    "They threaten to send the image to friends and family",
                    "They demand money with a short deadline",
                ],
                "explanation": (
                    "Knowing the script helps your child spot it early, often before any image is "
                    "sent."
                ),
                "topics": ["sextortion basics"],
            },
        ),
    ],
}

MODULE = {
    "title": "Sextortion",
    "slug": "sextortion",
    "intro": (
        "<p>Sextortion is one of the fastest-growing crimes against children online. This module "
        "explains how it works, who it targets, and why paying does not help.</p>"
    ),
    "outcomes": [
        "Explain sextortion and financial sextortion",
        "Recognise the usual sextortion script",
        "Know why paying makes things worse",
    ],
    "lessons": [LESSON_HOW_SEXTORTION_WORKS],
    "quiz": QUIZ,
}

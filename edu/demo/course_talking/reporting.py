"""Course 3, module 2: reporting in the apps and to NCMEC, Take It Down, the FBI and 911."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.refs import ResourceRef

LESSON_IN_APP = {
    "title": "Reporting inside the apps",
    "slug": "reporting-inside-the-apps",
    "summary": (
        "Every major app has a way to report an account. Learn where the report buttons are, "
        "and why you should save evidence first."
    ),
    "estimated_minutes": 6,
    "platforms": ["instagram", "snapchat", "tiktok", "discord", "roblox"],
    "last_verified": date(2025, 11, 6),
    "sources": [
        src.INSTAGRAM_SAFER_INTERNET_DAY,
        src.SNAPCHAT_FAMILY_CENTER,
        src.TIKTOK_FAMILY_PAIRING_2025,
        src.DISCORD_FAMILY_CENTER_2025,
        src.ROBLOX_PARENTAL_CONTROLS_2024,
        src.NCAC_SEXTORTION_STEPS,
    ],
    "body": [
        (
            "paragraph",
            "<p>Reporting in the app tells the company about an account that breaks its rules. "
            "It can get the account removed, and it can protect other children too. NCMEC "
            "advises families to report a blackmailer's account through the app's own safety "
            "tools.</p>",
        ),
        (
            "callout",
            {
                "kind": "important",
                "title": "Save first, then report and block",
                "body": (
                    "<p>Take screenshots of the chat, the profile and the username before you "
                    "block. Blocking can hide the chat. Do not delete the account or the "
                    "messages.</p>"
                ),
            },
        ),
        (
            "accordion",
            {
                "title": "Where to report in each app",
                "items": [
                    {
                        "question": "Instagram",
                        "answer": (
                            "<p>Tap the three dots (…) on a post or profile, then Report. For a "
                            "message, press and hold it, then tap Report. The account is not "
                            "told who reported it.</p>"
                        ),
                    },
                    {
                        "question": "Snapchat",
                        "answer": (
                            "<p>Report from the person's profile or from the chat. Parents using "
                            "Family Center can also report an account from there.</p>"
                        ),
                    },
                    {
                        "question": "TikTok",
                        "answer": (
                            "<p>Press and hold a video, or tap Share, then Report. Teens can "
                            "choose to let a parent know they reported something.</p>"
                        ),
                    },
                    {
                        "question": "Discord",
                        "answer": (
                            "<p>Report the message or the user. Teens can choose to let a linked "
                            "guardian know they made a report.</p>"
                        ),
                    },
                    {
                        "question": "Roblox",
                        "answer": "<p>Use Report Abuse in the game or on the player's profile.</p>",
                    },
                    {
                        "question": "Facebook, Messenger, WhatsApp and YouTube",
                        "answer": (
                            "<p>Use the menu on the profile, post, message or video and choose "
                            "Report. Each app's help centre shows the current steps.</p>"
                        ),
                    },
                ],
            },
        ),
        (
            "paragraph",
            "<p>Reporting in the app is a good step, but it is not the same as telling the "
            "police. If an adult is asking your child for sexual images, talking to them about "
            "sex, or threatening them, also report to NCMEC or the FBI. The next lesson shows "
            "how.</p>",
        ),
    ],
}

LESSON_WHERE_TO_REPORT = {
    "title": "CyberTipline, Take It Down, the FBI and 911",
    "slug": "cybertipline-take-it-down-fbi-911",
    "summary": (
        "Know which service to use, and when: 911 for danger now, the CyberTipline or FBI to "
        "report, Take It Down to remove images, and 988 for crisis support."
    ),
    "estimated_minutes": 10,
    "platforms": [],
    "last_verified": date(2024, 6, 24),
    "sources": [
        src.CYBERTIPLINE_FAQS,
        src.CYBERTIPLINE,
        src.TAKE_IT_DOWN_FAQ,
        src.NCAC_SEXTORTION_STEPS,
        src.FBI_PONLE_PARO,
        src.THORN_FINANCIAL_SEXTORTION_2024,
    ],
    "body": [
        (
            "callout",
            {
                "kind": "warning",
                "title": "Danger right now? Call 911",
                "body": (
                    "<p>Call 911 if a meeting has been planned, if someone has threatened to "
                    "hurt your child, or if your child may hurt themselves. Call or text 988 "
                    "for crisis support at any time.</p>"
                ),
            },
        ),
        ("heading", {"text": "NCMEC's CyberTipline", "anchor": "cybertipline"}),
        (
            "paragraph",
            "<p>The CyberTipline is the national place to report the sexual exploitation of "
            "children online. It is run by the National Center for Missing &amp; Exploited "
            "Children (NCMEC). You can report online, or call 1-800-THE-LOST (1-800-843-5678). "
            "It is open all day, every day.</p>"
            "<p>Report to it if someone is:</p>"
            "<ul>"
            "<li>chatting with a child about sex</li>"
            "<li>asking a child for nude or sexual images</li>"
            "<li>sharing sexual images of a child</li>"
            "<li>sending a child unwanted sexual messages</li>"
            "<li>threatening a child with images (sextortion)</li>"
            "</ul>"
            "<p>You can stay anonymous. NCMEC looks at the most urgent reports first, then "
            "sends them to the police who can act. Say where it happened and where you live, so "
            "it reaches the right police.</p>",
        ),
        (
            "checklist",
            {
                "title": "What to include in a report",
                "items": [
                    "What happened, and roughly when",
                    "Every username the person used, on every app",
                    "Links to their profiles, and any phone numbers or emails",
                    "What they said about themselves",
                    "Full screenshots of the chat, not cropped or edited",
                    "Never the sexual image itself. Describe it instead",
                ],
            },
        ),
        ("heading", {"text": "Take It Down", "anchor": "take-it-down"}),
        (
            "paragraph",
            "<p>Take It Down is a free NCMEC tool. It helps stop nude or sexual images of a "
            "child from spreading online. It is for images taken when the person was under 18. "
            "A parent can use it for their child, and you do not have to give your name.</p>"
            "<p>The image never leaves your device. The tool makes a digital fingerprint of it, "
            "called a hash. Apps that take part use the hash to find and remove copies. It "
            "cannot reach encrypted apps. For images of someone who was 18 or older, use "
            "StopNCII.org.</p>",
        ),
        ("heading", {"text": "The FBI", "anchor": "fbi"}),
        (
            "paragraph",
            "<p>You can report sextortion and other crimes against children to the FBI at "
            "tips.fbi.gov, or by calling 1-800-CALL-FBI (1-800-225-5324). You can also contact "
            "your local FBI field office. The FBI has Spanish-language sextortion materials "
            "too.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Do not pay",
                "body": (
                    "<p>If your child is being blackmailed, do not pay. Paying rarely stops it. "
                    "In reports studied by Thorn and NCMEC, more than 1 in 4 who paid were "
                    "pushed for more.</p>"
                ),
            },
        ),
        (
            "help_resources",
            {
                "title": "National help",
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
    "title": "Quiz: reporting and getting help",
    "slug": "quiz-reporting",
    "intro": "<p>Six questions on where to report, and when.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "single_choice",
            {
                "question": (
                    "An adult has been asking your 12-year-old for nude photos. Where should you "
                    "report?"
                ),
                "choices": [
                    {
                        "text": "In the app, and to NCMEC's CyberTipline or the FBI",
                        "correct": True,
                    },
                    {
                        "text": "Only in the app",
                        "correct": False,
                        "feedback": "The app can remove the account, but police need to know too.",
                    },
                    {
                        "text": "Nowhere; just block the account",
                        "correct": False,
                        "feedback": "Blocking alone lets the person move on to other children.",
                    },
                ],
                "explanation": (
                    "Report in the app so the account is removed, and to the CyberTipline or FBI "
                    "so police can act."
                ),
                "topics": ["reporting"],
            },
        ),
        (
            "true_false",
            {
                "question": "To use Take It Down, you must upload the image to NCMEC.",
                "correct_answer": False,
                "feedback_true": "No. The image never leaves your device.",
                "feedback_false": "Right. The image never leaves your device.",
                "explanation": (
                    "Take It Down makes a digital fingerprint (hash) on your device. Only the "
                    "hash is shared with taking-part apps."
                ),
                "topics": ["take it down"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "When should you call 911? Choose all.",
                "choices": [
                    {"text": "Someone has arranged to meet your child", "correct": True},
                    {"text": "Someone has threatened to hurt your child", "correct": True},
                    {"text": "Your child may hurt themselves", "correct": True},
                    {
                        "text": "Your child got a rude comment on a video",
                        "correct": False,
                        "feedback": "Report and block in the app for this.",
                    },
                ],
                "explanation": (
                    "911 is for danger right now: a planned meeting, a threat of harm, or a risk "
                    "of self-harm."
                ),
                "topics": ["emergencies"],
                "partial_credit": True,
            },
        ),
        (
            "ordering",
            {
                "question": "Put these steps for a sextortion threat in order.",
                "steps": [
                    "Reassure your child and stop replying",
                    "Save screenshots, usernames and payment details",
                    "Report and block in the app",
                    "Report to the CyberTipline or the FBI",
                    "Use Take It Down to help stop the image spreading",
                ],
                "explanation": (
                    "Reassure, save, report in the app, report to NCMEC or the FBI, then work on "
                    "removal."
                ),
                "topics": ["reporting", "sextortion"],
            },
        ),
        (
            "single_choice",
            {
                "question": "Who is Take It Down for?",
                "choices": [
                    {
                        "text": "Images taken when the person in them was under 18",
                        "correct": True,
                    },
                    {"text": "Any embarrassing photo of an adult", "correct": False},
                    {"text": "Only images found on encrypted apps", "correct": False},
                ],
                "explanation": (
                    "Take It Down is for nude or sexual images taken under 18. Adults can use "
                    "StopNCII.org. It cannot reach encrypted apps."
                ),
                "topics": ["take it down"],
            },
        ),
        (
            "true_false",
            {
                "question": "When you report to the CyberTipline, it helps to say where you live.",
                "correct_answer": True,
                "feedback_true": "Right. It helps NCMEC send the report to the right police.",
                "feedback_false": "It does help: NCMEC uses it to find the right police.",
                "explanation": (
                    "You can stay anonymous, but your location helps NCMEC route the report to "
                    "the right police agency."
                ),
                "topics": ["reporting"],
            },
        ),
    ],
}

MODULE = {
    "title": "Reporting and getting help",
    "slug": "reporting-and-getting-help",
    "intro": (
        "<p>Where to report in the apps and beyond, how to get images removed, and who to call "
        "in an emergency.</p>"
    ),
    "outcomes": [
        "Report an account inside each app",
        "Choose between 911, the CyberTipline, the FBI and Take It Down",
        "Make a report that police can act on",
    ],
    "lessons": [LESSON_IN_APP, LESSON_WHERE_TO_REPORT],
    "quiz": QUIZ,
}

"""Course 3, module 3: help in New Mexico."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src
from edu.demo.refs import ResourceRef

LESSON = {
    "title": "Help in New Mexico",
    "slug": "help-in-new-mexico",
    "summary": (
        "New Mexico has its own online-safety guides, a way to tell the state about harm on "
        "apps, and a 24-hour line for reporting child abuse."
    ),
    "estimated_minutes": 7,
    "platforms": [],
    "last_verified": date(2024, 5, 9),
    "sources": [
        src.NMDOJ_ONLINE_SAFETY,
        src.NMDOJ_SMART_CHATS,
        src.NMAG_CYBER,
        src.CYFD_REPORT,
        src.KRWG_METAPHILE,
        src.ABQJ_METAPHILE,
    ],
    "body": [
        (
            "paragraph",
            "<p>Everything in the national lessons applies in New Mexico. The state also has "
            "its own help. In 2024, New Mexico's Department of Justice (NMDOJ) arrested three "
            "men who tried to reach children through Meta's apps. One of those cases began when "
            "parents in Chaves County noticed their daughter's chats and went to the sheriff. "
            "Parents who report make a real difference.</p>",
        ),
        ("heading", {"text": "NMDOJ's online safety hub", "anchor": "nmdoj-hub"}),
        (
            "paragraph",
            "<p>NMDOJ's online safety pages, called SMART CHATS, include:</p>"
            "<ul>"
            "<li>guides to privacy settings for social media apps and game consoles</li>"
            "<li>guides on sextortion and cyberbullying</li>"
            "<li>information about NCMEC's Take It Down tool</li>"
            "<li>a 'Share Your Experiences' form, where families can tell the state about harm "
            "they faced on a platform</li>"
            "</ul>"
            "<p>What families share through the form helps the state's investigations. It is "
            "not an emergency line. If a child is in danger, call 911.</p>",
        ),
        (
            "paragraph",
            "<p>The NMDOJ's Internet Crimes Against Children (ICAC) unit also gives talks and "
            "shows videos for schools and community groups. Ask your school if it has hosted "
            "one.</p>",
        ),
        ("heading", {"text": "CYFD and #SAFE", "anchor": "cyfd-safe"}),
        (
            "paragraph",
            "<p>New Mexico's Children, Youth and Families Department (CYFD) takes reports of "
            "child abuse and neglect at any hour. Call 1-855-333-SAFE (1-855-333-7233), or dial "
            "#SAFE (#7233) from a cell phone.</p>"
            "<p>Under New Mexico law, every person who knows or suspects that a child is being "
            "abused or neglected must report it. You can report to CYFD, to the police, or to a "
            "tribal agency. You may stay anonymous.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Which one do I use?",
                "body": (
                    "<p>Danger now: 911. An adult pressuring a child online: NCMEC's "
                    "CyberTipline or the FBI. Abuse or neglect of a child: CYFD's #SAFE line. "
                    "Harm you want the state to know about: the NMDOJ form. If you are not sure, "
                    "use more than one.</p>"
                ),
            },
        ),
        (
            "help_resources",
            {
                "title": "Help in New Mexico",
                "resources": [
                    ResourceRef("Emergency services (911)"),
                    ResourceRef("CYFD Statewide Central Intake (#SAFE)"),
                    ResourceRef("New Mexico Department of Justice: online safety (SMART CHATS)"),
                    ResourceRef("NCMEC CyberTipline"),
                    ResourceRef("FBI tips"),
                ],
            },
        ),
    ],
}

QUIZ = {
    "title": "Quiz: help in New Mexico",
    "slug": "quiz-help-in-new-mexico",
    "intro": "<p>Five questions on New Mexico's resources.</p>",
    "pass_mark": 80,
    "questions": [
        (
            "single_choice",
            {
                "question": "How do you reach CYFD's abuse and neglect line from a cell phone?",
                "choices": [
                    {"text": "Dial #SAFE (#7233)", "correct": True},
                    {"text": "Text the word SAFE to 911", "correct": False},
                    {"text": "There is no phone line", "correct": False},
                ],
                "explanation": (
                    "Dial #SAFE from a cell phone, or call 1-855-333-SAFE. It is open at any hour."
                ),
                "topics": ["new mexico"],
            },
        ),
        (
            "true_false",
            {
                "question": (
                    "In New Mexico, only teachers and doctors have to report suspected child abuse."
                ),
                "correct_answer": False,
                "feedback_true": "No. The law says every person must report.",
                "feedback_false": "Right. The law says every person must report.",
                "explanation": (
                    "New Mexico law says every person who knows or suspects a child is abused or "
                    "neglected must report it."
                ),
                "topics": ["new mexico"],
            },
        ),
        (
            "multiple_select",
            {
                "question": "What can you find on NMDOJ's online safety pages? Choose all.",
                "choices": [
                    {"text": "Privacy guides for apps and game consoles", "correct": True},
                    {"text": "Guides on sextortion", "correct": True},
                    {"text": "A form to share harmful experiences on platforms", "correct": True},
                    {
                        "text": "A 24-hour emergency line",
                        "correct": False,
                        "feedback": "For emergencies, call 911.",
                    },
                ],
                "explanation": (
                    "SMART CHATS has privacy and safety guides and a 'Share Your Experiences' "
                    "form. It is not an emergency service."
                ),
                "topics": ["new mexico"],
                "partial_credit": True,
            },
        ),
        (
            "ordering",
            {
                "question": "Put the Chaves County case in order.",
                "steps": [
                    "Parents noticed worrying chats on Messenger",
                    "They went to the sheriff",
                    "A state agent took over the chat",
                    "The man was arrested",
                ],
                "explanation": (
                    "Parents noticed and reported. Police did the rest. You do not have to "
                    "investigate yourself."
                ),
                "topics": ["new mexico", "reporting"],
            },
        ),
        (
            "single_choice",
            {
                "question": (
                    "A stranger is asking your child in Albuquerque for nude photos. Which is a "
                    "good place to report, besides the app?"
                ),
                "choices": [
                    {"text": "NCMEC's CyberTipline or the FBI", "correct": True},
                    {"text": "Only the NMDOJ 'Share Your Experiences' form", "correct": False},
                    {"text": "A post on social media to warn others", "correct": False},
                ],
                "explanation": (
                    "The CyberTipline or FBI get the report to police quickly. You can also tell "
                    "NMDOJ, but do not rely on the form alone, and never post about it."
                ),
                "topics": ["new mexico", "reporting"],
            },
        ),
    ],
}

MODULE = {
    "title": "Help in New Mexico",
    "slug": "help-in-new-mexico",
    "intro": "<p>New Mexico's online safety hub, CYFD's #SAFE line, and who to call.</p>",
    "outcomes": [
        "Find NMDOJ's online safety guides and reporting form",
        "Report child abuse or neglect through CYFD's #SAFE line",
        "Choose the right place to report in New Mexico",
    ],
    "lessons": [LESSON],
    "quiz": QUIZ,
}

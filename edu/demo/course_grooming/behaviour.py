"""Course 1, module 2, lesson 3: warning signs in a child's behaviour."""

from __future__ import annotations

from datetime import date

from edu.demo import sources as src

LESSON_SIGNS_IN_BEHAVIOUR = {
    "title": "Warning signs in your child",
    "slug": "warning-signs-in-your-child",
    "summary": (
        "Changes in your child's mood and habits can be a sign that something is wrong online. "
        "Learn what to watch for, and why sudden change matters most."
    ),
    "estimated_minutes": 6,
    "platforms": [],
    "last_verified": date(2024, 1, 1),
    "sources": [
        src.NSPCC_GROOMING,
        src.INTERNET_MATTERS_GROOMING,
        src.NCMEC_SEXTORTION_2024,
        src.NETSMARTZ_PROTECTING_KIDS,
    ],
    "body": [
        (
            "paragraph",
            "<p>Many of these signs look like normal growing up. Teens like privacy, and moods "
            "change. What matters most is a <b>sudden change</b> that you cannot explain.</p>",
        ),
        (
            "warning_signs",
            {
                "title": "Changes to notice",
                "intro": "Look for new behaviour, or several of these at once.",
                "signs": [
                    {
                        "sign": "New secrecy about their phone or computer",
                        "why_it_matters": (
                            "Switching screens, new passwords, or a second hidden account can "
                            "mean someone asked them to hide a chat."
                        ),
                    },
                    {
                        "sign": "More time online, late at night",
                        "why_it_matters": (
                            "Late-night chats happen when no adult is around to notice."
                        ),
                    },
                    {
                        "sign": "Very upset when the device is taken away, or suddenly avoiding it",
                        "why_it_matters": (
                            "Avoiding the phone can mean something frightening happened on it."
                        ),
                    },
                    {
                        "sign": "Gifts, money, game currency or a new phone you cannot explain",
                        "why_it_matters": (
                            "Gifts are a common way to build trust and a sense of debt."
                        ),
                    },
                    {
                        "sign": "Asking for money or gift cards with no clear reason",
                        "why_it_matters": (
                            "Sextortion criminals often demand gift cards or payment apps."
                        ),
                    },
                    {
                        "sign": "Pulling away from family, friends or activities",
                        "why_it_matters": (
                            "A groomer may try to come between a child and the people close to "
                            "them."
                        ),
                    },
                    {
                        "sign": "Anxious, scared or upset after using the phone",
                        "why_it_matters": (
                            "Distress after screen time can mean threats or pressure."
                        ),
                    },
                    {
                        "sign": "Poor sleep, or a drop in schoolwork",
                        "why_it_matters": "Stress and late-night chats take their toll.",
                    },
                    {
                        "sign": "A much older 'friend', boyfriend or girlfriend met online",
                        "why_it_matters": (
                            "An adult has no reason to pursue a close bond with a child."
                        ),
                    },
                    {
                        "sign": "Sexual words or knowledge that seem too old for their age",
                        "why_it_matters": "Someone may be making sexual talk seem normal.",
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Do not pull the plug",
                "body": (
                    "<p>Taking the phone away can feel like the safe move. But children who fear "
                    "losing their phone often stop telling parents what happens online. Talk "
                    "first. Keep the door open.</p>"
                ),
            },
        ),
        (
            "paragraph",
            "<p>If you notice these signs, start with a calm, open talk. The course on talking "
            "with your child has ideas for what to say.</p>",
        ),
    ],
}

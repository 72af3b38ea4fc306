"""Places to report or get help (``courses.HelpResource`` snippets), for the US and New Mexico.

Numbers and addresses are from FACTS.md §3 and §0, checked against the services' own pages where
a stored copy was available (CYFD's hours are from its own report page; 988's from its operators'
public pages). ``sort_order`` puts the immediate-danger lines first.
"""

from __future__ import annotations

HELP_RESOURCES: list[dict] = [
    # United States
    {
        "name": "Emergency services (911)",
        "region": "US",
        "phone": "911",
        "text_sms": "",
        "url": "",
        "when_to_use": (
            "Call 911 if your child is in danger right now. That includes when someone has set up "
            "a meeting with your child, has threatened to hurt them, or when your child may hurt "
            "themselves."
        ),
        "hours": "Any time",
        "sort_order": 0,
        "immediate_danger": True,
    },
    {
        "name": "988 Suicide & Crisis Lifeline",
        "region": "US",
        "phone": "988",
        "text_sms": "988",
        "url": "https://988lifeline.org/",
        "when_to_use": (
            "Call or text 988 if your child is very upset, talks about hurting themselves, or you "
            "are worried about their safety. You can also call for advice about someone else."
        ),
        "hours": "24 hours a day, 7 days a week",
        "sort_order": 1,
        "immediate_danger": True,
    },
    {
        "name": "NCMEC CyberTipline",
        "region": "US",
        "phone": "1-800-843-5678",
        "text_sms": "",
        "url": "https://report.cybertip.org/",
        "when_to_use": (
            "Report an adult who is chatting with a child about sex, asking a child for sexual "
            "images, or threatening to share them. You can report online or by phone, and you can "
            "stay anonymous. The phone line is 1-800-THE-LOST. NCMEC passes reports to the police "
            "who can act on them."
        ),
        "hours": "24 hours a day, 7 days a week",
        "sort_order": 10,
        "immediate_danger": False,
    },
    {
        "name": "Take It Down (NCMEC)",
        "region": "US",
        "phone": "",
        "text_sms": "",
        "url": "https://takeitdown.ncmec.org/",
        "when_to_use": (
            "Use this free tool if a nude or sexual image of your child, taken when they were "
            "under 18, has been shared or may be shared online. The image stays on your device. "
            "Only a digital fingerprint is sent, so that taking-part apps can find and remove "
            "copies."
        ),
        "hours": "Online, any time",
        "sort_order": 20,
        "immediate_danger": False,
    },
    {
        "name": "FBI tips",
        "region": "US",
        "phone": "1-800-225-5324",
        "text_sms": "",
        "url": "https://tips.fbi.gov/",
        "when_to_use": (
            "Tell the FBI about sextortion, or any adult who is pressuring a child online. You can "
            "send a tip online or call 1-800-CALL-FBI. You can also contact your local FBI field "
            "office."
        ),
        "hours": "",
        "sort_order": 30,
        "immediate_danger": False,
    },
    # New Mexico
    {
        "name": "New Mexico Department of Justice: online safety (SMART CHATS)",
        "region": "US-NM",
        "phone": "",
        "text_sms": "",
        "url": "https://nmdoj.gov/get-help/internet-protection-safety/",
        "when_to_use": (
            "Find New Mexico's guides to privacy settings for apps and game consoles, and guides "
            "on sextortion and cyberbullying. Families can also use the 'Share Your Experiences' "
            "form to tell the state about harm on a platform."
        ),
        "hours": "Online, any time",
        "sort_order": 10,
        "immediate_danger": False,
    },
    {
        "name": "CYFD Statewide Central Intake (#SAFE)",
        "region": "US-NM",
        "phone": "1-855-333-7233",
        "text_sms": "",
        "url": "https://cyfd.nm.gov/protective-services/child-abuse-neglect/report-abuse-neglect/",
        "when_to_use": (
            "Report it if you know of, or suspect, abuse or neglect of a child in New Mexico. From "
            "a cell phone you can dial #SAFE (#7233). State law says every person must report "
            "this. You may stay anonymous."
        ),
        "hours": "24 hours a day, 7 days a week",
        "sort_order": 20,
        "immediate_danger": False,
    },
]

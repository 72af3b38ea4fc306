"""The apps and games the lock-down course covers (``courses.Platform`` snippets).

Minimum ages are the apps' own rules for an account of one's own in the US (FACTS.md §2). Roblox
sets no minimum age, so ``minimum_age`` is ``None`` there; its features are gated by age instead.
Links go to each app's own help, reporting and family pages, where parents should check any
setting that has moved since the lesson's last-verified date.
"""

from __future__ import annotations

PLATFORMS: list[dict] = [
    {
        "name": "Instagram",
        "slug": "instagram",
        "minimum_age": 13,
        "help_centre_url": "https://help.instagram.com/",
        "report_url": "https://help.instagram.com/",
        "family_tools_url": "https://familycenter.meta.com/instagram-safety/",
    },
    {
        "name": "Facebook",
        "slug": "facebook",
        "minimum_age": 13,
        "help_centre_url": "https://www.facebook.com/help/",
        "report_url": "https://www.facebook.com/help/",
        "family_tools_url": "https://familycenter.meta.com/our-products/facebook-messenger/",
    },
    {
        "name": "Messenger",
        "slug": "messenger",
        "minimum_age": 13,
        "help_centre_url": "https://www.messenger.com/help/",
        "report_url": "https://www.messenger.com/help/",
        "family_tools_url": "https://familycenter.meta.com/our-products/facebook-messenger/",
    },
    {
        "name": "WhatsApp",
        "slug": "whatsapp",
        "minimum_age": 13,
        "help_centre_url": "https://faq.whatsapp.com/",
        "report_url": "https://faq.whatsapp.com/",
        "family_tools_url": "https://faq.whatsapp.com/",
    },
    {
        "name": "Snapchat",
        "slug": "snapchat",
        "minimum_age": 13,
        "help_centre_url": "https://help.snapchat.com/",
        "report_url": "https://help.snapchat.com/",
        "family_tools_url": "https://help.snapchat.com/",
    },
    {
        "name": "TikTok",
        "slug": "tiktok",
        "minimum_age": 13,
        "help_centre_url": "https://support.tiktok.com/",
        "report_url": "https://support.tiktok.com/",
        "family_tools_url": "https://support.tiktok.com/",
    },
    {
        "name": "Discord",
        "slug": "discord",
        "minimum_age": 13,
        "help_centre_url": "https://support.discord.com/",
        "report_url": "https://support.discord.com/",
        "family_tools_url": "https://discord.com/safety/360044153831-helping-your-teen-stay-safe-on-discord",
    },
    {
        "name": "Roblox",
        "slug": "roblox",
        "minimum_age": None,
        "help_centre_url": "https://en.help.roblox.com/",
        "report_url": "https://en.help.roblox.com/",
        "family_tools_url": "https://corp.roblox.com/parents/",
    },
    {
        "name": "YouTube",
        "slug": "youtube",
        "minimum_age": 13,
        "help_centre_url": "https://support.google.com/youtube/",
        "report_url": "https://support.google.com/youtube/",
        "family_tools_url": "https://support.google.com/youtube/answer/10314074",
    },
]

"""Course 2: Locking down the apps your child uses (one module per platform)."""

from __future__ import annotations

from edu.demo.course_lockdown import (
    discord,
    facebook,
    instagram,
    roblox,
    snapchat,
    tiktok,
    whatsapp,
    youtube,
)

COURSE = {
    "title": "Locking down the apps your child uses",
    "slug": "locking-down-apps",
    "summary": (
        "Step-by-step privacy settings, family tools and reporting for Instagram, Facebook and "
        "Messenger, WhatsApp, Snapchat, TikTok, Discord, Roblox and YouTube."
    ),
    "outcomes": [
        "Check the key privacy settings on each app your child uses",
        "Set up each app's family or supervision tools",
        "Know each app's minimum age and how to report on it",
    ],
    "age_bands": ["under-8", "8-10", "11-13", "14-17"],
    "tags": ["privacy settings", "parental controls", "reporting"],
    "modules": [
        instagram.MODULE,
        facebook.MODULE,
        whatsapp.MODULE,
        snapchat.MODULE,
        tiktok.MODULE,
        discord.MODULE,
        roblox.MODULE,
        youtube.MODULE,
    ],
}

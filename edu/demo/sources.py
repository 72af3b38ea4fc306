"""Sources cited by the demo lessons, shared so that each is spelled one way.

Every fact taught in the demo comes from ``shared/domain/FACTS.md``, which was compiled in
November 2026 from stored copies of these public pages (nothing there was re-checked against the
live web). ``accessed`` records that month (its first day, as the field needs a full date). Each
lesson's ``last_verified`` is the date of the newest dated source it relies on (where only the
year or month is known, the earliest date it can be: NCMEC's mid-2025 figures cover data to
30 June 2025, so 1 July 2025), so that a lesson about fast-changing app settings shows its true
age and falls due for a live re-check.
"""

from __future__ import annotations

from datetime import date

ACCESSED = date(2026, 11, 1)


def source(title: str, publisher: str, url: str) -> dict:
    return {"title": title, "publisher": publisher, "url": url, "accessed": ACCESSED}


# Grooming, sextortion and what to do
NSPCC_GROOMING = source(
    "Protecting children from grooming (briefing, updated 30 November 2018)",
    "NSPCC Learning",
    "https://learning.nspcc.org.uk/research-resources/briefings/grooming/",
)
INTERNET_MATTERS_GROOMING = source(
    "Online grooming guide: what parents need to know",
    "Internet Matters",
    "https://www.internetmatters.org/resources/online-grooming-guide-what-parents-need-to-know/",
)
INTERNET_MATTERS_DEAL_WITH_IT = source(
    "Online grooming: dealing with it",
    "Internet Matters",
    "https://www.internetmatters.org/issues/online-grooming/deal-with-it/",
)
CHILDNET_GROOMING = source(
    "How can I tell if someone I know is being groomed?",
    "Childnet",
    "https://www.childnet.com/young-people/secondary/grooming/how-can-i-tell-if-someone-i-know-is-being-groomed/",
)
CYBER_HELPLINE_GROOMING = source(
    "Online grooming guide",
    "The Cyber Helpline",
    "https://www.thecyberhelpline.com/guides/online-grooming",
)
THORN_GROOMING_2022 = source(
    "New Thorn research examines youth experiences and attitudes about online grooming "
    "(6 June 2022)",
    "Thorn",
    "https://www.thorn.org/blog/new-thorn-research-examines-youth-experiences-and-attitudes-about-online-grooming/",
)
THORN_PARENTS_GROOMING = source(
    "What is grooming? (discussion guide for parents)",
    "Thorn for Parents",
    "https://parents.thorn.org/guides/what-is-grooming/",
)
THORN_FINANCIAL_SEXTORTION_2024 = source(
    "Financial sextortion on the rise, targeting teen boys, Thorn research finds (24 June 2024)",
    "Thorn and NCMEC, via PR Newswire",
    "https://www.prnewswire.com/news-releases/financial-sextortion-on-the-rise-targeting-teen-boys-thorn-research-finds-302179385.html",
)
NCMEC_SEXTORTION_2024 = source(
    "NCMEC releases new sextortion data (2024)",
    "National Center for Missing & Exploited Children",
    "https://www.missingkids.org/blog/2024/ncmec-releases-new-sextortion-data",
)
NCMEC_SPIKE_2025 = source(
    "Spike in online crimes against children a wake-up call (2025)",
    "National Center for Missing & Exploited Children",
    "https://www.missingkids.org/blog/2025/spike-in-online-crimes-against-children-a-wake-up-call",
)
NETSMARTZ_SEXTORTION_ES = source(
    "Sextorsión (NetSmartz, en español)",
    "National Center for Missing & Exploited Children",
    "https://www.missingkids.org/netsmartz/es/topics/sextortion",
)
NCAC_SEXTORTION_STEPS = source(
    "Steps to take following financial sextortion",
    "National Children's Advocacy Center",
    "https://www.nationalcac.org/steps-to-take-following-financial-sextortion/",
)
STOP_SEXTORTION_HELP = source(
    "Get help",
    "Thorn (StopSextortion.com)",
    "https://stopsextortion.com/get-help/",
)

# Reporting channels
CYBERTIPLINE_FAQS = source(
    "CyberTipline frequently asked questions",
    "National Center for Missing & Exploited Children",
    "https://report.cybertip.org/faqs",
)
CYBERTIPLINE = source(
    "CyberTipline",
    "National Center for Missing & Exploited Children",
    "https://www.missingkids.com/CybertipLine",
)
TAKE_IT_DOWN_FAQ = source(
    "Take It Down: frequently asked questions",
    "National Center for Missing & Exploited Children",
    "https://takeitdown.ncmec.org/faq/",
)
FBI_PONLE_PARO = source(
    "Ponle paro a la sextorsión (18 December 2019)",
    "Federal Bureau of Investigation",
    "https://www.fbi.gov/news/espanol/ponle-paro-a-la-sextorsion-121819",
)
INSTAGRAM_PARENTS = source(
    "Instagram for parents",
    "Instagram",
    "https://about.instagram.com/community/parents",
)

# New Mexico
NMDOJ_ONLINE_SAFETY = source(
    "Internet protection and safety",
    "New Mexico Department of Justice",
    "https://nmdoj.gov/get-help/internet-protection-safety/",
)
NMDOJ_SMART_CHATS = source(
    "SMART CHATS",
    "New Mexico Department of Justice",
    "https://nmdoj.gov/get-help/smart-chats/",
)
NMAG_CYBER = source(
    "Cyber security",
    "New Mexico Attorney General",
    "https://nmag.gov/taking-action/cyber-security/",
)
CYFD_REPORT = source(
    "Report abuse or neglect",
    "New Mexico Children, Youth and Families Department",
    "https://cyfd.nm.gov/protective-services/child-abuse-neglect/report-abuse-neglect/",
)
SFR_METAPHILE = source(
    "AG hammers Meta over alleged child predation (9 May 2024)",
    "Santa Fe Reporter",
    "https://www.sfreporter.com/news/2024/05/09/ag-hammers-meta-over-alleged-child-predation/",
)
CBS_METAPHILE = source(
    "New Mexico attorney general announces arrests in sting targeting Meta platforms (8 May 2024)",
    "CBS News",
    "https://www.cbsnews.com/news/new-mexico-ag-raul-torrez-meta-child-exploitation-sting-operation/",
)
ABQJ_METAPHILE = source(
    "Three alleged online child predators arrested (8 May 2024)",
    "Albuquerque Journal, via AOL",
    "https://www.aol.com/three-alleged-online-child-predators-030200397.html",
)
KRWG_METAPHILE = source(
    "New Mexico attorney general announces arrests after operation targeting online predators "
    "(9 May 2024)",
    "KRWG Public Media",
    "https://www.krwg.org/2024-05-09/new-mexico-attorney-general-announces-arrests-after-operation-targeting-online-predators",
)

# Platforms
META_INSTAGRAM_SAFETY = source(
    "Instagram Teen Accounts and supervision",
    "Meta Family Center",
    "https://familycenter.meta.com/instagram-safety/",
)
INSTAGRAM_SUPERVISION_HELP = source(
    "About supervision on Instagram",
    "Instagram Help Centre",
    "https://help.instagram.com/472274307935829",
)
INSTAGRAM_PG13_2025 = source(
    "Instagram limits what teens can see with PG-13 rules (16 October 2025)",
    "Hindustan Times",
    "https://www.hindustantimes.com/technology/instagram-limits-what-teens-can-see-with-pg-13-rules-parents-now-have-this-power-101760607065764.html",
)
META_FB_MESSENGER = source(
    "Facebook and Messenger supervision",
    "Meta Family Center",
    "https://familycenter.meta.com/our-products/facebook-messenger/",
)
META_TEEN_ACCOUNTS_GLOBAL_2025 = source(
    "Meta activates Facebook 'teen accounts' worldwide (26 September 2025)",
    "CNA (AFP)",
    "https://www.channelnewsasia.com/world/meta-activates-facebook-teen-accounts-worldwide-5370141",
)
MESSENGER_KIDS_HELP = source(
    "Messenger Kids: the Parent Dashboard",
    "Messenger Help Centre",
    "https://www.messenger.com/help/2561872534065550",
)
INTERNET_MATTERS_WHATSAPP = source(
    "WhatsApp parental controls and privacy settings guide",
    "Internet Matters",
    "https://www.internetmatters.org/blog/parental-controls/social-media/whatsapp/",
)
WHATSAPP_PARENT_MANAGED_2026 = source(
    "WhatsApp adds parent-managed accounts for pre-teens (12 March 2026)",
    "Help Net Security",
    "https://www.helpnetsecurity.com/2026/03/12/whatsapp-parent-managed-accounts-contacts-controls/",
)
SNAPCHAT_FIND_FRIENDS = source(
    "What happened to Quick Add?",
    "Snapchat Support",
    "https://help.snapchat.com/hc/en-us/articles/34691800487316-What-happened-to-Quick-Add",
)
SNAPCHAT_FAMILY_CENTER = source(
    "What is Family Center? (Danish edition: Hvad er Familiecenter?)",
    "Snapchat Support",
    "https://help.snapchat.com/hc/da/articles/7121384944788-Hvad-er-Familiecenter",
)
TIKTOK_TEEN_SETTINGS = source(
    "Privacy and safety settings for users under age 18",
    "TikTok Support",
    "https://support.tiktok.com/en/account-and-privacy/account-privacy-settings/privacy-and-safety-settings-for-users-under-age-18",
)
TIKTOK_FAMILY_PAIRING_2025 = source(
    "TikTok's upgraded Family Pairing puts parents in charge (25 March 2025)",
    "Manila Bulletin",
    "https://mb.com.ph/2025/3/25/tik-tok-s-upgraded-family-pairing-puts-parents-in-charge",
)
DISCORD_SAFER_TEENS = source(
    "Building a safer place for teens",
    "Discord Safety Center",
    "https://discord.com/safety/safer-place-for-teens",
)
DISCORD_HELP_TEEN = source(
    "Helping your teen stay safe on Discord",
    "Discord Safety Center",
    "https://discord.com/safety/360044153831-helping-your-teen-stay-safe-on-discord",
)
DISCORD_FAMILY_CENTER_2025 = source(
    "Discord introduces new Family Center features (6 November 2025)",
    "ARY News",
    "https://arynews.tv/discord-introduces-new-family-center-features",
)
DISCORD_TEEN_DEFAULT_2026 = source(
    "Discord launches teen-by-default settings globally (9 February 2026)",
    "Discord, via PR Newswire",
    "https://www.prnewswire.com/news-releases/discord-launches-teen-by-default-settings-globally-302681851.html",
)
ROBLOX_PARENTAL_CONTROLS_2024 = source(
    "Introducing updates to our safety protections and parental controls (18 November 2024)",
    "Roblox Developer Forum",
    "https://devforum.roblox.com/t/introducing-updates-to-our-safety-protections-and-parental-controls/3264200",
)
ROBLOX_AGE_CHECKS_2026 = source(
    "Roblox rolls out mandatory facial age checks for in-game chat worldwide (9 January 2026)",
    "PocketGamer.biz",
    "https://www.pocketgamer.biz/roblox-rolls-out-mandatory-facial-age-checks-for-in-game-chat-worldwide/",
)
YOUTUBE_SUPERVISED_ACCOUNTS = source(
    "Get started with supervised accounts",
    "YouTube Help",
    "https://support.google.com/youtube/answer/10314074",
)
YOUTUBE_TEEN_SUPERVISION_2024 = source(
    "How to set up a teen supervised experience on YouTube (15 December 2024)",
    "NewsBytes",
    "https://www.newsbytesapp.com/news/science/youtube-offers-supervised-experience-for-teens-how-to-use-it/story",
)
YOUTUBE_AGE_ESTIMATION_2025 = source(
    "YouTube launches new tech to verify ages automatically (13 August 2025)",
    "Daily Voice",
    "https://dailyvoice.com/nj/west-milford/youtube-launches-new-tech-to-verify-ages-automatically-amid-privacy-concerns/",
)
AITKEN_GROOMING_THEMES_2017 = source(
    "Online sexual grooming: exploratory comparison of themes arising from male offenders' "
    "communications with male victims compared to female victims (Deviant Behavior, 2017)",
    "Aitken, Gaskell and Hodkinson, Liverpool Hope University",
    "https://doi.org/10.1080/01639625.2017.1410372",
)
NETSMARTZ_PROTECTING_KIDS = source(
    "Protecting your kids online (NetSmartz tip sheet, 2010-2013)",
    "National Center for Missing & Exploited Children",
    "https://s3.documentcloud.org/documents/2093159/protectingkidsonline-ice.txt",
)
NSPCC_REPORT_REMOVE = source(
    "Report Remove",
    "NSPCC Learning",
    "https://learning.nspcc.org.uk/research-resources/report-remove",
)
INSTAGRAM_SAFER_INTERNET_DAY = source(
    "Safer Internet Day: tools to keep yourself safe on Instagram",
    "Instagram",
    "https://about.instagram.com/blog/tips-and-tricks/safer-internet-day",
)
NZ_HERALD_INSTAGRAM_MAP_2025 = source(
    "Instagram Map lets your friends, and possibly exes, track your every move "
    "(The Washington Post, 7 August 2025)",
    "NZ Herald",
    "https://www.nzherald.co.nz/world/instagram-map-lets-your-friends-and-possibly-exes-track-your-every-move/S3MCVFE54JFCRFNXZBUZYFHN7E/",
)
META_TEEN_UPDATE_APRIL_2025 = source(
    "Kids under 16 will no longer be allowed to livestream on Instagram without parental consent "
    "(The Associated Press, 8 April 2025)",
    "CityNews Toronto",
    "https://toronto.citynews.ca/2025/04/08/kids-under-16-will-no-longer-be-allowed-to-livestream-on-instagram-without-parental-consent/",
)
THORN_EMPOWERS_PARENTS_2024 = source(
    "How Thorn empowers parents and youth to prevent abuse (15 April 2024)",
    "Thorn",
    "https://www.thorn.org/blog/how-thorn-empowers-parents-youth-to-prevent-abuse/",
)
THORN_FOR_PARENTS_LAUNCH = source(
    "Online resource helps parents talk to kids about digital safety",
    "InBetween (on Thorn for Parents)",
    "https://inbetween.ca/thorn/",
)
THORN_PARENTS_RISKY_ENCOUNTERS = source(
    "Creating a safe space to talk about risky online encounters (discussion guide)",
    "Thorn for Parents",
    "https://parents.thorn.org/guides/risky-online-encounters/",
)
NCMEC_KENNEDY_SEXTORTION = source(
    "What to do if you are threatened with sextortion (reprint of a New York Times article)",
    "German News (reprint)",
    "https://germannews.org/what-to-do-if-you-are-threatened-with-sextortion/",
)
THORN_GROOMING_REPORT_2022 = source(
    "Online grooming report: young people's online encounters growing riskier (29 April 2022)",
    "Thorn",
    "https://www.thorn.org/press-releases/online-grooming-report-young-peoples-online-encounters-growing-riskier/",
)
FAIRFAX_SEXTORTION_2023 = source(
    "Protecting teens from sextortion (24 February 2023)",
    "Fairfax County Times",
    "https://www.fairfaxtimes.com/articles/fairfax_county/protecting-teens-from-sextortion/article_b129d6e0-b3bb-11ed-951b-b7029c866c8a.html",
)
NCMEC_BEHIND_THE_SCENES_2024 = source(
    "Behind the scenes: how NCMEC identified a new sextortion crisis (2024)",
    "National Center for Missing & Exploited Children",
    "https://www.missingkids.org/blog/2024/behind-the-scenes-how-ncmec-identified-new-sextortion-crisis",
)
DISCORD_DELAY_2026 = source(
    "Discord delays global age verification rollout amid user backlash (25 February 2026)",
    "NewsBytes",
    "https://www.newsbytesapp.com/news/science/discord-delays-global-age-verification-rollout-amid-user-backlash/story",
)

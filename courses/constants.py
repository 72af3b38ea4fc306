"""Vocabularies shared by the course pages, the lesson blocks and the quizzes app."""

from django.utils.translation import gettext_lazy as _

# The child's age band, used to target courses and conversation starters.
AGE_BANDS = [
    ("under-8", _("Under 8")),
    ("8-10", _("8–10")),
    ("11-13", _("11–13")),
    ("14-17", _("14–17")),
]
AGE_BAND_VALUES = frozenset(value for value, _label in AGE_BANDS)

# Who sent a message in a fictional chat scenario.
CHAT_SENDERS = [
    ("child", _("Child")),
    ("contact", _("Other person")),
]

CALLOUT_KINDS = [
    ("tip", _("Tip")),
    ("important", _("Important")),
    ("warning", _("Warning")),
]

# Help-resource regions are ISO 3166-1 country codes, optionally with an ISO 3166-2
# subdivision: "US", "US-NM". A subdivision's visitors also see their country's resources.
REGION_PATTERN = r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$"

# Names shown in the region switcher; a code without a name is shown as the code itself.
REGION_NAMES = {
    "US": _("United States (nationwide)"),
    "US-AK": _("Alaska"),
    "US-AL": _("Alabama"),
    "US-AR": _("Arkansas"),
    "US-AZ": _("Arizona"),
    "US-CA": _("California"),
    "US-CO": _("Colorado"),
    "US-CT": _("Connecticut"),
    "US-DC": _("District of Columbia"),
    "US-DE": _("Delaware"),
    "US-FL": _("Florida"),
    "US-GA": _("Georgia"),
    "US-HI": _("Hawaii"),
    "US-IA": _("Iowa"),
    "US-ID": _("Idaho"),
    "US-IL": _("Illinois"),
    "US-IN": _("Indiana"),
    "US-KS": _("Kansas"),
    "US-KY": _("Kentucky"),
    "US-LA": _("Louisiana"),
    "US-MA": _("Massachusetts"),
    "US-MD": _("Maryland"),
    "US-ME": _("Maine"),
    "US-MI": _("Michigan"),
    "US-MN": _("Minnesota"),
    "US-MO": _("Missouri"),
    "US-MS": _("Mississippi"),
    "US-MT": _("Montana"),
    "US-NC": _("North Carolina"),
    "US-ND": _("North Dakota"),
    "US-NE": _("Nebraska"),
    "US-NH": _("New Hampshire"),
    "US-NJ": _("New Jersey"),
    "US-NM": _("New Mexico"),
    "US-NV": _("Nevada"),
    "US-NY": _("New York"),
    "US-OH": _("Ohio"),
    "US-OK": _("Oklahoma"),
    "US-OR": _("Oregon"),
    "US-PA": _("Pennsylvania"),
    "US-RI": _("Rhode Island"),
    "US-SC": _("South Carolina"),
    "US-SD": _("South Dakota"),
    "US-TN": _("Tennessee"),
    "US-TX": _("Texas"),
    "US-UT": _("Utah"),
    "US-VA": _("Virginia"),
    "US-VT": _("Vermont"),
    "US-WA": _("Washington"),
    "US-WI": _("Wisconsin"),
    "US-WV": _("West Virginia"),
    "US-WY": _("Wyoming"),
    "CA": _("Canada"),
    "GB": _("United Kingdom"),
    "IE": _("Ireland"),
    "AU": _("Australia"),
    "NZ": _("New Zealand"),
}


def region_label(code: str) -> str:
    """A human name for a region code, falling back to the code."""
    return str(REGION_NAMES.get(code, code))


def region_and_parents(code: str) -> list[str]:
    """``"US-NM"`` → ``["US-NM", "US"]``: a subdivision's visitors also need national help."""
    country = code.split("-", 1)[0]
    return [code] if country == code else [code, country]

"""Display names for stored codes: countries (ISO alpha-2) and dates."""

from datetime import date
from functools import lru_cache

import pycountry

# Shorter names a newsroom would use, where pycountry's official name is a mouthful.
_SHORT = {
    "RU": "Russia",
    "XK": "Kosovo",
    "TW": "Taiwan",
    "KP": "North Korea",
    "SY": "Syria",
    "MD": "Moldova",
    "VN": "Vietnam",
    "LA": "Laos",
    "BO": "Bolivia",
    "TZ": "Tanzania",
}


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """'RU' -> 'Russian Federation' (common name where pycountry has one); unknown codes as is."""
    if not code:
        return "No country"
    if code.upper() in _SHORT:
        return _SHORT[code.upper()]
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code.upper()
    return getattr(country, "common_name", None) or country.name


def is_country_code(code: str) -> bool:
    code = code.upper()
    return len(code) == 2 and (code in _SHORT or pycountry.countries.get(alpha_2=code) is not None)


def country_code_for(text: str) -> str | None:
    """The ISO code of the country named exactly `text` ('Russia', 'brazil'), or typed as its
    code in capitals ('US'; lower-case 'us' is far more often the word)."""
    text = " ".join(text.split())
    if len(text) == 2 and text.isupper():
        return text if is_country_code(text) else None
    return _country_names().get(text.lower())


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("official_name", "name", "common_name"):
            if value := getattr(country, attr, None):
                names[value.lower()] = country.alpha_2
    names.update({name.lower(): code for code, name in _SHORT.items()})
    return names


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip  # English whatever the locale; strftime's %B was a tenth of a quote's markup


def long_date(value: date | None) -> str:
    """'14 May 2019'; 'undated' when the article had no date."""
    if value is None:
        return "undated"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"

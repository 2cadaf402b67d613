"""Dates as a reader writes them: "7 December 2026", "7 Rhagfyr 2026" (Welsh months take no mutation after a
number). Pure; the month names are the language's, not a locale's (the build machine's locale is not Welsh)."""

from __future__ import annotations

from datetime import date

from ..model.language import Language

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "cy": (
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ),
}


def long_date(day: date, lang: Language) -> str:
    """The day, the month's name and the year: "1 September 2025", "1 Medi 2025"."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"

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


def source_date(value: str, lang: Language) -> str:
    """A source's date as it gives it (YYYY, YYYY-MM or YYYY-MM-DD, lpl.load.pages) as a reader writes it: "2018",
    "September 2018" / "Medi 2018", "20 September 2018"; a value that is not a real day is given as written."""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return str(numbers[0])
        if len(numbers) == 2 and 1 <= numbers[1] <= 12:
            return f"{MONTHS[lang][numbers[1] - 1]} {numbers[0]}"
        if len(numbers) == 3:
            return long_date(date(*numbers), lang)
    except ValueError:
        pass
    return value

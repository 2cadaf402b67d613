"""Welsh spelling: every word of the Welsh texts through the Welsh Hunspell dictionary (hunspell-cy).

Words are taken as Welsh writes them: "sy'n", "a'r", "i'w", "dysgu'r" stay whole (the dictionary knows
them whole), hyphenated words too ("cyd-destun"). All distinct words go through Debian's `hunspell` program
in one call (`-w`: one word a line, no splitting of its own), so the whole site takes well under a second.
A word the Welsh dictionary does not know but the English one (en_GB) does is reported as English:
translate it, mark it (`<span lang="en">…</span>` in a guidance page), or allow it with a reason.
`data/welsh_allowlist.txt` holds the words that are right though the dictionary does not know them (names
of schools and places, acronyms), each with its reason; an entry of several words is a phrase (an English
title quoted in a Welsh data text, where no markup can say it is English), left out wherever it is written.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .passages import Passage

DICTIONARY = Path("tools") / "hunspell-cy" / "cy_GB"  # .dic/.aff, March 2025 (tools/hunspell-cy/README.md)
ENGLISH_DICTIONARY = "en_GB"  # Debian's hunspell-en-gb
ALLOWLIST = Path("data") / "welsh_allowlist.txt"
# A word: letters, with apostrophes or hyphens inside it ("sy'n", "cyd-destun"); digits end it.
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
UNKNOWN, ENGLISH = "unknown", "English"


class SpellerMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Misspelling:
    path: str
    line: int
    word: str
    kind: str  # UNKNOWN or ENGLISH

    def message(self) -> str:
        if self.kind == ENGLISH:
            return (
                f"English word in Welsh text: {self.word!r} (translate it, mark it as English, or add it to "
                f"{ALLOWLIST.as_posix()} with a reason)"
            )
        return f"unknown Welsh word: {self.word!r} (correct it, or add it to {ALLOWLIST.as_posix()} with a reason)"


def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in WORD.findall(text)]


def hunspell_version() -> str:
    run = subprocess.run([_hunspell(), "-v"], capture_output=True, text=True, check=True)
    return run.stdout.splitlines()[0].split("(but really ")[-1].rstrip(")") if run.stdout else "?"


def unknown_words(candidates: Iterable[str], dictionary: str | Path) -> set[str]:
    """The words `dictionary` does not know (one call of `hunspell -w`, a word a line)."""
    candidates = sorted(set(candidates))
    if not candidates:
        return set()
    run = subprocess.run(
        [_hunspell(), "-d", str(dictionary), "-w"],
        input="\n".join(candidates) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if run.returncode != 0 or "Can't open" in run.stderr:
        raise SpellerMissing(f"hunspell could not use the dictionary {dictionary}: {run.stderr.strip()}")
    return set(run.stdout.split("\n")) - {""}


def _hunspell() -> str:
    found = shutil.which("hunspell")
    if not found:
        raise SpellerMissing(
            "the 'hunspell' program is missing (Debian: apt-get install hunspell hunspell-en-gb; .ci/run installs it)"
        )
    return found


def read_allowlist(path: Path) -> tuple[dict[str, str], list[str]]:
    """{word: reason} from lines 'word  # reason', and the problems found (an entry without a reason)."""
    allowed: dict[str, str] = {}
    problems: list[str] = []
    if not path.is_file():
        return allowed, problems
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        word, _, reason = line.partition("#")
        word, reason = word.strip(), reason.strip()
        if not reason:
            problems.append(f"{path.name}:{n}: {word!r} has no reason (write 'word  # why it is right')")
        if word in allowed:
            problems.append(f"{path.name}:{n}: {word!r} is listed twice")
        allowed[word] = reason
    return allowed, problems


def _without(text: str, phrases: list[str]) -> str:
    for phrase in phrases:
        if phrase in text:
            text = text.replace(phrase, " ")
    return text


def phrases_of(allowed: dict[str, str]) -> list[str]:
    """The allowlist's entries of several words, longest first (left out wherever they are written)."""
    return sorted((a for a in allowed if " " in a), key=len, reverse=True)


def checked_words(text: str, phrases: list[str]) -> list[str]:
    """The words of a text the check looks up: allowed phrases left out, and one letter is a label ("cam A
    neu B"), not a word."""
    return [w for w in (w.strip("'-") for w in words(_without(text, phrases))) if len(w) > 1]


def classify(candidates: Iterable[str], root: Path, allowed: dict[str, str]) -> tuple[set[str], set[str]]:
    """(unknown, English): the words neither the allowlist nor the Welsh dictionary knows, and of those the
    ones the English dictionary knows."""
    unknown = unknown_words({w for w in candidates if w not in allowed}, Path(root) / DICTIONARY)
    try:
        english = unknown - unknown_words(unknown, ENGLISH_DICTIONARY) if unknown else set()
    except SpellerMissing:  # without the English dictionary every unknown word is just unknown
        english = set()
    return unknown, english


def misspellings(passages: Iterable[Passage], root: Path, allowed: dict[str, str]) -> list[Misspelling]:
    """Every word of the passages the Welsh dictionary does not know and the allowlist does not hold."""
    phrases = phrases_of(allowed)
    found_in = [(p, checked_words(p.text, phrases)) for p in passages]
    unknown, english = classify({w for _, ws in found_in for w in ws}, root, allowed)
    return [
        Misspelling(p.path, p.line, w, ENGLISH if w in english else UNKNOWN)
        for p, ws in found_in
        for w in ws
        if w in unknown
    ]

"""Varied text for synthetic case studies: word-level Markov chains over the project's own prose.

Copies of the examples would give an index with nine case studies' words repeated N times; real
case studies bring new words, names and phrasings. Each language's chain is trained on the example
case studies' texts and the guidance pages (docs/<lang>/*.md, without Markdown markup), so the
generated text has the site's vocabulary, word frequencies and Welsh mutations as written, in new
combinations; school and place names are put together from word lists. The text is not meant to
be read: it is labelled synthetic and exists only in benchmark copies of the project.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from pathlib import Path

ORDER = 2
START = ("", "")

# Elements of (mostly invented) Welsh school and place names: "Ysgol Bryn Derwen", "Ysgol Nant Eithin".
NAME_FIRST = (
    "Aber",
    "Bryn",
    "Cae",
    "Coed",
    "Cwm",
    "Glan",
    "Gwaun",
    "Llan",
    "Maes",
    "Nant",
    "Pant",
    "Pen",
    "Pont",
    "Rhos",
    "Tal",
    "Tre",
    "Ty'n",
    "Ynys",
    "Bron",
    "Caer",
    "Dôl",
    "Ffridd",
    "Garth",
    "Hafod",
)
NAME_SECOND = (
    "Derwen",
    "Eithin",
    "Helyg",
    "Onnen",
    "Afon",
    "Celyn",
    "Grug",
    "Bedw",
    "Ceirios",
    "Gwenyn",
    "Meillion",
    "Rhedyn",
    "Wennol",
    "Dderwen",
    "Felin",
    "Ffynnon",
    "Gollen",
    "Mynydd",
    "Gwyn",
    "Glas",
    "Llwyd",
    "Teg",
    "Hir",
    "Bach",
    "Mawr",
    "Uchaf",
    "Isaf",
    "Eryr",
    "Dyffryn",
    "Rhiw",
)


def _plain(markdown: str) -> str:
    """Prose of a Markdown page: no front matter, markup, links' targets or HTML."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"\[\[fact:[^\]\n]{0,100}\]\]", " ", text)  # the fact ledger's references: pages only
    text = re.sub(r"<[^>]{0,500}>|\{[^}\n]{0,200}\}", " ", text)
    text = re.sub(r"\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)", r"\1", text)
    text = re.sub(r"^\s*(?:#+|[-*]|\d+\.|!!!.*|\|.*)\s*", "", text, flags=re.M)
    return re.sub(r"[*_`]", "", text)


class Chain:
    """An order-2 word chain; `paragraph` walks it from a sentence start to a sentence end."""

    def __init__(self, texts: list[str]):
        self.next: dict[tuple[str, str], list[str]] = defaultdict(list)
        for text in texts:
            for para in re.split(r"\n\s*\n", text):
                words = para.split()
                if len(words) < 4:
                    continue
                state = START
                for word in words:
                    self.next[state].append(word)
                    state = (state[1], word)
                    if word.endswith((".", "?", "!")):
                        self.next[state].append("")  # a sentence may end here
                        state = START
        self.words = sorted({w for options in self.next.values() for w in options if w})

    def sentence(self, rng: random.Random, limit: int = 60) -> str:
        state, words = START, []
        while len(words) < limit:
            options = self.next.get(state)
            word = rng.choice(options) if options else ""
            if not word:
                break
            words.append(word)
            state = START if word.endswith((".", "?", "!")) else (state[1], word)
            if state == START:
                break
        text = " ".join(words)
        return text if text.endswith((".", "?", "!")) else text.rstrip(",;:") + "."

    def paragraph(self, rng: random.Random, sentences: int) -> str:
        return " ".join(self.sentence(rng) for _ in range(sentences))

    def text(self, rng: random.Random, like: str) -> str:
        """Text shaped like `like` (as many paragraphs, about as many sentences each)."""
        paras = [p for p in re.split(r"\n\s*\n", like.strip()) if p.strip()] or [like]
        out = [self.paragraph(rng, max(1, len(re.findall(r"[.?!](?:\s|$)", p)) + rng.randint(-1, 1))) for p in paras]
        return "\n\n".join(out) if len(out) > 1 else out[0]


def chains(root: Path, examples) -> dict[str, Chain]:
    """One chain per language, over the examples' texts and the guidance pages."""
    out = {}
    for lang in ("en", "cy"):
        texts = [t.best(lang) for s in examples for t in s.texts().values() if t and t.best(lang)]
        texts += [_plain(p.read_text(encoding="utf-8")) for p in sorted((root / "docs" / lang).glob("*.md"))]
        out[lang] = Chain(texts)
    return out


def school_name(rng: random.Random) -> str:
    return f"{rng.choice(NAME_FIRST)} {rng.choice(NAME_SECOND)}"

"""Build one language's search index: pages in, a JSON-ready dict out.

The index holds each section's text (for result snippets), every word form with its postings
(section, weight), and the rewrite keys under which a form is found (a form is always found under
itself). Weights are BM25 term-frequency parts, precomputed; the browser adds the inverse
document frequency of whatever the query matched, since that depends on the query's forms.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass

from .extract import sections
from .text import LANGUAGES, Language

FORMAT = 1
HEADING_WEIGHT = 3  # a word in a section's heading (or the page title) counts as three in its text
BOILERPLATE_PAGES = 3  # a heading found on this many pages is a template's label
K1, B = 1.2, 0.75  # BM25


@dataclass(frozen=True)
class PageText:
    location: str  # URL of the page as the index's reader should follow it
    title: str
    html: str  # the page's rendered content (Markdown → HTML), without the theme's chrome


def build_index(pages: list[PageText], language: str | Language) -> dict:
    lang = LANGUAGES[language] if isinstance(language, str) else language
    read = [sections(page.html) for page in pages]
    # A heading on many pages ("Impact", "Hallmarks" on every case study) is a template's label, not
    # what the section is about: its words are not indexed. Even weighed as running text they would
    # lead a one-line section (BM25 favours short ones), so every case study's "Entitlement statements"
    # list would outrank the page of that name. A page's title is its own, never a label.
    boilerplate = {
        h
        for h, n in Counter(s.heading for found in read for s in {x.heading: x for x in found[1:]}.values()).items()
        if n >= BOILERPLATE_PAGES
    }
    page_rows, section_rows, counts = [], [], []
    for p, (page, found) in enumerate(zip(pages, read, strict=True)):
        page_rows.append([page.location, page.title])
        for i, section in enumerate(found):
            heading = page.title if i == 0 else section.heading
            tf = Counter(lang.terms(section.text))
            if i == 0 or heading not in boilerplate:
                for term in lang.terms(heading):
                    tf[term] += HEADING_WEIGHT
            section_rows.append([p, section.anchor, heading, section.text])
            counts.append(tf)

    average = sum(sum(c.values()) for c in counts) / max(len(counts), 1) or 1.0
    postings: dict[str, list[int]] = defaultdict(list)
    for s, tf in enumerate(counts):
        length = sum(tf.values())
        for term, f in sorted(tf.items()):
            weight = f * (K1 + 1) / (f + K1 * (1 - B + B * length / average))
            postings[term] += [s, max(1, round(100 * weight))]

    forms = sorted(postings)
    form_id = {f: i for i, f in enumerate(forms)}
    rewrites: dict[str, list[int]] = defaultdict(list)
    for form in forms:
        for key in lang.keys(form)[1:]:
            rewrites[key].append(form_id[form])

    return {
        "format": FORMAT,
        "language": lang.to_json(),
        "pages": page_rows,
        "sections": section_rows,
        "forms": forms,
        "postings": [postings[f] for f in forms],
        "rewrites": dict(sorted(rewrites.items())),
    }


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))

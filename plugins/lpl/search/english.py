"""English: a light, inflection-only stemmer as rewrite rules, and stop words.

"chairs", "chaired" and "chairing" all share the key "chair"; derivations that change meaning
("leader" / "leadership") are left apart. Rules are (pattern, replacement) pairs valid in Python
and JavaScript (`$1` is the first group), applied one at a time to a word's form.
"""

from __future__ import annotations

SUFFIX_RULES: tuple[tuple[str, str], ...] = (
    ("ies$", "y"),  # studies → study
    ("ied$", "y"),  # applied → apply
    ("(?<![su])s$", ""),  # chairs → chair (not focus, class)
    ("es$", ""),  # approaches → approach
    ("([bdgmnprt])\\1(?:ed|ing)$", "$1"),  # planned, planning → plan
    ("(?:ed|ing)$", ""),  # chaired, chairing → chair
    ("(?:ed|ing)$", "e"),  # shared, sharing → share
    ("ations?$", "ate"),  # evaluation → evaluate
    ("ly$", ""),  # effectively → effective
)

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "s",
        "she",
        "so",
        "t",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)

"""Search that treats Welsh as well as English: one index per language, written at build time.

Pure Python, free of MkDocs (`lpl.mkdocs.search` is the thin adapter): `text` turns words into
search keys, `welsh` and `english` hold each language's rules, `extract` reads a page's HTML into
sections, `index` builds the JSON that `overrides/assets/lpl-search.js` queries in the browser.
"""

"""Which web addresses a page may carry: parsed, never matched with patterns that could backtrack.

The validator (lpl.load) refuses any other address with a message; the renderers (lpl.render) drop any
other address at output, so a page never links to a script even if a check were missed.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

LINK_SCHEMES = ("https", "http", "mailto")
MAX_URL = 2000  # longer addresses are refused (browsers and servers differ beyond it)
# What browsers drop or ignore inside a URL before reading its scheme ("java\tscript:" is javascript:).
_LOCAL_PUNCTUATION = set(".!#$%&'*+/=?^_-~")  # RFC 5322 atoms, less the braces, pipe and backquote
_INVISIBLE = dict.fromkeys(range(33)) | {0x7F: None, 0xAD: None, 0x200B: None, 0xFEFF: None}


def link_problem(url: str) -> str | None:
    """Why `url` may not be a link or image address, in plain words; None when it may.

    Entities are decoded first (`&#106;avascript:` is javascript:), as the browser would."""
    decoded = html.unescape(url).strip()
    if not decoded:
        return "the address is empty"
    if len(decoded) > MAX_URL:
        return f"the address is longer than {MAX_URL} characters"
    if any(ord(c) < 0x20 or c in '<>"{}`\\' or c.isspace() for c in decoded):
        return "the address contains spaces, quotes, angle brackets, braces or control characters"
    scheme = decoded.translate(_INVISIBLE).split(":", 1)[0].lower() if ":" in decoded else ""
    if scheme not in LINK_SCHEMES:
        return "links must start with https://, http:// or mailto:"
    if scheme == "mailto":
        return email_problem(decoded[len("mailto:") :].split("?", 1)[0])
    try:
        parts = urlsplit(decoded)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return "the address is not well-formed"
    if not parts.hostname or "." not in parts.hostname.strip("."):
        return "the address has no web site name after '//' (such as https://www.gov.wales/…)"
    return None


def email_problem(address: str) -> str | None:
    """Why `address` is not a plain e-mail address (name@place.domain); None when it is."""
    if len(address) > 254:
        return "the e-mail address is longer than 254 characters"
    local, at, domain = address.rpartition("@")
    if (
        not at
        or not local
        or len(local) > 64
        or local.startswith(".")
        or local.endswith(".")
        or not all(c.isalnum() or c in _LOCAL_PUNCTUATION for c in local)
    ):
        return "it is not an e-mail address (write it as name@school.cymru)"
    labels = domain.split(".")
    if len(labels) < 2 or not all(
        label
        and len(label) <= 63
        and (label.replace("-", "").isalnum())
        and not label.startswith("-")
        and not label.endswith("-")
        for label in labels
    ):
        return "the part after '@' is not a web domain (such as school.cymru)"
    return None


def is_link(url: str) -> bool:
    return link_problem(url) is None

"""Which web addresses a page may carry: parsed, never matched with patterns that could backtrack.

One parser for every address an editor writes (a link in a text, a resource, a summary's source, a
`cy_source`, a guidance page's sources, a contact's e-mail). The validator (lpl.load) refuses any other
address with a message; the renderers (lpl.render) drop any other address at output, so a page never links
to a script even if a check were missed.

A web address is read as a browser reads it: entities decoded, then split into its parts. It may not carry
user information (`https://www.estyn.gov.wales@evil.example/` goes to evil.example, whatever it shows
first), and its host must be a domain name. An e-mail link is an address and nothing else: no `?cc=`,
`?bcc=` or `?body=` a mail program would fill in for the reader.
"""

from __future__ import annotations

import html
from urllib.parse import SplitResult, urlsplit

LINK_SCHEMES = ("https", "http", "mailto")
MAX_URL = 2000  # longer addresses are refused (browsers and servers differ beyond it)
MAX_EMAIL = 254  # RFC 5321's limit on a path
# What browsers drop or ignore inside a URL before reading its scheme ("java\tscript:" is javascript:).
_LOCAL_PUNCTUATION = set(".!#$&'*+/=^_-~")  # RFC 5322 atoms, less the braces, pipe, backquote, % and ?
_INVISIBLE = dict.fromkeys(range(33)) | {0x7F: None, 0xAD: None, 0x200B: None, 0xFEFF: None}


def link_problem(url: str) -> str | None:
    """Why `url` may not be a link or image address, in plain words; None when it may."""
    return _parse(url)[1]


def https_problem(url: str) -> str | None:
    """Why `url` may not be the address of a published source (https only); None when it may."""
    parts, problem = _parse(url)
    if problem:
        return problem
    if parts is None or parts.scheme.lower() != "https":
        return "the address must start with https://"
    return None


def is_link(url: str) -> bool:
    return link_problem(url) is None


def _parse(url: str) -> tuple[SplitResult | None, str | None]:
    """The address's parts (None for an e-mail link) and why it may not be used (None when it may).

    Entities are decoded first (`&#106;avascript:` is javascript:), as the browser would."""
    decoded = html.unescape(url).strip()
    if not decoded:
        return None, "the address is empty"
    if len(decoded) > MAX_URL:
        return None, f"the address is longer than {MAX_URL} characters"
    if any(ord(c) < 0x20 or c in '<>"{}`\\' or c.isspace() for c in decoded):
        return None, "the address contains spaces, quotes, angle brackets, braces, backslashes or control characters"
    scheme = decoded.translate(_INVISIBLE).split(":", 1)[0].lower() if ":" in decoded else ""
    if scheme not in LINK_SCHEMES:
        return None, "links must start with https://, http:// or mailto:"
    if scheme == "mailto":
        address = decoded[len("mailto:") :]
        if "?" in address:
            return None, "an e-mail link may hold only the address (no '?subject=', '?cc=' or '?bcc=')"
        return None, email_problem(address)
    try:
        parts = urlsplit(decoded)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return None, "the address is not well-formed"
    if not decoded[len(scheme) :].startswith("://"):
        return None, f"the address must start with {scheme}:// (two slashes, then the web site's name)"
    if "@" in parts.netloc:
        return None, (
            "the address has a name and '@' before the web site's name (it would go to the site after the '@'); "
            "give the address of the page itself"
        )
    host = parts.hostname or ""
    if not host or domain_problem(host):
        return None, "the address has no web site name after '//' (such as https://www.gov.wales/…)"
    return parts, None


def domain_problem(domain: str) -> str | None:
    """Why `domain` is not a domain name (labels of letters, digits and inner hyphens, dot-separated, at
    least two); None when it is. Letters of any script are allowed (internationalised names)."""
    labels = domain.removesuffix(".").split(".")
    if len(labels) < 2 or len(domain) > 253:
        return "it has no dot"
    for label in labels:
        if not label or len(label) > 63 or label.startswith("-") or label.endswith("-"):
            return f"its part {label[:63]!r} is empty, too long or starts or ends with '-'"
        if not label.replace("-", "").isalnum():
            return f"its part {label[:63]!r} holds a character a domain name cannot"
    return None


def email_problem(address: str) -> str | None:
    """Why `address` is not a plain e-mail address (name@place.domain); None when it is."""
    if len(address) > MAX_EMAIL:
        return f"the e-mail address is longer than {MAX_EMAIL} characters"
    local, at, domain = address.rpartition("@")
    if (
        not at
        or not local
        or len(local) > 64
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
        or not all(c.isalnum() or c in _LOCAL_PUNCTUATION for c in local)
    ):
        return "it is not an e-mail address (write it as name@school.cymru)"
    if domain_problem(domain):
        return "the part after '@' is not a web domain (such as school.cymru)"
    return None

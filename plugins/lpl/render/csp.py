"""A page from which nothing may leave the device ("Make your plan": a school's plan stays on its computer).

The MkDocs adapter adds the policy to a built page whose front matter asks for it (`lpl_csp: true`).
"""

from __future__ import annotations

import base64
import hashlib
import re

# Inline scripts Material's template writes; the "Make your plan" page allows exactly these (by hash).
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def content_security_policy(html: str) -> str:
    """Add to a built page a Content-Security-Policy that lets nothing leave the device: no connection
    anywhere (connect-src 'none'), no form posts, scripts only from this site or inline ones it already
    has (by hash). Put first in <head>, so it covers every script after it."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"
        for body in dict.fromkeys(_INLINE_SCRIPT.findall(html))
    )
    policy = (
        "default-src 'none'; script-src 'self' " + hashes + "; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self'; manifest-src 'self'; connect-src 'none'; "
        "form-action 'none'; base-uri 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'"
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html.replace("<head>", "<head>" + meta, 1)

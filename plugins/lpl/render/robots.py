"""The site's robots.txt: every page may be crawled, and the sitemap is named (RFC 9309; sitemaps.org)."""

from __future__ import annotations

from ..model.web import link_problem


def robots_txt(site_url: str) -> str:
    """Allow everything and name `sitemap.xml` by its absolute address (a robots.txt may not give a relative one):
    without an absolute http(s) site address (`site_url` unset, "/") the Sitemap line is left out.
    Crawlers read robots.txt only at a host's root; a site served under a path gets no benefit from it."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url.startswith(("https://", "http://")) and link_problem(site_url) is None:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"

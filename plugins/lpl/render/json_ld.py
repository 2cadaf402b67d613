"""Structured data for a case-study page: schema.org JSON-LD, safe to put inside a <script> element.

The English page is the work and the Welsh page its translation (`workTranslation` /
`translationOfWork`), unless the Welsh is the reviewed text and the English a draft: then the other way.
Everything links to the site itself or to the source a summary is based on; nothing is fetched.
"""

from __future__ import annotations

import json

from ..model import CaseStudy, Content, Language, Text, other
from ..model.registry import FRAMEWORKS
from .framework_links import framework_link, framework_page
from .labels import kind_label
from .links import Link


def original_language(study: CaseStudy) -> str:
    texts = (study.title, study.summary)
    return (
        Language.CY
        if all(t.is_draft(Language.EN) and not t.is_draft(Language.CY) and t.cy for t in texts)
        else Language.EN
    )


def case_study_json_ld(content: Content, study: CaseStudy, lang: Language, site_url: str) -> dict:
    other_lang = other(lang)
    page = Link(Text(), f"case-studies/{study.slug}.md")
    url = page.url(site_url, lang)
    about = []
    for framework in FRAMEWORKS:
        for ref in study.links()[framework.key]:
            about.append(
                {
                    "@type": "DefinedTerm",
                    "termCode": ref,
                    "name": content.frameworks.item_label(framework.key, ref).best(lang),
                    "url": framework_link(framework.key, ref, Text()).url(site_url, lang),
                    "inDefinedTermSet": {
                        "@type": "DefinedTermSet",
                        "name": content.label(framework.name, lang),
                        "url": framework_page(framework.key).url(site_url, lang),
                    },
                }
            )
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": study.title.best(lang),
        "description": study.summary.best(lang),
        "inLanguage": lang,
        "datePublished": study.published.isoformat(),
        "dateModified": max(study.published, study.last_reviewed or study.published).isoformat(),
        "about": about,  # empty for a summary whose source names no framework
        "audience": [
            {"@type": "Audience", "audienceType": content.frameworks.audiences.term(a).label.best(lang)}
            for a in study.audiences
        ],
        "isPartOf": {
            "@type": "CollectionPage",
            "url": Link(Text(), "case-studies/index.md").url(site_url, lang),
            "name": content.label("case_studies", lang),
        },
    }
    other_page = {
        "@type": "Article",
        "@id": page.url(site_url, other_lang),
        "url": page.url(site_url, other_lang),
        "inLanguage": other_lang,
    }
    data["translationOfWork" if lang != original_language(study) else "workTranslation"] = other_page
    data["genre"] = kind_label(content, study).best(lang)  # an invented example is never shown as real
    if study.source:
        src = study.source
        data["isBasedOn"] = {
            k: v
            for k, v in {
                "@type": "CreativeWork",
                "name": src.title_in(lang),
                "url": src.url_in(lang),
                "publisher": {"@type": "Organization", "name": src.publisher},
                "datePublished": src.published.isoformat() if src.published else None,
                # the language of the page linked: the Welsh original's on a Welsh page where there is one
                "inLanguage": "cy"
                if src.url_in(lang) != src.url
                else (["en", "cy"] if src.language == "both" else src.language),
            }.items()
            if v
        }
    return data


def script_json(data: dict) -> str:
    """JSON that cannot end or comment out its <script> element: '<', '>' and '&' are written as
    \\u escapes (still the same JSON), and so is everything beyond ASCII, so the text passes through
    YAML front matter unchanged."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

"""The content model: what the guidance's data means, free of YAML and of MkDocs.

Everything the site, the validator and the plan generator need is here as
plain frozen dataclasses, built by `lpl.load`.

The package reads in the order of the flow: language (the two languages and a text's review status as
types), text (bilingual values), facts (the dated fact ledger), frameworks (what data/ holds),
case_study, plan (the plan template's structure), content (all of it, with the cross-links).
"""

from .case_study import (
    DESCRIBED_AFTER,
    ILLUSTRATIVE,
    KINDS,
    SCHOOL,
    SUMMARY,
    CaseStudy,
    Contact,
    Image,
    Kind,
    PartialDate,
    PublishedSource,
    Resource,
    real_practice_first,
)
from .content import Content, index_citations
from .facts import DUE_SOON_DAYS, FACT_REFERENCE, Fact, FactLedger, FactSource, FactUse, fact_uses
from .frameworks import (
    Entitlement,
    EntitlementStatement,
    EntitlementTable,
    Frameworks,
    Membership,
    PracticePoint,
    Region,
    StatementPart,
    Term,
    Vocabulary,
    region_for,
)
from .language import DRAFT, LANGUAGES, REVIEWED, Language, Status, lang_prefix, other
from .terms import Concept, TermBase
from .text import Name, PageSource, Source, Text

__all__ = [
    "DESCRIBED_AFTER",
    "DRAFT",
    "DUE_SOON_DAYS",
    "FACT_REFERENCE",
    "ILLUSTRATIVE",
    "KINDS",
    "LANGUAGES",
    "REVIEWED",
    "SCHOOL",
    "SUMMARY",
    "CaseStudy",
    "Concept",
    "Contact",
    "Content",
    "Entitlement",
    "EntitlementStatement",
    "EntitlementTable",
    "Fact",
    "FactLedger",
    "FactSource",
    "FactUse",
    "Frameworks",
    "Image",
    "Kind",
    "Language",
    "Membership",
    "Name",
    "PageSource",
    "PartialDate",
    "PracticePoint",
    "PublishedSource",
    "Region",
    "Resource",
    "Source",
    "StatementPart",
    "Status",
    "Term",
    "TermBase",
    "Text",
    "Vocabulary",
    "fact_uses",
    "index_citations",
    "lang_prefix",
    "other",
    "real_practice_first",
    "region_for",
]

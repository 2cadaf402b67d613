"""The content model: what the guidance's data means, free of YAML and of MkDocs.

Everything the site, the validator and the plan generator need is here as
plain frozen dataclasses, built by `lpl.load`.

The package reads in the order of the flow: text (bilingual values), facts (the dated fact ledger), frameworks (what data/ holds),
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
from .terms import Concept, TermBase
from .text import DRAFT, LANGUAGES, REVIEWED, Name, PageSource, Source, Text

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
    "Term",
    "TermBase",
    "Text",
    "Vocabulary",
    "fact_uses",
    "index_citations",
    "real_practice_first",
    "region_for",
]

"""The frameworks a case study cites, each described once: where its data is, how a case study names it, where
its page and filter are and what it is called. The loader, the model, the renderers and the tests read them
from here; adding a framework is one record here, its data file, its field in the schema and its labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Shape(StrEnum):
    """How a framework's items are held in data/ and cited by a case study."""

    TERMS = "terms"  # one list of terms (a `Vocabulary`), cited by id
    STATEMENTS = "statements"  # the Entitlement's statements, a table per audience, cited by id
    VERSIONS = "versions"  # a list of terms per version (the professional standards), cited as "<version>:<id>"


@dataclass(frozen=True)
class Framework:
    # Its key in `CaseStudy.links`, `Content.cited_by`, the open data and a plan table's `rows_from`; also the
    # attribute of `Frameworks` that holds it and the name of its file in data/.
    key: str
    field: str  # the case study's YAML field listing what it cites (for a list of ids, also CaseStudy's attribute)
    page: str  # its page, as a docs path under docs/<lang>/
    facet: str  # the catalogue's filter: ?<facet>=<ref> in a link, data-<facet> on a card
    name: str  # the data/ui.yml label naming it (a case study's "What it evidences", JSON-LD's term set)
    facet_label: str  # the data/ui.yml label of its filter
    shape: Shape = Shape.TERMS
    plan_rows: bool = False  # a plan table can take its rows from it (plans/plan.yml `rows_from: <key>`)
    numbered_options: bool = False  # its filter's options show the items' numbers ("3. Collaboration")

    @property
    def data_file(self) -> str:
        return f"data/{self.key}.yml"


# In the order a case study's page lists what it evidences (and JSON-LD and the open data give it).
FRAMEWORKS = (
    Framework(
        key="hallmarks",
        field="hallmarks",
        page="frameworks/hallmarks.md",
        facet="hallmark",
        name="hallmarks",
        facet_label="hallmark",
        plan_rows=True,
        numbered_options=True,
    ),
    Framework(
        key="entitlement",
        field="entitlement_statements",
        page="frameworks/entitlement.md",
        facet="statement",
        name="entitlement_statements",
        facet_label="entitlement_statement",
        shape=Shape.STATEMENTS,
    ),
    Framework(
        key="slo",
        field="slo_dimensions",
        page="frameworks/slo.md",
        facet="slo",
        name="slo_dimensions",
        facet_label="slo_dimension",
        plan_rows=True,
    ),
    Framework(
        key="standards",
        field="professional_standards",
        page="frameworks/standards.md",
        facet="standard",
        name="standards",
        facet_label="standards",
        shape=Shape.VERSIONS,
    ),
    Framework(
        key="characteristics",
        field="characteristics",
        page="frameworks/characteristics.md",
        facet="characteristic",
        name="characteristics",
        facet_label="characteristics",
        plan_rows=True,
    ),
    Framework(
        key="contributory_factors",
        field="contributory_factors",
        page="frameworks/contributory-factors.md",
        facet="factor",
        name="contributory_factors",
        facet_label="contributory_factors",
        plan_rows=True,
    ),
    Framework(
        key="national_priorities",
        field="national_priorities",
        page="frameworks/national-priorities.md",
        facet="priority",
        name="national_priorities",
        facet_label="national_priorities",
        plan_rows=True,
    ),
)
# Where a reader or a teacher chooses among them (the catalogue's filters, the issue form's check boxes): the
# versioned frameworks last, as their options are the longest (one set per version).
CHOOSING_ORDER = tuple(f for f in FRAMEWORKS if f.shape is not Shape.VERSIONS) + tuple(
    f for f in FRAMEWORKS if f.shape is Shape.VERSIONS
)
_BY_KEY = {f.key: f for f in FRAMEWORKS}


def framework(key: str) -> Framework:
    """The framework of a key of `CaseStudy.links` ("contributory_factors")."""
    return _BY_KEY[key]

"""The case-study issue form, both ways: written from data/ (so its choices cannot drift from what the validator
knows) and, once a teacher has submitted it, read back into a draft case study (`lpl new --from-issue`).

GitHub renders a submitted form as Markdown, one field after another in the form's order: `### <label>`, a blank
line, the answer — `_No response_` for an empty optional field, `a, b` for a dropdown with several choices,
one `- [X] label` / `- [ ] label` line per check box. The body is read against the form's own YAML (its ids and
labels), never against labels written here, so a change to the form changes what is read.

Pure: the form (a dict), the body (a string) and the frameworks in; answers, a case study's YAML text and
bilingual refusals out. The body is a stranger's text: everything in it is checked with the validator's own text
rules, each answer is capped, and the case study written is checked again by the loader before it is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

import yaml

from ..load.checks import MAX_TEXT, PLACEHOLDER, SLUG, text_problem
from ..model import SCHOOL, Frameworks, Language, Text, other
from ..model.case_study import is_generated_page
from ..model.registry import CHOOSING_ORDER, FRAMEWORKS, Shape
from ..model.web import email_problem
from .scaffold import default_scheme, slugify

FORM_PATH = Path(".github") / "ISSUE_TEMPLATE" / "case-study.yml"
NO_RESPONSE = "_No response_"
MAX_BODY = 200_000  # characters: GitHub keeps an issue body under 65,536; anything longer was not typed in the form
MAX_ONE_LINE = 300  # a title, a school's name, a role
MAX_SCHOOLS = 20
LANGUAGE_OPTIONS = {"cy": "Cymraeg / Welsh", "en": "Saesneg / English"}

# The narrative boxes of the form, in order: (id, required, Welsh label, English label, Welsh help, English help).
# Welsh wording: draft translation, to be reviewed (like the rest of the form's Welsh).
NARRATIVE = (
    (
        "summary",
        True,
        "Crynodeb",
        "Summary",
        "Un i dair brawddeg glir: beth wnaeth yr ysgol a beth newidiodd.",
        "One to three plain sentences: what the school did and what changed.",
    ),
    (
        "context",
        True,
        "Cyd-destun a chefndir",
        "Context and background",
        "Yr ysgol (ei maint, ei lleoliad, ei hiaith), ei dysgwyr a'i staff, a pham roedd angen y dysgu proffesiynol.",
        "The school (size, setting, language), its learners and staff, and why the professional learning was needed.",
    ),
    (
        "approach",
        True,
        "Y dull",
        "Approach",
        "Beth wnaethoch chi, gam wrth gam: pwy gymerodd ran, pryd, sut y cafwyd amser ac arian.",
        "What you did, step by step: who took part, when, how time and funding were found.",
    ),
    (
        "impact",
        True,
        "Effaith",
        "Impact",
        "Beth newidiodd i'r dysgwyr ac i'r staff, a sut rydych chi'n gwybod. Dywedwch yn onest beth na weithiodd.",
        "What changed for learners and staff, and how you know. Say honestly what did not work.",
    ),
    (
        "advice",
        False,
        "Cyngor i ysgolion eraill (dewisol)",
        "Advice to other schools (optional)",
        "Cyngor i ysgol sydd am roi cynnig ar hyn, a'ch camau nesaf.",
        "Advice to a school that wants to try this, and your next steps.",
    ),
)

# How the form names each framework (Welsh, English), by its key in lpl.model.registry.
FRAMEWORK_WORDING = {
    "hallmarks": ("Dilysnodau", "Hallmarks"),
    "entitlement": ("Yr Hawl: datganiadau arweinwyr", "The Entitlement: leaders' statements"),
    "slo": ("Ysgolion fel sefydliadau dysgu", "Schools as learning organisations"),
    "characteristics": (
        "Nodweddion dysgu proffesiynol effeithiol",
        "Characteristics of effective professional learning",
    ),
    "contributory_factors": ("Yr 8 ffactor cyfrannu", "The 8 contributory factors"),
    "national_priorities": ("Blaenoriaethau cenedlaethol", "National priorities"),
    "standards": ("Safonau proffesiynol", "Professional standards"),
}
# The frameworks offered as check boxes: (form id, case-study field, Welsh label, English label); the form's id
# is the case study's field.
FRAMEWORK_BOXES = tuple((f.field, f.field, *FRAMEWORK_WORDING[f.key]) for f in CHOOSING_ORDER)


def both(cy: str, en: str) -> str:
    """A label as the bilingual form shows it: Welsh first, then English (once, when they are the same)."""
    return cy if cy == en else f"{cy} / {en}"


def option(label: Text, number: int | None = None) -> str:
    """One choice: 'Primary / Cynradd' (the data's English label first, as the form has always shown it)."""
    en, cy = label.best(Language.EN), label.best(Language.CY)
    text = en if en == cy else f"{en} / {cy}"
    return f"{number}. {text}" if number is not None else text


# --- The form, written from data/ -------------------------------------------------------------------------------


def _framework_terms(frameworks: Frameworks, form_id: str) -> list[tuple[str, Text, int | None]]:
    """(id, label, number) of each item a framework check-box field offers, in the data's order (the standards:
    the current version's)."""
    found = next(f for f in FRAMEWORKS if f.field == form_id)
    if found.shape is Shape.STATEMENTS:
        return [(s.id, s.label, s.number) for s in frameworks.entitlement.statements]
    vocabulary = frameworks.current_standards if found.shape is Shape.VERSIONS else frameworks.vocabulary(found.key)
    return [(t.id, t.label, t.number) for t in vocabulary.terms]


def choice_table(frameworks: Frameworks) -> dict[str, dict[str, str]]:
    """Every choice field's options as the form shows them, each mapped to its id in data/."""
    scheme = default_scheme(frameworks)
    table = {
        "written_in": {label: lang for lang, label in LANGUAGE_OPTIONS.items()},
        "setting": {option(t.label): t.id for t in frameworks.settings.terms},
        "local_authority": {option(t.label): t.id for t in frameworks.local_authorities.terms},
        "language_category": {option(t.label): t.id for t in frameworks.language_categories[scheme].terms},
        "audiences": {option(t.label): t.id for t in frameworks.audiences.terms},
    }
    for form_id, *_ in FRAMEWORK_BOXES:
        table[form_id] = {
            option(label, number): term_id for term_id, label, number in _framework_terms(frameworks, form_id)
        }
    return table


def form(frameworks: Frameworks) -> dict:
    """The issue form as GitHub reads it (.github/ISSUE_TEMPLATE/case-study.yml)."""
    choices = choice_table(frameworks)
    standards = frameworks.current_standards

    def dropdown(form_id, cy, en, multiple=False, required=True, description=None):
        attributes = {"label": both(cy, en), "multiple": multiple, "options": list(choices[form_id])}
        if description:
            attributes["description"] = description
        return {"type": "dropdown", "id": form_id, "attributes": attributes, "validations": {"required": required}}

    def text_input(form_id, kind, cy, en, description, required):
        return {
            "type": kind,
            "id": form_id,
            "attributes": {"label": both(cy, en), "description": description},
            "validations": {"required": required},
        }

    body: list[dict] = [
        {
            "type": "markdown",
            "attributes": {
                "value": (
                    "**Cymraeg:** Diolch am gynnig astudiaeth achos. Ysgrifennwch yn Gymraeg neu yn Saesneg: bydd y "
                    "grŵp golygyddol yn helpu gyda'r cyfieithu. Peidiwch â chynnwys enwau disgyblion nac unrhyw beth "
                    "a allai adnabod disgybl. Dim HTML: ysgrifennwch destun plaen (gallwch ddefnyddio **trwm** a "
                    "rhestrau).\n\n"
                    "**English:** Thank you for proposing a case study. Write in Welsh or English: the editorial group "
                    "will help with the translation. Do not include pupils' names or anything that could identify a "
                    "pupil. No HTML: write plain text (you can use **bold** and lists)."
                )
            },
        },
        dropdown(
            "written_in",
            "Ym mha iaith rydych chi'n ysgrifennu?",
            "Which language are you writing in?",
            description="Atebwch y blychau testun isod yn yr iaith hon. / Answer the text boxes below in this language.",
        ),
        text_input(
            "title",
            "input",
            "Teitl",
            "Title",
            "Ychydig eiriau sy'n dweud beth wnaethoch chi. / A few words saying what you did.",
            True,
        ),
        text_input(
            "schools",
            "textarea",
            "Ysgol (neu ysgolion y clwstwr)",
            "School (or the cluster's schools)",
            "Un ysgol ar bob llinell. / One school on each line.",
            True,
        ),
        dropdown("setting", "Lleoliad", "Setting", multiple=True),
        dropdown("local_authority", "Awdurdod lleol", "Local authority"),
        dropdown("language_category", "Categori iaith yr ysgol", "The school's language category"),
        dropdown(
            "audiences",
            "Ar gyfer pwy roedd y dysgu proffesiynol?",
            "Who was the professional learning for?",
            multiple=True,
        ),
    ]
    for form_id, _, cy, en in FRAMEWORK_BOXES:
        description = (
            "Ticiwch bob un y mae'n ei ddangos (o leiaf un). / Tick each one it shows (at least one)."
            if form_id == "hallmarks"
            else "Dewisol: ticiwch y rhai y mae'n eu dangos. / Optional: tick those it shows."
        )
        if form_id == "professional_standards":
            description += f" ({standards.version})"
        body.append(
            {
                "type": "checkboxes",
                "id": form_id,
                "attributes": {
                    "label": both(cy, en),
                    "description": description,
                    "options": [{"label": label} for label in choices[form_id]],
                },
            }
        )
    for form_id, required, cy, en, help_cy, help_en in NARRATIVE:
        body.append(text_input(form_id, "textarea", cy, en, f"{help_cy} / {help_en}", required))
    body += [
        text_input(
            "contact_role",
            "input",
            "Cyswllt: swydd (dewisol)",
            "Contact: role (optional)",
            "Swydd, nid enw, e.e. Dirprwy bennaeth. / A role, not a name, e.g. Deputy headteacher.",
            False,
        ),
        text_input(
            "contact_email",
            "input",
            "Cyswllt: cyfeiriad e-bost (dewisol)",
            "Contact: e-mail address (optional)",
            "Cyfeiriad yr ysgol (e.e. swyddfa@…). Cyfeiriad personol dim ond os yw'r person yn cytuno iddo gael ei "
            "gyhoeddi. / The school's address (e.g. office@…). A personal address only if that person agrees to it "
            "being published.",
            False,
        ),
        {
            "type": "checkboxes",
            "id": "consent",
            "attributes": {
                "label": both("Caniatâd", "Consent"),
                "options": [
                    {
                        "label": "Mae'r pennaeth yn cytuno i gynnig yr astudiaeth achos hon. / "
                        "The headteacher agrees to this case study being proposed.",
                        "required": True,
                    },
                    {
                        "label": "Nid oes dim yma sy'n enwi nac yn adnabod disgybl. / "
                        "Nothing here names or identifies a pupil.",
                        "required": True,
                    },
                ],
            },
        },
    ]
    return {
        "name": "Cynnig astudiaeth achos / Propose a case study",
        "description": "Rhannwch sut mae eich ysgol yn arwain dysgu proffesiynol / "
        "Share how your school leads professional learning",
        "title": "Astudiaeth achos / Case study: ",
        "labels": ["case study", "astudiaeth achos"],
        "body": body,
    }


def _block(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """A multi-line text as a YAML literal block where YAML allows one (the emitter quotes it otherwise)."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(str, _block)
# Language, Status and Kind are StrEnums: written as the plain strings they are
_Dumper.add_multi_representer(StrEnum, lambda dumper, value: _block(dumper, value.value))


HEADER = """\
# The issue form for proposing a case study, WRITTEN FROM data/ by `lpl form` — do not edit by hand: change data/
# (or lpl/editorial/issue_form.py) and run `lpl form`. tests/test_issue_form.py fails when this file is stale.
# An editor adds the label "ready for a pull request" to a submitted form; .github/workflows/case-study-from-issue.yml
# then runs `lpl new --from-issue` and opens a pull request (README, "Editorial workflow").
"""


def form_text(frameworks: Frameworks) -> str:
    return HEADER + yaml.dump(form(frameworks), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)


# --- A submitted form, read back ---------------------------------------------------------------------------------


@dataclass
class Refusal:
    """Why a submitted form cannot become a case study, in both languages, naming the form's field."""

    field: str  # the form's label, as the teacher sees it ('' for the whole form)
    cy: str
    en: str

    def __str__(self) -> str:
        where = f"“{self.field}”: " if self.field else ""
        return f"{where}{self.cy} / {self.en}"


@dataclass
class Answers:
    """The form's answers by field id: text (str), choices (list of ids) or None when not answered."""

    values: dict[str, object] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)


def _fields(the_form: dict) -> list[dict]:
    return [item for item in the_form.get("body", []) if item.get("type") != "markdown" and item.get("id")]


def label_of(the_form: dict, form_id: str) -> str:
    return next((f["attributes"]["label"] for f in _fields(the_form) if f["id"] == form_id), form_id)


def split_sections(body: str, the_form: dict) -> tuple[dict[str, str], list[Refusal]]:
    """Each field's raw answer, found under its `### label` heading.

    Read from the last field back: a field's heading is the last line bearing its label before the heading of
    the field after it. So an answer holding "### <another field's label>" — a later field's or an earlier
    one's — stays text, and the real headings, which GitHub writes in the form's order, are the ones read."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields = _fields(the_form)
    positions: dict[str, int] = {}
    at_line: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.startswith("### "):
            at_line.setdefault(line.rstrip(), []).append(i)
    bound = len(lines)
    for item in reversed(fields):
        candidates = [i for i in at_line.get(f"### {item['attributes']['label']}", []) if i < bound]
        if candidates:
            positions[item["id"]] = bound = candidates[-1]
    if not positions:
        return {}, [
            Refusal(
                "",
                "Nid yw hwn yn edrych fel y ffurflen astudiaeth achos (ni chafwyd un o'i phenawdau).",
                "This does not look like the case-study form (none of its headings was found).",
            )
        ]
    starts = sorted(positions.values()) + [len(lines)]
    return {
        form_id: "\n".join(lines[start + 1 : starts[starts.index(start) + 1]]).strip()
        for form_id, start in positions.items()
    }, []


def _one_of(raw: str, options: dict[str, str]) -> str | None:
    return options.get(raw.strip())


def _many_of(raw: str, options: dict[str, str]) -> list[str] | None:
    """`a, b` back into options, even where an option itself holds a comma: the longest match first."""
    parts = [p.strip() for p in raw.split(",")]
    chosen: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            candidate = ", ".join(parts[i:j])
            if candidate in options:
                if options[candidate] not in chosen:
                    chosen.append(options[candidate])
                i = j
                break
        else:
            return None
    return chosen


TICK = re.compile(r"- \[([ xX])\] (.*)")


def _ticked(raw: str, options: dict[str, str]) -> tuple[list[str], list[str]]:
    """The ids of the ticked boxes, and any ticked label that is not one of the form's."""
    ticked, unknown = [], []
    for line in raw.split("\n"):
        match = TICK.fullmatch(line.strip())
        if match and match.group(1) in "xX":
            label = match.group(2).strip()
            if label in options:
                ticked.append(options[label])
            else:
                unknown.append(label)
    return ticked, unknown


def read_answers(body: str, the_form: dict, frameworks: Frameworks) -> Answers:
    """The submitted form's answers, each checked as the validator checks a case study's text."""
    answers = Answers()
    refuse = answers.refusals.append
    if len(body) > MAX_BODY:
        refuse(
            Refusal(
                "",
                f"Mae'r ffurflen yn {len(body):,} nod o hyd; yr uchafswm yw {MAX_BODY:,}.",
                f"The form is {len(body):,} characters long; the limit is {MAX_BODY:,}.",
            )
        )
        return answers
    sections, problems = split_sections(body, the_form)
    answers.refusals += problems
    if problems:
        return answers
    choices = choice_table(frameworks)
    for item in _fields(the_form):
        form_id, label = item["id"], item["attributes"]["label"]
        required = bool(item.get("validations", {}).get("required"))
        raw = sections.get(form_id)
        if raw is None or raw == NO_RESPONSE or raw == "":
            if required:
                refuse(Refusal(label, "Mae angen ateb.", "An answer is needed."))
            answers.values[form_id] = None
            continue
        if len(raw) > MAX_TEXT:
            refuse(
                Refusal(
                    label,
                    f"Mae'r ateb yn {len(raw):,} nod o hyd; yr uchafswm yw {MAX_TEXT:,} (byrhewch ef).",
                    f"The answer is {len(raw):,} characters long; the limit is {MAX_TEXT:,} (shorten it).",
                )
            )
            continue
        kind = item["type"]
        if kind == "dropdown":
            options = choices.get(form_id, {})
            value = _many_of(raw, options) if item["attributes"].get("multiple") else _one_of(raw, options)
            if not value:
                refuse(
                    Refusal(
                        label,
                        "Nid yw'r ateb yn un o ddewisiadau'r ffurflen.",
                        "The answer is not one of the form's choices.",
                    )
                )
            answers.values[form_id] = value
        elif kind == "checkboxes":
            if form_id == "consent":
                total = len(item["attributes"]["options"])
                boxes = [m for line in raw.split("\n") if (m := TICK.fullmatch(line.strip() or "-"))]
                ok = sum(box.group(1) in "xX" for box in boxes)
                if ok < total:
                    refuse(Refusal(label, "Mae angen ticio pob blwch.", "Every box needs to be ticked."))
                continue
            ids, unknown = _ticked(raw, choices.get(form_id, {}))
            if unknown:
                refuse(
                    Refusal(
                        label,
                        f"Nid yw {unknown[0][:60]!r} yn un o flychau'r ffurflen.",
                        f"{unknown[0][:60]!r} is not one of the form's boxes.",
                    )
                )
            answers.values[form_id] = ids
        else:
            _check_text(answers, form_id, label, raw)
    if not answers.values.get("hallmarks") and not any(
        r.field == label_of(the_form, "hallmarks") for r in answers.refusals
    ):
        refuse(
            Refusal(
                label_of(the_form, "hallmarks"),
                "Ticiwch o leiaf un dilysnod.",
                "Tick at least one hallmark.",
            )
        )
    return answers


ONE_LINE = {"title", "contact_role"}
IMAGE_OR_LINK = re.compile(r"!?\[[^\]]*\]\s*[(\[]")  # Markdown image or link: ![…](…), […][…]


def _check_text(answers: Answers, form_id: str, label: str, raw: str) -> None:
    """A typed answer, by the validator's own text rules (no HTML, scripts, attribute lists…)."""
    refuse = answers.refusals.append
    if form_id == "contact_email":
        problem = email_problem(raw.strip())
        if problem:
            refuse(
                Refusal(
                    label,
                    "Nid yw hwn yn gyfeiriad e-bost y gellir ei ddefnyddio.",
                    f"This is not an e-mail address that can be used: {problem}.",
                )
            )
        answers.values[form_id] = raw.strip()
        return
    if form_id == "schools":
        names = [n.strip() for n in raw.split("\n") if n.strip()]
        if len(names) > MAX_SCHOOLS:
            refuse(Refusal(label, f"Hyd at {MAX_SCHOOLS} ysgol.", f"Up to {MAX_SCHOOLS} schools."))
            return
        for name in names:
            if _one_line_problem(answers, label, name):
                return
        answers.values[form_id] = names
        return
    if form_id in ONE_LINE:
        if _one_line_problem(answers, label, raw.strip()):
            return
        answers.values[form_id] = " ".join(raw.split())
        return
    problem = text_problem(raw, markdown=True)
    if problem:
        refuse(
            Refusal(
                label, f"Ni ellir cyhoeddi'r ateb hwn: {problem}.", f"This answer cannot be published: it {problem}."
            )
        )
        return
    answers.values[form_id] = raw


def _one_line_problem(answers: Answers, label: str, text: str) -> bool:
    problem = None
    if "\n" in text:
        problem = "is more than one line"
    elif len(text) > MAX_ONE_LINE:
        problem = f"is {len(text):,} characters long; the limit is {MAX_ONE_LINE}"
    else:
        problem = text_problem(text, markdown=False)
        if problem is None and IMAGE_OR_LINK.search(text):
            problem = "has an image or a link; a title, name or role is plain words"
    if problem:
        answers.refusals.append(
            Refusal(
                label, f"Ni ellir cyhoeddi'r ateb hwn: {problem}.", f"This answer cannot be published: it {problem}."
            )
        )
        return True
    return False


# --- The draft case study ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    slug: str
    yaml: str


def slug_for(title: str, root: Path) -> tuple[str, Refusal | None]:
    slug = slugify(title)
    if not slug or not SLUG.fullmatch(slug) or is_generated_page(slug):
        return slug, Refusal(
            "",
            "Ni ellir gwneud cyfeiriad gwe o'r teitl: defnyddiwch eiriau yn y teitl.",
            "No web address can be made from the title: use words in the title.",
        )
    for existing in (root / "case_studies" / f"{slug}.yml", root / "case_studies" / f"{slug}.yaml"):
        if existing.exists():
            return slug, Refusal(
                "",
                f"Mae astudiaeth achos gyda'r cyfeiriad {slug!r} yn bodoli eisoes: newidiwch y teitl.",
                f"A case study with the address {slug!r} already exists: change the title.",
            )
    return slug, None


def _listed(answer: object) -> list[str]:
    """A list answer (choices' ids, schools' names); an unanswered one is empty."""
    return [str(item) for item in answer] if isinstance(answer, list) else []


def draft_case_study(
    values: dict[str, object],
    frameworks: Frameworks,
    today: date,
    issue: int | None = None,
    issue_url: str | None = None,
) -> dict:
    """The case study's fields: unpublished, a school's own account, the other language left to the editors."""
    lang = Language(str(values["written_in"]))
    other_lang = other(lang).value  # a plain string: the fields are written out as YAML
    still_to_translate = {
        "en": f"{PLACEHOLDER['en']} the English translation of the {{}} (the school wrote in Welsh).",
        "cy": f"{PLACEHOLDER['cy']} cyfieithiad Cymraeg o'r {{}} (ysgrifennodd yr ysgol yn Saesneg).",
    }[other_lang]

    def text(value: object, name: str, required_both: bool = False) -> dict:
        found: dict[str, str] = {lang.value: str(value)}
        if required_both:
            found[other_lang] = still_to_translate.format(
                {"en": "title", "cy": "teitl"}[other_lang] if name == "title" else name
            )
        return found

    data: dict = {
        "kind": SCHOOL.value,  # plain strings: written out as YAML
        "unpublished": True,
        "title": text(values["title"], "title", required_both=True),
        "schools": [{"name": name} for name in _listed(values["schools"])],
        "settings": _listed(values["setting"]),
        "local_authority": values["local_authority"],
        "language_category": {"scheme": default_scheme(frameworks), "category": values["language_category"]},
        "audiences": _listed(values["audiences"]),
    }
    for form_id, key, *_ in FRAMEWORK_BOXES:
        ids = _listed(values.get(form_id))
        if key == "professional_standards":
            if ids:
                data[key] = {"version": frameworks.current_standards.version, "standards": ids}
        else:
            data[key] = ids
    data["translation"] = {lang: "reviewed", other_lang: "draft"}
    data["summary"] = text(values["summary"], "summary", required_both=True)
    for form_id, *_ in NARRATIVE[1:]:
        if values.get(form_id):
            data[form_id] = text(values[form_id], form_id)
    if values.get("contact_role") or values.get("contact_email"):
        role = str(values.get("contact_role") or "")
        contact: dict = {"name": role or "—", "consent": False}
        if role:
            contact["role"] = {lang: role}
        if values.get("contact_email"):
            contact["email"] = values["contact_email"]
        data["contact"] = contact
    data["published"] = today
    return data


def case_study_yaml(data: dict, issue: int | None, issue_url: str | None) -> str:
    where = f" in issue #{issue}" + (f" ({issue_url})" if issue_url else "") if issue else " in the issue form"
    header = (
        "# yaml-language-server: $schema=../plugins/lpl/schema/case_study.schema.json\n"
        f"# Proposed{where}, written by `lpl new --from-issue`.\n"
        "# Unpublished until the editorial group has checked it: translate the 'Write here' / 'Ysgrifennwch yma' text,\n"
        "# add the other language's texts, set 'consent: true' on the contact only with written agreement, then\n"
        "# remove 'unpublished: true'. See CONTRIBUTING.md.\n"
    )
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)

"""Make every plan document once per change of its inputs, and put the files where the site serves them.

Thirty .docx files (5 settings × English, Welsh, bilingual × the template with its guidance and the plan
alone) take a few seconds to make, so they are kept in `.lpl-cache/plan-templates/<key>/`: the key is
`inputs.inputs_digest`, every file the content is loaded from, the package's own code and templates, its
libraries and the site's address, so a build with unchanged inputs reuses them and a change of any input
remakes them. Beside them, `drafts.json` keeps the languages each one's shown texts are drafts in (as the writer
noted them: "Make your plan" prints the draft-translation notice where the document has it). The fifteen
templates are the downloads; all thirty reach "Make your plan" as one script per setting (`template_packs`),
fetched when a school starts writing.
Free of MkDocs: `publish.outputs.plan_templates` calls `plan_downloads`, `template_packs`, `plan_pages`
and `site_downloads`.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import zipfile
import zlib
from pathlib import Path

from ..model import LANGUAGES, Content, Language
from ..model.plan import PLAN_LANGUAGES, PlanTemplate
from ..render import plan_docx, plan_view
from ..render.plan_docx import PlanDocument
from ..render.plan_pages import render_plan_pages
from .inputs import inputs_digest

CACHE_DIR = Path(".lpl-cache") / "plan-templates"
DRAFTS = "drafts.json"  # beside the cached documents: {file name: the languages its shown texts are drafts in}


def _variants(plan: PlanTemplate) -> list[tuple[str, str, bool]]:
    """(setting, document language, with the guidance) of every document."""
    return [(s, d, g) for s in plan.settings for d in PLAN_LANGUAGES for g in (True, False)]


def make_documents(content: Content, site_url: str) -> dict[str, PlanDocument]:
    """Every plan document as written (its .docx bytes, its drafts), by file name."""
    plan = content.plan
    if plan is None:
        return {}
    return {
        plan_view.docx_name(setting, doc_lang, guidance=guidance): plan_docx.write_plan_docx(
            content, setting, doc_lang, site_url=site_url, guidance=guidance
        )
        for setting, doc_lang, guidance in _variants(plan)
    }


def document_files(documents: dict[str, PlanDocument]) -> dict[str, bytes]:
    """The documents' bytes, by file name (what the Welsh check reopens)."""
    return {name: document.data for name, document in documents.items()}


def plan_downloads(content: Content, site_url: str, root: Path) -> dict[str, PlanDocument]:
    """The documents, from the cache when no input has changed (`content` is what was loaded from `root`)."""
    if content.plan is None:
        return {}
    cache = Path(root) / CACHE_DIR
    here = cache / inputs_digest(root, site_url)[:20]
    names = [plan_view.docx_name(s, d, guidance=g) for s, d, g in _variants(content.plan)]
    if all((here / name).is_file() for name in names) and (here / DRAFTS).is_file():
        drafts = json.loads((here / DRAFTS).read_text(encoding="utf-8"))
        return {
            name: PlanDocument((here / name).read_bytes(), frozenset(Language(x) for x in drafts.get(name, ())))
            for name in names
        }
    documents = make_documents(content, site_url)
    shutil.rmtree(cache, ignore_errors=True)  # only the current set is worth keeping
    here.mkdir(parents=True)
    for name, document in documents.items():
        (here / name).write_bytes(document.data)
    drafts = {name: sorted(document.drafts) for name, document in documents.items()}
    (here / DRAFTS).write_text(json.dumps(drafts, sort_keys=True), encoding="utf-8")
    return documents


def site_downloads(content: Content, documents: dict[str, PlanDocument], packs: dict[str, bytes]) -> dict[str, bytes]:
    """What goes into the site's downloads/: the templates (the plans alone are only in the packs) and the
    packs of "Make your plan"."""
    if content.plan is None or not documents:
        return {}
    templates = [plan_view.docx_name(s, d) for s in content.plan.settings for d in PLAN_LANGUAGES]
    return {name: documents[name].data for name in templates} | packs


def template_packs(plan: PlanTemplate | None, documents: dict[str, PlanDocument]) -> dict[str, bytes]:
    """Each setting's documents (its six: three languages, with and without the guidance) as one script
    for the "Make your plan" page, by file name (`plan_view.pack_name`). A script, not JSON: the page's
    Content-Security-Policy forbids connections (fetch), but allows its own site's scripts. Every part of
    every document is deflated and in base64, each distinct part once (a setting's documents share their
    styles, theme and settings); `version` (a digest of the rest) tells a kept copy from a newer build.
    The browser re-zips a document's parts in order after filling its content controls."""
    if plan is None or not documents:
        return {}
    packs = {}
    for setting in plan.settings:
        parts: dict[str, str] = {}
        listing: dict[str, list[list[str]]] = {}
        for _, doc_lang, guidance in [v for v in _variants(plan) if v[0] == setting]:
            name = plan_view.docx_name(setting, doc_lang, guidance=guidance)
            entries = listing[name] = []
            with zipfile.ZipFile(io.BytesIO(documents[name].data)) as docx:
                for info in docx.infolist():
                    raw = docx.read(info)
                    key = hashlib.sha256(raw).hexdigest()[:16]
                    if key not in parts:
                        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
                        parts[key] = base64.b64encode(packer.compress(raw) + packer.flush()).decode("ascii")
                    entries.append([info.filename, key])
        body = {"setting": setting, "parts": parts, "documents": listing}
        version = hashlib.sha256(json.dumps(body, sort_keys=True).encode("ascii")).hexdigest()[:16]
        pack = json.dumps(body | {"version": version}, sort_keys=True, separators=(",", ":"))
        packs[plan_view.pack_name(setting)] = (
            f"/* The plan documents of this build for plan-templates/make/, {setting} "
            "(lpl.publish.downloads.template_packs). */\n"
            f"(self.lplPlanTemplates = self.lplPlanTemplates || {{}})[{json.dumps(setting)}] = {pack};\n"
        ).encode("ascii")
    return packs


def pack_versions(packs: dict[str, bytes]) -> dict[str, str]:
    """{pack file name: its version}, which the page puts on the pack's address and checks in a kept copy."""
    found = {}
    for name, script in packs.items():
        text = script.decode("ascii")
        found[name] = json.loads(text[text.index("= {") + 2 : text.rindex(";")])["version"]
    return found


def plan_pages(
    content: Content, documents: dict[str, PlanDocument], packs: dict[str, bytes] | None = None
) -> dict[str, dict[str, bytes]]:
    """The downloads page, the printable pages and "Make your plan" of each language, by path under
    docs/<lang>/."""
    sizes = {name: len(document.data) for name, document in documents.items()}
    drafts = {name: document.drafts for name, document in documents.items()}
    versions = pack_versions(packs or {})
    return {
        lang: {
            path: md.encode("utf-8") for path, md in render_plan_pages(content, lang, sizes, versions, drafts).items()
        }
        for lang in LANGUAGES
    }

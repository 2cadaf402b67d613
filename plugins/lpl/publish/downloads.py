"""Make every plan template once per change of its inputs, and put the files where the site serves them.

Fifteen .docx files (5 settings × English, Welsh, bilingual) take a few seconds to make, so they are
kept in `.lpl-cache/plan-templates/<key>/`: the key is `inputs.inputs_digest`, every file the content is
loaded from, the package's own code and templates, its libraries and the site's address, so a build with
unchanged inputs reuses them and a change of any input remakes them.
Free of MkDocs: `publish.outputs.plan_templates` calls `plan_downloads`, `plan_pages` and `site_downloads`
(the documents and `template_pack`, the same documents as one script for the "Make your plan" page).
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

from ..model import LANGUAGES, Content
from ..model.plan import PLAN_LANGUAGES
from ..render import plan_docx, plan_view
from ..render.plan_pages import TEMPLATES_PACK, render_plan_pages
from .inputs import inputs_digest

CACHE_DIR = Path(".lpl-cache") / "plan-templates"


def make_documents(content: Content, site_url: str) -> dict[str, bytes]:
    """Every plan template as .docx bytes, by file name."""
    plan = content.plan
    if plan is None:
        return {}
    return {
        plan_view.docx_name(setting, doc_lang): plan_docx.render_plan_docx(
            content, setting, doc_lang, site_url=site_url
        )
        for setting in plan.settings
        for doc_lang in PLAN_LANGUAGES
    }


def plan_downloads(content: Content, site_url: str, root: Path) -> dict[str, bytes]:
    """The documents, from the cache when no input has changed (`content` is what was loaded from `root`)."""
    if content.plan is None:
        return {}
    cache = Path(root) / CACHE_DIR
    here = cache / inputs_digest(root, site_url)[:20]
    names = [plan_view.docx_name(s, d) for s in content.plan.settings for d in PLAN_LANGUAGES]
    if all((here / name).is_file() for name in names):
        return {name: (here / name).read_bytes() for name in names}
    documents = make_documents(content, site_url)
    shutil.rmtree(cache, ignore_errors=True)  # only the current set is worth keeping
    here.mkdir(parents=True)
    for name, data in documents.items():
        (here / name).write_bytes(data)
    return documents


def site_downloads(documents: dict[str, bytes]) -> dict[str, bytes]:
    """What goes into the site's downloads/: the documents and, made from them, their pack for the browser."""
    return {**documents, TEMPLATES_PACK: template_pack(documents)} if documents else {}


def template_pack(documents: dict[str, bytes]) -> bytes:
    """The .docx templates as one script for the "Make your plan" page, which must work with no
    connection after loading (its CSP forbids them): every part of every document, deflated and in
    base64, each distinct part once (the 15 documents share their styles, theme and settings).
    The browser re-zips a document's parts in order after filling its content controls."""
    parts: dict[str, str] = {}
    listing: dict[str, list[list[str]]] = {}
    for name, data in sorted(documents.items()):
        if not name.endswith(".docx"):
            continue
        entries = listing[name] = []
        with zipfile.ZipFile(io.BytesIO(data)) as docx:
            for info in docx.infolist():
                raw = docx.read(info)
                key = hashlib.sha256(raw).hexdigest()[:16]
                if key not in parts:
                    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
                    parts[key] = base64.b64encode(packer.compress(raw) + packer.flush()).decode("ascii")
                entries.append([info.filename, key])
    pack = json.dumps({"parts": parts, "documents": listing}, sort_keys=True, separators=(",", ":"))
    return (
        "/* The plan templates of this build, for plan-templates/make/ (lpl.publish.downloads.template_pack). */\n"
        f"self.lplPlanTemplates={pack};\n"
    ).encode("ascii")


def plan_pages(content: Content, documents: dict[str, bytes]) -> dict[str, dict[str, bytes]]:
    """The downloads page and printable pages of each language, by path under docs/<lang>/."""
    sizes = {name: len(data) for name, data in documents.items()}
    return {
        lang: {path: md.encode("utf-8") for path, md in render_plan_pages(content, lang, sizes).items()}
        for lang in LANGUAGES
    }

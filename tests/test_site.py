"""The built site, as a reader and a crawler meet it: both languages, switcher, hreflang, no third parties."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urljoin, urlparse

import lxml.etree
import lxml.html
import yaml
from harness import ROOT
from lpl.model.case_study import is_generated_page
from lpl.model.registry import framework
from lpl.render.page_context import NEWEST

SITE_URL = "https://leading-professional-learning.example.org/"


def pages(site: Path, lang: str) -> list[Path]:
    found = []
    for p in site.rglob("index.html"):
        rel = p.relative_to(site).as_posix()
        if rel.startswith(("assets/", "cy/assets/", "search/", "cy/search/")) or rel == "404.html":
            continue
        if (lang == "cy") == rel.startswith("cy/"):
            found.append(p)
    return sorted(found)


def url_of(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return SITE_URL + rel[: -len("index.html")]


def file_for(site: Path, url: str) -> Path:
    path = urlparse(url).path.lstrip("/")
    return site / path / "index.html" if not path or path.endswith("/") else site / path


def doc(page: Path):
    return lxml.html.fromstring(page.read_bytes())


def test_every_english_page_has_a_welsh_counterpart():
    en = {p.relative_to(ROOT / "docs/en").as_posix() for p in (ROOT / "docs/en").rglob("*.md")}
    cy = {p.relative_to(ROOT / "docs/cy").as_posix() for p in (ROOT / "docs/cy").rglob("*.md")}
    assert en == cy
    assert {
        "index.md",
        "key-principles.md",
        "roles-of-leaders.md",
        "entitlement.md",
        "inset.md",
        "funding.md",
        "plan-guide.md",
        "schools-as-learning-organisations.md",
        "professional-standards.md",
        "about.md",
        "accessibility.md",
    } <= en


def test_front_matter_parses():
    # MkDocs silently ignores front matter that is not valid YAML: the draft notice would vanish.
    for page in (ROOT / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---"):
            assert isinstance(yaml.safe_load(text.split("---")[1]), dict), page


def test_welsh_pages_declare_translation_status():
    for page in (ROOT / "docs/cy").rglob("*.md"):
        if page.relative_to(ROOT / "docs/cy").parts[0] in ("case-studies", "frameworks", "plan-templates"):
            continue
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---")[1])
        assert meta.get("translation") in ("draft", "reviewed"), page


def test_html_lang_and_welsh_interface(built_site):
    for page in pages(built_site, "cy"):
        tree = doc(page)
        assert tree.get("lang") == "cy", page
        if tree.xpath("//meta[@http-equiv='Content-Security-Policy']"):
            continue  # "Make your plan" forbids connections, so it has no search box (its index could not load)
        assert tree.xpath("//input[@name='query']/@placeholder") == ["Chwilio"], page
    for page in pages(built_site, "en"):
        assert doc(page).get("lang") == "en", page


def test_switcher_goes_to_the_same_page_in_the_other_language(built_site):
    checked = 0
    for lang, other in (("en", "cy"), ("cy", "en")):
        for page in pages(built_site, lang):
            tree = doc(page)
            links = tree.xpath(
                f"//header//a[contains(@class,'lpl-language')][@hreflang='{other}'][@lang='{other}']/@href"
            )
            assert links, f"no switcher link on {page}"
            target = urljoin(url_of(built_site, page), links[0])
            rel = page.relative_to(built_site).as_posix()
            expected = ("cy/" + rel) if lang == "en" else rel[3:]
            assert file_for(built_site, target) == built_site / expected, (page, target)
            assert (built_site / expected).exists()
            checked += 1
    assert checked >= 40


def test_hreflang_alternates_are_absolute_and_in_sitemap(built_site):
    for page in pages(built_site, "en") + pages(built_site, "cy"):
        alternates = {a.get("hreflang"): a.get("href") for a in doc(page).xpath("//link[@rel='alternate'][@hreflang]")}
        assert {"en", "cy"} <= set(alternates), page
        for href in alternates.values():
            assert href.startswith(SITE_URL), (page, href)
            assert file_for(built_site, href).exists(), (page, href)
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "None" not in sitemap
    for page in pages(built_site, "en"):
        assert f"<loc>{url_of(built_site, page)}</loc>" in sitemap, page
    assert 'hreflang="cy"' in sitemap and f'href="{SITE_URL}cy/case-studies/' in sitemap


def test_sitemap_dates_are_the_contents_and_robots_names_the_sitemap(built_site, content):
    """lastmod is when a page's content last changed (a case study's review or publication date), never the build's
    date; the copy the site is built from has no git history, so a hand-written page has none."""
    tree = lxml.etree.fromstring((built_site / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in tree.iterfind("s:url", ns)
    }
    for study in content.case_studies:
        for base in (SITE_URL, SITE_URL + "cy/"):
            assert lastmod[f"{base}case-studies/{study.slug}/"] == (study.last_reviewed or study.published).isoformat()
    newest = max(s.last_reviewed or s.published for s in content.case_studies).isoformat()
    assert lastmod[SITE_URL + "case-studies/"] == lastmod[SITE_URL + "cy/frameworks/hallmarks/"] == newest
    assert lastmod[SITE_URL + "inset/"] is None and lastmod[SITE_URL + "cy/"] is None
    robots = (built_site / "robots.txt").read_text(encoding="ascii").splitlines()
    assert robots[:2] == ["User-agent: *", "Allow: /"] and f"Sitemap: {SITE_URL}sitemap.xml" in robots
    assert not (built_site / "cy" / "robots.txt").exists()


def test_no_request_to_another_host(built_site):
    own = urlparse(SITE_URL).netloc
    for page in pages(built_site, "en") + pages(built_site, "cy"):
        tree = doc(page)
        refs = tree.xpath(
            "//link[not(@rel='alternate') and not(@rel='canonical')]/@href | //script/@src | //img/@src"
            " | //iframe/@src | //source/@src | //video/@src | //audio/@src"
        )
        for ref in refs:
            host = urlparse(urljoin(url_of(built_site, page), ref)).netloc
            assert host == own, (page, ref)
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8", errors="ignore")):
            assert not re.match(r"(https?:)?//", url), (css, url)


def test_every_case_study_has_one_page_per_language(built_site, content):
    generated = {p.parent.name for p in (built_site / "case-studies").glob("*/index.html")}
    # the site's own pages there (browse pages, the catalogue's further pages, the follow page) are the model's list
    assert {p for p in generated if not is_generated_page(p)} == {s.slug for s in content.case_studies}
    generated_cy = {p.parent.name for p in (built_site / "cy/case-studies").glob("*/index.html")}
    assert generated_cy == generated
    for study in content.case_studies:
        tree = doc(built_site / "cy/case-studies" / study.slug / "index.html")
        assert tree.xpath("//h1")[0].text_content().replace("¶", "").strip() == study.title.best("cy")


def test_every_link_from_a_case_study_has_its_reverse(built_site, content):
    for lang_prefix in ("", "cy/"):
        for study in content.case_studies:
            page = built_site / lang_prefix / "case-studies" / study.slug / "index.html"
            hrefs = doc(page).xpath("//a[contains(@class,'lpl-badge')]/@href")
            for key, ids in study.links().items():
                folder = framework(key).page.removesuffix(".md")  # "frameworks/contributory-factors"
                for term_id in ids:
                    anchor = f"standards-{term_id.replace(':', '-')}" if key == "standards" else term_id
                    target = f"../../{folder}/#{anchor}"
                    assert target in hrefs, (page, target)
                    framework_page = doc(built_site / lang_prefix / folder / "index.html")
                    section = framework_page.xpath(f"//*[@id='{anchor}']")
                    assert section, (key, anchor)
                    # the reverse link: the framework page links back to this case study, or, when it is
                    # not among the newest few, to the catalogue filtered to the item's case studies
                    back = framework_page.xpath(f"//a[@href='../../case-studies/{study.slug}/']")
                    newest = content.cited_by(key, term_id)[:NEWEST]
                    facet = framework(key).facet
                    filtered = framework_page.xpath(f"//a[@href='../../case-studies/?{facet}={quote(term_id)}']")
                    assert back if study in newest else filtered, (key, term_id, study.slug)


def test_entitlement_anchors_exist(built_site, content):
    for prefix in ("", "cy/"):
        page = doc(built_site / prefix / "frameworks/entitlement/index.html")
        for statement in content.frameworks.entitlement.statements:
            assert page.xpath(f"//*[@id='{statement.id}']"), statement.id
        assert page.xpath("//table[contains(@class,'lpl-entitlement')]//th[@scope='col']")


def test_no_english_interface_label_on_welsh_pages(built_site, content):
    english = {
        t.en
        for key, t in content.frameworks.labels.items()
        if t.cy and t.en != t.cy and len(t.en) > 3 and "{" not in t.en
    }
    for page in pages(built_site, "cy"):
        rel = page.relative_to(built_site).as_posix()
        if not rel.startswith(("cy/case-studies/", "cy/frameworks/")):
            continue
        tree = doc(page)
        for hidden in tree.xpath("//*[@lang='en']"):
            hidden.drop_tree()
        article = tree.xpath("//article")[0]
        texts = {
            t.strip()
            for t in article.xpath(
                ".//h1//text() | .//h2//text() | .//h3//text() | .//dt//text()"
                " | .//label//text() | .//strong//text() | .//p[@class='admonition-title']//text()"
            )
        }
        assert not (texts & english), (rel, texts & english)


def test_draft_welsh_pages_show_a_notice(built_site):
    notice = "cyfieithiad drafft"
    for page in (ROOT / "docs/cy").glob("*.md"):
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---")[1])
        html_page = built_site / "cy" / ("" if page.stem == "index" else page.stem) / "index.html"
        shown = notice in doc(html_page).text_content().lower()
        assert shown == (meta.get("translation") == "draft"), page


def test_catalogue_pages_list_every_case_study_without_javascript(built_site, content):
    for prefix in ("", "cy/"):
        tree = doc(built_site / prefix / "case-studies/index.html")
        cards = tree.xpath("//article[contains(@class,'lpl-card')]")
        for page in sorted((built_site / prefix / "case-studies").glob("page-*/index.html")):
            cards += doc(page).xpath("//article[contains(@class,'lpl-card')]")
        assert len(cards) == len(content.case_studies)  # on the catalogue's pages, each once
        assert tree.xpath("//form[@data-lpl-catalogue][@hidden]"), "filters are hidden until the script runs"


def test_404_pages_in_both_languages(built_site):
    # static-i18n writes every language's 404.html to the same place; the root one must stay English.
    root, welsh = doc(built_site / "404.html"), doc(built_site / "cy/404.html")
    assert root.get("lang") == "en" and root.xpath("//h1")[0].text_content() == "Page not found"
    assert welsh.get("lang") == "cy" and welsh.xpath("//h1")[0].text_content() == "Heb ddod o hyd i'r dudalen"
    # the root page is served for missing /cy/ addresses too, so it leads Welsh readers home as well
    assert root.xpath(f"//div[@lang='cy']//a[@href='{SITE_URL}cy/']")

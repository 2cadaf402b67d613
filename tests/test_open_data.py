"""Open data and feeds as a reuser meets them: the built site's JSON, CSV, Atom and JSON-LD, in both languages,
valid, consistent with the pages built, and safe with hostile content."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import jsonschema
import lxml.etree
import lxml.html
import pytest
from harness import ROOT
from lpl.model import Text
from lpl.render.json_ld import case_study_json_ld, script_json
from lpl.render.open_data import SCHEMA_VERSION, render_open_data, safe_cell

SCHEMAS = ROOT / "plugins" / "lpl" / "schema" / "open_data"
DATA = {"case-studies/index.json": "case-studies.schema.json", "frameworks/index.json": "frameworks.schema.json"}
ATOM = "{http://www.w3.org/2005/Atom}"
LANGS = {"en": "", "cy": "cy/"}
OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
SITE = "https://leading-professional-learning.example.org/"  # the site_url of mkdocs.yml, as the tests build it


def site_path(site: Path, url: str) -> Path:
    """The built file an absolute address of the site serves (directory URLs)."""
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if not path or path.endswith("/") else site / path


def case_study_pages(site: Path, prefix: str) -> dict[str, Path]:
    """The case-study pages built for a language, by slug: the pages carrying an Article's JSON-LD."""
    found = {}
    for page in (site / prefix / "case-studies").glob("*/index.html"):
        if '"@type":"Article"' in page.read_text(encoding="utf-8"):
            found[page.parent.name] = page
    return found


def open_data_mentions(site: Path, slug: str) -> list[str]:
    """Every open-data file or JSON-LD of the built site that names a case study (tests/test_build.py's
    unpublished case study must be in none)."""
    found = []
    for prefix in LANGS.values():
        for name in (
            "case-studies/index.json",
            "case-studies/index.csv",
            "case-studies/feed.xml",
            "frameworks/index.json",
        ):
            if slug in (site / prefix / name).read_text(encoding="utf-8"):
                found.append(prefix + name)
        for page in (site / prefix / "case-studies").glob("*/index.html"):
            if any(slug in json.dumps(d) for d in json_ld(page)):
                found.append(str(page.relative_to(site)))
    return found


def json_ld(page: Path) -> list[dict]:
    scripts = lxml.html.fromstring(page.read_bytes()).xpath('//script[@type="application/ld+json"]')
    return [json.loads(s.text) for s in scripts]


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("lang", LANGS)
def test_data_files_are_in_both_languages_and_valid_against_their_schemas(built_site, lang):
    for path, schema in DATA.items():
        data = json.loads((built_site / LANGS[lang] / path).read_text(encoding="utf-8"))
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(schema).iter_errors(data)]
        assert not errors, errors[:5]
        assert data["language"] == lang and data["schema"]["version"] == SCHEMA_VERSION
        assert data["licence"]["id"] == "OGL-UK-3.0"
        assert data["licence"]["url"] == (OGL if lang == "en" else OGL.replace("licence/", "licence-cymraeg/"))
        # The schema a file names is published where it says, and is the repository's.
        assert site_path(built_site, data["schema"]["url"]).read_bytes() == (SCHEMAS / schema).read_bytes()
        assert site_path(built_site, data["url"]).is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_counts_equal_the_case_study_pages_built(built_site, content, lang):
    prefix = LANGS[lang]
    built = case_study_pages(built_site, prefix)
    published = {s.slug for s in content.case_studies}
    assert set(built) == published and published
    data = json.loads((built_site / prefix / "case-studies/index.json").read_text(encoding="utf-8"))
    assert data["count"] == len(data["case_studies"]) == len(built)
    assert {s["slug"] for s in data["case_studies"]} == published
    for record in data["case_studies"]:
        for url in record["url"].values():
            assert site_path(built_site, url).is_file(), url
        for items in record["frameworks"].values():
            for item in items:  # every framework item's anchor exists on its page
                page, anchor = item["url"].split("#")
                assert f'id="{anchor}"' in site_path(built_site, page).read_text(encoding="utf-8"), item["url"]
    rows = list(
        csv.DictReader(io.StringIO((built_site / prefix / "case-studies/index.csv").read_text(encoding="utf-8-sig")))
    )
    assert [r["slug"] for r in rows] == [s["slug"] for s in data["case_studies"]]
    assert all(r["url_en"] and r["url_cy"] and r["published"] for r in rows)
    frameworks = json.loads((built_site / prefix / "frameworks/index.json").read_text(encoding="utf-8"))
    cited = {slug for f in frameworks["frameworks"] for item in f["items"] for slug in item["case_studies"]}
    assert cited <= published
    for framework in frameworks["frameworks"]:
        for item in framework["items"]:
            page, anchor = item["url"].split("#")
            assert f'id="{anchor}"' in site_path(built_site, page).read_text(encoding="utf-8"), item["url"]


def atom_problems(xml: bytes) -> list[str]:
    """The RFC 4287 rules a reader relies on (sections 4.1.1, 4.1.2, 4.2.7), checked on the parsed tree."""
    feed = lxml.etree.fromstring(xml)
    problems = []
    if feed.tag != f"{ATOM}feed":
        return ["root is not atom:feed"]

    def one(element, name):
        found = element.findall(f"{ATOM}{name}")
        if len(found) != 1 or not (found[0].text or "").strip():
            problems.append(f"{element.tag}: needs exactly one non-empty atom:{name}")

    for name in ("id", "title", "updated"):
        one(feed, name)
    if not feed.findall(f"{ATOM}link[@rel='self']"):
        problems.append("feed: no atom:link rel=self")
    alternates = [
        (element.get("type"), element.get("hreflang")) for element in feed.findall(f"{ATOM}link[@rel='alternate']")
    ]
    if len(alternates) != len(set(alternates)):
        problems.append("feed: two alternate links with the same type and hreflang")
    feed_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            one(entry, name)
        ids.append(entry.findtext(f"{ATOM}id"))
        if not feed_author and entry.find(f"{ATOM}author") is None:
            problems.append("entry without an author, and the feed has none")
        if not entry.findall(f"{ATOM}link[@rel='alternate']") and entry.find(f"{ATOM}content") is None:
            problems.append("entry with neither content nor an alternate link")
    if len(ids) != len(set(ids)):
        problems.append("two entries share an id")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_feed_is_valid_atom_newest_first_and_links_to_pages_built(built_site, content, lang):
    prefix = LANGS[lang]
    xml = (built_site / prefix / "case-studies/feed.xml").read_bytes()
    assert atom_problems(xml) == []
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.language == lang
    built = case_study_pages(built_site, prefix)
    assert len(parsed.entries) == len(built)
    published = [e.published_parsed for e in parsed.entries]
    assert published == sorted(published, reverse=True)
    kinds = {s.slug: s.kind for s in content.case_studies}
    for entry in parsed.entries:
        own = [link.href for link in entry.links if link.get("hreflang") == lang]
        assert own and site_path(built_site, own[0]) in built.values(), own
        assert all(site_path(built_site, link.href).is_file() for link in entry.links)
        # a feed reader opens the page in the feed's language: the entry's one alternate link
        assert entry.link == own[0], (entry.link, own)
        assert [link.rel for link in entry.links].count("alternate") == 1
        # the kind in the text, not only as a category: an invented example says so in its title
        kind = kinds[site_path(built_site, entry.link).parent.name]
        label = content.label(f"kind_{kind}", lang)
        assert entry.summary.startswith(f"{label}: "), entry.summary[:80]
        assert (f"({label})" in entry.title) == (kind == "illustrative"), entry.title
    # Linked from the catalogue's <head> (for feed readers); the links a reader sees (the catalogue's and every
    # footer's) open the follow page in their language, which explains the feed and links it (browsers are
    # dropping the XSLT that shows the feed itself as a page).
    catalogue = lxml.html.fromstring((built_site / prefix / "case-studies/index.html").read_bytes())
    head = catalogue.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]/@href')
    assert head == ["feed.xml"] and not catalogue.xpath('//article//a[@href="feed.xml"]')
    assert catalogue.xpath('//article//a[@href="follow/"]') and catalogue.xpath('//footer//a[@href="follow/"]')
    assert catalogue.xpath('//article//a[@href="index.json"]') and catalogue.xpath('//article//a[@href="index.csv"]')
    about = lxml.html.fromstring((built_site / prefix / "about/index.html").read_bytes())
    assert about.xpath('//footer//a[@href="../case-studies/follow/"]')
    follow = lxml.html.fromstring((built_site / prefix / "case-studies/follow/index.html").read_bytes())
    assert follow.xpath("//html/@lang") == [lang]
    assert follow.xpath("//article//h1")[0].text_content().strip().rstrip("¶") == content.label("follow_title", lang)
    assert follow.xpath("//article//code")[0].text_content() == SITE + prefix + "case-studies/feed.xml"
    assert follow.xpath('//article//a[@href="../feed.xml"][@type="application/atom+xml"]')
    listed = follow.xpath('//article//h2[@id="latest"]/following-sibling::ul[1]/li/a/@href')
    newest = sorted(content.case_studies, key=lambda s: (s.published, s.slug), reverse=True)[:10]
    assert listed == [f"../{s.slug}/" for s in newest]


@pytest.mark.parametrize("lang", LANGS)
def test_case_study_pages_carry_json_ld_that_parses_and_links_the_translation(built_site, lang):
    other = "cy" if lang == "en" else "en"
    catalogue = json.loads((built_site / LANGS[lang] / "case-studies/index.json").read_text(encoding="utf-8"))
    records = {r["slug"]: r for r in catalogue["case_studies"]}
    for slug, page in case_study_pages(built_site, LANGS[lang]).items():
        [data] = json_ld(page)
        assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
        assert data["inLanguage"] == lang and data["datePublished"] == records[slug]["published"]
        cited = [item["url"] for items in records[slug]["frameworks"].values() for item in items]
        assert [term["url"] for term in data["about"]] == cited
        assert data["genre"] == records[slug]["kind_label"]
        if records[slug]["source"]:
            assert data["isBasedOn"]["url"] in records[slug]["source"]["url"].values()
        assert site_path(built_site, data["url"]) == page
        translation = data.get("workTranslation") or data.get("translationOfWork")
        assert translation["inLanguage"] == other
        assert site_path(built_site, translation["url"]) == case_study_pages(built_site, LANGS[other])[slug]
        for term in data["about"]:
            assert site_path(built_site, term["url"].split("#")[0]).is_file()
        # Only the site's own addresses, and a summary's source: nothing for a browser to fetch.
        assert all(
            s.get("src") is None
            for s in lxml.html.fromstring(page.read_bytes()).xpath('//script[@type="application/ld+json"]')
        )


def test_hostile_text_cannot_leave_the_json_ld_script_and_csv_cells_are_not_formulas(built_site, content):
    # The loader refuses HTML in case studies; the renderers must be safe without relying on it.
    hostile = "</script><script>alert(1)</script><!-- & \u2028 =1+1 \U0001f600"
    study = replace(content.case_studies[0], title=Text(hostile, hostile), summary=Text('=HYPERLINK("x")', "@SUM(A1)"))
    content = replace(content, case_studies=(study,) + content.case_studies[1:])
    embedded = script_json(case_study_json_ld(content, study, "en", "https://example.org/"))
    assert not any(c in embedded for c in "<>&") and embedded.isascii()
    assert json.loads(embedded)["headline"] == hostile
    # Through the page's front matter (as MkDocs reads it) into the theme's <head>: one script, same JSON.
    from lpl.render.pages import render_site_pages
    from mkdocs.utils.meta import get_data

    _, meta = get_data(render_site_pages(content, "en", "https://example.org/")[f"case-studies/{study.slug}.md"])
    assert meta["json_ld"] == embedded
    rows = list(
        csv.DictReader(io.StringIO(render_open_data(content, "en", "https://example.org/")["case-studies/index.csv"]))
    )
    assert rows[0]["summary"] == '\'=HYPERLINK("x")'
    assert [safe_cell(v) for v in ("+1", "-1", "@a", "=a", "a=b")] == ["'+1", "'-1", "'@a", "'=a", "a=b"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_feed_link_sets_off_no_request(built_site, site_server, browser, lang):
    # Material's script fetches "sitemap.xml" beside every <link rel="alternate">: the feed's too, unless
    # main.html hides it from that query. The link must still be in <head> once the page has settled.
    tab = browser.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    try:
        tab.goto(site_server + LANGS[lang] + "case-studies/", wait_until="networkidle")
        assert tab.locator('head link[rel=alternate][type="application/atom+xml"]').get_attribute("href") == "feed.xml"
    finally:
        tab.close()
    assert requests and not [url for url in requests if url.endswith("sitemap.xml")], requests


@pytest.mark.parametrize("lang", LANGS)
def test_the_feed_is_a_readable_page_in_its_language_by_its_own_stylesheet(built_site, content, lang):
    """The feed names a stylesheet beside it on the site; applied (libxslt, as browsers do) it makes a page in
    the feed's language saying what a feed is and how to follow it, with each entry's page in that language."""
    folder = built_site / LANGS[lang] / "case-studies"
    xml = lxml.etree.parse(str(folder / "feed.xml"))
    [instruction] = [n for n in xml.getroot().itersiblings(preceding=True) if n.target == "xml-stylesheet"]
    assert instruction.get("type") == "text/xsl" and instruction.get("href") == "feed.xsl"  # same site, same folder
    page = lxml.etree.XSLT(lxml.etree.parse(str(folder / "feed.xsl")))(xml)
    html = lxml.html.fromstring(str(page))
    assert html.get("lang") == lang
    text = html.text_content()
    for key in ("feed_page_intro", "feed_page_how", "feed_page_latest"):
        assert content.label(key, lang) in text, key
    assert html.xpath("//h1")[0].text_content() == content.label("feed_title", lang)
    assert html.xpath("//code")[0].text_content() == SITE + LANGS[lang] + "case-studies/feed.xml"
    links = html.xpath("//article//a/@href")
    parsed = feedparser.parse((folder / "feed.xml").read_bytes())
    assert links == [e.link for e in parsed.entries]
    assert all(urlsplit(href).path.startswith("/" + LANGS[lang] + "case-studies/") for href in links)
    other = html.xpath("//footer//a[@hreflang]")[0]
    assert other.get("lang") == other.get("hreflang") != lang


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_a_browser_shows_the_feed_as_that_page(site_server, page, content, lang):
    page.goto(site_server + LANGS[lang] + "case-studies/feed.xml")
    if not page.evaluate("typeof XSLTProcessor !== 'undefined'"):
        pytest.skip("this browser no longer applies XSLT stylesheets: the feed shows as XML")
    assert page.evaluate("document.documentElement.lang") == lang
    first = page.locator("article a").first
    assert first.get_attribute("href").startswith(SITE + LANGS[lang] + "case-studies/")
    assert page.locator("h1").inner_text() == content.label("feed_title", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_opens_in_excel_as_utf8_and_each_languages_files_have_their_own_names(built_site, content, lang):
    data = (built_site / LANGS[lang] / "case-studies/index.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark: Excel reads UTF-8, and ŵ stays ŵ
    assert data[3:].decode("utf-8").startswith("slug,")
    names = {
        "case-studies/index.csv": content.label("open_data_file_catalogue", lang) + ".csv",
        "case-studies/index.json": content.label("open_data_file_catalogue", lang) + ".json",
        "frameworks/index.json": content.label("open_data_file_frameworks", lang) + ".json",
    }
    assert len(set(names.values())) == 3
    checked = 0
    for html in [*(built_site / LANGS[lang]).glob("*/index.html"), built_site / LANGS[lang] / "index.html"]:
        if lang == "en" and html.parent.name == "cy":
            continue
        base = SITE + html.parent.relative_to(built_site).as_posix().removeprefix(".") + "/"
        tree = lxml.html.fromstring(html.read_bytes())
        footer = [urljoin(base, h) for h in tree.xpath("//footer//a/@href")]
        assert SITE + LANGS[lang] + "case-studies/index.csv" in footer, f"no open data in the footer of {html}"
        for link in tree.xpath("//a[@href]"):
            target = urljoin(base, link.get("href"))
            for path, name in names.items():
                if target == SITE + LANGS[lang] + path:
                    assert link.get("download") == name, (html, link.get("href"))
                    checked += 1
    assert checked > 20


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_downloads_save_under_their_languages_names(site_server, browser, content, lang):
    context = browser.new_context(accept_downloads=True)
    try:
        tab = context.new_page()
        tab.goto(site_server + LANGS[lang] + "key-principles/")
        with tab.expect_download() as download:
            tab.click("footer a[href$='/index.csv']")
        assert download.value.suggested_filename == content.label("open_data_file_catalogue", lang) + ".csv"
    finally:
        context.close()

"""Building one language's index from page HTML: sections, forms, rewrite keys, weights."""

from __future__ import annotations

import json

from lpl.search.extract import sections
from lpl.search.index import PageText, build_index, dumps

PLAN = """<h1 id="eich-cynllun">Eich cynllun<a class="headerlink" href="#eich-cynllun">¶</a></h1>
<p>Mae'r dudalen hon yn helpu i ysgrifennu'r cynllun.</p>
<form><select><option>Unrhyw un</option></select></form>
<h2 id="ein-nghynllun">Ein nghynllun ni</h2><p>Rydym yn adolygu ein <strong>nghynllun</strong> bob tymor.</p>
<h4>Nodyn</h4><p>Mae'r <em>gynllun</em> hwn yn fyr.</p><script>var x = "cynllun";</script>"""


def test_sections_split_at_headings_and_skip_chrome():
    found = sections(PLAN)
    assert [(s.anchor, s.heading) for s in found] == [("", "Eich cynllun"), ("ein-nghynllun", "Ein nghynllun ni")]
    assert found[0].text == "Mae'r dudalen hon yn helpu i ysgrifennu'r cynllun."
    assert "¶" not in found[0].text and "Unrhyw" not in found[0].text
    assert found[1].text == "Rydym yn adolygu ein nghynllun bob tymor. Nodyn Mae'r gynllun hwn yn fyr."


def test_a_line_break_opportunity_is_not_a_space():
    found = sections("<p>The entitlement/<wbr>expectation statements<br>for leaders</p>")
    assert found[0].text == "The entitlement/expectation statements for leaders"


def test_welsh_index_finds_mutated_forms_under_their_radical():
    index = build_index([PageText("../cynllun/", "Eich cynllun", PLAN)], "cy")
    json.loads(dumps(index))
    forms = index["forms"]
    assert forms == sorted(forms)
    assert {"cynllun", "nghynllun", "gynllun"} <= set(forms)
    assert "r" not in forms and "yn" not in forms  # stop words are not indexed
    related = {forms[i] for i in index["rewrites"]["cynllun"]}
    assert related == {"nghynllun", "gynllun"}
    assert index["pages"] == [["../cynllun/", "Eich cynllun"]]
    assert [s[:3] for s in index["sections"]] == [[0, "", "Eich cynllun"], [0, "ein-nghynllun", "Ein nghynllun ni"]]
    # a heading word weighs more than the same word in running text
    post = dict(zip(*[iter(index["postings"][forms.index("nghynllun")])] * 2, strict=True))
    assert post[1] > 0
    assert index["language"]["lang"] == "cy" and index["language"]["prefixRules"] is True


def test_a_template_label_is_not_indexed_but_a_page_title_is():
    """A heading on three pages or more is a template's label: its words would lead a one-line section and
    outrank the page the label names (so every case study's "Entitlement statements" list came before the
    Entitlement statements page). That page's title is its own, though other pages use the words as a label."""
    study = (
        "<p>The school planned its professional learning with every member of staff over three years.</p>"
        '<h2 id="entitlement-statements">Entitlement statements</h2><p>Statement 2</p>'
    )
    framework = "<p>What leaders can expect from their professional learning, and what is expected of them.</p>"
    pages = [PageText(f"../s{n}/", f"Study {n}", study) for n in range(3)]
    index = build_index([*pages, PageText("../f/", "Entitlement statements", framework)], "en")
    forms, sections = index["forms"], index["sections"]

    def found(form):  # {(page, heading): weight}
        post = index["postings"][forms.index(form)]
        return {(sections[s][0], sections[s][2]): w for s, w in zip(post[::2], post[1::2], strict=True)}

    # only the page of that name, under its title, at a heading's weight (more than a word of its text)
    assert list(found("entitlement")) == [(3, "Entitlement statements")]
    assert found("entitlement")[(3, "Entitlement statements")] > found("professional")[(3, "Entitlement statements")]
    # the label's sections are still found by their own text
    assert found("statement") == {
        (n, "Entitlement statements"): found("statement")[(0, "Entitlement statements")] for n in range(3)
    }


def test_english_index_uses_english_rules():
    index = build_index([PageText("../chairs/", "Chairs", "<p>The chair of governors chaired the meeting.</p>")], "en")
    forms = index["forms"]
    assert {"chair", "chairs", "chaired", "governors", "meeting"} <= set(forms)
    assert "the" not in forms
    assert {forms[i] for i in index["rewrites"]["chair"]} == {"chairs", "chaired"}


def test_pieces_hold_every_key_in_its_chunk_and_every_page_in_its_fragment():
    from lpl.search.shards import split_index

    pages = [PageText(f"../p{i}/", f"Tudalen {i}", PLAN.replace("cynllun", f"cynllun{i % 3}")) for i in range(12)]
    index = build_index(pages, "cy")
    files = split_index(index, target=150)
    manifest = json.loads(files["manifest.json"])
    firsts = manifest["chunks"]
    assert len(firsts) > 2 and firsts == sorted(firsts)
    assert sum(manifest["sections"]) == len(index["sections"])
    keys = set(index["forms"]) | set(index["rewrites"])
    for key in keys:
        n = max(i for i, first in enumerate(firsts) if first <= key)  # as the browser's chunkOf
        chunk = json.loads(files[f"t/{n}.json"])
        found = dict(chunk["keys"])[key]
        forms = {chunk["forms"][i] for i in found}
        expected = ({key} & set(index["forms"])) | {index["forms"][i] for i in index["rewrites"].get(key, [])}
        assert forms == expected
        for i in found:  # postings come back from the gaps
            p = chunk["postings"][i]
            for j in range(2, len(p), 2):
                p[j] += p[j - 2]
            assert p == index["postings"][index["forms"].index(chunk["forms"][i])]
    fragment = json.loads(files["f/3.json"])
    assert fragment["url"] == "../p3/" and fragment["title"] == "Tudalen 3"
    assert [s[0] for s in fragment["sections"]] == ["", "ein-nghynllun"]

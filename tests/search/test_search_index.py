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
    post = dict(zip(*[iter(index["postings"][forms.index("nghynllun")])] * 2))
    assert post[1] > 0
    assert index["language"]["lang"] == "cy" and index["language"]["prefixRules"] is True


def test_english_index_uses_english_rules():
    index = build_index([PageText("../chairs/", "Chairs", "<p>The chair of governors chaired the meeting.</p>")], "en")
    forms = index["forms"]
    assert {"chair", "chairs", "chaired", "governors", "meeting"} <= set(forms)
    assert "the" not in forms
    assert {forms[i] for i in index["rewrites"]["chair"]} == {"chairs", "chaired"}

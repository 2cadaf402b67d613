"""Start a new case study: `lpl new` (or `python scripts/new_case_study.py`) asks the questions (`--lang cy`: in Welsh).

Every answer can also be given as a flag (see --help); questions not answered by a flag are asked.
Writes case_studies/<slug>.yml, commented and ready to fill in; refuses a slug that exists (exit 1).
`--summary` starts a summary of a case study published elsewhere: it asks for the source (publisher, title, address,
language, when it dates the practice) and for the file where you saved the source's text, which it copies to
case_studies/sources/<slug>.<lang>.txt for `lpl check-summary` (never published).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..editorial.check_summary import MAX_EXCERPT_BYTES
from ..editorial.scaffold import (
    DEFAULT_LICENCE,
    LANGUAGE_WORDS,
    WORDING,
    ChoiceError,
    NewCaseStudy,
    NewSource,
    check_described,
    check_described_after,
    check_licence,
    check_source_language,
    check_url,
    choices,
    default_scheme,
    excerpt_path,
    menu,
    render,
    resolve,
    resolve_many,
    save_excerpt,
    slug_problem,
    slugify,
)
from ..load import check_data
from ..model import ILLUSTRATIVE, SCHOOL, SUMMARY
from ..model.language import Language
from ..model.registry import framework
from . import from_issue

PROG = "lpl new"


class NoAnswer(Exception):
    pass


def ask(
    question: str, default: str | None = None, lines: Sequence[str] = (), hint: str = "", lang: Language = Language.EN
) -> str:
    """One question on stdout, the answer from stdin (typed, or piped in by a script or test)."""
    print(f"\n{question}" + (f"  [{WORDING[lang]['default']} {default}]" if default else ""))
    for line in lines:
        print(line)
    if hint:
        print(hint)
    print("> ", end="", flush=True)
    answer = sys.stdin.readline()
    if not answer:  # end of input: nobody is there to answer
        raise NoAnswer(question)
    return answer.strip() or (default or "")


def ask_until_valid(question, check, lang, lines=(), **kwargs):
    while True:
        answer = ask(question, lang=lang, lines=lines, **kwargs)
        lines = ()  # the choices are shown once; a retry only repeats the question
        if not answer:
            print(WORDING[lang]["needed"])
            continue
        try:
            return check(answer)
        except ChoiceError as problem:
            print(problem)


def ask_optional(question, check, lang):
    """A question that may be left empty (press Enter): None, or the answer once `check` accepts it."""
    while True:
        answer = ask(question, lang=lang)
        if not answer:
            return None
        try:
            return check(answer)
        except ChoiceError as problem:
            print(problem)


def read_excerpt_file(value: str, lang: Language) -> str:
    """The text of the file the editor saved the source in (UTF-8, size-capped); ChoiceError in their language."""
    path = Path(value.strip()).expanduser()
    try:
        if path.stat().st_size > MAX_EXCERPT_BYTES:
            problem = f"over {MAX_EXCERPT_BYTES // 1024} KB"
        else:
            return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problem = "no such file"
    except (OSError, UnicodeDecodeError) as error:
        problem = "not a UTF-8 text file" if isinstance(error, UnicodeDecodeError) else str(error.strerror or error)
    raise ChoiceError(WORDING[lang]["bad_excerpt"].format(value=value[:80], problem=problem))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "cy"), default="en", help="language of the questions and comments")
    parser.add_argument("--slug", help="short name, also the web address: lowercase words joined by hyphens")
    parser.add_argument("--title-en", help="title in English")
    parser.add_argument("--title-cy", help="title in Welsh")
    parser.add_argument("--school", help="name of the school")
    parser.add_argument("--setting", help="setting id(s) or number(s), comma-separated (data/settings.yml)")
    parser.add_argument("--local-authority", help="local authority id or number (data/local_authorities.yml)")
    parser.add_argument(
        "--language-scheme", help="language category scheme (default: the first in data/language_categories.yml)"
    )
    parser.add_argument("--language-category", help="language category id or number")
    parser.add_argument("--audiences", help="audience id(s) or number(s), comma-separated (data/audiences.yml)")
    parser.add_argument(
        "--hallmarks", help=f"hallmark id(s) or number(s), comma-separated ({framework('hallmarks').data_file})"
    )
    parser.add_argument(
        "--written-in",
        choices=("en", "cy"),
        help="the language the school wrote in, marked reviewed; the other is marked draft (default: the --lang)",
    )
    parser.add_argument(
        "--example",
        action="store_true",
        help="an illustrative example about an invented school (kind: illustrative; without it: kind: school, the school's own account)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="a summary of a case study published elsewhere (kind: summary): asks for its source and the saved excerpt",
    )
    parser.add_argument("--publisher", help="summary: who published the source (e.g. Estyn)")
    parser.add_argument("--source-title", help="summary: the source's title, as published")
    parser.add_argument("--source-url", help="summary: the source's https address")
    parser.add_argument("--source-language", choices=("en", "cy", "both"), help="summary: language(s) of the source")
    parser.add_argument("--source-title-cy", help="summary: the Welsh title, as published")
    parser.add_argument("--source-url-cy", help="summary: the https address of the Welsh version")
    parser.add_argument("--described", help="summary: when the source dates the practice (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--described-after", choices=("inspection", "report", "visit", "publication"))
    parser.add_argument("--excerpt", help="summary: the file where you saved the source's English text")
    parser.add_argument("--excerpt-cy", help="summary: the file where you saved the source's Welsh text")
    parser.add_argument("--licence", help=f"summary: the source's licence (default: {DEFAULT_LICENCE})")
    parser.add_argument(
        "--published", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--from-issue",
        type=Path,
        metavar="BODY.md",
        help="read a submitted case-study issue form (its body as GitHub renders it) instead of asking",
    )
    parser.add_argument("--issue", type=int, help="with --from-issue: the issue's number, linked in the file")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: the current folder)")
    args = parser.parse_args(argv)
    if args.from_issue is not None:
        return from_issue.main(args.from_issue, args.root, args.issue)
    lang, words = args.lang, WORDING[args.lang]

    frameworks, problems = check_data(args.root)
    if frameworks is None:
        for p in problems:
            print(p, file=sys.stderr)
        print(words["data_errors"], file=sys.stderr)
        return 1
    scheme = args.language_scheme or default_scheme(frameworks)
    if scheme not in frameworks.language_categories:
        parser.error(
            f"--language-scheme: {words['unknown'].format(value=scheme, hint='')} "
            f"({', '.join(frameworks.language_categories)})"
        )

    def given(flag: str, value: str | None, check):
        """A flag's value checked like a typed answer; a bad one stops with the reason (exit 2)."""
        try:
            return check(value)
        except ChoiceError as problem:
            parser.error(f"--{flag}: {problem}")

    def chosen(key: str, flag_value: str | None, many: bool):
        terms = choices(frameworks, key, scheme)
        check = (lambda v: resolve_many(v, terms, lang)) if many else (lambda v: resolve(v, terms, lang))
        if flag_value is not None:
            return given(key.replace("_", "-"), flag_value, check)
        return ask_until_valid(
            words[key],
            check,
            lang,
            lines=menu(terms, lang),
            hint=words["how_to_choose_many" if many else "how_to_choose"],
        )

    def refuse_slug(slug: str) -> int | None:
        if (problem := slug_problem(slug, args.root, lang)) is not None:
            print(problem, file=sys.stderr)
            return 1
        return None

    try:
        if args.slug and (refused := refuse_slug(args.slug)):  # before any question is asked
            return refused
        title_en = args.title_en or ask_until_valid(words["title_en"], str, lang)
        title_cy = args.title_cy or ask_until_valid(words["title_cy"], str, lang)
        slug = args.slug or ask_until_valid(words["slug"], str, lang, default=slugify(title_en))
        if not args.slug and (refused := refuse_slug(slug)):
            return refused
        source: NewSource | None = None
        excerpts: dict[Language, str] = {}
        licence = DEFAULT_LICENCE
        if args.summary:
            source, excerpts, licence = ask_source(args, slug, words, lang, given)
        new = NewCaseStudy(
            slug=slug,
            title_en=title_en,
            title_cy=title_cy,
            school=args.school or ask_until_valid(words["school"], str, lang),
            settings=chosen("settings", args.setting, many=True),
            local_authority=chosen("local_authority", args.local_authority, many=False),
            language_scheme=scheme,
            language_category=chosen("language_category", args.language_category, many=False) if not source else "",
            audiences=chosen("audiences", args.audiences, many=True),
            hallmarks=(
                chosen("hallmarks", args.hallmarks, many=True)
                if not source or args.hallmarks
                else ()  # a summary names only what its source states: [] to start
            ),
            published=args.published,
            written_in=args.written_in or lang,
            kind=SUMMARY if source else ILLUSTRATIVE if args.example else SCHOOL,
            source=source,
        )
    except NoAnswer as missing:
        print("\n" + words["no_answer"].format(question=missing), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130

    path = args.root / "case_studies" / f"{new.slug}.yml"
    for excerpt_lang in excerpts:
        if excerpt_path(args.root, new.slug, excerpt_lang).exists():
            print(
                words["exists"].format(slug=new.slug, path=excerpt_path(args.root, new.slug, excerpt_lang)),
                file=sys.stderr,
            )
            return 1
    with open(path, "x", encoding="utf-8") as out:  # "x": never overwrite, even if made meanwhile
        out.write(render(new, frameworks, lang))
    shown = path.relative_to(args.root).as_posix()
    print("\n" + words["written"].format(path=shown))
    for excerpt_lang, text in excerpts.items():
        assert source is not None  # excerpts come only with a summary's source
        url = source.url_cy if excerpt_lang == "cy" and source.url_cy else source.url
        saved = save_excerpt(args.root, new.slug, excerpt_lang, text, url, date.today(), licence)
        print(words["excerpt_saved"].format(path=saved.relative_to(args.root).as_posix()))
    print(words["next_summary" if source else "next"].format(path=shown, slug=new.slug))
    return 0


def ask_source(args, slug: str, words: dict, lang: Language, given) -> tuple[NewSource, dict[Language, str], str]:
    """A summary's source and the text of its saved excerpt(s), from flags or questions."""

    def answer(flag_value, key, check):
        if flag_value is not None:
            return given(key.replace("_", "-"), flag_value, check)
        return ask_until_valid(words[key], check, lang)

    publisher = args.publisher or ask_until_valid(words["publisher"], str, lang, default="Estyn")
    title = args.source_title or ask_until_valid(words["source_title"], str, lang)
    url = answer(args.source_url, "source_url", lambda v: check_url(v, lang))
    language = answer(args.source_language, "source_language", lambda v: check_source_language(v, lang))
    title_cy = url_cy = None
    if language == "both":
        title_cy = args.source_title_cy or ask_until_valid(words["source_title_cy"], str, lang)
        url_cy = answer(args.source_url_cy, "source_url_cy", lambda v: check_url(v, lang))
    if args.described is not None:
        described = given("described", args.described, lambda v: check_described(v, lang))
    else:
        described = ask_optional(words["described"], lambda v: check_described(v, lang), lang)
    after = args.described_after
    if described and after is None and args.described is None:
        after = ask_optional(words["described_after"], lambda v: check_described_after(v, lang), lang)
    excerpts: dict[Language, str] = {}
    for excerpt_lang, flag in ((Language.EN, args.excerpt), (Language.CY, args.excerpt_cy)):
        if language not in (excerpt_lang, "both"):
            continue
        question = words["excerpt"].format(
            language=LANGUAGE_WORDS[lang][excerpt_lang], target=f"case_studies/sources/{slug}.{excerpt_lang}.txt"
        )
        check = lambda v: read_excerpt_file(v, lang)  # noqa: E731
        excerpts[excerpt_lang] = (
            given(f"excerpt{'-cy' if excerpt_lang == 'cy' else ''}", flag, check)
            if flag is not None
            else ask_until_valid(question, check, lang)
        )
    licence = given("licence", args.licence, lambda v: check_licence(v, lang)) if args.licence else DEFAULT_LICENCE
    source = NewSource(publisher, title, url, language, title_cy, url_cy, described, after if described else None)
    return source, excerpts, licence

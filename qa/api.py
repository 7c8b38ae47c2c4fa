"""The default corpus, searched through one retriever per process."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from . import answer
from .answer import Answer
from .passages import Passage, SpeakerProfile
from .retrieval import Mode, Retriever

_lock = threading.Lock()
_default: Retriever | None = None


def default_retriever() -> Retriever:
    """The retriever over `corpus/` with its persisted index, loaded on first use and shared."""
    global _default
    with _lock:
        if _default is None:
            _default = Retriever.from_corpus()
        return _default


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
SPIN_NOTICE = "This article appears machine-rewritten; answers quote it as published."


@dataclass(frozen=True)
class ArticleInfo:
    id: str
    title: str
    source: str | None
    spin_score: float
    notice: str | None  # the one-line spin notice, when the article looks machine-rewritten
    examples: tuple[str, ...]  # questions to suggest, from the article's metadata


def articles() -> list[ArticleInfo]:
    """The articles of the default corpus, with what the index measured of them."""
    retriever = default_retriever()
    measured = retriever.index.manifest.get("articles", {})
    infos = []
    for a in retriever.articles:
        spin = float(measured.get(a.id, {}).get("spin_score", 0.0))
        notice = SPIN_NOTICE if spin >= SPIN_NOTICE_MIN else None
        infos.append(ArticleInfo(a.id, a.title, a.source, spin, notice, a.examples))
    return infos

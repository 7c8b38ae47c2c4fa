"""Keyword scoring of passages: BM25 over Indonesian-aware tokens."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rank_bm25 import BM25Plus

from .normalize import normalize
from .tokens import tokenize


def analyze(text: str) -> list[str]:
    """The one text pipeline BM25 sees, for passages and questions alike."""
    return tokenize(normalize(text))


class Bm25:
    """BM25+ (Lv & Zhai 2011) over analysed passages.

    BM25Okapi gives a term found in half the documents or more an idf of zero or a small floor; in one
    article the words that matter most ("DeepSeek", "AI", "chip") are exactly such terms. BM25+'s idf,
    log((N + 1) / df), stays positive for every term that occurs at all.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        corpus = [analyze(t) for t in texts]
        # rank_bm25 divides by the average length: an all-empty corpus still needs one token somewhere.
        self._model = BM25Plus([tokens or [""] for tokens in corpus])

    def idf(self, term: str) -> float:
        return float(self._model.idf.get(term, 0.0))

    def scores(self, question: str) -> np.ndarray:
        tokens = analyze(question)
        if not tokens:
            return np.zeros(self._model.corpus_size, dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)

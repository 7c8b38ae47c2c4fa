"""Keyword scoring of passages: BM25+ over Indonesian-aware tokens."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Literal, Protocol

import numpy as np
from rank_bm25 import BM25Plus

from .normalize import normalize
from .resources import short_forms
from .tokens import tokenize

Scorer = Literal["rank_bm25", "sparse"]  # "sparse": bm25s
# rank_bm25 scores in a Python loop over every passage for each query term, 0.1-0.2 µs per passage and
# term: under 1 ms a question up to this size, nothing beside the query embedding (~70 ms), but ~90 ms at
# 100k passages (README, "Speed"). bm25s's cost follows the postings of the question's terms instead.
# Below the threshold the reference library does the work.
SPARSE_MIN_PASSAGES = 1000
# rank_bm25's BM25Plus defaults, kept so that both scorers give the same scores.
K1, B, DELTA = 1.5, 0.75, 1.0


def analyze(text: str) -> list[str]:
    """The one text pipeline BM25 sees, for passages and questions alike; a short form ("Kejari") also counts as
    the words it stands for, so that it meets them written out."""
    tokens = tokenize(normalize(text))
    return tokens + [word for token in tokens for word in _spelt_out().get(token, ())]


@cache
def _spelt_out() -> dict[str, tuple[str, ...]]:
    # Two short forms may stem alike ("Kemenhub", "Menhub"): the token stands for the words of both.
    spelt: dict[str, tuple[str, ...]] = {}
    for short, words in short_forms().items():
        for token in tokenize(normalize(short)):
            spelt[token] = tuple(dict.fromkeys(spelt.get(token, ()) + tuple(tokenize(normalize(words)))))
    return spelt


class TokenScorer(Protocol):
    def idf(self, term: str) -> float: ...

    def scores(self, tokens: Sequence[str]) -> np.ndarray: ...


def _nonempty(corpus: Sequence[Sequence[str]]) -> list[list[str]]:
    # BM25 divides by the average length: an all-empty corpus still needs one token somewhere.
    return [list(tokens) or [""] for tokens in corpus]


class RankBm25Plus:
    """rank_bm25's BM25Plus over analysed passages."""

    def __init__(self, corpus: Sequence[Sequence[str]]) -> None:
        self._model = BM25Plus(_nonempty(corpus), k1=K1, b=B, delta=DELTA)

    def idf(self, term: str) -> float:
        return float(self._model.idf.get(term, 0.0))

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.get_scores(list(tokens)), dtype=np.float64)


class Bm25sPlus:
    """The same BM25+ through bm25s, whose cost follows the postings of the question's terms rather than the
    number of passages.

    bm25s adds BM25+'s delta only to the passages that hold a term; rank_bm25 gives every passage idf * delta
    for each question term, found in it or not. So bm25s runs with delta 0 and that part, the same for all
    passages, is added as one constant, as rank_bm25 adds it.
    """

    def __init__(self, corpus: Sequence[Sequence[str]]) -> None:
        import bm25s  # 0.2 s to import, and only an archive past SPARSE_MIN_PASSAGES needs it

        self._model = bm25s.BM25(method="bm25+", k1=K1, b=B, delta=0.0, dtype="float64")
        self._model.index(_nonempty(corpus), show_progress=False)
        # bm25s keeps one column of weights per term: its length is the term's document frequency.
        df = np.diff(self._model.scores["indptr"])
        self._idf = np.log((self._model.scores["num_docs"] + 1) / df)

    def idf(self, term: str) -> float:
        row = self._model.vocab_dict.get(term)
        return 0.0 if row is None else float(self._idf[row])

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        known = [self._model.vocab_dict[t] for t in tokens if t in self._model.vocab_dict]
        if not known:
            return np.zeros(self._model.scores["num_docs"])
        keyword = self._model.get_scores(known).astype(np.float64)
        return keyword + DELTA * float(self._idf[known].sum())


SCORERS: dict[Scorer, type[RankBm25Plus] | type[Bm25sPlus]] = {
    "rank_bm25": RankBm25Plus,
    "sparse": Bm25sPlus,
}


def choose_scorer(passages: int) -> Scorer:
    return "sparse" if passages >= SPARSE_MIN_PASSAGES else "rank_bm25"


class Bm25:
    """BM25+ (Lv & Zhai 2011) over analysed passages.

    BM25Okapi gives a term found in half the documents or more an idf of zero or a small floor; in one
    article the words that matter most ("DeepSeek", "AI", "chip") are exactly such terms. BM25+'s idf,
    log((N + 1) / df), stays positive for every term that occurs at all.
    """

    def __init__(self, texts: Sequence[str], scorer: Scorer | None = None) -> None:
        self.scorer: Scorer = scorer or choose_scorer(len(texts))
        self._model: TokenScorer = SCORERS[self.scorer]([analyze(t) for t in texts])

    def idf(self, term: str) -> float:
        return self._model.idf(term)

    def scores(self, question: str) -> np.ndarray:
        return self._model.scores(analyze(question)).astype(np.float32)

"""Keyword scoring of passages: BM25+ over Indonesian-aware tokens."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Literal, Protocol

import numpy as np
from rank_bm25 import BM25Plus
from scipy import sparse

from .normalize import normalize
from .resources import short_forms
from .tokens import tokenize

Scorer = Literal["rank_bm25", "sparse"]
# rank_bm25 scores in a Python loop over every passage for each query term, 0.1-0.2 µs per passage and
# term: under 1 ms a question up to this size, nothing beside the query embedding (~70 ms), but ~90 ms at
# 100k passages (README, "Speed"). The sparse scorer's cost follows the postings of the question's terms
# instead (0.3 ms at 100k). Below the threshold the reference library does the work.
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


class SparseBm25Plus:
    """The same BM25+ as rank_bm25's, vectorised: a term x passage CSR matrix of each term's weight in each
    passage, so that a question is the sum of its terms' rows.

    BM25+ also gives every passage idf * delta for each question term, found in it or not; that part is the
    same for all passages and is added as one constant, as rank_bm25 adds it.
    """

    def __init__(self, corpus: Sequence[Sequence[str]]) -> None:
        docs = _nonempty(corpus)
        self._vocabulary: dict[str, int] = {}
        term_ids = np.fromiter(
            (self._vocabulary.setdefault(t, len(self._vocabulary)) for doc in docs for t in doc), dtype=np.int64
        )
        lengths = np.fromiter((len(doc) for doc in docs), dtype=np.float64, count=len(docs))
        doc_ids = np.repeat(np.arange(len(docs)), lengths.astype(np.int64))
        # Duplicate (term, passage) entries are summed into term frequencies.
        tf = sparse.csr_matrix(
            (np.ones(len(term_ids)), (term_ids, doc_ids)), shape=(len(self._vocabulary), len(docs))
        )
        tf.sum_duplicates()
        df = np.diff(tf.indptr)
        self._idf = np.log((len(docs) + 1) / df)
        norm = K1 * (1 - B + B * lengths / lengths.mean())
        rows = np.repeat(np.arange(len(df)), df)
        tf.data = self._idf[rows] * tf.data * (K1 + 1) / (norm[tf.indices] + tf.data)
        self._weights = tf

    def idf(self, term: str) -> float:
        row = self._vocabulary.get(term)
        return 0.0 if row is None else float(self._idf[row])

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        known = [self._vocabulary[t] for t in tokens if t in self._vocabulary]
        rows, counts = np.unique(np.array(known, dtype=np.int64), return_counts=True)
        keyword = self._weights[rows].T @ counts.astype(np.float64)
        return keyword + DELTA * float(self._idf[rows] @ counts)


SCORERS: dict[Scorer, type[RankBm25Plus] | type[SparseBm25Plus]] = {
    "rank_bm25": RankBm25Plus,
    "sparse": SparseBm25Plus,
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

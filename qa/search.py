"""Where a question's dense and keyword evidence comes from: the in-process index (FAISS and BM25 in memory), or
an engine that holds the archive (`qa.postgres`). The retriever weighs that evidence the same way for both."""

from __future__ import annotations

from typing import Protocol

import faiss
import numpy as np

from .bm25 import Bm25
from .index import Index

# Past this many passages the dense side searches candidates instead of scoring every passage.
DENSE_CANDIDATES = 1000
# A search is one question: a second FAISS thread gains nothing on it (25 ms either way over 100k passages
# on 2 cores) and, when the other core is busy, waits on it (60 ms; README, "Speed").
faiss.omp_set_num_threads(1)


class Search(Protocol):
    """A question's evidence for every passage, by its position in the retriever's passages, and for every
    sentence, by its row (the sentences of the passages in order). A score left out by a search that looks at
    candidates only is the weakest candidate's: unranked, not penalised."""

    def similarities(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Cosine of a unit query vector (1 x d) with each passage, and with each sentence."""
        ...

    def keyword(self, question: str) -> tuple[np.ndarray, np.ndarray]:
        """BM25+ of the question for each passage, and for each sentence."""
        ...

    def sentence_vectors(self, rows: list[int]) -> np.ndarray:
        """The unit vectors of these sentence rows, a row each, the caller's to change."""
        ...


class InProcess:
    """The index's own FAISS vectors and sentence vectors, and BM25 built over its passages in memory."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._bm25 = Bm25([p.text for p in index.passages])
        self._sentence_bm25 = Bm25([p.text[s.start : s.end] for p in index.passages for s in p.sentences])

    def similarities(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n = self.index.dense.ntotal
        scores, ids = self.index.dense.search(query, min(n, DENSE_CANDIDATES))
        dense = np.full(n, scores[0, -1], dtype=np.float32)
        dense[ids[0]] = scores[0]
        return dense, self.index.sentence_vectors @ query[0]

    def keyword(self, question: str) -> tuple[np.ndarray, np.ndarray]:
        return self._bm25.scores(question), self._sentence_bm25.scores(question)

    def sentence_vectors(self, rows: list[int]) -> np.ndarray:
        return self.index.sentence_vectors[rows]

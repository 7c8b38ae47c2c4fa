"""Dense retrieval on Matryoshka-truncated vectors (issue 19): EmbeddingGemma is trained so that the first 512,
256 or 128 of its 768 dimensions, renormalised, still embed the text; an archive stores a quarter as much at 256.

    python -m evals.matryoshka

Dense hit@1 of every on-topic eval question, each against the passages of every eval article in one pool, as
an archive holds them (harder than the evals' own runs, which ask each article alone and fuse with BM25).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qa.corpus import load_corpus, read_article
from qa.embedding import Encoder
from qa.normalize import normalize
from qa.passages import make_passages
from qa.question import read

from . import harness
from .conftest import OTHER_ARTICLES
from .metrics import first_gold_rank

DIMENSIONS = (768, 512, 256, 128)


def truncated(vectors: np.ndarray, dimension: int) -> np.ndarray:
    head = vectors[:, :dimension]
    return head / np.linalg.norm(head, axis=1, keepdims=True)


def hits_at_1(questions: np.ndarray, passages: np.ndarray, texts: Sequence[str], golds: Sequence[tuple[str, ...]],
              dimension: int) -> np.ndarray:
    best = np.argmax(truncated(questions, dimension) @ truncated(passages, dimension).T, axis=1)
    return np.array([first_gold_rank([texts[i]], gold) == 1 for i, gold in zip(best, golds)])


def main() -> None:
    questions = [q for path in (harness.QUESTIONS, *OTHER_ARTICLES) for q in harness.load_questions(path) if q.on_topic]
    articles = [*load_corpus(), *(read_article(harness.ROOT / path) for path in {q.article for q in questions} - {None})]
    texts = [p.text for article in articles for p in make_passages(article)]
    encoder = Encoder()
    passages = encoder.documents([normalize(t) for t in texts])
    asked = encoder.model.queries([read(q.question, {}).query for q in questions])
    langs = np.array([q.lang for q in questions])
    print(f"{len(questions)} questions, {len(texts)} passages of {len(articles)} articles ({encoder.id})")
    print(f"{'dimension':>9} {'hit@1':>7} {'id':>7} {'en':>7}")
    for dimension in DIMENSIONS:
        hits = hits_at_1(asked, passages, texts, [q.gold for q in questions], dimension)
        print(f"{dimension:>9} {hits.mean():>7.3f} {hits[langs == 'id'].mean():>7.3f} {hits[langs == 'en'].mean():>7.3f}")


if __name__ == "__main__":
    main()

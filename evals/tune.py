"""Fusion settings chosen on the dev split only: `python -m evals.tune`.

Grid-searches qa.retrieval.FUSION (convex, dbsf, rrf) × the dense weight per language (0.0 … 1.0 by 0.05) and
prints hit@1 / hit@3 / MRR for every setting and the best choice, which goes into qa/retrieval.py by hand.
Each question is encoded and BM25-scored once; the grid only re-fuses those score vectors, as
`Retriever.rank` does (same fusion functions, named speaker first; evals/test_tune.py holds the two
together). Questions are grouped by the language the retriever detects, since that picks the weight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

import qa
from qa import fusion, retrieval

from . import harness
from .metrics import MRR_DEPTH, Scores, first_gold_rank, score

FUSIONS: tuple[retrieval.Fusion, ...] = ("convex", "dbsf", "rrf")
WEIGHTS: tuple[float, ...] = tuple(round(0.05 * i, 2) for i in range(21))
SPLIT = "dev"


@dataclass(frozen=True)
class Signals:
    """One question's per-passage scores, before fusion."""

    question: harness.Question
    lang: str  # detected
    dense: np.ndarray
    keyword: np.ndarray
    named: np.ndarray | None  # True for the passages of the speakers the question names, if it names any


def signals(retriever: qa.Retriever, q: harness.Question) -> Signals:
    asked = retriever.read(q.question)
    dense = retriever.rank(asked, "dense")
    keyword = retriever.rank(asked, "bm25")
    speakers = asked.speakers
    named = None if not speakers else np.array([p.speaker in speakers for p in retriever.passages])
    return Signals(q, asked.lang, dense.dense, keyword.keyword, named)


def fused_order(s: Signals, method: retrieval.Fusion, weight: float) -> np.ndarray:
    fused = getattr(fusion, method)(s.dense, s.keyword, weight)
    return np.argsort(-(fused if s.named is None else retrieval.lift(fused, s.named)), kind="stable")


def evaluate(sigs: Sequence[Signals], texts: Sequence[str], method: retrieval.Fusion, weight: float) -> Scores:
    ranks = [
        first_gold_rank([texts[i] for i in fused_order(s, method, weight)[:MRR_DEPTH]], s.question.gold)
        for s in sigs
    ]
    return score(ranks)


def best_weight(grid: dict[float, Scores]) -> float:
    """The weight with the best MRR averaged with its neighbours' (then its own hit@1, hit@3); among equals,
    the middle one. With ~25 questions a language, a lone peak is one question's luck, a plateau is not."""
    weights = sorted(grid)

    def key(i: int) -> tuple[float, float, float, float]:
        near = [grid[w].mrr for w in weights[max(i - 1, 0) : i + 2]]
        own = grid[weights[i]]
        return (round(sum(near) / len(near), 9), own.mrr, own.hit_at_1, own.hit_at_3)

    top = max(key(i) for i in range(len(weights)))
    tied = [w for i, w in enumerate(weights) if key(i) == top]
    return tied[len(tied) // 2]


def main() -> None:
    retriever = qa.default_retriever()
    texts = [p.text for p in retriever.passages]
    questions = [q for q in harness.load_questions() if q.split == SPLIT and q.on_topic]
    sigs = [signals(retriever, q) for q in questions]
    misread = [s.question.id for s in sigs if s.lang != s.question.lang]
    groups = {lang: [s for s in sigs if s.lang == lang] for lang in harness.LANGS}
    columns = [(method, lang) for method in FUSIONS for lang in harness.LANGS]
    grids = {(m, lang): {w: evaluate(groups[lang], texts, m, w) for w in WEIGHTS} for m, lang in columns}
    best = {c: best_weight(grids[c]) for c in columns}

    print(f"{len(sigs)} on-topic {SPLIT} questions ({', '.join(f'{k}: {len(v)}' for k, v in groups.items())}, "
          f"by detected language; misdetected: {', '.join(misread) or 'none'})")
    print(f"hit@1 hit@3 MRR@{MRR_DEPTH} by dense weight; * = chosen (best MRR smoothed over neighbouring weights)")
    print("weight" + "".join(f"{f'{m} {lang}':>20}" for m, lang in columns))
    for w in WEIGHTS:
        cells = [grids[c][w] for c in columns]
        marks = ["*" if w == best[c] else " " for c in columns]
        print(f"{w:6.2f}" + "".join(f"  {m}{s.hit_at_1:.3f} {s.hit_at_3:.3f} {s.mrr:.3f}" for m, s in zip(marks, cells)))

    def overall(method: retrieval.Fusion) -> float:
        """MRR over all dev questions with each language at its best weight."""
        return sum(grids[method, lang][best[method, lang]].mrr * len(groups[lang]) for lang in groups) / len(sigs)

    method = max(FUSIONS, key=overall)
    weights = {lang: best[method, lang] for lang in harness.LANGS}
    print(f"\nbest on {SPLIT}: FUSION = {method!r}, DENSE_WEIGHT = {weights} (MRR@{MRR_DEPTH} {overall(method):.3f})")
    print(f"current:     FUSION = {retrieval.FUSION!r}, DENSE_WEIGHT = {retrieval.DENSE_WEIGHT}")


if __name__ == "__main__":
    main()

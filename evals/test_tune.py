"""The tuning script must fuse exactly as the retriever does, or its best weights would not be the app's."""

from __future__ import annotations

import numpy as np

import qa
from qa import retrieval

from . import harness, tune
from .metrics import score


def test_tune_fusion_reproduces_hybrid_ranking(retriever: qa.Retriever, questions: list[harness.Question]) -> None:
    for q in questions:
        s = tune.signals(retriever, q)
        ours = tune.fused_order(s, retrieval.FUSION, retrieval.DENSE_WEIGHT[s.lang])
        theirs = retriever.rank(q.question, "hybrid").order
        assert np.array_equal(ours[: len(theirs)], theirs), q.id


def test_best_weight_prefers_a_plateau_to_a_lone_peak() -> None:
    grid = {
        0.1: score([3]), 0.2: score([1]), 0.3: score([3]),  # lone peak
        0.4: score([2]), 0.5: score([1]), 0.6: score([1]), 0.7: score([1]), 0.8: score([2]),  # plateau
    }
    assert tune.best_weight(grid) == 0.6

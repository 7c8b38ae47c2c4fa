"""The tuning script must fuse exactly as the retriever does, or its best weights would not be the app's."""

from __future__ import annotations

import numpy as np

import qa
from qa import retrieval

from . import harness, tune


def test_tune_ranks_as_the_retriever_does(questions: list[harness.Question]) -> None:
    for q in [q for q in questions if q.on_topic]:
        theirs = qa.default_retriever().rank(q.question, "hybrid").order
        assert np.array_equal(tune.order(tune.asked(q), retrieval.SETTINGS), theirs), q.id


def test_objective_favours_the_worst_articles() -> None:
    # Two settings over eight articles: the first is better on average, the second on its worst two.
    per_article = np.array([[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.2, 0.2], [0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.6, 0.6]])
    assert np.argmax(tune.objective(per_article)) == 1

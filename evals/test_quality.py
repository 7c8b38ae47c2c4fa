"""The thresholds of evals/thresholds.py, per language, on the test split and on all questions."""

from __future__ import annotations

import pytest

import qa
from qa import retrieval

from . import harness, thresholds
from .harness import Run

CASES = [pytest.param(split, lang, id=f"{split}-{lang}") for split in ("test", harness.ALL) for lang in harness.LANGS]


@pytest.mark.parametrize(("split", "lang"), CASES)
@pytest.mark.parametrize("metric", harness.MISSED)
def test_metric_reaches_its_target(run: Run, split: str, lang: str, metric: str) -> None:
    value = getattr(harness.scores(run, thresholds.MODE, split, lang), metric)
    assert value >= thresholds.TARGET[lang][metric], harness.missed(run, thresholds.MODE, metric, split, lang)


@pytest.mark.parametrize(("split", "lang"), CASES)
@pytest.mark.parametrize("single", [m for m in retrieval.MODES if m != thresholds.MODE])
def test_hybrid_mrr_beats_single_mode(run: Run, split: str, lang: str, single: str) -> None:
    hybrid = harness.scores(run, thresholds.MODE, split, lang).mrr
    alone = harness.scores(run, single, split, lang).mrr
    assert hybrid >= alone, f"{thresholds.MODE} MRR {hybrid:.3f} < {single} MRR {alone:.3f}"


@pytest.mark.parametrize(("split", "lang"), CASES)
def test_off_topic_refused(run: Run, split: str, lang: str) -> None:
    asked, refused = harness.refusals(run, "off_topic", split, lang)
    answered = [f"{q.id} {q.question}" for q in asked if q not in refused]
    assert asked and len(refused) / len(asked) >= thresholds.OFF_TOPIC_REFUSED, f"answered: {answered}"


@pytest.mark.parametrize(("split", "lang"), CASES)
def test_on_topic_not_refused(run: Run, split: str, lang: str) -> None:
    _, refused = harness.refusals(run, "on_topic", split, lang)
    assert len(refused) <= thresholds.ON_TOPIC_REFUSED, f"refused: {[f'{q.id} {q.question}' for q in refused]}"


def test_each_gold_phrase_marks_one_passage(retriever: qa.Retriever, questions: list[harness.Question]) -> None:
    """A gold phrase must be an exact substring of exactly one passage, or the scores mean nothing."""
    bad = {
        (q.id, phrase): [p.id for p in retriever.passages if phrase in p.text]
        for q in questions
        for phrase in q.gold
    }
    assert {k: v for k, v in bad.items() if len(v) != 1} == {}


@pytest.mark.parametrize(("split", "lang"), CASES)
def test_evidence_sentence_holds_the_answer(run: Run, split: str, lang: str) -> None:
    ok, judged = harness.evidence_rate(run, split, lang)
    wrong = [
        f"{q.id} {q.question}"
        for q in run.questions
        if run.evidence.get(q.id) is False and harness.selected(q, split, lang)
    ]
    assert judged and ok / judged >= thresholds.EVIDENCE_FLOOR, f"evidence misses: {wrong}"

"""The seed article is not the only one the bot will see: questions written cold about held-out articles
(`tests/data/articles`, gold speaker tables there), each article indexed alone as a user's own file would be.
Their fusion and rules were never tuned on these questions' answers before they were written."""

from __future__ import annotations

import pytest

from . import harness, thresholds

@pytest.mark.parametrize("lang", harness.LANGS)
@pytest.mark.parametrize("metric", harness.MISSED)
def test_metric_reaches_its_target_on_other_articles(other_run: harness.Run, lang: str, metric: str) -> None:
    value = getattr(harness.scores(other_run, thresholds.MODE, harness.ALL, lang), metric)
    assert value >= thresholds.OTHER_TARGET[lang][metric], harness.missed(other_run, thresholds.MODE, metric, lang=lang)


def test_on_topic_not_refused_on_other_articles(other_run: harness.Run) -> None:
    _, refused = harness.refusals(other_run, "on_topic")
    assert len(refused) <= thresholds.OTHER_ON_TOPIC_REFUSED, [f"{q.id} {q.question}" for q in refused]

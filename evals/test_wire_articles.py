"""Ordinary wire news (issue #18): eighteen unspun articles in the style of Indonesian wire copy, long official
titles, many figures and dates, with questions written cold (`wire_articles.jsonl`), each article asked
alone. Fact questions (what, when, where, how many) are held to their own bar, as they are the ones a long
paragraph hides in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import harness, thresholds
from .metrics import score
from .tune import FACT_TYPES

WIRE = {q.id for q in harness.load_questions(Path(__file__).with_name("wire_articles.jsonl"))}


@pytest.mark.parametrize("lang", harness.LANGS)
@pytest.mark.parametrize(("metric", "types"), [("hit_at_1", None), ("hit_at_3", None), ("hit_at_1", FACT_TYPES)])
def test_wire_news_reaches_its_floor(
    other_run: harness.Run, lang: str, metric: str, types: tuple[str, ...] | None
) -> None:
    outcomes = [
        o for o in harness.outcomes(other_run, thresholds.MODE)
        if o.question.id in WIRE and o.question.lang == lang and (types is None or o.question.type in types)
    ]
    got = getattr(score([o.rank for o in outcomes]), metric)
    floor = thresholds.WIRE_FLOOR[lang]["fact_hit_at_1" if types else metric]
    assert got >= floor, "\n".join(harness.describe(o) for o in outcomes if o.rank != 1)

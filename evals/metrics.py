"""Answer-quality metrics over ranked passages: hit@k, reciprocal rank, speaker accuracy, refusals.

Relevance is binary and read off the text: a passage is gold for a question when one of the question's
gold phrases (exact substrings of the article) occurs in it.

Written by hand rather than taken from ranx or ir_measures: with binary relevance, hit@k and MRR@k are a
line each, while ranx pulls in numba (seconds of import and JIT on every `pytest evals/`) and ir_measures
wraps pytrec_eval behind string-keyed qrels/run dicts that these few questions would be converted into and
out of. Neither knows speaker attribution or refusals, which the evals need anyway. evals/test_metrics.py
pins every function here on hand-made rankings.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MRR_DEPTH = 10
# Speaker attribution is judged on what the user sees: the first answers.
SPEAKER_DEPTH = 3


def is_gold(text: str, gold: Sequence[str]) -> bool:
    return any(phrase in text for phrase in gold)


def first_gold_rank(texts: Sequence[str], gold: Sequence[str]) -> int | None:
    """1-based rank of the first gold passage among `texts` (best first), None when none is gold."""
    return next((i for i, text in enumerate(texts, 1) if is_gold(text, gold)), None)


def hit(rank: int | None, k: int) -> bool:
    return rank is not None and rank <= k


def reciprocal_rank(rank: int | None, depth: int = MRR_DEPTH) -> float:
    return 1.0 / rank if hit(rank, depth) else 0.0


def same_speaker(found: str | None, expected: str | None) -> bool:
    """Speakers match ignoring case; None (narration) matches only None."""
    if found is None or expected is None:
        return found is expected
    return found.casefold() == expected.casefold()


def speaker_correct(
    passages: Sequence[tuple[str, str | None]],
    gold: Sequence[str],
    expected: Sequence[str | None],
    k: int = SPEAKER_DEPTH,
) -> bool:
    """The first gold passage among the top k, as (text, speaker) pairs best first, is attributed to the
    speaker expected for the gold phrase it holds (`expected` runs parallel to `gold`).

    An answer spanning two paragraphs can quote two people, or a person and the narration; whichever of its
    paragraphs comes first is the attribution the user reads. Not shown in the top k counts as wrong: the
    user saw nothing to attribute.
    """
    for text, speaker in passages[:k]:
        for phrase, wanted in zip(gold, expected, strict=True):
            if phrase in text:
                return same_speaker(speaker, wanted)
    return False


def mean(values: Iterable[float]) -> float:
    """Mean of the values, NaN for none (a group with no question has no score, not a perfect one)."""
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


@dataclass(frozen=True)
class Scores:
    """Retrieval scores of a group of on-topic questions under one mode."""

    n: int
    hit_at_1: float
    hit_at_3: float
    mrr: float  # at MRR_DEPTH
    speaker: float  # NaN when not judged


def score(ranks: Sequence[int | None], speakers_ok: Sequence[bool] | None = None) -> Scores:
    """Scores from each question's first-gold rank and, when judged, speaker verdict, in the same order."""
    if speakers_ok is None:
        speakers_ok = [math.nan] * len(ranks)
    elif len(ranks) != len(speakers_ok):
        raise ValueError(f"{len(ranks)} ranks but {len(speakers_ok)} speaker verdicts.")
    return Scores(
        n=len(ranks),
        hit_at_1=mean(float(hit(r, 1)) for r in ranks),
        hit_at_3=mean(float(hit(r, 3)) for r in ranks),
        mrr=mean(reciprocal_rank(r) for r in ranks),
        speaker=mean(float(ok) for ok in speakers_ok),
    )

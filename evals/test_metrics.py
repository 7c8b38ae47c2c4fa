"""The metric functions on tiny hand-made rankings (no model)."""

from __future__ import annotations

import math

import pytest

from .metrics import first_gold_rank, hit, reciprocal_rank, same_speaker, score, speaker_correct

GOLD = ("biaya US$5,6 juta",)
RANKED = ["Nvidia anjlok.", "Mereka melatih dengan biaya US$5,6 juta.", "Russell berkata."]


def test_first_gold_rank_is_one_based_and_none_when_absent() -> None:
    assert first_gold_rank(RANKED, GOLD) == 2
    assert first_gold_rank(RANKED, ("Nvidia", "Russell")) == 1
    assert first_gold_rank(RANKED, ("tidak ada",)) is None
    assert first_gold_rank([], GOLD) is None


def test_gold_is_an_exact_substring() -> None:
    assert first_gold_rank(RANKED, ("biaya us$5,6 juta",)) is None  # case matters: the phrase is copied verbatim


def test_hit_at_k() -> None:
    assert hit(1, 1) and hit(3, 3) and not hit(4, 3) and not hit(None, 10)


def test_reciprocal_rank_cut_at_depth() -> None:
    assert reciprocal_rank(1) == 1.0
    assert reciprocal_rank(4) == 0.25
    assert reciprocal_rank(10) == 0.1
    assert reciprocal_rank(11) == 0.0
    assert reciprocal_rank(None) == 0.0
    assert reciprocal_rank(3, depth=2) == 0.0


def test_speaker_judged_on_the_first_gold_passage_in_top_3() -> None:
    gold = ("US$5,6 juta", "2.000 chip")
    passages = [("Nvidia anjlok.", None), ("hanya 2.000 chip", "Liang"), ("biaya US$5,6 juta", "DeepSeek")]
    assert speaker_correct(passages, gold, ("DeepSeek", "liang"))  # case-insensitive; the later gold is not judged
    assert not speaker_correct(passages, gold, ("DeepSeek", "DeepSeek"))
    assert not speaker_correct(passages, gold, ("Liang", None))
    both = [("biaya US$5,6 juta dan 2.000 chip", "DeepSeek")]
    assert speaker_correct(both, gold, ("DeepSeek", None))  # a passage with two phrases: the first one's speaker


def test_speaker_narration_and_misses() -> None:
    one = (None,) * len(GOLD)
    narration = [("biaya US$5,6 juta", None)]
    assert speaker_correct(narration, GOLD, one)
    assert not speaker_correct(narration, GOLD, ("DeepSeek",) * len(GOLD))
    assert not speaker_correct([("lain", None)], GOLD, one)  # no gold shown: nothing was attributed
    buried = [("a", None), ("b", None), ("c", None), ("biaya US$5,6 juta", None)]
    assert not speaker_correct(buried, GOLD, one)  # gold at rank 4 is beyond what is judged
    with pytest.raises(ValueError):
        speaker_correct(narration, GOLD, ())  # one expected speaker per gold phrase


def test_same_speaker() -> None:
    assert same_speaker("Stuart Russell", "stuart russell")
    assert same_speaker(None, None)
    assert not same_speaker("Stuart Russell", None) and not same_speaker(None, "Stuart Russell")


def test_score_aggregates() -> None:
    s = score([1, 2, None, 4], [True, True, False, False])
    assert s.n == 4
    assert s.hit_at_1 == 0.25
    assert s.hit_at_3 == 0.5
    assert s.mrr == pytest.approx((1 + 0.5 + 0 + 0.25) / 4)
    assert s.speaker == 0.5


def test_score_of_no_question_is_nan_not_perfect() -> None:
    s = score([], [])
    assert s.n == 0 and math.isnan(s.mrr) and math.isnan(s.hit_at_1)


def test_score_rejects_mismatched_inputs() -> None:
    with pytest.raises(ValueError):
        score([1], [])


def test_score_without_speaker_verdicts_leaves_speaker_unjudged() -> None:
    s = score([1, None])
    assert s.hit_at_1 == 0.5 and math.isnan(s.speaker)

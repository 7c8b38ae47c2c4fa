"""Who speaks, against the hand-labelled gold of every article in tests/data: paragraphs, sentences, quotes."""

from __future__ import annotations

from . import attribution, thresholds


def test_paragraph_speakers() -> None:
    s = attribution.total()
    assert s.rate(s.paragraphs_right, s.paragraphs) >= thresholds.PARAGRAPH_SPEAKERS_MIN, s.misses


def test_sentence_speakers() -> None:
    s = attribution.total()
    assert s.sentences and s.rate(s.sentences_right, s.sentences) >= thresholds.SENTENCE_SPEAKERS_MIN, s.misses


def test_direct_quote_speakers() -> None:
    s = attribution.total()
    assert s.rate(s.direct_right, s.direct) >= thresholds.DIRECT_SPEAKERS_MIN, s.misses


def test_every_labelled_sentence_is_one_of_the_readers_sentences() -> None:
    # The gold is labelled on the project's own sentence split; a split change must re-align it, not drop it.
    for article, table in attribution.gold("sentences_gold.json").items():
        for labelled, reading in zip(table["paragraphs"], attribution.readings(table["article"]), strict=True):
            assert [s["text"] for s in labelled] == [s.text for s in reading.sentences], article


def test_held_out_paragraph_and_direct_quote_speakers() -> None:
    s = attribution.total(attribution.held_out())
    assert s.paragraphs >= 200, "the held-out gold is missing"
    assert s.rate(s.paragraphs_right, s.paragraphs) >= thresholds.HELD_OUT_PARAGRAPH_SPEAKERS_MIN, s.misses
    assert s.rate(s.direct_right, s.direct) >= thresholds.HELD_OUT_DIRECT_SPEAKERS_MIN, s.misses

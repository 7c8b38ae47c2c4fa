"""Which sentence of a paragraph is its speaker's words: quoted, reported, or the writer's narration."""

import pytest

from qa.attribution import speech_in
from qa.attribution.quotes import quotation_spans


def span_of(paragraph: str, sentence: str) -> tuple[int, int]:
    start = paragraph.index(sentence)
    return start, start + len(sentence)


PARAGRAPH = (
    "Keberhasilan TaniMaju dikaitkan dengan harga murah. "
    "CEO TaniMaju Rina Kartika menyebut panen naik dua kali lipat. "
    "“Kami belum puas. Target kami tiga kali lipat,” katanya."
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Keberhasilan TaniMaju dikaitkan dengan harga murah.", None),
        ("CEO TaniMaju Rina Kartika menyebut panen naik dua kali lipat.", "reported"),
        ("“Kami belum puas.", "quoted"),
        ("Target kami tiga kali lipat,” katanya.", "quoted"),
    ],
)
def test_each_sentence_is_quoted_reported_or_narration(sentence: str, expected: str | None) -> None:
    assert speech_in(PARAGRAPH, span_of(PARAGRAPH, sentence), "Rina Kartika") == expected


@pytest.mark.parametrize(
    ("paragraph", "sentence"),
    [
        ("Harga naik. Ia menilai kenaikan itu wajar.", "Ia menilai kenaikan itu wajar."),
        ("Stok aman hingga Juni, menurut Budi.", "Stok aman hingga Juni, menurut Budi."),
        ("Menurutnya, stok aman hingga Juni.", "Menurutnya, stok aman hingga Juni."),
    ],
)
def test_reported_speech_needs_a_cue_and_the_speaker(paragraph: str, sentence: str) -> None:
    assert speech_in(paragraph, span_of(paragraph, sentence), "Budi Santoso") == "reported"


def test_a_cue_with_someone_else_as_subject_is_narration() -> None:
    # "beberapa pihak berpendapat" is speech, but not the paragraph's speaker's
    paragraph = "Klaim itu dibantah oleh beberapa pihak yang berpendapat bahwa biayanya lebih besar."
    assert speech_in(paragraph, (0, len(paragraph)), "Budi Santoso") is None


def test_quotation_spans_nest_curly_quotes_and_run_an_open_quote_to_the_end() -> None:
    text = "Budi berkata, “Ia bilang ‘tunggu’ dulu.” Lalu pergi. “Kami lanjut"
    spans = [text[a:b] for a, b in quotation_spans(text)]
    assert spans == ["“Ia bilang ‘tunggu’ dulu.”", "“Kami lanjut"]


def test_quotation_spans_pair_straight_quotes() -> None:
    text = 'Ia berkata, "Kami siap." Lalu "selesai" katanya.'
    assert [text[a:b] for a, b in quotation_spans(text)] == ['"Kami siap."', '"selesai"']

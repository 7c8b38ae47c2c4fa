"""Sentences of a passage, as character spans so that every evidence sentence is quoted verbatim."""

from __future__ import annotations

import re

from sentencex import segment

from . import cues

# The segmenter keeps a quotation whole, however many sentences it holds; news quotes run to a paragraph,
# and the sentence that answers is one of them. So quote marks are masked as spaces (same length: spans carry
# over, and "naik.” Stok" still reads as a break), and each sentence then takes back the marks touching it.
_MASK = str.maketrans({mark: " " for mark in cues.QUOTE_MARKS})
# A lone surrogate (from a broken client, never from a UTF-8 file) cannot be encoded for the segmenter; it is
# masked too, one character for one, so that spans carry over.
_SURROGATE = re.compile("[\ud800-\udfff]")
# "Kapolresta Tangerang Kombes Pol. Ari Wibowo": the full stop of a title or rank before a name ends nothing.
_BEFORE_NAME = re.compile(r"\b(\w+)\.$")
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]$")
# "Budi, profesor di …, mengatakan kepada wartawan, “Saya ragu.”": the lead-in names and describes the speaker
# and the quotation holds what was said; embedded as one sentence, a long lead-in drowns the words a question
# is about. So a quotation opening after a comma or colon is a span of its own.
_OPENING = "".join(sorted(cues.OPEN_QUOTES | {cues.STRAIGHT_QUOTE}))
_LEAD_IN = re.compile(rf"[,:]\s+(?=[{_OPENING}][^\W\d_])")


def sentence_spans(text: str, language: str = "id") -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, white space trimmed, quoted sentences included, and a
    quotation's lead-in apart from it."""
    masked = _SURROGATE.sub("\ufffd", text.translate(_MASK))
    spans: list[tuple[int, int]] = []
    position = 0
    for sentence in segment(language, masked):
        piece = sentence.strip()
        if not piece:
            continue
        start = masked.find(piece, position)
        if start < 0:  # the segmenter altered the text; fall back to the whole passage as one sentence
            return [(0, len(text))]
        before = masked[spans[-1][0] : spans[-1][1]] if spans else ""
        # No space at the break: a dot inside a token ("Rebooting.AI", "3.5"), not a sentence end; nor is the
        # "?" or "!" of a quotation its cue goes on from ("“Sudah makan?” tanya Budi"), or a list's number ("1.").
        if spans and (
            start == spans[-1][1] or _ends_in_title(before, piece) or (piece[:1].islower() and before[-1:] in "?!") or _LIST_NUMBER.match(before)
        ):
            spans[-1] = (spans[-1][0], start + len(piece))
        else:
            spans.append((start, start + len(piece)))
        position = start + len(piece)
    spans = [_with_quote_marks(text, start, end) for start, end in spans] or [(0, len(text))]
    return [piece for start, end in spans for piece in _split_lead_in(text, start, end)]


def _ends_in_title(sentence: str, following: str) -> bool:
    match = _BEFORE_NAME.search(sentence)
    title = match.group(1).lower() if match else ""
    # "Letkol Inf. Budi", "Dra. Ni Made", "Muh. Arif": a rank's corps, a title or a first name written short
    before_name = cues.HONORIFICS | cues.RANK_CORPS | cues.NAME_ABBREVIATIONS
    return title in before_name - cues.WORD_HONORIFICS and following[:1].isupper()


def is_lead_in(text: str, span: tuple[int, int]) -> bool:
    """Whether a span of `sentence_spans(text)` is the lead-in of a quotation ("Budi mengatakan,")."""
    return _LEAD_IN.match(text, span[1] - 1) is not None


def _split_lead_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for match in _LEAD_IN.finditer(text, start, end):
        pieces.append((start, match.start() + 1))
        start = match.end()
    return [*pieces, (start, end)]


def _with_quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1] in cues.QUOTE_MARKS:
        start -= 1
    while end < len(text) and text[end] in cues.QUOTE_MARKS:
        end += 1
    return start, end

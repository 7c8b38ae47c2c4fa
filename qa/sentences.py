"""Sentences of a passage, as character spans so that every evidence sentence is quoted verbatim."""

from __future__ import annotations

from sentencex import segment


# The segmenter keeps a quotation whole, however many sentences it holds; news quotes run to a paragraph,
# and the sentence that answers is one of them. So quote marks are masked as spaces (same length: spans carry
# over, and "naik.” Stok" still reads as a break), and each sentence then takes back the marks touching it.
QUOTE_MARKS = "“”\"‘’„«»"
_MASK = str.maketrans({mark: " " for mark in QUOTE_MARKS})


def sentence_spans(text: str, language: str = "id") -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, white space trimmed, quoted sentences included."""
    masked = text.translate(_MASK)
    spans: list[tuple[int, int]] = []
    position = 0
    for sentence in segment(language, masked):
        piece = sentence.strip()
        if not piece:
            continue
        start = masked.find(piece, position)
        if start < 0:  # the segmenter altered the text; fall back to the whole passage as one sentence
            return [(0, len(text))]
        if spans and start == spans[-1][1]:
            # No space at the break: a dot inside a token ("Rebooting.AI", "3.5"), not a sentence end.
            spans[-1] = (spans[-1][0], start + len(piece))
        else:
            spans.append((start, start + len(piece)))
        position = start + len(piece)
    return [_with_quote_marks(text, start, end) for start, end in spans] or [(0, len(text))]


def _with_quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    while end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    return start, end

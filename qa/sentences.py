"""Sentences of a passage, as character spans so that every evidence sentence is quoted verbatim."""

from __future__ import annotations

from sentencex import segment


def sentence_spans(text: str, language: str = "id") -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, white space trimmed; a quotation stays one sentence."""
    spans: list[tuple[int, int]] = []
    position = 0
    for sentence in segment(language, text):
        piece = sentence.strip()
        if not piece:
            continue
        start = text.find(piece, position)
        if start < 0:  # the segmenter altered the text; fall back to the whole passage as one sentence
            return [(0, len(text))]
        if spans and start == spans[-1][1]:
            # No space at the break: a dot inside a token ("Rebooting.AI", "3.5"), not a sentence end.
            spans[-1] = (spans[-1][0], start + len(piece))
        else:
            spans.append((start, start + len(piece)))
        position = start + len(piece)
    return spans or [(0, len(text))]

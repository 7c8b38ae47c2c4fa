"""Quotations masked out of a paragraph, so that nothing said inside a quote ("Budi menunjukkan …", a nested
‘…’) is taken for narration; the sentences of what remains."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import cues
from .sentences import sentence_spans
from .words import QUOTE, Token, is_degree


@dataclass(frozen=True)
class _Masked:
    narration: str  # the paragraph with every quotation replaced by `QUOTE`, padded to keep offsets
    opens_with_quote: bool
    quotes: list[tuple[int, int]]  # `quotation_spans` of the paragraph


def quotation_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in the paragraph, its marks included. A mark opens or closes by where it
    stands (before a word, or after one), as web news mixes its marks up: a quote closed with “, one opened
    with ” or ", one with no opening mark (it runs from the paragraph's start or the previous quote); only a
    mark with space or letters on both sides goes by its shape. Curly quotes nest (a ‘…’ inside “…” is part of
    it); a quotation left open runs to the paragraph's end, as one that goes on into the next paragraph does."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for index, char in enumerate(paragraph):
        if char not in cues.DOUBLE_QUOTES:
            continue
        stands = _stands(paragraph, index)
        if stands is not None:
            opening = stands == "open"
        elif char == cues.STRAIGHT_QUOTE:
            opening = depth == 0
        else:
            opening = char in cues.OPEN_QUOTES or depth == 0
        if opening:
            if depth == 0:
                start = index
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1))
        else:
            begin = _unopened_start(paragraph, spans[-1][1] if spans else 0, index)
            begin += len(paragraph[begin:]) - len(paragraph[begin:].lstrip())
            spans.append((begin, index + 1))
    if depth > 0:
        spans.append((start, len(paragraph)))
    return spans


def _unopened_start(paragraph: str, begin: int, close: int) -> int:
    """Where a quotation closed with no opening mark begins: after the last sentence before its close that
    reports speech in the third person ("… Budi mengaku tidak menyangka … . Menurut dia, … . Kami kira …,”
    tegas Budi"), else at `begin`, where the text before it starts. Words of the first person are the
    speaker's own ("Kami tidak pernah meminta apa pun"), inside the quotation."""
    start = begin
    for first, last in sentence_spans(paragraph):
        words = set(_WORD_RE.findall(paragraph[first : min(last, close)].lower()))
        if begin <= first < close and last < close and words & _REPORTING and not words & cues.FIRST_PERSON:
            start = last
    return start


_WORD_RE = re.compile(r"\w+")
_REPORTING = cues.SPEECH_VERBS | cues.PASSIVE_CUES | {cues.ACCORDING_TO, cues.ACCORDING_TO_CLITIC}


def _stands(paragraph: str, index: int) -> str | None:
    """ "open" for a mark before a word, "close" for one after a word or a stop, None when it could be either."""
    before = paragraph[index - 1] if index > 0 else " "
    after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
    if (before.isspace() or before in "([—") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)"):
        return "close"
    return None


def mask_quotes(paragraph: str) -> _Masked:
    pieces: list[str] = []
    position = 0
    quotes = quotation_spans(paragraph)
    for start, end in quotes:
        # Padded to the quotation's length, so that a narration token's offsets are the paragraph's.
        pieces += [paragraph[position:start], QUOTE.ljust(end - start)]
        position = end
    pieces.append(paragraph[position:])
    first = paragraph.lstrip()[:1]
    return _Masked("".join(pieces), bool(first) and first in cues.DOUBLE_QUOTES, quotes)


def narration_sentences(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges of the sentences of the narration; a masked quotation also separates them."""
    spans: list[tuple[int, int]] = []
    start = 0
    for index, token in enumerate(tokens):
        ends = token.is_quote or (
            token.text in ".!?"
            and not (index > 0 and (tokens[index - 1].fold in cues.ABBREVIATIONS or is_degree(tokens[index - 1])))
        )
        if ends:
            if index > start:
                spans.append((start, index if token.is_quote else index + 1))
            start = index + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


def closing_paren(tokens: Sequence[Token], index: int, end: int) -> int:
    """Index of the ")" closing the "(" at `index`, or `index` when it is not closed before `end`."""
    for other in range(index + 1, end):
        if tokens[other].text == ")":
            return other
    return index


def in_parens(tokens: Sequence[Token], index: int, end: int) -> Token | None:
    """The one word in parentheses opening at `index` and closing before `end`: "(Bapanas)", "(Menhub)"."""
    closing = index + 2
    if closing < end and tokens[index].text == "(" and tokens[closing].text == ")":
        return tokens[index + 1]
    return None


def short_form_in_parens(tokens: Sequence[Token], index: int, end: int) -> list[Token]:
    """The short form in parentheses opening at `index`: one capitalised word ("(Bapanas)"), or an acronym and
    one more capitalised word ("(PP IDAI)", "(BPS Jambi)"); else nothing."""
    if (word := in_parens(tokens, index, end)) is not None:
        return [word] if word.is_cap and word.fold not in cues.LEGAL_FORMS else []  # "(Persero)" is no short form
    closing = index + 3
    inside = tokens[index + 1 : closing]
    if closing < end and tokens[index].text == "(" and tokens[closing].text == ")" and inside[0].is_acronym:
        return inside if all(token.is_word and token.is_cap for token in inside) else []
    return []


def opening_paren(tokens: Sequence[Token], index: int, start: int) -> int:
    for other in range(index - 1, start - 1, -1):
        if tokens[other].text == "(":
            return other
    return index

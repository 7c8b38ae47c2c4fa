"""Whether one sentence of a paragraph is its speaker's words or the writer's narration around them.

A paragraph has one speaker, but not every sentence in it is theirs: "Keberhasilan X dikaitkan dengan … .
CEO Y menyebut X mengesankan." holds a sentence of narration before Y's. A reply that quotes a sentence
under a person's name must not put the writer's words in their mouth.
"""

from __future__ import annotations

import re
from typing import Literal

from qa.tokens import fold

from . import cues
from .quotes import quotation_spans

Speech = Literal["quoted", "reported"]

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_CUES = (
    cues.SPEECH_VERBS
    | cues.INVERTED_CUES
    | cues.CLITIC_CUES
    | cues.PASSIVE_CUES
    | {cues.ACCORDING_TO, cues.ACCORDING_TO_CLITIC}
)
# Words that point at the speaker without naming them: "Ia menilai …", "…, katanya.", "Menurutnya, …".
_POINTERS = cues.PRONOUNS | cues.CLITIC_CUES | {cues.ACCORDING_TO_CLITIC}


def speech_in(paragraph: str, span: tuple[int, int], speaker: str) -> Speech | None:
    """How the sentence at `span` of `paragraph` is `speaker`'s words: "quoted" when it lies mostly inside a
    quotation, "reported" when narration reports them with a cue of saying and their name or a pronoun
    ("Budi mengatakan bahwa …", "…, menurut Budi.", "Ia menilai …"); None when it is the writer's own."""
    start, end = span
    quoted = sum(min(end, b) - max(start, a) for a, b in quotation_spans(paragraph) if a < end and b > start)
    if 2 * quoted >= end - start:
        return "quoted"
    words = {fold(word) for word in _WORD_RE.findall(paragraph[start:end])}
    names = {fold(part) for part in _WORD_RE.findall(speaker)} - cues.NAME_PARTICLES
    return "reported" if words & _CUES and words & (names | _POINTERS) else None

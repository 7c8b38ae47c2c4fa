"""The narration of one paragraph, tokenised, with the register and the vocabulary its names are read against:
what every reading of names, titles, roles and subjects in `names`, `titles`, `roles`, `phrases` and `subjects`
takes."""

from __future__ import annotations

from dataclasses import dataclass

from .registry import Registry
from .words import Token, Vocabulary, tokenize


@dataclass(frozen=True)
class Text:
    narration: str
    tokens: list[Token]
    known: Registry
    words: Vocabulary

    @classmethod
    def of(cls, narration: str, known: Registry, words: Vocabulary) -> Text:
        return cls(narration, tokenize(narration), known, words)

    def span(self, start: int, end: int) -> str:
        return self.narration[self.tokens[start].start : self.tokens[end - 1].end]

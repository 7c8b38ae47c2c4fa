"""The narration of one paragraph, tokenised, with the register and the vocabulary its names are read against:
what every reading of names, titles, roles and subjects in `names`, `titles`, `roles`, `phrases` and `subjects`
takes."""

from __future__ import annotations

from dataclasses import dataclass

from .registry import _Registry
from .words import _Token, _tokenize, _Vocabulary


@dataclass(frozen=True)
class _Text:
    narration: str
    tokens: list[_Token]
    known: _Registry
    words: _Vocabulary

    @classmethod
    def of(cls, narration: str, known: _Registry, words: _Vocabulary) -> _Text:
        return cls(narration, _tokenize(narration), known, words)

    def span(self, start: int, end: int) -> str:
        return self.narration[self.tokens[start].start : self.tokens[end - 1].end]

"""Passages: the retrievable units, one per body paragraph, each with its speaker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .corpus import Article, split_paragraphs
from .attribution import attribute


@dataclass(frozen=True)
class Passage:
    id: str
    article: str
    section: str | None
    paragraph: int
    text: str  # verbatim article text
    speaker: str | None = None  # display name, None for narration
    speaker_role: str | None = None
    score: float = 0.0


def passage_id(article: str, paragraph: int) -> str:
    # Position-based, so editing one paragraph's wording leaves every id unchanged.
    return f"{article}#p{paragraph}"


def make_passages(article: Article) -> list[Passage]:
    paragraphs = split_paragraphs(article)
    speakers = attribute([p.text for p in paragraphs])
    return [
        Passage(
            id=passage_id(article.id, p.number),
            article=article.id,
            section=p.section,
            paragraph=p.number,
            text=p.text,
            speaker=s.name if s else None,
            speaker_role=s.role if s else None,
        )
        for p, s in zip(paragraphs, speakers, strict=True)
    ]


@dataclass(frozen=True)
class SpeakerProfile:
    name: str
    role: str | None
    passages: tuple[Passage, ...]


def group_by_speaker(passages: Sequence[Passage]) -> list[SpeakerProfile]:
    """The people (or roles) quoted, in order of first appearance, each with every passage they speak in."""
    grouped: dict[str, list[Passage]] = {}
    for p in passages:
        if p.speaker:
            grouped.setdefault(p.speaker, []).append(p)
    return [
        SpeakerProfile(name, next((p.speaker_role for p in ps if p.speaker_role), None), tuple(ps))
        for name, ps in grouped.items()
    ]
